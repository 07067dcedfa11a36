"""Tables ruled with horizontal rules only (no vertical rule on the page).

Some producers print a table with rules between its rows and none between its columns
(Chromium with `border-left/right: none`, a "booktabs" style). pdfplumber's finder needs
vertical rules to close cells, so such a table is not found at all. Its column edges are
still drawn: a producer that paints each cell's border draws every horizontal rule as
pieces, one per grid column, meeting end to end; where two pieces meet is a column edge.
Here those rules become a table of cells, each column segment cut by the rules that cross
it (a segment no rule crosses for a while is a merged cell running down).

* Rules that meet end to end at one height are one rule; where the pieces meet is a
  column edge (`JOIN`); the table's edges are all of its rules' junctions and ends.
* Two rules one above the other are one table's when the band between them prints
  nothing, or prints text starting right under the upper rule or ending right over the
  lower one (a cell's padding: PAD_EM of the font size); a caption or a paragraph between
  two tables keeps a margin from both.
* The table runs on over the text right above its first rule and right under its last
  one, line after line at the same spacing: the rest of a row broken by the page end
  (under no rule of its own at the top of the next page; its rule under it on the next
  page, none drawn at the page end).
* A word printed across a column edge makes the cells on both sides of it one cell (a
  group title across the width, "Waktu Pelaksanaan" over the years): as the edge is not
  drawn, the merged cell also takes in the empty cells beside it in the same band (the
  producer drew the rule under a wide cell in pieces, one per grid column).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pdfplumber

BBox = tuple[float, float, float, float]

MIN_RULE = 3.0  # as in ruling.py: shorter marks are glyph-sized, not ruling
TOUCH = 3.0  # rules this close in height are one; pieces this close end to end meet
PAD_EM = 0.6  # a cell's padding, in font sizes: text this close to a rule is in its cell
CENTRED = 1.0  # a line is centred in a cell when its middle is this close to the cell's
RUN_TO_EDGE = 2  # empty cells right of a title that make it run to the table's edge
CENTRED_WITNESSES = 2  # other centred cells a band needs to be a centred (header) band


@dataclass
class _Rule:
    y: float
    x0: float
    x1: float
    joints: list[float] = field(default_factory=list)


@dataclass
class RuledTable:
    """What `grid.build_piece` reads of a pdfplumber Table: its cells and bounding box."""

    cells: list[BBox]
    bbox: BBox


def has_vertical_rules(edges: list[dict[str, Any]]) -> bool:
    return any(e["orientation"] == "v" and e["bottom"] - e["top"] >= MIN_RULE for e in edges)


def _rules(edges: list[dict[str, Any]]) -> list[_Rule]:
    """Horizontal rules at one height whose pieces meet end to end, joined; a piece
    meeting the next (not overlapping it: a filled rule's top and bottom edges overlap)
    leaves a junction."""
    flat = sorted(
        (e for e in edges if e["orientation"] == "h" and e["x1"] - e["x0"] >= MIN_RULE),
        key=lambda e: (e["top"], e["x0"]),
    )
    rows: list[list[dict[str, Any]]] = []
    for e in flat:
        if rows and e["top"] - rows[-1][0]["top"] <= TOUCH:
            rows[-1].append(e)
        else:
            rows.append([e])
    out: list[_Rule] = []
    for row in rows:
        y = sum(e["top"] for e in row) / len(row)
        cur: _Rule | None = None
        for e in sorted(row, key=lambda e: (e["x0"], e["x1"])):
            if cur is not None and e["x0"] <= cur.x1 + TOUCH:
                if e["x0"] >= cur.x1 - TOUCH and e["x1"] > cur.x1 + TOUCH:
                    joint = (cur.x1 + e["x0"]) / 2
                    if not cur.joints or joint - cur.joints[-1] > TOUCH:
                        cur.joints.append(joint)
                cur.x1 = max(cur.x1, e["x1"])
                continue
            cur = _Rule(y, e["x0"], e["x1"])
            out.append(cur)
    return out


def _printed(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [c for c in chars if c["text"].strip()]


def _in(c: dict[str, Any], x0: float, top: float, x1: float, bottom: float) -> bool:
    x, y = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
    return x0 <= x < x1 and top <= y < bottom


def _same_table(upper: _Rule, lower: _Rule, chars: list[dict[str, Any]]) -> bool:
    x0, x1 = max(upper.x0, lower.x0), min(upper.x1, lower.x1)
    if x1 - x0 < MIN_RULE:
        return False
    band = [c for c in chars if _in(c, x0, upper.y, x1, lower.y)]
    if not band:
        return True
    return any(
        c["top"] <= upper.y + PAD_EM * c["size"] or c["bottom"] >= lower.y - PAD_EM * c["size"]
        for c in band
    )


def _run_on(chars: list[dict[str, Any]], x0: float, x1: float, edge: float, up: bool) -> float:
    """The table's edge moved over the lines right above (`up`) or under its outer rule."""
    inside = [c for c in chars if x0 <= (c["x0"] + c["x1"]) / 2 < x1]
    taken: set[int] = set()
    while True:
        if up:
            near = [c for c in inside if id(c) not in taken and c["bottom"] <= edge + 0.5
                    and c["bottom"] >= edge - PAD_EM * c["size"]]  # fmt: skip
        else:
            near = [c for c in inside if id(c) not in taken and c["top"] >= edge - 0.5
                    and c["top"] <= edge + PAD_EM * c["size"]]  # fmt: skip
        if not near:
            return edge
        taken.update(id(c) for c in near)
        edge = min(c["top"] for c in near) if up else max(c["bottom"] for c in near)


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > TOUCH:
            out.append(v)
    return out


def _cells(
    rules: list[_Rule], top: float, bottom: float, chars: list[dict[str, Any]],
    words: list[dict[str, Any]],
) -> list[BBox]:  # fmt: skip
    xs = _cluster([x for r in rules for x in (r.x0, r.x1, *r.joints)])
    bands: list[list[BBox]] = []  # per column segment, its cells top to bottom
    for a, b in zip(xs, xs[1:], strict=False):
        mid = (a + b) / 2
        ys = _cluster([top, bottom, *(r.y for r in rules if r.x0 < mid < r.x1)])
        ys = [y for y in ys if top - TOUCH <= y <= bottom + TOUCH]
        bands.append([(a, t, b, u) for t, u in zip(ys, ys[1:], strict=False) if u - t > TOUCH])
    # Cells of neighbouring segments in the same band; a word across their edge joins them.
    groups: list[list[BBox]] = [[c] for col in bands for c in col]
    where = {c: i for i, g in enumerate(groups) for c in g}

    def band_key(c: BBox) -> tuple[float, float]:
        return (round(c[1], 1), round(c[3], 1))

    def neighbour(c: BBox, col: int) -> BBox | None:
        if not 0 <= col < len(bands):
            return None
        return next((d for d in bands[col] if band_key(d) == band_key(c)), None)

    joined: set[int] = set()
    for col in range(len(bands) - 1):
        for c in bands[col]:
            d = neighbour(c, col + 1)
            if d is None:
                continue
            edge = c[2]
            if any(w["x0"] < edge - 0.5 and w["x1"] > edge + 0.5
                   and c[1] <= (w["top"] + w["bottom"]) / 2 < c[3] for w in words):  # fmt: skip
                gi, gj = where[c], where[d]
                if gi != gj:
                    groups[gi] += groups[gj]
                    for e in groups[gj]:
                        where[e] = gi
                    groups[gj] = []
                joined.add(gi)

    def empty(c: BBox) -> bool:
        return not any(_in(ch, *c) for ch in chars)

    col_of = {c: i for i, col in enumerate(bands) for c in col}
    for gi in sorted(joined):
        for step in (-1, 1):
            while True:
                members = groups[gi]
                end = min(members) if step < 0 else max(members)
                d = neighbour(end, col_of[end] + step)
                if d is None or len(groups[where[d]]) != 1 or not empty(d):
                    break
                groups[where[d]] = []
                where[d] = gi
                groups[gi].append(d)
    _centred_spans(bands, groups, where, chars)
    _run_to_edge(bands, groups, where, empty)
    out: list[BBox] = []
    for g in groups:
        if g:
            out.append((min(c[0] for c in g), g[0][1], max(c[2] for c in g), g[0][3]))
    return sorted(out, key=lambda c: (c[1], c[0]))


def _lines(chars: list[dict[str, Any]]) -> list[tuple[float, float]]:
    """The horizontal extent (x0, x1) of each printed line among `chars`."""
    rows: dict[int, list[dict[str, Any]]] = {}
    for c in chars:
        rows.setdefault(round(c["top"] / 2), []).append(c)
    return [(min(c["x0"] for c in r), max(c["x1"] for c in r)) for r in rows.values()]


def _centred(lines: list[tuple[float, float]], x0: float, x1: float) -> bool:
    return bool(lines) and all(abs((a + b) - (x0 + x1)) / 2 <= CENTRED for a, b in lines)


def _centred_spans(
    bands: list[list[BBox]], groups: list[list[BBox]], where: dict[BBox, int],
    chars: list[dict[str, Any]],
) -> None:  # fmt: skip
    """In a band whose printed cells are all centred (a header), text centred not on its
    cell but on it and the empty cells beside it in the band makes them one cell: the
    producer drew the rule under a wide cell in pieces, one per grid column ("Rencana
    Aksi" over the number and text columns)."""
    by_band: dict[tuple[float, float], list[int]] = {}
    for gi, g in enumerate(groups):
        if g:
            by_band.setdefault((round(g[0][1], 1), round(g[0][3], 1)), []).append(gi)
    col_of = {c: i for i, col in enumerate(bands) for c in col}
    for members in by_band.values():
        boxes = {gi: (min(c[0] for c in groups[gi]), g0[1], max(c[2] for c in groups[gi]), g0[3])
                 for gi in members for g0 in [groups[gi][0]]}  # fmt: skip
        lines = {gi: _lines([c for c in chars if _in(c, *boxes[gi])]) for gi in members}
        printed = [gi for gi in members if lines[gi]]
        off = [gi for gi in printed if not _centred(lines[gi], boxes[gi][0], boxes[gi][2])]
        if len(printed) - len(off) < CENTRED_WITNESSES or len(off) != 1:
            continue
        gi = off[0]
        cols = sorted(col_of[c] for c in groups[gi])
        row = {col_of[c]: c for m in members for c in groups[m]}
        empty = {k for k, c in row.items() if where[c] not in printed}
        for lo in range(cols[0], -1, -1):
            if lo < cols[0] and lo not in empty:
                break
            for hi in range(cols[-1], len(bands)):
                if hi > cols[-1] and hi not in empty:
                    break
                if (lo, hi) == (cols[0], cols[-1]):
                    continue
                if _centred(lines[gi], row[lo][0], row[hi][2]):
                    for k in range(lo, hi + 1):
                        c = row[k]
                        if where[c] != gi:
                            groups[where[c]] = []
                            where[c] = gi
                            groups[gi].append(c)
                    return


def _run_to_edge(
    bands: list[list[BBox]], groups: list[list[BBox]], where: dict[BBox, int],
    empty: Callable[[BBox], bool],
) -> None:  # fmt: skip
    """A printed cell with nothing printed right of it in its band, at least RUN_TO_EDGE
    empty cells up to the table's right edge, runs to that edge: nothing drawn says it
    stops (a program or group title over the line columns: "1. Tim Reformasi ...")."""
    col_of = {c: i for i, col in enumerate(bands) for c in col}
    last = len(bands) - 1
    for gi, g in enumerate(groups):
        if not g or empty_group(g, empty):
            continue
        end = max(g)
        key = (round(end[1], 1), round(end[3], 1))
        rest: list[BBox] = []
        for k in range(col_of[end] + 1, last + 1):
            d = next((c for c in bands[k] if (round(c[1], 1), round(c[3], 1)) == key), None)
            if d is None or len(groups[where[d]]) != 1 or not empty(d):
                rest = []
                break
            rest.append(d)
        if len(rest) >= RUN_TO_EDGE:
            for d in rest:
                groups[where[d]] = []
                where[d] = gi
                g.append(d)


def empty_group(g: list[BBox], empty: Callable[[BBox], bool]) -> bool:
    return all(empty(c) for c in g)


def find_horizontal_tables(page: pdfplumber.page.Page) -> list[RuledTable]:
    """The tables of a page ruled with horizontal rules only (see the module's notes)."""
    rules = _rules(list(page.edges))
    if not any(r.joints for r in rules):
        return []
    chars = _printed(page.chars)
    tables: list[list[_Rule]] = []
    for rule in rules:
        home = next(
            (t for t in reversed(tables)
             if t[-1].x0 < rule.x1 and rule.x0 < t[-1].x1 and t[-1].y < rule.y),
            None,
        )  # fmt: skip
        if home is not None and _same_table(home[-1], rule, chars):
            home.append(rule)
        else:
            tables.append([rule])
    words: list[dict[str, Any]] | None = None
    out: list[RuledTable] = []
    for t in tables:
        if len(t) < 2 or not any(r.joints for r in t):
            continue
        x0, x1 = min(r.x0 for r in t), max(r.x1 for r in t)
        top = _run_on(chars, x0, x1, t[0].y, up=True)
        bottom = _run_on(chars, x0, x1, t[-1].y, up=False)
        if words is None:
            words = page.extract_words(keep_blank_chars=False)
        cells = _cells(t, top, bottom, chars, words)
        if cells:
            out.append(RuledTable(cells=cells, bbox=(x0, top, x1, bottom)))
    return out


STACK_RULES = 3  # rules a stack needs: a table's top, one between rows, its bottom
STACK_EXTENT = 0.05  # rule ends this close (of the rule's length, at least TOUCH) are aligned
COLUMN_GAP_EM = 2.0  # a blank this wide (font sizes) inside one printed line parts columns
COLUMN_BANDS = 2  # bands that must print text in two columns or more


def _column_gap(chars: list[dict[str, Any]]) -> bool:
    """Whether one printed line among `chars` holds a blank of COLUMN_GAP_EM font sizes or
    more between two of its glyphs (text in two columns, not a justified line)."""
    lines: list[list[dict[str, Any]]] = []
    for c in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        line = next((ln for ln in lines if abs(ln[0]["top"] - c["top"]) < 0.5 * c["size"]), None)
        if line is None:
            lines.append([c])
        else:
            line.append(c)
    for line in lines:
        line.sort(key=lambda c: c["x0"])
        if any(b["x0"] - a["x1"] >= COLUMN_GAP_EM * max(a["size"], b["size"])
               for a, b in zip(line, line[1:], strict=False)):  # fmt: skip
            return True
    return False


def rule_stacks(page: pdfplumber.page.Page, taken: list[BBox]) -> list[BBox]:
    """Tables ruled with horizontal rules only that `find_horizontal_tables` cannot read
    (each rule drawn whole, across the width: no junction tells the columns), outside the
    boxes `taken` (tables found, frames): a stack of at least STACK_RULES parallel rules of
    about the same extent, no vertical rule crossing it, every band between two of them
    printing text inside the rules' extent, and at least COLUMN_BANDS bands printing it in
    two columns (a wide blank inside one line). Underlines, signature lines and a rule
    under a letterhead are no stack: one rule alone, rules of other extents, bands with
    nothing printed between the rules (a form's lines to write on), or text in one column
    (a paragraph between two rules). The box of each stack, from its first rule to its
    last."""
    edges = list(page.edges)
    rules = [r for r in _rules(edges) if r.x1 - r.x0 >= 10 * MIN_RULE]
    verticals = [e for e in edges if e["orientation"] == "v" and e["bottom"] - e["top"] >= MIN_RULE]
    chars = _printed(page.chars)

    def aligned(a: _Rule, b: _Rule) -> bool:
        tol = max(TOUCH, STACK_EXTENT * (a.x1 - a.x0))
        return abs(a.x0 - b.x0) <= tol and abs(a.x1 - b.x1) <= tol

    def outside(r: _Rule) -> bool:
        return not any(x0 - TOUCH <= r.x0 and r.x1 <= x1 + TOUCH and top - TOUCH <= r.y <= bottom
                       + TOUCH for x0, top, x1, bottom in taken)  # fmt: skip

    stacks: list[list[_Rule]] = []
    for rule in sorted((r for r in rules if outside(r)), key=lambda r: r.y):
        home = next((s for s in stacks if aligned(s[-1], rule)), None)
        if home is not None:
            home.append(rule)
        else:
            stacks.append([rule])
    out: list[BBox] = []
    for stack in stacks:
        if len(stack) < STACK_RULES:
            continue
        x0, x1 = min(r.x0 for r in stack), max(r.x1 for r in stack)
        top, bottom = stack[0].y, stack[-1].y
        if any(x0 < v["x0"] < x1 and v["top"] < bottom and v["bottom"] > top for v in verticals):
            continue
        bands = [[c for c in chars if _in(c, x0, a.y, x1, b.y)]
                 for a, b in zip(stack, stack[1:], strict=False)]  # fmt: skip
        if not all(bands) or sum(_column_gap(b) for b in bands) < COLUMN_BANDS:
            continue
        out.append((x0, top, x1, bottom))
    return out
