"""The same HTML/CSS as Chromium's (tests/zoo/html_producer.py), laid out and printed by
WeasyPrint: a third layout engine (its own CSS box layout and table algorithm, Pango for
line breaking, pydyf for the PDF), none of Chromium's or LibreOffice's habits."""

from __future__ import annotations

from pathlib import Path


def print_pdf(source: str, out: Path) -> None:
    # Imported here: WeasyPrint (and the Pango it loads) lives in the zoo's virtualenv only.
    import weasyprint

    weasyprint.HTML(string=source).write_pdf(out)
