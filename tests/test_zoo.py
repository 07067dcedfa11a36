"""The layout zoo (tests/fixtures/zoo, README there): the default regulation's published
records printed back by real producers (LibreOffice from a .docx, Chromium from HTML/CSS) in
the layouts real offices use. Every zoo PDF must give the default's records on the compared
datasets (tests/zoo/compare.py: DATASETS), provenance aside, through the pipeline's own diff.

What a zoo PDF does not give today is a strict xfail with what differs, measured (pipeline at
commit 18cfcee and again after main 3aee3c1, `make zoo-report`): a fix shows up here as an XPASS."""

from __future__ import annotations

import pytest

from pipeline.diff.compare import diff_table
from pipeline.run import DocumentResult, process
from pipeline.validate.dataset import Dataset
from tests.zoo.compare import DATASETS, default_dataset, records
from tests.zoo.paths import OUT, pdf_path
from tests.zoo.variants import VARIANTS

NO_TABLE = "no Rencana Aksi table found: every default record missing"
CRASH = (
    "process() raises IndexError in pipeline/extract/tables/stitch.py _column_kinds "
    "(printed[cell.col]: a cell column beyond the first piece's ncols)"
)
WRAP_SPACE = (
    "a line printed wrapped between '%' and '(' ('80 %(delapan ...' has no space in the "
    "record) is joined with a space: hasil_indikator/hasil_target_teks of the 10 area 2 rows"
)
T32_PAGE = (
    "Tabel 3.2: the first kegiatan row on a page, under merged No/Program cells, is read as "
    "the continuation of the last row of the page before"
)
PENUTUP = (
    "penutup: the closing block crosses a page; 'KEPALA BAGIAN HUKUM ... NIP ...' printed on "
    "the next page is not in the node"
)
LANGKAH = (
    "Pasal 1 angka 26: the default prints 'langkah- langkah'; a line ending in 'langkah-' "
    "reads 'langkah-langkah'"
)
SHADE = (
    "ticks printed as shaded cells (no glyph) are not read: tahun_pelaksanaan empty in 165 "
    "of 169 records, all 691 jadwal rows missing"
)
MERGED_SPLIT = (
    "Chromium: text of a merged No/Area/Hasil cell is cut at the sub-rows it spans (area "
    "'Mental Aparatur / Pola Pikir ...' -> 'Pola Pikir ...'; hasil_indikator cut)"
)

# (variant, dataset) -> what differs, measured. Each is a strict xfail.
KNOWN: dict[tuple[str, str], str] = {
    # --- LibreOffice ---
    ("lo-f4-default", "rencana_aksi"): WRAP_SPACE,
    ("lo-f4-default", "program"): T32_PAGE + " (program 6: 1 dihapus, 8 diubah)",
    ("lo-a4-inline-v", "rencana_aksi"): NO_TABLE + " (kelompok inline, years wrapped '201'/'9')",
    ("lo-a4-inline-v", "jadwal"): NO_TABLE,
    ("lo-a4-inline-v", "penanggung_jawab"): NO_TABLE,
    ("lo-a4-inline-v", "pasal"): LANGKAH,
    ("lo-legal-repeated-x", "rencana_aksi"): (
        "text repeated on every row: 162 of 169 records get other ids (dipindah; a repeated "
        "aksi cell opens a new aksi instead of a further indicator line)"
    ),
    ("lo-legal-repeated-x", "jadwal"): "the same id shift: 675 rows dipindah",
    ("lo-legal-repeated-x", "penanggung_jawab"): "the same id shift: 169 rows dipindah",
    ("lo-letter-portrait-whole", "rencana_aksi"): NO_TABLE + " (portrait, 6.5 pt, rows whole)",
    ("lo-letter-portrait-whole", "jadwal"): NO_TABLE,
    ("lo-letter-portrait-whole", "penanggung_jawab"): NO_TABLE,
    ("lo-letter-portrait-whole", "pasal"): LANGKAH,
    ("lo-letter-portrait-whole", "definisi"): LANGKAH,
    ("lo-f4-swapped-shade", "rencana_aksi"): SHADE + "; plus " + WRAP_SPACE,
    ("lo-f4-swapped-shade", "jadwal"): SHADE,
    ("lo-f4-swapped-shade", "penanggung_jawab"): "1 row dipindah (id of a record re-derived)",
    ("lo-f4-swapped-shade", "program"): T32_PAGE + " (1 dihapus, 2 diubah)",
    ("lo-a4-tight-narrow", "rencana_aksi"): (
        "area 4 program 1 aksi b: '(SOP)(1 (satu)kegiatan)' printed wrapped between ')' and '(' "
        "is joined with a space"
    ),
    ("lo-legal-header-alone", "rencana_aksi"): CRASH,
    ("lo-f4-inline-repeated-plain", "rencana_aksi"): NO_TABLE + " (kelompok inline, repeated)",
    ("lo-f4-inline-repeated-plain", "jadwal"): NO_TABLE,
    ("lo-f4-inline-repeated-plain", "penanggung_jawab"): NO_TABLE,
    # --- Chromium ---
    ("ch-a4-default", "rencana_aksi"): MERGED_SPLIT + "; 4 records missing (156 diubah, 4 dihapus)",
    ("ch-a4-default", "jadwal"): "7 rows missing (of the 4 missing records)",
    ("ch-a4-default", "penanggung_jawab"): "4 rows missing (of the 4 missing records)",
    ("ch-a4-default", "program"): "Tabel 3.2 rows at a page break merged (1 dihapus, 9 diubah)",
    ("ch-a4-default", "pasal"): PENUTUP,
    ("ch-a4-header-alone", "rencana_aksi"): CRASH,
    ("ch-a4-portrait-wrap", "rencana_aksi"): NO_TABLE + " (A4 portrait, years wrapped)",
    ("ch-a4-portrait-wrap", "jadwal"): NO_TABLE,
    ("ch-a4-portrait-wrap", "penanggung_jawab"): NO_TABLE,
    ("ch-a4-portrait-wrap", "program"): "Tabel 3.2: 8 dihapus, 7 ditambah, 1 diubah",
    ("ch-f4-double-repeated", "rencana_aksi"): (
        "text repeated on every row, double rules: 145 records dipindah (other ids), 17 missing"
    ),
    ("ch-f4-double-repeated", "jadwal"): "605 rows dipindah, 70 missing",
    ("ch-f4-double-repeated", "penanggung_jawab"): "152 rows dipindah, 17 missing",
    ("ch-f4-double-repeated", "program"): "Tabel 3.2 repeated: 3 dihapus, 15 diubah",
    ("ch-f4-tight", "rencana_aksi"): MERGED_SPLIT + "; 7 records missing (147 diubah)",
    ("ch-f4-tight", "jadwal"): "29 rows missing",
    ("ch-f4-tight", "penanggung_jawab"): "7 rows missing",
    ("ch-f4-tight", "program"): "Tabel 3.2: 1 dihapus, 7 dipindah, 1 diubah",
    ("ch-f4-wide-hasil", "rencana_aksi"): (
        NO_TABLE + " (horizontal rules only: no table is found at all)"
    ),
    ("ch-f4-wide-hasil", "jadwal"): NO_TABLE,
    ("ch-f4-wide-hasil", "penanggung_jawab"): NO_TABLE,
    ("ch-f4-wide-hasil", "area_perubahan"): "horizontal rules only: Tabel 3.1 not found",
    ("ch-f4-wide-hasil", "program"): "horizontal rules only: Tabel 3.2 not found",
    ("ch-legal-gaps", "rencana_aksi"): CRASH,
    ("ch-legal-inline-repeated-big", "rencana_aksi"): NO_TABLE + " (kelompok inline, repeated)",
    ("ch-legal-inline-repeated-big", "jadwal"): NO_TABLE,
    ("ch-legal-inline-repeated-big", "penanggung_jawab"): NO_TABLE,
    ("ch-legal-inline-repeated-big", "program"): "Tabel 3.2 repeated: 3 dihapus, 13 diubah",
    ("ch-letter-swapped-shade", "rencana_aksi"): SHADE + "; plus " + MERGED_SPLIT,
    ("ch-letter-swapped-shade", "jadwal"): SHADE,
    ("ch-letter-swapped-shade", "penanggung_jawab"): "1 row dipindah",
    ("ch-letter-swapped-shade", "program"): "Tabel 3.2 rows at a page break (1 dihapus, 9 diubah)",
    ("ch-letter-whole-inline", "rencana_aksi"): (
        NO_TABLE + " (kelompok inline; rows whole leave the header alone on the first page)"
    ),
    ("ch-letter-whole-inline", "jadwal"): NO_TABLE,
    ("ch-letter-whole-inline", "penanggung_jawab"): NO_TABLE,
}
# A crash fails every dataset of its PDF.
for _v in ("lo-legal-header-alone", "ch-a4-header-alone", "ch-legal-gaps"):
    for _d in DATASETS:
        KNOWN[(_v, _d)] = CRASH

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
