"""The pipeline's version for reuse decisions: the package version plus a hash of everything
that shapes the outputs (its own code and data, the stored expectation suites, and the
versions of the libraries that read the PDF). Any change gives a new version, so a cached
result is never served for a changed pipeline."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata
from pathlib import Path

from pipeline import __version__

PACKAGE_DIR = Path(__file__).resolve().parent
SUITES_DIR = PACKAGE_DIR.parent / "validations" / "expectations"
LIBRARIES = (
    "pdfplumber",
    "pdfminer.six",
    "fonttools",
    "spacy",
    "pandas",
    "pydantic",
    "great-expectations",
)


@cache
def pipeline_version() -> str:
    digest = hashlib.sha256()
    files = sorted(
        [*PACKAGE_DIR.rglob("*.py"), *PACKAGE_DIR.glob("data/*"), *SUITES_DIR.glob("*.json")]
    )
    for path in files:
        digest.update(path.relative_to(PACKAGE_DIR.parent).as_posix().encode())
        digest.update(path.read_bytes())
    for lib in LIBRARIES:
        try:
            digest.update(f"{lib}=={metadata.version(lib)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{lib} missing".encode())
    return f"{__version__}+{digest.hexdigest()[:16]}"
