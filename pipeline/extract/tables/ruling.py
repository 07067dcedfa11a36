"""The ruling of a page's tables, from its graphics: what pdfplumber's table finder is given.

Producers draw the same table very differently: Word and LibreOffice stroke one line per
cell side; Chromium fills a thin black rectangle per cell side (0.4 to 0.75 pt) and paints
each cell's white background as a rectangle of its own; a header may be white, with no
rule over it. Two things are done here, so one finder reads them all:

* Graphics a reader never sees are no rules: a rectangle filled with the paper's white
  and not stroked (a cell background) would otherwise give the finder edges where
  nothing is printed, and cells that run past the printed grid. Nor is shading: a filled,
  unstroked rectangle wider than a rule both ways (a cell's or a text line's coloured
  background, an Excel export's grey behind each line of a header) shades what the rules
  bound; its sides would give columns that run through no more than one cell.
* A table's frame is closed. The visible rules that touch one another (a vertical
  crossing or meeting a horizontal, within the snap tolerance) form one frame; its
  outer sides are added as rules, so a first row printed under no rule of its own (a
  white header, the top of a page of a table without repeated header) is still a row,
  and the left part of a table (merged "No"/"Area" cells) is not cut from the rest.

pdfplumber then snaps and joins collinear pieces across small gaps (its snap and join
tolerances) and builds the cells; `grid.build_piece` resolves merged cells from them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

import pdfplumber
from pdfplumber import utils

from pipeline.extract.tables.horizontal import find_horizontal_tables, has_vertical_rules

# Rules shorter than this are glyph-sized marks, not ruling (pdfplumber's own default).
MIN_RULE = 3.0
# Two rules touch when they come this close (pdfplumber's snap tolerance).
TOUCH = 3.0
# A vertical rule ending this close to a horizontal one (not touching it) is carried on
# to it: twice the snap tolerance, the gap Chromium leaves between per-cell borders.
BRIDGE = 2 * TOUCH
# A frame is a table's only when it is at least this big both ways.
MIN_FRAME = 10.0
WHITE = 0.95  # a fill at least this light on every channel is the paper's colour
# A filled rectangle this thin (or thinner) one way is a rule drawn as a fill (Chromium
# draws 0.4 to 0.75 pt, Excel exports up to 1 pt); thicker both ways it is shading.
MAX_RULE_WIDTH = 2.0
# A rule this close to a box's side runs along it (the box is a cell among cells).
SIDE = 1.5
# A side of a frame painted as a ring (`unringed`) this narrow or less is not drawn.
OPEN_SIDE = 0.05


def is_white(color: Any) -> bool:
    if color is None:
        return False
    values = color if isinstance(color, (tuple, list)) else (color,)
    if not values or not all(isinstance(v, (int, float)) for v in values):
        return False
    if len(values) == 4:  # CMYK: white is no ink
        return all(v <= 1 - WHITE for v in values)
    return all(v >= WHITE for v in values)


def invisible_background(obj: dict[str, Any]) -> bool:
    """A rectangle filled and not stroked, in the paper's white or wider than a rule
    both ways: a background, no rule (see the module's notes)."""
    if obj.get("object_type") != "rect" or not obj.get("fill") or obj.get("stroke"):
        return False
    thick = min(obj["x1"] - obj["x0"], obj["bottom"] - obj["top"]) > MAX_RULE_WIDTH
    return thick or is_white(obj.get("non_stroking_color"))


def _hole(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether filling `a` and `b` as one path leaves the inner one empty: filled by the
    even-odd rule, or wound in opposite directions (the nonzero rule)."""
    if a.get("evenodd") and b.get("evenodd"):
        return True
    return _signed_area(a) * _signed_area(b) < 0


def _signed_area(o: dict[str, Any]) -> float:
    pts = list(o.get("pts") or [])
    turned = pts[1:] + pts[:1]
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(pts, turned, strict=True))


def _ring(a: dict[str, Any], b: dict[str, Any]) -> tuple[float, float, float, float] | None:
    """The widths of the sides (left, top, right, bottom) of the frame that rectangles
    `a` and `b`, drawn one right after the other, paint together: one filled path of two
    rectangles, the inner one a hole, each of its sides at most MAX_RULE_WIDTH wide (a
    cell's border drawn as a fill); a side 0 wide is not drawn. None when they are no such
    frame."""
    if not all(o.get("object_type") == "rect" and o.get("fill") and not o.get("stroke")
               for o in (a, b)):  # fmt: skip
        return None
    if a.get("non_stroking_color") != b.get("non_stroking_color") or not _hole(a, b):
        return None
    outer, inner = (a, b) if a["width"] * a["height"] >= b["width"] * b["height"] else (b, a)
    if min(outer["width"], outer["height"]) <= MAX_RULE_WIDTH:
        return None
    sides = (
        inner["x0"] - outer["x0"], inner["top"] - outer["top"],
        outer["x1"] - inner["x1"], outer["bottom"] - inner["bottom"],
    )  # fmt: skip
    if not all(-OPEN_SIDE <= d <= MAX_RULE_WIDTH for d in sides) or max(sides) <= OPEN_SIDE:
        return None
    return sides


def _side(o: dict[str, Any], x0: float, top: float, x1: float, bottom: float) -> dict[str, Any]:
    """A copy of rectangle `o` reduced to the box given (page coordinates)."""
    height = o["y1"] + o["top"]  # the page's height: y runs up from its bottom
    return {
        **o, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "y0": height - bottom,
        "y1": height - top, "width": x1 - x0, "height": bottom - top,
        "doctop": o["doctop"] + top - o["top"], "evenodd": False,
        "pts": [(x0, top), (x1, top), (x1, bottom), (x0, bottom)],
        "path": [("m", (x0, top)), ("l", (x1, top)), ("l", (x1, bottom)), ("l", (x0, bottom)),
                 ("h",)],
    }  # fmt: skip


def unringed(rects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`rects` with each frame painted as a filled ring (`_ring`: WeasyPrint fills every
    cell's border as one path of two rectangles, even-odd) replaced by its drawn sides,
    each a thin filled rectangle: a rule drawn as a fill. Read as two rectangles, a ring
    is a box thicker than a rule both ways, shading, and its cell's rules are lost; a side
    the ring leaves open (0 wide: the top of a cell running on from the page before) is
    no rule."""
    out: list[dict[str, Any]] = []
    k = 0
    while k < len(rects):
        a = rects[k]
        sides = _ring(a, rects[k + 1]) if k + 1 < len(rects) else None
        if sides is None:
            out.append(a)
            k += 1
            continue
        b = rects[k + 1]
        o = a if a["width"] * a["height"] >= b["width"] * b["height"] else b
        x0, top, x1, bottom = o["x0"], o["top"], o["x1"], o["bottom"]
        left, over, right, under = sides
        boxes = (
            (left, (x0, top, x0 + left, bottom)), (over, (x0, top, x1, top + over)),
            (right, (x1 - right, top, x1, bottom)), (under, (x0, bottom - under, x1, bottom)),
        )  # fmt: skip
        out += [_side(o, *box) for width, box in boxes if width > OPEN_SIDE]
        k += 2
    return out


class _Redrawn(pdfplumber.page.DerivedPage):
    """A page whose rectangles are given (`unringed`), everything else its parent's."""

    def __init__(self, parent: pdfplumber.page.Page, rects: list[dict[str, Any]]) -> None:
        self.bbox = parent.bbox
        self._given = {**parent.objects, "rect": rects}
        super().__init__(parent)

    @property
    def objects(self) -> dict[str, list[dict[str, Any]]]:
        return self._given


def without_backgrounds(page: pdfplumber.page.Page) -> pdfplumber.page.Page:
    """`page` without its white cell backgrounds and the drawings inside its cells
    (`drawings`), its frames painted as rings read as their sides (`unringed`): the page
    itself when it has none of these."""
    rects = unringed(page.rects)
    if len(rects) != len(page.rects) or any(
        a is not b for a, b in zip(rects, page.rects, strict=True)
    ):
        page = _Redrawn(page, rects)
    drawn = drawings(page)
    if not drawn and not any(invisible_background(r) for r in page.rects):
        return page
    return page.filter(lambda o: not invisible_background(o) and id(o) not in drawn)


def _edges_of(obj: dict[str, Any]) -> list[dict[str, Any]]:
    kind = obj.get("object_type")
    if kind == "rect":
        return list(utils.rect_to_edges(obj))
    if kind == "curve":
        return list(utils.curve_to_edges(obj))
    if kind == "line":
        return [utils.line_to_edge(obj)]
    return []


def _long(e: dict[str, Any]) -> bool:
    return max(e["x1"] - e["x0"], e["bottom"] - e["top"]) >= MIN_RULE


def _on_side(e: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    """Whether rule `e` runs along one side of `box` (a neighbouring cell's side)."""
    x0, top, x1, bottom = box
    if e["orientation"] == "h":
        along = min(e["x1"], x1) - max(e["x0"], x0) > 2 * TOUCH
        return along and min(abs(e["top"] - top), abs(e["top"] - bottom)) <= SIDE
    along = min(e["bottom"], bottom) - max(e["top"], top) > 2 * TOUCH
    return along and min(abs(e["x0"] - x0), abs(e["x0"] - x1)) <= SIDE


def _inside(e: dict[str, Any], box: tuple[float, float, float, float], margin: float) -> bool:
    cx, cy = (e["x0"] + e["x1"]) / 2, (e["top"] + e["bottom"]) / 2
    return box[0] + margin < cx < box[2] - margin and box[1] + margin < cy < box[3] - margin


def _ends(o: dict[str, Any]) -> list[tuple[float, float]]:
    """Where a line, a rule drawn as a thin rectangle, or a curve ends (a small curve, an
    arrowhead: all its points)."""
    x0, top, x1, bottom = o["x0"], o["top"], o["x1"], o["bottom"]
    if o["object_type"] == "curve" and min(x1 - x0, bottom - top) > MAX_RULE_WIDTH:
        pts = list(o.get("pts") or [])
        small = max(x1 - x0, bottom - top) < MIN_FRAME
        return pts if small else pts[:1] + pts[-1:]
    if x1 - x0 >= bottom - top:
        return [(x0, (top + bottom) / 2), (x1, (top + bottom) / 2)]
    return [((x0 + x1) / 2, top), ((x0 + x1) / 2, bottom)]


def _at(point: tuple[float, float], o: dict[str, Any]) -> bool:
    x, y = point
    return o["x0"] - TOUCH <= x <= o["x1"] + TOUCH and o["top"] - TOUCH <= y <= o["bottom"] + TOUCH


def _shading(o: dict[str, Any]) -> bool:
    """A filled, unstroked shape thicker than a rule both ways (a box's fill)."""
    thick = min(o["x1"] - o["x0"], o["bottom"] - o["top"]) > MAX_RULE_WIDTH
    return bool(o.get("fill")) and not o.get("stroke") and thick


def _places(shapes: list[dict[str, Any]]) -> list[tuple[float, float, float, float]]:
    """The distinct places of `shapes`: a box filled and then stroked as two shapes (or
    drawn twice) is one box."""
    out: list[tuple[float, float, float, float]] = []
    for o in shapes:
        box = (o["x0"], o["top"], o["x1"], o["bottom"])
        if not any(all(abs(a - b) <= TOUCH for a, b in zip(box, p, strict=True)) for p in out):
            out.append(box)
    return out


def _inside_box(
    box: tuple[float, float, float, float], cell: tuple[float, float, float, float]
) -> bool:
    """Whether the middle of `box` lies inside `cell`."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return cell[0] < cx < cell[2] and cell[1] < cy < cell[3]


def _cell_around(
    box: tuple[float, float, float, float], rules: list[dict[str, Any]]
) -> tuple[float, float, float, float] | None:
    """The cell of `rules` that holds `box`: bounded by the nearest vertical rule left and
    right of it that runs along its whole height, and the nearest horizontal rule above
    and below it that runs along its whole width; None where a side has no such rule."""
    x0, top, x1, bottom = box
    left: list[float] = []
    right: list[float] = []
    above: list[float] = []
    below: list[float] = []
    for e in rules:
        if e["orientation"] == "v" and e["top"] - TOUCH <= top and bottom <= e["bottom"] + TOUCH:
            x = (e["x0"] + e["x1"]) / 2
            (left if x < x0 else right if x > x1 else []).append(x)
        elif e["orientation"] == "h" and e["x0"] - TOUCH <= x0 and x1 <= e["x1"] + TOUCH:
            y = (e["top"] + e["bottom"]) / 2
            (above if y < top else below if y > bottom else []).append(y)
    if not (left and right and above and below):
        return None
    return (max(left), max(above), min(right), min(below))


def drawings(page: pdfplumber.page.Page) -> set[int]:
    """The ids of the graphics drawn inside a table's cells, no ruling: a flowchart in a
    procedure table (Kepbup Tulang Bawang Barat SOP p2-4), each step a stroked box holding
    its number in an actor's column, arrows between them. A box is a stroked rectangle (or
    a closed curve, stroked or filled: a rounded box, a diamond) that no other rule
    divides, that shares no side with another rule (a cell among cells), and that lies
    inside one cell of the other rules (`_cell_around`) alone: no other box is drawn in
    that cell. A table drawn as one box per cell (Chromium's borders with gaps between
    cells, tests/fixtures/zoo ch-legal-gaps) keeps its boxes as ruling: the other rules
    around one of them (a merged cell's sides, a group row) enclose its neighbours too, or
    no other rule encloses it at all. Its connectors are the lines, curves,
    thin rectangles and arrowheads that end at a box or at another connector, and do not
    run from a rule of the table to another. Without them the boxes' sides cut the cells
    into phantom columns and rows."""
    candidates = [
        o
        for o in (*page.rects, *page.curves)
        if (o.get("stroke") or (o["object_type"] == "curve" and _shading(o)))
        and o["x1"] - o["x0"] >= MIN_FRAME
        and o["bottom"] - o["top"] >= MIN_FRAME
        and (o["object_type"] == "rect" or _closed(o))
    ]
    if not candidates:
        return set()
    ids = {id(o) for o in candidates}
    shapes = [
        o
        for o in (*page.rects, *page.lines, *page.curves)
        if id(o) not in ids and not invisible_background(o) and not _shading(o)
    ]
    rules = [e for o in shapes for e in _edges_of(o) if _long(e)]
    places = _places(candidates)
    boxes: list[dict[str, Any]] = []
    for o in candidates:
        box = (o["x0"], o["top"], o["x1"], o["bottom"])
        rect = o["object_type"] == "rect"  # (a curve's corners may touch a rule: a diamond)
        if any(_inside(e, box, TOUCH) or (rect and _on_side(e, box)) for e in rules):
            continue
        cell = _cell_around(box, rules)
        if cell is not None and sum(_inside_box(p, cell) for p in places) == 1:
            boxes.append(o)
    if not boxes:
        return set()
    drawn = {id(o) for o in boxes}
    reached: list[dict[str, Any]] = list(boxes)
    heads = [o for o in page.curves if _shading(o) and max(o["width"], o["height"]) < MIN_FRAME]
    grew = True
    while grew:  # connectors: shapes one of whose ends is at a box or a connector
        grew = False
        for o in (*shapes, *heads):
            if id(o) not in drawn and any(_at(p, r) for p in _ends(o) for r in reached):
                drawn.add(id(o))
                reached.append(o)
                grew = True
    table = [o for o in shapes if id(o) not in drawn]
    # A shape reached that runs from a rule of the table to another is a rule after all.
    for o in reached[len(boxes) :]:
        ends = _ends(o)
        if len(ends) == 2 and all(any(_at(p, t) for t in table) for p in ends):
            drawn.discard(id(o))
    return drawn


def _closed(o: dict[str, Any]) -> bool:
    """A curve that comes back to where it starts (a rounded box)."""
    pts = o.get("pts") or []
    return (
        len(pts) >= 4
        and abs(pts[0][0] - pts[-1][0]) <= TOUCH
        and abs(pts[0][1] - pts[-1][1]) <= TOUCH
    )


def _inner(e: dict[str, Any], box: list[float]) -> bool:
    """Whether rule `e` runs inside `box`, not along one of its sides."""
    if e["orientation"] == "v":
        return box[0] + TOUCH < (e["x0"] + e["x1"]) / 2 < box[2] - TOUCH
    return box[1] + TOUCH < (e["top"] + e["bottom"]) / 2 < box[3] - TOUCH


def _frames(
    edges: list[dict[str, Any]], ruled_inside: bool = False
) -> list[tuple[float, float, float, float]]:
    """Bounding boxes of the groups of rules that touch one another (union-find);
    `ruled_inside`: only those where one of the group's rules runs inside its box."""
    rules = [e for e in edges if max(e["x1"] - e["x0"], e["bottom"] - e["top"]) >= MIN_RULE]
    parent = list(range(len(rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def touch(a: dict[str, Any], b: dict[str, Any]) -> bool:
        return (
            a["x0"] - TOUCH <= b["x1"]
            and b["x0"] - TOUCH <= a["x1"]
            and a["top"] - TOUCH <= b["bottom"]
            and b["top"] - TOUCH <= a["bottom"]
        )

    order = sorted(range(len(rules)), key=lambda i: rules[i]["x0"])
    for k, i in enumerate(order):
        a = rules[i]
        for j in order[k + 1 :]:
            b = rules[j]
            if b["x0"] - TOUCH > a["x1"]:
                break
            if touch(a, b):
                ra, rb = find(i), find(j)
                if ra != rb:
                    parent[rb] = ra
    groups: dict[int, list[dict[str, Any]]] = {}
    for i, e in enumerate(rules):
        groups.setdefault(find(i), []).append(e)
    boxes: list[list[float]] = []
    loose: list[tuple[float, float, float, float]] = []  # groups of verticals alone
    for members in groups.values():
        x0 = min(e["x0"] for e in members)
        x1 = max(e["x1"] for e in members)
        top = min(e["top"] for e in members)
        bottom = max(e["bottom"] for e in members)
        has_h = any(e["orientation"] == "h" for e in members)
        if not has_h:
            loose.append((x0, top, x1, bottom))
        elif any(e["orientation"] == "v" for e in members):
            box = [x0, top, x1, bottom]
            if not ruled_inside or any(_inner(e, box) for e in members):
                boxes.append(box)
    # Verticals that touch no horizontal rule are the sides of merged cells running on
    # from the page before (no rule over them, none under them yet): they belong to the
    # frame beside them, the nearest one their height overlaps by half at least.
    for x0, top, x1, bottom in sorted(loose):
        best: list[float] | None = None
        for box in boxes:
            overlap = min(bottom, box[3]) - max(top, box[1])
            if overlap < 0.5 * min(bottom - top, box[3] - box[1]):
                continue
            gap = max(box[0] - x1, x0 - box[2], 0.0)
            if best is None or gap < max(best[0] - x1, x0 - best[2], 0.0):
                best = box
        if best is not None:
            best[0], best[1] = min(best[0], x0), min(best[1], top)
            best[2], best[3] = max(best[2], x1), max(best[3], bottom)
    out = [
        (b[0], b[1], b[2], b[3])
        for b in boxes
        if b[2] - b[0] >= MIN_FRAME and b[3] - b[1] >= MIN_FRAME
    ]
    return sorted(out, key=lambda b: (b[1], b[0]))


def _line(x0: float, top: float, x1: float, bottom: float) -> dict[str, Any]:
    return {
        "object_type": "line", "x0": x0, "x1": x1, "top": top, "bottom": bottom,
        "width": x1 - x0, "height": bottom - top,
    }  # fmt: skip


def _long_rules(
    edges: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[float]]:
    """The rules at least MIN_RULE long: the vertical ones, the horizontal ones by their top,
    and those tops (for bisecting)."""
    rules = [e for e in edges if max(e["x1"] - e["x0"], e["bottom"] - e["top"]) >= MIN_RULE]
    flat = sorted((e for e in rules if e["orientation"] == "h"), key=lambda e: e["top"])
    return [e for e in rules if e["orientation"] == "v"], flat, [e["top"] for e in flat]


def _bridges(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Vertical rules carried across a small gap to the horizontal rule above or below
    them. Per-cell borders with gaps (Chromium's rules with gaps) start a little under the
    rule over the row, and a row broken by the page end goes on at the top of the next
    page under no rule of its own: its sides start under the header's bottom rule, further
    from it than pdfplumber's snap tolerance once the header's doubled rules are snapped
    together, and the row's cells would run into one across the whole table."""
    verticals, flat, ys = _long_rules(edges)
    out: list[dict[str, Any]] = []
    for v in verticals:
        x = (v["x0"] + v["x1"]) / 2
        top, bottom = v["top"], v["bottom"]
        lo, hi = bisect_left(ys, top - BRIDGE), bisect_right(ys, bottom + BRIDGE)
        for h in flat[lo:hi]:
            if not h["x0"] - TOUCH <= x <= h["x1"] + TOUCH:
                continue
            if top - BRIDGE <= h["top"] < top:
                top = min(top, h["top"])
            if bottom < h["top"] <= bottom + BRIDGE:
                bottom = max(bottom, h["top"])
        if (top, bottom) != (v["top"], v["bottom"]):
            out.append(_line(x, top, x, bottom))
    return out


def _run_on(
    edges: list[dict[str, Any]], frames: list[tuple[float, float, float, float]]
) -> list[dict[str, Any]]:
    """Vertical rules carried down to the bottom of their frame where no horizontal rule
    crosses them from their lower end on: the sides of a cell the page end cuts, drawn
    open at the bottom (WeasyPrint closes no cell a page break cuts, zoo wp-a4-gaps-tight
    Tabel 3.2 p4) beside a neighbour that runs further down. Without them the cells of
    that row run into one across the columns whose sides stop short."""
    verticals, flat, ys = _long_rules(edges)
    out: list[dict[str, Any]] = []
    for v in verticals:
        x, end = (v["x0"] + v["x1"]) / 2, v["bottom"]
        frame = next((f for f in frames if f[0] - TOUCH <= x <= f[2] + TOUCH
                      and f[1] - TOUCH <= end < f[3] - BRIDGE), None)  # fmt: skip
        if frame is None:
            continue
        lo, hi = bisect_left(ys, end - BRIDGE), bisect_right(ys, frame[3] + TOUCH)
        if not any(h["x0"] - TOUCH <= x <= h["x1"] + TOUCH for h in flat[lo:hi]):
            out.append(_line(x, v["top"], x, frame[3]))
    return out


def table_settings(page: pdfplumber.page.Page, drawn: bool = True) -> dict[str, Any]:
    """pdfplumber table settings for `page`: its own ruling, its vertical rules carried
    across small gaps to the horizontal ones (`_bridges`) and down to their frame's bottom
    where a page end cuts their cell open (`_run_on`; both only where the rules are drawn,
    not read from a scan's ink, `drawn`), plus each frame's sides."""
    edges = list(page.edges)
    frames = _frames(edges)
    vertical: list[dict[str, Any]] = _bridges(edges) + _run_on(edges, frames) if drawn else []
    horizontal: list[dict[str, Any]] = []
    for x0, top, x1, bottom in frames:
        horizontal += [_line(x0, top, x1, top), _line(x0, bottom, x1, bottom)]
        vertical += [_line(x0, top, x0, bottom), _line(x1, top, x1, bottom)]
    return {"explicit_vertical_lines": vertical, "explicit_horizontal_lines": horizontal}


def find_tables(page: pdfplumber.page.Page, drawn: bool = True) -> list[Any]:
    """The tables of `page` (pdfplumber Table objects) on its visible, closed ruling;
    `drawn`: its rules are drawn (not read from a scan's ink by OCR). A page ruled with
    horizontal rules only has its tables built from those (`horizontal.py`)."""
    if drawn and not has_vertical_rules(list(page.edges)):
        return list(find_horizontal_tables(page))
    tables: list[Any] = list(page.find_tables(table_settings(page, drawn)))
    if drawn:
        tables += _horizontal_beside(page, [t.bbox for t in tables])
    return tables


def _horizontal_beside(page: pdfplumber.page.Page, boxes: list[Any]) -> list[Any]:
    """Tables ruled with horizontal rules only on a page that also draws a fully ruled
    table: read from the page's rules outside every ruled table's frame, where no
    vertical rule is left (a vertical outside the frames: the finder above had it)."""

    def outside(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") not in ("line", "rect", "curve"):
            return True
        return not any(
            x0 - TOUCH <= obj["x0"] and obj["x1"] <= x1 + TOUCH
            and top - TOUCH <= obj["top"] and obj["bottom"] <= bottom + TOUCH
            for x0, top, x1, bottom in boxes
        )  # fmt: skip

    rest = page.filter(outside)
    edges = list(rest.edges)
    if not edges or has_vertical_rules(edges):
        return []
    return list(find_horizontal_tables(rest))


def table_frames(page: pdfplumber.page.Page) -> list[tuple[float, float, float, float]]:
    """The frames of `page` (its visible rules, each frame closed) ruled inside: one of the
    frame's own rules runs within it, dividing it into cells. A border around the page or
    a boxed paragraph is no table frame."""
    return _frames(list(page.edges), ruled_inside=True)
