"""A page whose text runs sideways, turned the right way up from what was already read of it.

Landscape content set on a portrait page (turned 90 degrees, no /Rotate) has characters
whose text matrix runs up or down the page. The page is read upright by turning what
pdfplumber parsed of it a quarter turn: every object's box, points and path, and each
character's matrix (so its `upright` flag), as pdfminer computes them for the page shown
with /Rotate 90 or 270. The page's content is parsed once: before, the page was copied into
a one-page PDF with /Rotate set (pypdf, the whole file read again) and that copy parsed
again. Coordinates agree with the re-parse up to rounding (1e-13 pt): pdfminer computes
the turned frame's `top` as `x1 - (x1 - x)`, the turn takes `x` itself.

A character's `size` is its box's height in the upright frame, as pdfminer gives it for a
horizontal font (for a vertical one pdfminer gives the width: pdfplumber's characters do not
say which, so horizontal is assumed), and `upright` assumes a positive horizontal scaling
(Tz), which the characters do not carry either. A page already rotated, or whose media box
does not start at 0, 0, is still copied with /Rotate and parsed again (`can_turn`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pdfplumber.page import DerivedPage, Page

Point = tuple[float, float]
Matrix = tuple[float, float, float, float, float, float]

UP, DOWN = 90, 270  # the /Rotate that shows text running up / down the page upright


def sideways_turn(page: Page) -> int | None:
    """UP or DOWN when most characters of `page` run sideways (the direction from their text
    matrices: b > 0 runs up), else None."""
    chars = page.chars
    sideways = [c for c in chars if not c.get("upright", True)]
    if not chars or len(sideways) * 2 <= len(chars):
        return None
    runs_up = sorted(c["matrix"][1] for c in sideways)[len(sideways) // 2] > 0
    return UP if runs_up else DOWN


def _mult(m: Matrix, n: Matrix) -> Matrix:
    """pdfminer.utils.mult_matrix(m, n): m then n."""
    a1, b1, c1, d1, e1, f1 = m
    a0, b0, c0, d0, e0, f0 = n
    return (
        a0 * a1 + c0 * b1,
        b0 * a1 + d0 * b1,
        a0 * c1 + c0 * d1,
        b0 * c1 + d0 * d1,
        a0 * e1 + c0 * f1 + e0,
        b0 * e1 + d0 * f1 + f0,
    )


class TurnedPage(DerivedPage):
    """`parent` (an unrotated page whose media box starts at 0, 0) shown turned by `turn`
    (UP or DOWN): its objects in the turned frame, its width and height swapped."""

    def __init__(self, parent: Page, turn: int) -> None:
        super().__init__(parent)
        width, height = float(parent.width), float(parent.height)
        self.rotation = (parent.rotation + turn) % 360
        x0, top = parent.bbox[0], parent.bbox[1]
        box = (x0, top, x0 + parent.height, top + parent.width)
        self.mediabox = self.cropbox = self.bbox = box
        point: Callable[[float, float], Point]
        if turn == UP:  # pdfminer's page.rotate 90: ctm (0, -1, 1, 0, -y0, x1)
            point = lambda x, y: (height - y, x)  # noqa: E731
            turn_matrix: Matrix = (0, -1, 1, 0, 0, width)
        else:  # 270: ctm (0, 1, -1, 0, y1, -x0)
            point = lambda x, y: (y, width - x)  # noqa: E731
            turn_matrix = (0, 1, -1, 0, height, 0)
        doctop = parent.initial_doctop
        turned_height = width

        def turned(obj: dict[str, Any]) -> dict[str, Any]:
            out = dict(obj)
            if "x0" in obj and "top" in obj:
                (ax, ay), (bx, by) = (
                    point(obj["x0"], obj["top"]),
                    point(obj["x1"], obj["bottom"]),
                )
                nx0, nx1, ntop, nbottom = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
                out.update(
                    x0=nx0, x1=nx1, top=ntop, bottom=nbottom, doctop=doctop + ntop,
                    y0=turned_height - nbottom, y1=turned_height - ntop,
                    width=nx1 - nx0, height=nbottom - ntop,
                )  # fmt: skip
            if obj.get("object_type") == "rect":  # pdfminer's LTRect: corners of its box
                x0, x1, top, bottom = out["x0"], out["x1"], out["top"], out["bottom"]
                out["pts"] = [(x0, bottom), (x1, bottom), (x1, top), (x0, top)]
            elif "pts" in obj:
                out["pts"] = [point(x, y) for x, y in obj["pts"]]
            if "path" in obj:
                out["path"] = [(cmd, *(point(x, y) for x, y in pts)) for cmd, *pts in obj["path"]]
            if obj.get("object_type") == "char" and "matrix" in obj:
                a, b, c, d, e, f = out["matrix"] = _mult(obj["matrix"], turn_matrix)
                out["upright"] = a * d > 0 and b * c <= 0
                out["size"] = out["height"]
            return out

        self._objects = {
            kind: [turned(obj) for obj in objs] for kind, objs in parent.objects.items()
        }


def can_turn(page: Page) -> bool:
    """Whether TurnedPage reproduces pdfminer's turned frame for `page`: an unrotated page
    whose media box starts at 0, 0 (else the page is copied with /Rotate and parsed again)."""
    return page.rotation == 0 and tuple(page.mediabox[:2]) == (0, 0)
