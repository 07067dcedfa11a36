"""The text accounting counts from the printed page: text that lands in no node, table cell,
caption or page furniture is reported as lost, never silently dropped."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from pipeline.extract.document import ExtractedDocument
from pipeline.extract.layout import TextLine, printed_chars
from pipeline.extract.pages import LineRole, PageInfo
from pipeline.extract.tables import LogicalTable
from pipeline.extract.tables.grid import Cell, CellPart, TablePiece
from pipeline.run import _text_account


def _line(text: str, top: float) -> TextLine:
    return TextLine(page=1, text=text, x0=72.0, top=top, x1=300.0, bottom=top + 10, bold=False)


def _document(printed: int) -> ExtractedDocument:
    """One page: a page number, a caption, a content line and a one-cell table."""
    page = PageInfo(number=1, width=595.0, height=842.0, printed_chars=printed)
    caption = _line("Tabel 1", 300.0)
    page.lines = [_line("Pasal 1 berlaku.", 100.0), caption]
    page.furniture = [(_line("- 1 -", 20.0), LineRole.PAGE_NUMBER)]
    cell = Cell(row=0, col=0, rowspan=1, colspan=1, text="Satu dua", bold=False)
    cell.parts = [CellPart(page=1, bbox=(72.0, 320.0, 200.0, 340.0), text="Satu dua")]
    piece = TablePiece(
        page=1, bbox=(72.0, 320.0, 200.0, 340.0), col_edges=[72.0, 200.0], grid=[[cell]]
    )
    table = LogicalTable(
        columns=[], header_cells=[], rows=[], numbering_cols=set(), mark_cols=set(), pieces=[piece]
    )
    return ExtractedDocument(
        path=Path("x.pdf"), sha256="0", page_count=1, pages=[page], tables=[table],
        captions={0: [caption]}, ocr_pages=[],
    )  # fmt: skip


def test_everything_printed_is_accounted_for() -> None:
    # "Pasal1berlaku." 14 in nodes; "-1-" 3, "Tabel1" 6, "Satudua" 7 elsewhere.
    account = _text_account(_document(30), "batang_tubuh", [1], 14, {_line("Tabel 1", 300.0).key})
    assert (account.karakter_di_luar_simpul, account.karakter_hilang) == (16, 0)


def test_text_printed_but_landing_nowhere_is_lost() -> None:
    """Characters the page prints that no node, cell, caption or furniture holds (narrative
    text swallowed by a table frame, say) are counted as lost."""
    account = _text_account(_document(42), "batang_tubuh", [1], 14, {_line("Tabel 1", 300.0).key})
    assert account.karakter_hilang == 12


def test_a_ligature_counts_as_the_letters_read_from_it() -> None:
    """Chromium prints "fi" as the one character U+FB01, which the text read from the page
    spells "fi": counted as one glyph printed and two letters read, the account came out
    negative ("text lost: -46"), text counted twice where none was."""
    chars = [{"text": t} for t in ("ﬁ", "l", "e", " ", "ﬄ", "fi")]
    page = SimpleNamespace(chars=chars)
    assert printed_chars(page) == len("file" + "ffl" + "fi")  # type: ignore[arg-type]
