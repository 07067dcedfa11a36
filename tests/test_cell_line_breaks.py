"""A line break inside a table cell is a space, or no space where it splits a word
(pipeline/extract/tables/grid.py, "Line breaks inside a cell"), decided from the printed
characters and the document's own words, the same way whatever the wrapping."""

from __future__ import annotations

from typing import Any

from pipeline.extract.tables.grid import (
    SPLIT,
    SURE,
    WHOLE,
    Cell,
    TablePiece,
    cell_lines,
    cell_text,
    prints_wrap_spaces,
    resolve_cell_splits,
    resolve_splits,
)
from pipeline.extract.tables.stitch import join_cells

SIZE = 10.0
ADVANCE = 5.0  # every glyph 5 points wide
BBOX = (0.0, 0.0, 64.0, 100.0)  # text from x=2 to x=62 (padding 2 each side)


def _line(text: str, top: float, trailing_space: bool = False) -> list[dict[str, Any]]:
    chars = []
    x = 2.0
    for ch in text + (" " if trailing_space else ""):
        chars.append({"text": ch, "x0": x, "x1": x + ADVANCE, "top": top,
                      "bottom": top + SIZE, "fontname": "Serif", "size": SIZE,
                      "upright": True, "doctop": top})  # fmt: skip
        x += ADVANCE
    return chars


def _text(*lines: tuple[str, bool], sure: bool = True) -> str:
    chars = [c for i, (t, sp) in enumerate(lines) for c in _line(t, 12.0 * i, sp)]
    blanks = [c for c in chars if c["text"] == " "]
    return cell_text([c for c in chars if c["text"] != " " or c in blanks], BBOX, blanks, sure)


def _resolve(*texts: str) -> list[str]:
    cells = [Cell(row=i, col=0, rowspan=1, colspan=1, text=t, bold=False)
             for i, t in enumerate(texts)]  # fmt: skip
    resolve_splits([TablePiece(page=1, bbox=BBOX, col_edges=[0.0, 64.0],
                               grid=[[c] for c in cells])])  # fmt: skip
    return [c.text for c in cells]


def test_a_printed_wrapping_space_is_a_line_break() -> None:
    # 11 glyphs end at x=57, "ngan" (20 points) cannot follow: a full line, but the
    # producer printed the space it wrapped at.
    assert _text(("pembangunan", True), ("ngan", False)) == "pembangunan\nngan"


def test_a_line_with_room_left_is_a_line_break() -> None:
    assert _text(("pada", False), ("ngan", False)) == "pada\nngan"


def test_a_capital_after_a_full_line_starts_a_paragraph() -> None:
    assert _text(("Organisasiab", False), ("Dinas", False)) == "Organisasiab\nDinas"


def test_a_full_line_without_its_space_is_a_candidate() -> None:
    # "ab pengemban" ends at 62, the text's right edge: no room for a space, unsure.
    assert _text(("ab pengemban", False), ("gan", False)) == f"ab pengemban{SPLIT}gan"
    # "(95 %" leaves room for the space the producer would have printed: sure.
    assert _text(("(95 %", False), ("(sembilan", False)) == f"(95 %{SURE}(sembilan"
    # A producer that never prints its wrapping spaces is never sure.
    assert _text(("(95 %", False), ("(sembilan", False), sure=False) == f"(95 %{SPLIT}(sembilan"


def test_a_word_split_at_any_letter_joins_when_the_document_prints_it_whole() -> None:
    whole = "pengembangan pegawai"
    assert _resolve(f"pengemba{SPLIT}ngan", whole) == ["pengembangan", whole]
    assert _resolve(f"pengemb{SPLIT}angan", whole) == ["pengembangan", whole]


def test_two_words_stay_apart_even_when_the_document_prints_them_glued() -> None:
    # The regulation itself prints "yangterlibat" once; both pieces are words it prints.
    assert _resolve(f"yang{SPLIT}terlibat", "kerja yangterlibat", "yang", "terlibat")[0] == (
        "yang\nterlibat"
    )


def test_a_sure_split_at_punctuation_joins() -> None:
    assert _resolve(f"(95 %{SURE}(sembilan")[0] == "(95 %(sembilan"
    assert _resolve(f"Membangun/{SURE}mengembangkan")[0] == "Membangun/mengembangkan"
    assert _resolve(f"pembangunan{SURE}zona")[0] == "pembangunan\nzona"
    assert _resolve(f"efisien,{SURE}cepat")[0] == "efisien,\ncepat"
    # Unsure, punctuation alone does not join.
    assert _resolve(f"(95 %{SPLIT}(sembilan")[0] == "(95 %\n(sembilan"


def test_several_candidates_in_one_cell() -> None:
    assert _resolve(f"a{SPLIT}b{SPLIT}c")[0] == "a\nb\nc"


def test_the_producer_habit_is_measured_on_the_page() -> None:
    spaced = _line("ab", 0.0, True) + _line("cd", 12.0, True) + _line("ef", 24.0)
    bare = _line("ab", 0.0) + _line("cd", 12.0) + _line("ef", 24.0)
    assert prints_wrap_spaces(spaced) and not prints_wrap_spaces(bare)


