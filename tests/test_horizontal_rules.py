"""Tables ruled with horizontal rules only (`extract/tables/horizontal.py`; zoo:
ch-f4-wide-hasil): columns where the per-column pieces of the rules meet, cells per column
segment, cells joined only where the print says so. Pages are stubs with the attributes the
finder reads (edges, chars, extract_words); each rule is drawn as Chromium draws it, one
piece per grid column."""

from __future__ import annotations

from typing import Any

from pipeline.extract.tables.grid import Cell, CellPart, TablePiece
from pipeline.extract.tables.horizontal import find_horizontal_tables, has_vertical_rules
from pipeline.extract.tables.stitch import _outer_columns_unruled, _widen

COLS = [40.0, 70.0, 150.0, 250.0, 300.0, 350.0]  # five columns
CHAR_W = 4.0
SIZE = 8.0


def _rule(y: float, x0: float = COLS[0], x1: float = COLS[-1]) -> list[dict[str, Any]]:
    """One horizontal rule in per-column pieces (top and bottom edges of a thin fill)."""
    xs = [x for x in COLS if x0 <= x <= x1]
    out = []
    for a, b in zip(xs, xs[1:], strict=False):
        for yy in (y, y + 0.7):
            out.append({"x0": a, "x1": b, "top": yy, "bottom": yy, "orientation": "h"})
    return out


class _Page:
    def __init__(
        self, rules: list[float | tuple[float, float, float]], text: list[tuple[str, float, float]]
    ):
        self.edges: list[dict[str, Any]] = []
        for r in rules:
            self.edges += _rule(r) if isinstance(r, float) else _rule(*r)
        self.chars: list[dict[str, Any]] = []
        self.words: list[dict[str, Any]] = []
        for line, x, top in text:
            for word in line.split(" "):
                w = {"text": word, "x0": x, "x1": x + CHAR_W * len(word), "top": top,
                     "bottom": top + SIZE}  # fmt: skip
                self.words.append(w)
                for k, ch in enumerate(word):
                    self.chars.append({"text": ch, "x0": x + k * CHAR_W, "size": SIZE, "top": top,
                                       "x1": x + (k + 1) * CHAR_W, "bottom": top + SIZE})  # fmt: skip
                x = w["x1"] + CHAR_W

    def extract_words(self, **_: Any) -> list[dict[str, Any]]:
        return self.words


def _texts(page: _Page) -> list[tuple[tuple[float, float, float, float], str]]:
    (table,) = find_horizontal_tables(page)  # type: ignore[arg-type]
    out = []
    for cell in table.cells:
        inside = [c["text"] for c in page.chars
                  if cell[0] <= (c["x0"] + c["x1"]) / 2 < cell[2]
                  and cell[1] <= (c["top"] + c["bottom"]) / 2 < cell[3]]  # fmt: skip
        out.append((cell, "".join(inside)))
    return out


def test_columns_come_from_where_the_pieces_meet() -> None:
    page = _Page([100.0, 120.0, 140.0], [("1", 44.0, 103.0), ("Ab", 74.0, 103.0),
                                         ("Unit", 304.0, 103.0), ("2", 44.0, 123.0),
                                         ("Cd", 74.0, 123.0), ("Unit", 304.0, 123.0)])  # fmt: skip
    cells = [c for c, _ in _texts(page)]
    assert sorted({c[0] for c in cells}) == COLS[:-1]
    assert len(cells) == 10  # two rows of five cells


def test_a_page_with_vertical_rules_is_not_read_here() -> None:
    assert has_vertical_rules([{"orientation": "v", "top": 0.0, "bottom": 20.0}])
    assert not has_vertical_rules([{"orientation": "v", "top": 0.0, "bottom": 0.7}])


def test_a_title_across_an_edge_or_with_nothing_right_of_it_spans_the_row() -> None:
    """Row 1: a group title printed across the first column edge, nothing else: one cell
    across the width. Row 2: "1." and a short program title, three empty cells right of
    it: the title runs to the right edge. Row 3: a data row with a last empty cell keeps
    its five cells."""
    page = _Page([100.0, 120.0, 140.0, 160.0], [
        ("Manajemen Perubahan", 44.0, 103.0),
        ("1.", 44.0, 123.0), ("Tim", 74.0, 123.0),
        ("a.", 44.0, 143.0), ("Aksi", 74.0, 143.0), ("Kriteria", 154.0, 143.0),
        ("v", 254.0, 143.0),
    ])  # fmt: skip
    rows: dict[int, list[tuple[float, float, str]]] = {}
    for (x0, top, x1, _), text in _texts(page):
        rows.setdefault(round(top), []).append((x0, x1, text))
    assert rows[100] == [(40.0, 350.0, "ManajemenPerubahan")]
    assert rows[120] == [(40.0, 70.0, "1."), (70.0, 350.0, "Tim")]
    assert [t for _, _, t in rows[140]] == ["a.", "Aksi", "Kriteria", "v", ""]


