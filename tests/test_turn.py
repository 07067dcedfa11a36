"""A sideways page is turned upright from what was parsed of it (pipeline/extract/turn.py),
not copied with /Rotate and parsed again (issue 20, item 6). The turned objects are checked
against pdfminer's own parse of the page shown with /Rotate, and the page's content is
interpreted once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from pdfminer.pdfinterp import PDFPageInterpreter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from pipeline.extract.document import extract_document, upright_copy
from pipeline.extract.turn import DOWN, UP, TurnedPage, can_turn, sideways_turn


def _sideways_pdf(path: Path, turn: int) -> Path:
    """Text, a box, a rule and a curve set landscape on a portrait page turned `turn` degrees
    (no /Rotate), at coordinates that are not round numbers."""
    w, h = A4
    canvas = Canvas(str(path), pagesize=(w, h), invariant=1)
    canvas.translate(w, 0) if turn == 90 else canvas.translate(0, h)
    canvas.rotate(turn)
    canvas.setFont("Helvetica", 10)
    for k in range(12):
        canvas.drawString(40 + k * 3.3, w - 40 - k * 17.7, f"Baris {k} teks miring 1.234,5")
    canvas.rect(30.5, 30.25, 400.7, 200.3)
    canvas.line(30, 100.1, 500, 100.1)
    path_ = canvas.beginPath()
    path_.moveTo(50, 50)
    path_.curveTo(60, 70, 80, 90, 100, 50)
    canvas.drawPath(path_)
    canvas.showPage()
    canvas.save()
    return path


def _numbers(value: Any) -> list[Any]:
    if isinstance(value, list | tuple):
        return [n for item in value for n in _numbers(item)]
    return [value]


@pytest.mark.parametrize(("turn", "expected"), [(90, UP), (-90, DOWN)], ids=["up", "down"])
def test_turned_objects_are_those_of_the_page_shown_turned(
    tmp_path: Path, turn: int, expected: int
) -> None:
    pdf_path = _sideways_pdf(tmp_path / "miring.pdf", turn)
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[0]
        assert sideways_turn(page) == expected and can_turn(page)
        mine = TurnedPage(page, expected)
        with upright_copy(pdf_path, 0, expected) as copy:
            theirs = copy.pages[0]
            assert (mine.width, mine.height) == (theirs.width, theirs.height)
            assert mine.objects.keys() == theirs.objects.keys()
            for kind, objects in theirs.objects.items():
                assert len(mine.objects[kind]) == len(objects), kind
                for ours, reparsed in zip(mine.objects[kind], objects, strict=True):
                    assert ours.keys() == reparsed.keys(), kind
                    for key in reparsed.keys() - {"page_number", "doctop"}:
                        a, b = _numbers(ours[key]), _numbers(reparsed[key])
                        assert len(a) == len(b), (kind, key)
                        for x, y in zip(a, b, strict=True):
                            if isinstance(y, float) and not isinstance(y, bool):
                                assert x == pytest.approx(y, abs=1e-9), (kind, key)
                            else:
                                assert x == y, (kind, key)
        assert all(c["upright"] for c in mine.chars)
        assert "Baris 0 teks miring" in mine.extract_text()


def test_a_sideways_page_is_parsed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf_path = _sideways_pdf(tmp_path / "miring.pdf", 90)
    parsed: list[int] = []
    process_page = PDFPageInterpreter.process_page

    def counting(self: PDFPageInterpreter, page: Any) -> None:
        parsed.append(1)
        process_page(self, page)

    monkeypatch.setattr(PDFPageInterpreter, "process_page", counting)
    doc = extract_document(pdf_path)
    assert len(parsed) == 1
    text = " ".join(ln.text for p in doc.pages for ln in p.lines)
    assert "Baris 0 teks miring" in text
