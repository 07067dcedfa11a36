"""Draw text-only regulation pages for tests: each line with its indentation and weight."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

import tests.pdfgen  # noqa: F401  (registers the Vera fonts)

LEFT = 72.0
INDENT = 24.0
LEADING = 14.0


@dataclass(frozen=True)
class L:
    """One printed line: text, indentation level (0, 1, 2 ...), bold, centred."""

    text: str
    indent: int = 0
    bold: bool = False
    center: bool = False


def H(text: str) -> L:  # noqa: N802 - reads like the printed heading it makes
    return L(text, bold=True, center=True)


def make_text_pdf(
    path: Path,
    pages: Sequence[Sequence[L]],
    numbered: bool = True,
    footer: Sequence[str] = (),
    footer_pages: Sequence[int] | None = None,
) -> Path:
    """Each page's lines from the top; `footer` lines at the bottom edge of every page (or of
    the 1-based `footer_pages`)."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    for n, lines in enumerate(pages, start=1):
        if footer_pages is None or n in footer_pages:
            canvas.setFont("Vera", 8)
            for k, text in enumerate(footer):
                canvas.drawString(LEFT, 40 + (len(footer) - 1 - k) * 10, text)
        y = height - 50
        if numbered and n > 1:
            canvas.setFont("Vera", 10)
            canvas.drawCentredString(width / 2, y, f"- {n} -")
        y -= 30
        for line in lines:
            canvas.setFont("VeraBd" if line.bold else "Vera", 10)
            if line.center:
                canvas.drawCentredString(width / 2, y, line.text)
            else:
                canvas.drawString(LEFT + line.indent * INDENT, y, line.text)
            y -= LEADING
        canvas.showPage()
    canvas.save()
    return path
