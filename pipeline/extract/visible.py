"""Only the text a reader sees: characters that are never painted are not content.

A PDF can carry text that no reader sees: drawn in white on a white page ("TELAH DITELITI
OLEH PARAF" paraf boxes left in a Word template), set in text render mode 3 or 7 (neither
filled nor stroked: the invisible OCR layer of a scan, a clipping path), or placed outside
the page's visible area. pdfplumber reports all of them as characters; `visible_page`
drops them before anything reads the page. White text on a dark fill (a coloured header
row) is seen and kept; so is unpainted text over an image (a scan's OCR layer).

pdfminer does not pass the text render mode on to its characters, so `_mark_render_mode`
wraps the layout device pdfplumber uses and records it in the characters' `fill` and
`stroke` attributes (the two things a render mode switches; pdfplumber already exports
both attributes, for shapes). Clipping paths other than the page box are not tracked by
pdfminer; text clipped by them is still read.

Text painted first and then covered by an opaque white shape drawn over it (a signature
block's white box laid over the right part of a table, Pergub Sulut 4/2017 p7) is not seen
either: `_mark_covered_text` follows the drawing order, which pdfplumber's lists of
characters and shapes do not keep, and marks each character under a white fill painted
after it with `fill` COVERED. Shapes painted before the text (a cell's white background)
cover nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pdfminer.layout import LTChar, LTCurve
from pdfplumber.page import Page, PDFPageAggregatorWithMarkedContent

from pipeline.extract import glyphs as _glyphs  # noqa: F401  (reads misread glyphs by name)

# Text render modes (PDF 32000-1, 9.3.6) -> (filled, stroked).
RENDER_MODES: dict[int, tuple[bool, bool]] = {
    0: (True, False),
    1: (False, True),
    2: (True, True),
    3: (False, False),
    4: (True, False),
    5: (False, True),
    6: (True, True),
    7: (False, False),
}
# A colour component this close to full intensity counts as white paper.
WHITE_MIN = 0.95
# A character is on the page when its centre is inside the page box (this much slack).
PAGE_SLACK = 1.0
# The `fill` of a character that a white shape painted after it covers.
COVERED = "covered"
# Side of the squares (pt) characters are filed in, to find those under a shape quickly.
_BUCKET = 36.0


def _mark_render_mode() -> None:
    cls: Any = PDFPageAggregatorWithMarkedContent
    if getattr(cls, "_render_mode_marked", False):
        return
    original = cls.render_string

    def render_string(self: Any, textstate: Any, seq: Any, ncs: Any, graphicstate: Any) -> None:
        before = len(self.cur_item._objs)
        original(self, textstate, seq, ncs, graphicstate)
        fill, stroke = RENDER_MODES.get(textstate.render, (True, False))
        for obj in self.cur_item._objs[before:]:
            obj.fill, obj.stroke = fill, stroke

    cls.render_string = render_string
    cls._render_mode_marked = True


_mark_render_mode()


def _white_paint(gstate: Any) -> bool:
    color = gstate.ncolor
    return is_white(list(color) if isinstance(color, tuple) else color)


def _mark_covered_text() -> None:
    cls: Any = PDFPageAggregatorWithMarkedContent
    if getattr(cls, "_covered_text_marked", False):
        return
    render_string, paint_path = cls.render_string, cls.paint_path

    def drawn(self: Any) -> dict[tuple[int, int], list[Any]]:
        buckets: dict[tuple[int, int], list[Any]] | None = getattr(self, "_drawn_text", None)
        if buckets is None:
            buckets = self._drawn_text = {}
        return buckets

    def text(self: Any, textstate: Any, seq: Any, ncs: Any, graphicstate: Any) -> None:
        before = len(self.cur_item._objs)
        render_string(self, textstate, seq, ncs, graphicstate)
        buckets = drawn(self)
        for obj in self.cur_item._objs[before:]:
            if isinstance(obj, LTChar):
                cx, cy = (obj.x0 + obj.x1) / 2, (obj.y0 + obj.y1) / 2
                buckets.setdefault((int(cx // _BUCKET), int(cy // _BUCKET)), []).append(obj)

    def path(self: Any, gstate: Any, stroke: bool, fill: bool, evenodd: bool, p: Any) -> None:
        before = len(self.cur_item._objs)
        paint_path(self, gstate, stroke, fill, evenodd, p)
        if not fill or not _white_paint(gstate):
            return
        buckets = drawn(self)
        if not buckets:
            return
        for shape in self.cur_item._objs[before:]:
            if not isinstance(shape, LTCurve) or not shape.fill:
                continue
            x0, y0, x1, y1 = shape.bbox
            for bx in range(int(x0 // _BUCKET), int(x1 // _BUCKET) + 1):
                for by in range(int(y0 // _BUCKET), int(y1 // _BUCKET) + 1):
                    for obj in buckets.get((bx, by), ()):
                        cx, cy = (obj.x0 + obj.x1) / 2, (obj.y0 + obj.y1) / 2
                        if x0 <= cx <= x1 and y0 <= cy <= y1:
                            obj.fill = COVERED

    cls.render_string, cls.paint_path = text, path
    cls._covered_text_marked = True


_mark_covered_text()


def is_white(color: Any) -> bool:
    """A non-stroking colour that paints like the paper: gray 1, RGB (1, 1, 1), CMYK 0."""
    if color is None:
        return False
    values = color if isinstance(color, list | tuple) else (color,)
    if not values or not all(isinstance(v, int | float) for v in values):
        return False
    if len(values) == 4:  # CMYK: no ink
        return all(v <= 1 - WHITE_MIN for v in values)
    return all(v >= WHITE_MIN for v in values)


def _covered(char: dict[str, Any], shapes: Sequence[dict[str, Any]]) -> bool:
    """Whether one of `shapes` lies under the character's centre."""
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return any(s["x0"] <= x <= s["x1"] and s["top"] <= y <= s["bottom"] for s in shapes)


def invisible_chars(page: Page) -> list[dict[str, Any]]:
    """The characters of `page` that are never painted where a reader can see them."""
    x0, top, x1, bottom = page.bbox
    fills = [
        s
        for s in (*page.rects, *page.curves)
        if s.get("fill") and not is_white(s.get("non_stroking_color"))
    ]
    out = []
    for c in page.chars:
        cx = (c["x0"] + c["x1"]) / 2
        cy = (c["top"] + c["bottom"]) / 2
        outside = not (
            x0 - PAGE_SLACK <= cx <= x1 + PAGE_SLACK
            and top - PAGE_SLACK <= cy <= bottom + PAGE_SLACK
        )
        # Unpainted text over an image is the OCR layer of a scanned page: it stands for
        # the text the image shows, and is read.
        unpainted = c.get("fill") is False and c.get("stroke") is False
        unpainted = unpainted and not _covered(c, page.images)
        white = is_white(c.get("non_stroking_color")) and c.get("stroke") is not True
        covered = c.get("fill") == COVERED
        if outside or unpainted or covered or (white and not _covered(c, fills)):
            out.append(c)
    return out


def visible_page(page: Page) -> Page:
    """`page` itself when every character is seen, else a view of it without the unseen
    characters (rules, shapes and images untouched)."""
    hidden = {id(c) for c in invisible_chars(page)}
    if not hidden:
        return page
    return page.filter(lambda obj: obj.get("object_type") != "char" or id(obj) not in hidden)