def test_the_frame_runs_on_over_text_right_above_and_under_its_outer_rules() -> None:
    """A row broken by the page end: its rest above the first rule (2 pt away), its last
    lines under the last rule; a caption 10 pt above and a signature 16 pt below are not
    the table's."""
    page = _Page([100.0, 120.0], [
        ("Caption", 150.0, 60.0),
        ("rest", 74.0, 80.0), ("of", 74.0, 90.0),
        ("b.", 44.0, 103.0), ("Aksi", 74.0, 103.0),
        ("goes", 74.0, 122.0), ("on", 74.0, 132.0),
        ("BUPATI", 200.0, 160.0),
    ])  # fmt: skip
    (table,) = find_horizontal_tables(page)  # type: ignore[arg-type]
    assert table.bbox[1] == 80.0  # the top of "rest", lines 2 pt apart up to the rule
    assert table.bbox[3] == 140.0  # the bottom of "on"


def test_a_caption_between_two_tables_keeps_them_apart() -> None:
    page = _Page([100.0, 120.0, 170.0, 190.0], [
        ("1", 44.0, 103.0), ("Tabel 2", 150.0, 140.0), ("2", 44.0, 173.0),
    ])  # fmt: skip
    assert len(find_horizontal_tables(page)) == 2  # type: ignore[arg-type]


def _piece(edges: list[float], page: int = 2) -> TablePiece:
    cells = [Cell(row=0, col=k, rowspan=1, colspan=1, text=str(k), bold=False,
                  parts=[CellPart(page=page, bbox=(a, 0.0, b, 10.0), text=str(k))])
             for k, (a, b) in enumerate(zip(edges, edges[1:], strict=False))]  # fmt: skip
    return TablePiece(page=page, bbox=(edges[0], 0.0, edges[-1], 10.0), col_edges=edges,
                      grid=[cells])  # fmt: skip


def test_a_page_whose_left_columns_cross_no_rule_is_widened_to_the_table() -> None:
    prev = _piece(COLS, page=1)
    piece = _piece(COLS[2:])
    assert _outer_columns_unruled(prev, piece, 3.0)
    _widen(piece, prev.col_edges)
    assert piece.col_edges == COLS
    assert [c.text for c in piece.grid[0]] == ["", "", "0", "1", "2"]
    assert [c.col for c in piece.grid[0]] == [0, 1, 2, 3, 4]
    # Columns elsewhere on the page, or a run inside the table flush with neither side,
    # are another table's.
    assert not _outer_columns_unruled(prev, _piece([60.0, 150.0, 250.0, 300.0]), 3.0)
    assert not _outer_columns_unruled(prev, _piece(COLS[1:4]), 3.0)


def test_a_horizontals_only_table_beside_a_ruled_one_is_found(tmp_path: Any) -> None:
    """A page that draws a fully ruled table and, under it, a table ruled with horizontal
    rules only (each rule in per-column pieces meeting end to end): both are tables. Read
    before only on pages with no vertical rule at all, the second was narrative text."""
    import pdfplumber
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from pipeline.extract.tables.ruling import find_tables, without_backgrounds
    from tests.pdfgen import C, draw_horizontals_only_table, draw_table

    path = tmp_path / "campur.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    draw_table(canvas, 40, 60, [40, 120, 120],
               [[C("No"), C("Uraian"), C("Satuan")], [C("1."), C("Kertas"), C("rim")]])  # fmt: skip
    draw_horizontals_only_table(canvas)
    canvas.save()
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        tables = find_tables(without_backgrounds(page))
        texts = [page.crop(t.bbox).extract_text() for t in tables]
    assert len(tables) == 2
    assert "Kertas" in texts[0] and "Sewa aula" not in texts[0]
    assert "Sewa aula" in texts[1] and "500.000" in texts[1]
    assert len(tables[1].cells) == 9
