"""The layout zoo (tests/fixtures/zoo, README there): the default regulation's published
records printed back by real producers (LibreOffice from a .docx, Chromium from HTML/CSS) in
the layouts real offices use. Every zoo PDF must give the default's records on the compared
datasets (tests/zoo/compare.py: DATASETS), provenance aside, through the pipeline's own diff.

What a zoo PDF does not give today is a strict xfail with what differs, measured (pipeline
after the issue 15 table machinery landed, `make zoo-report`): a fix shows up here as an XPASS."""

from __future__ import annotations

import pytest

from pipeline.diff.compare import diff_table
from pipeline.run import DocumentResult, process
from pipeline.validate.dataset import Dataset
from tests.zoo.compare import DATASETS, default_dataset, records
from tests.zoo.paths import OUT, pdf_path
from tests.zoo.variants import VARIANTS

# (variant, dataset) -> what differs: the pipeline diff's changes by kind, measured by
# `make zoo-report --details` after the issue 15/16 table work merged and the zoo was remade
# from the current goldens, updated on branch render (horizontal-only ruling, line-break rule 3,
# top-of-page hyphen / comma / repeated-words rules). Each is a strict xfail.
KNOWN: dict[tuple[str, str], str] = {
    ("lo-a4-inline-v", "pasal"): "diff: 1 diubah",
    ("lo-letter-portrait-whole", "pasal"): "diff: 1 diubah",
    ("lo-letter-portrait-whole", "definisi"): "diff: 1 diubah",
    ("ch-a4-default", "rencana_aksi"): "diff: 1 diubah",
    ("ch-a4-default", "pasal"): "diff: 1 diubah",
    ("ch-letter-whole-inline", "rencana_aksi"): "diff: 10 diubah",
    ("ch-legal-gaps", "rencana_aksi"): "diff: 10 diubah",
    ("ch-f4-double-repeated", "rencana_aksi"): "diff: 10 diubah",
    ("ch-a4-portrait-wrap", "rencana_aksi"): "diff: 1 diubah",
    ("ch-letter-swapped-shade", "rencana_aksi"): "diff: 10 diubah",
    ("ch-a4-header-alone", "rencana_aksi"): "diff: 1 diubah",
    ("ch-a4-header-alone", "pasal"): "diff: 1 diubah",
    # Chromium wraps "(80 %" / "(delapan" and prints no wrapping space (README "Line breaks
    # inside a table cell": undecidable from the print): area 2's Hasil, on its 10 records.
    ("ch-f4-wide-hasil", "rencana_aksi"): "diff: 10 diubah",
}

_RESULTS: dict[str, DocumentResult | Exception] = {}


def _result(name: str) -> DocumentResult:
    """Each zoo PDF is processed once per session; a crash is kept and raised again."""
    if name not in _RESULTS:
        try:
            _RESULTS[name] = process(pdf_path(next(v for v in VARIANTS if v.name == name)))
        except Exception as exc:  # re-raised by every test of this PDF
            _RESULTS[name] = exc
    got = _RESULTS[name]
    if isinstance(got, Exception):
        raise got
    return got


@pytest.fixture(scope="module")
def default() -> Dataset:
    return default_dataset()


def _case(variant: str, dataset: str) -> object:
    reason = KNOWN.get((variant, dataset))
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(variant, dataset, marks=marks, id=f"{variant}-{dataset}")


@pytest.mark.parametrize(
    ("variant", "dataset"), [_case(v.name, d) for v in VARIANTS for d in DATASETS]
)
def test_zoo_pdf_gives_the_default_records(default: Dataset, variant: str, dataset: str) -> None:
    changes = diff_table(dataset, default.table(dataset), records(_result(variant), dataset))
    assert [(c.jenis, c.id_lama, c.id_baru, c.kolom) for c in changes] == []


def test_known_failures_name_real_cases() -> None:
    names = {v.name for v in VARIANTS}
    assert {k for k in KNOWN if k[0] not in names or k[1] not in DATASETS} == set()


def test_every_variant_has_its_committed_pdf_and_readme_row() -> None:
    """The committed PDFs are exactly the variants (`make zoo` remakes them), and the README
    describes each one."""
    on_disk = {p.name for p in OUT.glob("*.pdf")}
    assert on_disk == {pdf_path(v).name for v in VARIANTS}
    readme = (OUT / "README.md").read_text("utf-8")
    assert [v.name for v in VARIANTS if f"`{pdf_path(v).name}`" not in readme] == []


def test_the_zoo_spans_what_offices_vary() -> None:
    """At least 16 variants through both producers, and each dimension takes more than one
    value somewhere (a dimension no variant changes is not in the zoo)."""
    assert len(VARIANTS) >= 16
    assert {v.producer for v in VARIANTS} == {"libreoffice", "chromium"}
    for dim in ("paper", "landscape", "font", "size", "order", "header_repeat", "header_bold",
                "header_shade", "year_wrap", "group", "merge", "rows_whole", "header_alone",
                "tick", "rules", "tight"):  # fmt: skip
        assert len({repr(getattr(v, dim)) for v in VARIANTS}) > 1, dim
    assert {v.paper for v in VARIANTS} >= {"A4", "F4", "Letter", "Legal"}
    assert {v.tick for v in VARIANTS} >= {"√", "✓", "✔", "v", "V", "x", "X", "shade"}


def test_zoo_pdfs_are_small() -> None:
    sizes = {p.name: p.stat().st_size for p in OUT.glob("*.pdf")}
    assert {n: s for n, s in sizes.items() if s > 250_000} == {}


@pytest.mark.parametrize("variant", [v.name for v in VARIANTS])
def test_zoo_pdf_counts_no_text_twice(variant: str) -> None:
    """Characters lost can be 0 or more, never fewer: a negative count is text read twice
    (a ligature printed as one character and read as two letters, say)."""
    assert [
        (a.bagian, a.karakter_hilang) for a in _result(variant).teks if a.karakter_hilang < 0
    ] == []
