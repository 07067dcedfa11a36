"""`python -m tests.golden` (`make golden`): write the goldens of tests/golden/ from a run of
the default PDF into a temporary folder.

The goldens are what the golden tests compare a fresh run with (tests/test_default_pdf.py,
tests/test_catalog.py); they are not the production folder: `make run` publishes into
extracted/ and validations/reports/, committed as the publication and checked against these
goldens by tests/test_published.py. The run reads the reviewers' decisions from a copy of
validations/tindak_lanjut.csv (the committed one is left as it is) and does not print the
report to PDF. Review `git diff tests/golden/` by eye against the PDF pages before committing
it.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PDF = ROOT / "raw" / "perbup-magetan-14-2020.pdf"
GOLDEN = ROOT / "tests" / "golden"
GOLDEN_DIR = GOLDEN / DEFAULT_PDF.stem  # the published document folder
GOLDEN_REPORT = GOLDEN / "laporan" / f"{DEFAULT_PDF.stem}.html"
# The catalog files a run writes next to the document folders.
CATALOG_FILES = ("katalog.sqlite", "katalog.csv", "katalog.metadata.json")
FOLLOW_UP = ROOT / "validations" / "tindak_lanjut.csv"


def write_goldens() -> int:
    """Run the default PDF into a temporary folder and replace tests/golden/ with what it
    published; the exit code of the run (nothing is replaced when it fails)."""
    os.environ["PIPELINE_REPORT_PDF"] = "0"  # the golden is the HTML report
    from pipeline.cli import main

    with tempfile.TemporaryDirectory(prefix="golden-") as tmp:
        out, reports = Path(tmp) / "out", Path(tmp) / "laporan"
        follow_up = Path(tmp) / "tindak_lanjut.csv"
        shutil.copyfile(FOLLOW_UP, follow_up)
        args = ["run", str(DEFAULT_PDF), "--out", str(out), "--reports", str(reports)]
        code = main([*args, "--tindak-lanjut", str(follow_up)])
        if code != 0:
            return code
        if GOLDEN.exists():
            shutil.rmtree(GOLDEN)
        GOLDEN_REPORT.parent.mkdir(parents=True)
        shutil.copytree(out / DEFAULT_PDF.stem, GOLDEN_DIR)
        for name in CATALOG_FILES:
            shutil.copyfile(out / name, GOLDEN / name)
        shutil.copyfile(reports / GOLDEN_REPORT.name, GOLDEN_REPORT)
    print(f"goldens written to {GOLDEN.relative_to(ROOT)}/; review `git diff tests/golden/`")
    return 0


if __name__ == "__main__":
    sys.exit(write_goldens())
