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

# (variant, dataset) -> what differs, and why the print cannot tell (measured by
# `make zoo-report --details` on branch render; page numbers of the zoo PDF). Each is a
# strict xfail. All are a line broken at punctuation where the default's text has no space:
# the print holds no evidence of the space either way (README "Line breaks inside a table
# cell", Limit; tests/test_renderings_text.py and test_renderings_tables.py, the shared
# renderings' same cases).
_LANGKAH = (
    "Pasal 1 angka 26: the default prints 'langkah- langkah'; LibreOffice ends the justified "
    "line of p2 with 'langkah-' on the margin (x1 568.2) and opens the next with 'langkah': "
    "a justified line end prints no space, so the print cannot tell '- ' from '-', and where "
    "the words are not at a line end the regulation prints 'langkah-langkah' (angka 28)"
)
_CHROMIUM = (
    "Chromium never prints the space it wraps at (no line end carries one), so a full line "
    "ending at punctuation before '(' reads the same whether the text had a space there or "
    "not; the break reads as a space"
)
_HASIL = (
    f"area 2's Hasil, on its 10 records: '(80 %' / '(delapan', full line. {_CHROMIUM}; the "
    "default itself prints '%(delapan' (area 2, 10 records) and '% (delapan' (13 records), "
    "so its own habit does not decide"
)
_SOP = (
    "area 4 program 1 aksi b, indikator_target: '(SOP)' ends a full line (no room for '(1', "
    f"6.7 pt), '(1 (satu)kegiatan)' opens the next; the default reads '(SOP)(1'. {_CHROMIUM}"
)
_SEMBILAN = (
    "area 1 program 3 aksi g: '(95 %' / '(sembilan' (p7, full line); the default reads "
    f"'%(sembilan' and prints '% (sembilan' on 2 other records. {_CHROMIUM}"
)
KNOWN: dict[tuple[str, str], str] = {
    ("lo-letter-portrait-whole", "pasal"): _LANGKAH,
    ("lo-letter-portrait-whole", "definisi"): _LANGKAH,
    ("ch-a4-default", "rencana_aksi"): _SOP,
    ("ch-a4-header-alone", "rencana_aksi"): _SOP,
    ("ch-a4-portrait-wrap", "rencana_aksi"): _SEMBILAN,
    ("ch-letter-whole-inline", "rencana_aksi"): _HASIL,
    ("ch-legal-gaps", "rencana_aksi"): _HASIL,
    ("ch-f4-double-repeated", "rencana_aksi"): _HASIL,
    ("ch-letter-swapped-shade", "rencana_aksi"): _HASIL,
    ("ch-f4-wide-hasil", "rencana_aksi"): _HASIL,
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
