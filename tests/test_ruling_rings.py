"""Cell borders painted as filled rings (WeasyPrint: each cell's border one path of two
rectangles filled by the even-odd rule, the inner one a hole; tests/fixtures/zoo
wp-a4-gaps-tight): the ring's sides are rules, the ring is no shading, and a side the
ring leaves open (a merged cell running on from the page before) is no rule."""

from __future__ import annotations

from typing import Any

import pdfplumber
import pytest

from pipeline.extract.tables.grid import Cell, _read_shaded_marks
from pipeline.extract.tables.ruling import (
    _frames,
    _run_on,
    find_tables,
    unringed,
    without_backgrounds,
)
from pipeline.vocabulary import SHADE_MARK
from tests.zoo.paths import pdf_path
from tests.zoo.variants import VARIANTS

PAGE_HEIGHT = 600.0


def _rect(x0: float, top: float, x1: float, bottom: float, *, clockwise: bool = True,
          evenodd: bool = True, color: Any = (0.0, 0.0, 0.0)) -> dict[str, Any]:  # fmt: skip
    pts = [(x0, top), (x1, top), (x1, bottom), (x0, bottom)]
    return {
        "object_type": "rect", "x0": x0, "x1": x1, "top": top, "bottom": bottom,
        "y0": PAGE_HEIGHT - bottom, "y1": PAGE_HEIGHT - top, "doctop": top,
        "width": x1 - x0, "height": bottom - top, "fill": True, "stroke": False,
        "evenodd": evenodd, "non_stroking_color": color,
        "pts": pts if clockwise else pts[::-1],
    }  # fmt: skip


def _boxes(rects: list[dict[str, Any]]) -> list[tuple[float, ...]]:
    return [tuple(round(r[k], 2) for k in ("x0", "top", "x1", "bottom")) for r in rects]


def test_a_ring_is_its_four_sides() -> None:
    ring = [_rect(10, 20, 60, 50), _rect(10.5, 20.5, 59.5, 49.5)]
    assert _boxes(unringed(ring)) == [
        (10, 20, 10.5, 50),
        (10, 20, 60, 20.5),
        (59.5, 20, 60, 50),
        (10, 49.5, 60, 50),
    ]


def test_a_side_the_ring_leaves_open_is_no_rule() -> None:
    """The inner rectangle first (as WeasyPrint draws it), its top on the outer one's: a
    cell running on from the page before, closed on the other three sides."""
    ring = [_rect(10.5, 20, 59.5, 49.5), _rect(10, 20, 60, 50)]
    assert _boxes(unringed(ring)) == [(10, 20, 10.5, 50), (59.5, 20, 60, 50), (10, 49.5, 60, 50)]


def test_a_ring_wound_both_ways_under_the_nonzero_rule() -> None:
    ring = [_rect(10, 20, 60, 50, evenodd=False), _rect(11, 21, 59, 49, evenodd=False,
                                                        clockwise=False)]  # fmt: skip
    assert len(unringed(ring)) == 4


@pytest.mark.parametrize(
    "pair",
    [
        # the same winding under the nonzero rule: the inner one is filled, no hole
        [_rect(10, 20, 60, 50, evenodd=False), _rect(11, 21, 59, 49, evenodd=False)],
        # a shaded cell and the grey of the cell beside it: neither inside the other
        [_rect(10, 20, 60, 50, color=(0.5,)), _rect(61, 20, 90, 50, color=(0.5,))],
        # another colour inside: a shade under a border, not one path
        [_rect(10, 20, 60, 50), _rect(10.5, 20.5, 59.5, 49.5, color=(0.5,))],
        # sides wider than a rule: a box with a box inside
        [_rect(10, 20, 60, 50), _rect(15, 25, 55, 45)],
        # a duplicate: no side drawn
        [_rect(10, 20, 60, 50), _rect(10, 20, 60, 50)],
    ],
)
def test_what_is_no_ring_is_kept(pair: list[dict[str, Any]]) -> None:
    assert unringed(pair) == pair


def test_a_table_ruled_by_rings_is_found() -> None:
    """Page 7 of wp-a4-gaps-tight (looked at: the Rencana Aksi table, 13 columns: No, Area,
    Hasil, the aksi's letter and text, Kriteria, Indikator, five years, Penanggung Jawab;
    every cell's border a ring, the year cells shaded grey). Read as rectangles, the rings
    were shading and the page had no table."""
    variant = next(v for v in VARIANTS if v.name == "wp-a4-gaps-tight")
    with pdfplumber.open(pdf_path(variant)) as pdf:
        page = pdf.pages[6]
        tables = find_tables(without_backgrounds(page))
        assert len(tables) == 1
        xs = sorted({round(c[0]) for c in tables[0].cells} | {round(c[2]) for c in tables[0].cells})
        assert len(xs) - 1 == 13


def _edge(x0: float, top: float, x1: float, bottom: float) -> dict[str, Any]:
    return {
        "x0": x0, "top": top, "x1": x1, "bottom": bottom,
        "orientation": "v" if x1 - x0 < bottom - top else "h",
    }  # fmt: skip


def test_the_sides_of_a_cell_the_page_end_cuts_open_run_on_to_the_frame_bottom() -> None:
    """A row cut by the page end, drawn open at its bottom (WeasyPrint, wp-a4-gaps-tight
    p4, Tabel 3.2 program 5): the sides of "5." and its program stop at y=90, the Hasil
    beside them runs on to y=100; no rule crosses x=50 under y=90, so that side is carried
    on to the frame's bottom. The side at x=150, ending on a rule, is left alone."""
    edges = [
        _edge(0, 0, 300, 0), _edge(0, 60, 300, 60),  # rules over and under a row
        _edge(0, 0, 0, 90), _edge(50, 0, 50, 90), _edge(100, 0, 100, 100),
        _edge(300, 0, 300, 100),
        _edge(150, 60, 150, 80), _edge(100, 80, 300, 80),
    ]  # fmt: skip
    frames = _frames(edges)
    assert frames == [(0, 0, 300, 100)]
    carried = _run_on(edges, frames)
    assert sorted((e["x0"], e["top"], e["bottom"]) for e in carried) == [
        (0, 0, 100),
        (50, 0, 100),
    ]


def test_shaded_years_beside_the_end_of_a_merged_cell_are_ticks() -> None:
    """A row cut in two grid rows by the end of a merged cell beside it (WeasyPrint boxes a
    merged cell around its text only): its shaded year cell spans the two grid rows, as
    its aksi does, and still reads as a tick; a shaded cell spanning rows no printed cell
    of its row spans does not."""

    def cell(col: int, text: str, rowspan: int = 2) -> Cell:
        return Cell(row=4, col=col, rowspan=rowspan, colspan=1, text=text, bold=False)

    aksi, year, lone = cell(4, "Pembentukan Tim"), cell(8, ""), cell(9, "", rowspan=3)
    cells = [(aksi, (270.0, 122.0, 410.0, 156.0)), (year, (635.0, 122.0, 666.0, 156.0)),
             (lone, (666.0, 122.0, 697.0, 180.0))]  # fmt: skip
    shades = [_rect(635.77, 122.52, 665.51, 155.52, color=(0.5, 0.5, 0.5), evenodd=False),
              _rect(666.5, 122.52, 696.5, 179.5, color=(0.5, 0.5, 0.5), evenodd=False)]  # fmt: skip
    _read_shaded_marks(cells, shades)
    assert (year.text, lone.text) == (SHADE_MARK, "")
