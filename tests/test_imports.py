"""Reading published folders needs no extraction stack: `pipeline diff`, the validators' dataset
loader and the result contract import without pdfplumber, spaCy, pandas or OCR (issue 20:
`import pipeline.diff` cost 2.2 s because the writer imported `pipeline.run`). Checked by the
modules a fresh interpreter loads, not by a time."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("pandas", "spacy", "pdfplumber", "pdfminer", "openpyxl", "pytesseract", "cv2")


@pytest.mark.parametrize(
    "module", ["pipeline.diff", "pipeline.result", "pipeline.validate.dataset"]
)
def test_light_module_loads_no_extraction_stack(module: str) -> None:
    probe = f"import sys, {module}\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == []
