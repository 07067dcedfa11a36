"""Named constants and the one settings object of the pipeline.

`SETTINGS` holds the defaults. What a user sets in the environment (PIPELINE_REPORT_PDF,
PIPELINE_CHROMIUM, PIPELINE_BASE_URL) is read in one place, `from_environment()`, when it is
needed (so a variable set after import, as a test does, still holds); nothing else in the
pipeline reads os.environ for its own options.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    raw_dir: Path = Path("raw")
    out_dir: Path = Path("extracted")
    reports_dir: Path = Path("validations") / "reports"
    # Distance (pt) under which two ruling-line coordinates are the same grid edge.
    edge_tolerance: float = 1.5
    # Two table pieces on consecutive pages are one table when their column edges,
    # relative to the table width, differ by less than this fraction.
    column_match_tolerance: float = 0.02
    # Page-number headers ("- 25 -") are looked for in this top/bottom fraction of the page.
    margin_fraction: float = 0.12
    # Print each QA report to PDF beside its HTML ($PIPELINE_REPORT_PDF=0: no; the test
    # suite's many runs do not need a print each).
    report_pdf: bool = True
    # The Chromium to print with ($PIPELINE_CHROMIUM, a name on the PATH or a file); None:
    # the first of report.pdf.BROWSER_NAMES found.
    chromium: str | None = None
    # Where the source PDFs are served ($PIPELINE_BASE_URL): jdihn.json's urlDownload is
    # <base_url>/<file name>; `run --base-url` overrides it.
    base_url: str | None = None


SETTINGS = Settings()

# The settings a user may set in the environment, by variable.
ENVIRONMENT = {
    "PIPELINE_REPORT_PDF": "report_pdf",
    "PIPELINE_CHROMIUM": "chromium",
    "PIPELINE_BASE_URL": "base_url",
}


def from_environment(
    base: Settings = SETTINGS, environ: Mapping[str, str] | None = None
) -> Settings:
    """`base` with what the environment sets (ENVIRONMENT); an empty variable sets nothing,
    PIPELINE_REPORT_PDF=0 turns printing off."""
    environ = os.environ if environ is None else environ
    given: dict[str, object] = {}
    for variable, name in ENVIRONMENT.items():
        value = environ.get(variable)
        if not value:
            continue
        given[name] = value != "0" if name == "report_pdf" else value
    return replace(base, **given)  # type: ignore[arg-type]