def test_a_word_alone_on_its_full_line_was_broken_inside() -> None:
    """A word that alone fills its line to within the next line's first glyph did not fit
    the column and was broken inside (Chromium, narrow columns: "Mengimplementasi" / "kan");
    so was a token before a line that opens with a closing bracket or a stop."""
    assert _text(("pengembangan", False), ("nya", False)) == f"pengembangan{WHOLE}nya"
    assert _text(("pengembangan", False), ("nya", False), sure=False) == (f"pengembangan{WHOLE}nya")
    assert _text(("ab (9(sembilan", False), (")", False)) == f"ab (9(sembilan{WHOLE})"
    # A word ending short of the edge by more than a glyph: the usual candidate.
    assert _text(("pengembang", False), ("nya", False)) == f"pengembang{SURE}nya"


def test_a_word_broken_alone_on_its_line_joins_unless_its_rest_is_a_printed_word() -> None:
    assert _resolve(f"Mengimplementasi{WHOLE}kan penanganan")[0] == (
        "Mengimplementasikan penanganan"
    )
    assert _resolve(f"memasan{WHOLE}g leaflet", "g. Membuat")[0] == "memasang leaflet"
    assert _resolve(f"(9(sembilan)SKPD{WHOLE})")[0] == "(9(sembilan)SKPD)"
    # "Menginformasikan" filled its line by chance; "dan" is a word the document prints.
    assert _resolve(f"Menginformasikan{WHOLE}dan", "kami dan kita")[0] == ("Menginformasikan\ndan")


def test_a_capital_after_a_line_in_capitals_says_nothing_of_a_paragraph() -> None:
    """A header in capitals opens every word with one: "KASSU" / "BAG" (Kepbup Tulang Bawang
    Barat SOP p2, a narrow cell), filled to within the next glyph, is a word broken inside
    and joins; a line in capitals with room left, or with its wrapping space printed, is
    still a break at a space ("KABAG" / "HUKUM" on that page prints its space)."""
    assert _text(("KASSUBAGIANA", False), ("BAG", False)) == f"KASSUBAGIANA{WHOLE}BAG"
    assert _resolve(f"KASSUBAGIANA{WHOLE}BAG")[0] == "KASSUBAGIANABAG"
    assert _text(("KASSUBAGIANA", True), ("BAG", False)) == "KASSUBAGIANA\nBAG"
    assert _text(("KABAG", False), ("HUKUM", False)) == "KABAG\nHUKUM"
    # a capital after a word not in capitals still opens a paragraph or a name
    assert _text(("Organisasiab", False), ("Dinas", False)) == "Organisasiab\nDinas"
    # a full line in capitals before a word the document prints: a break at a space
    assert _text(("AB PROTEKSI", False), ("RADIASI", False)) == f"AB PROTEKSI{SURE}RADIASI"
    assert _resolve(f"AB PROTEKSI{SURE}RADIASI")[0] == "AB PROTEKSI\nRADIASI"


def _cell(*lines: tuple[str, bool], sure: bool = True) -> Cell:
    chars = [c for i, (t, sp) in enumerate(lines) for c in _line(t, 12.0 * i, sp)]
    blanks = [c for c in chars if c["text"] == " "]
    cell = Cell(row=0, col=0, rowspan=1, colspan=1, text="", bold=False)
    cell.text, cell.head, cell.tail = cell_lines(chars, BBOX, blanks, sure)
    return cell


def _over_page_end(before: Cell, after: Cell) -> str:
    join_cells(before, after)
    resolve_cell_splits([before])
    return before.text


def test_a_page_end_inside_a_cell_is_a_line_break_of_that_cell() -> None:
    """A row broken by the page end: its cell's last line on one page and first on the next
    are decided by the rule of a line break inside one page (zoo lo-legal-repeated-x:
    "(80 %" ends page 9 full, without its space, "(delapan" opens page 10)."""
    assert _over_page_end(_cell(("ab", False), ("(80 %", False)), _cell(("(delapan", False))) == (
        "ab\n(80 %(delapan"
    )
    # Printed with its wrapping space, or with room left on the line: a space.
    assert _over_page_end(_cell(("(80 %", True)), _cell(("(delapan", False))) == "(80 %\n(delapan"
    assert _over_page_end(_cell(("(80", False)), _cell(("(delapan", False))) == "(80\n(delapan"
    # A capital opens a paragraph of its own.
    assert _over_page_end(_cell(("pengembangan", False)), _cell(("Dinas", False))) == (
        "pengembangan\nDinas"
    )
    # The rest of the cell goes on: its own last line decides the next page end.
    cell = _cell(("(80 %", False))
    join_cells(cell, _cell(("abcdefgh", False), ("(90 %", False)))
    assert _over_page_end(cell, _cell(("(sembilan", False))) == "(80 %abcdefgh\n(90 %(sembilan"
