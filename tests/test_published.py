"""The committed publication (what `make run` wrote into extracted/ and
validations/reports/) is the reviewed goldens' (tests/golden/), the code version aside: a
change of output that was reviewed in tests/golden/ must also be published, and nothing is
published that was not reviewed. Compares committed files only; runs nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.golden import CATALOG_FILES, DEFAULT_PDF, GOLDEN, GOLDEN_DIR, GOLDEN_REPORT

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = ROOT / "extracted"
PUBLISHED_DIR = PUBLISHED / DEFAULT_PDF.stem
PUBLISHED_REPORT = ROOT / "validations" / "reports" / GOLDEN_REPORT.name
# The code version names the commit's code, so it changes with any edit of the pipeline.
VERSION = re.compile(rb'"versi_pipeline": "[^"]*"|<code>\d+\.\d+\.\d+\+[0-9a-f]{16}</code>')


def _names(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def _masked(path: Path) -> bytes:
    return VERSION.sub(b"", path.read_bytes())


def test_published_folder_holds_the_goldens_files() -> None:
    assert _names(PUBLISHED_DIR) == _names(GOLDEN_DIR)


@pytest.mark.parametrize("name", _names(GOLDEN_DIR))
def test_published_file_is_the_golden(name: str) -> None:
    assert _masked(PUBLISHED_DIR / name) == _masked(GOLDEN_DIR / name), (
        f"extracted/{DEFAULT_PDF.stem}/{name} differs from tests/golden/: run `make run` "
        "after `make golden` and commit both"
    )


@pytest.mark.parametrize("name", CATALOG_FILES)
def test_published_catalog_is_the_golden(name: str) -> None:
    assert (PUBLISHED / name).read_bytes() == (GOLDEN / name).read_bytes()


def test_published_report_is_the_golden() -> None:
    assert _masked(PUBLISHED_REPORT) == _masked(GOLDEN_REPORT)
