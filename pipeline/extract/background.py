"""The extract stage in a helper process, so that the caller loads what the later stages need
(spaCy's tokenizer, the Great Expectations context) on the other core meanwhile.

A run of one document on a 2-core machine spent about a quarter of its time loading those
libraries after extraction, one core idle. The helper computes exactly what
`extract_document` computes in the caller; it returns the ExtractedDocument pickled (about
5 MB and 0.3 s for the default PDF). The helper's own process is this run's, not a pool
worker's: it may OCR pages in parallel (`ocr.allow_pool`).

Only a main process starts a helper, and only by fork while it runs no other thread: inside a
--jobs pool or a Dask worker the documents are already the unit of parallelism, and a spawned
helper would not share this process's state. Any failure in the helper (a bad PDF, a killed
process) is not reported from there: the caller extracts again in its own process and meets
the failure itself, with the same error and message as without a helper.
"""

from __future__ import annotations

import multiprocessing
import threading
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from pipeline.extract.document import ExtractedDocument
    from pipeline.settings import Settings

OK, FAILED = "ok", "failed"


def _child(path: Path, settings: Settings, send: Connection) -> None:
    from pipeline.extract import ocr
    from pipeline.extract.document import extract_document

    ocr.allow_pool()
    try:
        doc = extract_document(path, settings)
    except BaseException:  # the caller extracts again and meets it itself
        send.send((FAILED, None))
    else:
        send.send((OK, doc))
    finally:
        send.close()


def may_fork() -> bool:
    """Whether this process may fork a helper now: it is no pool or Dask worker (there the
    documents are already the unit of parallelism), runs no other thread (a thread may hold
    a lock the child would inherit locked), and its system can fork (a spawned helper would
    not see this process's state, its settings or a test's patches, and re-import every
    module: none then)."""
    if multiprocessing.parent_process() is not None or multiprocessing.current_process().daemon:
        return False
    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


class Extraction:
    """`extract_document(path, settings)`, computed in a helper process when one may be
    started here (else on `result()`, in this process)."""

    def __init__(self, path: Path, settings: Settings) -> None:
        self.path, self.settings = path, settings
        self._proc: BaseProcess | None = None
        self._recv: Connection | None = None
        if not may_fork():
            return
        context = multiprocessing.get_context("fork")
        recv, send = context.Pipe(duplex=False)
        proc = context.Process(target=_child, args=(path, settings, send), daemon=False)
        proc.start()
        send.close()
        self._proc, self._recv = proc, recv

    def result(self) -> ExtractedDocument:
        from pipeline.extract.document import extract_document

        if self._proc is None or self._recv is None:
            return extract_document(self.path, self.settings)
        try:
            status, doc = self._recv.recv()
        except (EOFError, OSError):  # the helper died (killed, out of memory)
            status, doc = FAILED, None
        finally:
            self._recv.close()
            self._proc.join()
        if status != OK or doc is None:
            return extract_document(self.path, self.settings)
        return doc
