"""Reading published folders needs no extraction stack: `pipeline diff`, the validators' dataset
loader and the result contract import without pdfplumber, spaCy, pandas or OCR (issue 20:
`import pipeline.diff` cost 2.2 s because the writer imported `pipeline.run`). Checked by the
modules a fresh interpreter loads, not by a time."""

from __future__ import annotations

import os
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


def test_workbook_bytes_do_not_depend_on_lxml_being_installed() -> None:
    """openpyxl writes other bytes through lxml ("/>" vs " />"); the golden .xlsx changed
    when a test dependency pulled lxml into the environment."""
    pytest.importorskip("lxml")
    probe = "import pipeline, openpyxl.xml; print(openpyxl.xml.LXML)"
    env = {k: v for k, v in os.environ.items() if k != "OPENPYXL_LXML"}
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
    ).stdout
    assert out.strip() == "False"


def test_expectations_load_no_charting_or_statistics() -> None:
    """Great Expectations imports altair and scipy.stats for an expectation this pipeline
    never runs (about 0.8 CPU-s of its import): after the context and the stored suites are
    built they are stand-ins, not loaded; a stand-in loads its module when it is used."""
    probe = (
        "import sys\n"
        "from pipeline.validate.expectations import warm\n"
        "warm()\n"
        "names = ('altair', 'scipy.stats')\n"
        "print(' '.join(n for n in names if n in sys.modules and '__file__' in vars(sys.modules[n])))\n"
        "from scipy import stats\n"
        "print(stats.entropy([1, 1], [1, 1]))\n"
        "print('__file__' in vars(sys.modules['scipy.stats']))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out == ["", "0.0", "True"]
