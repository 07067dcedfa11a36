"""Every word printed inside a table frame is published, once, on every checked page (the
pages of tests/fixtures/real/<stem>.tables.json) of the born-digital real regulations.

The frames are pdfplumber's own ruling-based table finder's, the published words every
value of every published table put back on the page it was printed on
(tests/corpus_report.py): recall (framed words published) and precision (published words
framed) must both be 1.00. A word copied into a column it was not printed in (a phantom
column), a row printed twice, a header counted on a page that does not print it, or a cell
no table took, fails here. Pages still wrong are strict xfails in KNOWN_WRONG with the
measured difference."""

from __future__ import annotations

import json
from collections import Counter

import pdfplumber
import pytest

from tests.conftest import REAL_DIR, REAL_PDFS, RealCorpus
from tests.corpus_report import matched, page_frame_words, published_words

SULUT_4 = "pergub_sulut_2017_04_dana_bagi_hasil_pajak_lampiran_landscape"
KNOWN_WRONG: dict[tuple[str, int], str] = {
    ("perban_bapeten_2022_02_perubahan_uji_kesesuaian_pesawat_sinar_x", 16): (
        "recall 68/69: the header's raised footnote mark '(a)' (grid.footnote_marks) names no "
        "column and is no value, so it is a leftover in sisa.json ('tanda catatan kaki'), "
        "not a table word; publishing header marks in tabel.csv would need a contract field"
    ),
    (SULUT_4, 7): (
        "the governor's signature block, printed over a white box laid over the table's right "
        "part, is read into the cells under it in pieces ('zgub' 'ernur', 'lly', "
        "'dondokamb' 'ey'; the table text the box covers is no longer read): precision "
        "318/324; the pengundangan block under the table, inside the frame pdfplumber finds "
        "(the box's sides reach below the table), is published nowhere: recall 318/346"
    ),
}


def _checked(stem: str) -> list[int]:
    path = REAL_DIR / f"{stem}.tables.json"
    if not path.exists():
        return []
    return sorted({p["halaman"] for p in json.loads(path.read_text("utf-8"))["halaman"]})


def _born_digital(stem: str, page: int) -> bool:
    """The page prints its text (not a scan, with or without an OCR layer): it carries
    characters and no image covering most of it."""
    with pdfplumber.open(REAL_DIR / f"{stem}.pdf") as doc:
        p = doc.pages[page - 1]
        area = float(p.width * p.height)
        covered = sum(float(i["width"] * i["height"]) for i in p.images)
        return bool(p.chars) and covered < area / 2


CASES = [
    pytest.param(
        stem, page,
        marks=[pytest.mark.xfail(strict=True, reason=KNOWN_WRONG[stem, page])]
        if (stem, page) in KNOWN_WRONG else [],
        id=f"{'_'.join(stem.split('_')[:3])}-p{page}",
    )
    for stem in REAL_PDFS
    for page in _checked(stem)
    if _born_digital(stem, page)
]  # fmt: skip


def test_the_born_digital_pages_are_checked() -> None:
    stems = {str(p.values[0]) for p in CASES}
    assert len(stems) >= 5, sorted(stems)


@pytest.mark.parametrize(("stem", "page"), CASES)
def test_table_words_on_checked_page(real_corpus: RealCorpus, stem: str, page: int) -> None:
    result, _ = real_corpus.get(stem)
    with pdfplumber.open(REAL_DIR / f"{stem}.pdf") as doc:
        framed = page_frame_words(doc.pages[page - 1])
    published = published_words(result).get(page, Counter())
    found, shown = matched(framed, published)
    missing, extra = framed - published, published - framed
    assert framed, f"no ruled table found on p{page}"
    assert (found, shown) == (sum(framed.values()), sum(published.values())), (
        f"p{page}: recall {found}/{sum(framed.values())}, precision "
        f"{shown}/{sum(published.values())}; not published {sorted(missing.elements())}; "
        f"published but not printed there {sorted(extra.elements())}"
    )


def test_a_copied_cell_lowers_precision() -> None:
    """The measure itself: a word published twice, or not at all, is counted."""
    framed = Counter({"tarif": 1, "rawat": 1, "inap": 1})
    assert matched(framed, framed) == (3, 3)
    assert matched(framed, framed + Counter({"tarif": 1})) == (3, 3)  # 3 of 4 published
    assert matched(framed, Counter({"tarif": 1})) == (1, 1)
    # a word broken at a line end, published joined, matches its two printed pieces
    assert matched(Counter({"organis": 1, "asi": 1}), Counter({"organisasi": 1})) == (2, 1)


def test_merged_down_once_copied_across_twice() -> None:
    """A merged cell repeated on the rows it covers is printed once; the same cell in a
    second column (a phantom column) is a copy and counts again; a cell broken by a page
    end counts on each page with the words printed there."""
    from types import SimpleNamespace

    from pipeline.extract.tables.grid import Cell, CellPart
    from pipeline.normalize.generic_table import FlatTable

    def cell(*parts: tuple[int, str]) -> Cell:
        text = " ".join(t for _, t in parts)
        printed = [CellPart(page=p, bbox=(0, 0, 1, 1), text=t) for p, t in parts]
        return Cell(row=0, col=0, rowspan=1, colspan=1, text=text, bold=False, parts=printed)

    area, a, b = cell((3, "Area satu")), cell((3, "Tarif")), cell((3, "Rawat"), (4, "Inap"))
    rows = [
        {"id": "1", "area": "Area satu", "x": "Tarif", "halaman_awal": 3, "halaman_akhir": 3},
        {"id": "2", "area": "Area satu", "x": "Rawat Inap", "halaman_awal": 3, "halaman_akhir": 4},
    ]
    table = FlatTable(id="t", columns=["area", "x"], types={}, rows=rows)
    table.sources = [{"area": (area,), "x": (a,)}, {"area": (area,), "x": (b,)}]
    result: object = SimpleNamespace(flat_tables=[table])
    assert published_words(result) == {  # type: ignore[arg-type]
        3: Counter({"area": 1, "satu": 1, "tarif": 1, "rawat": 1}),
        4: Counter({"inap": 1}),
    }
    table.columns.append("y")
    for row, sources in zip(rows, table.sources, strict=True):
        row["y"] = row["x"]
        sources["y"] = sources["x"]
    assert published_words(result)[3]["tarif"] == 2  # type: ignore[arg-type]
