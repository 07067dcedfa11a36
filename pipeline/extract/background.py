"""The extract stage in a helper process (`pipeline.forked`), so that the caller loads what the
later stages need (spaCy's tokenizer, the Great Expectations context) on the other core
meanwhile.

A run of one document on a 2-core machine spent about a quarter of its time loading those
libraries after extraction, one core idle. The helper computes exactly what
`extract_document` computes in the caller; it returns the ExtractedDocument pickled (about
5 MB and 0.3 s for the default PDF). The helper's own process is this run's, not a pool
worker's: it may OCR pages in parallel (`ocr.allow_pool`). Inside a --jobs pool or a Dask
worker no helper is started (`pipeline.forked.may_fork`); a failure in the helper is met again
in the caller, with the same error and message as without a helper.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.forked import Forked

if TYPE_CHECKING:
    from pipeline.extract.document import ExtractedDocument
    from pipeline.settings import Settings


def _extract(path: Path, settings: Settings) -> ExtractedDocument:
    from pipeline.extract.document import extract_document

    return extract_document(path, settings)


def _extract_in_helper(path: Path, settings: Settings) -> ExtractedDocument:
    from pipeline.extract import ocr

    ocr.allow_pool()
    return _extract(path, settings)


class Extraction(Forked["ExtractedDocument"]):
    """`extract_document(path, settings)`, computed in a helper process when one may be
    started here (else on `result()`, in this process)."""

    def __init__(self, path: Path, settings: Settings) -> None:
        super().__init__(_extract, path, settings, in_helper=_extract_in_helper)
