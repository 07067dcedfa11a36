"""The expectation suites (Great Expectations) run in a helper process while the caller
draws the QA report from the rules' findings, on the other core.

After normalisation a run of one document went through validation (the rules, then Great
Expectations' own work: 62 expectations in 11 batches, about a second of CPU) before the
report could start. The suites of a well-formed document fail nowhere (none on the default
PDF), so the caller draws the report from the rules' findings meanwhile and draws it again
only when the suites add a finding: the report is the same either way.

The helper is forked (it shares the caller's loaded Great Expectations context and the
dataset, nothing is pickled but the hits it returns), under the same conditions as the
extract stage's helper (`pipeline.extract.background.may_fork`); otherwise the suites run in
the caller on `result()`. Any failure in the helper is not reported from there: the caller
runs the suites again itself and meets the failure with its own error.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.extract.background import FAILED, OK, may_fork

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from pipeline.validate.dataset import Dataset
    from pipeline.validate.rules import Hit


def _expected(data: Dataset, root: Path) -> list[Hit]:
    from pipeline.validate.expectations import run_expectations

    return list(run_expectations(data, root))


def _child(data: Dataset, root: Path, send: Connection) -> None:
    try:
        hits = _expected(data, root)
    except BaseException:  # the caller runs the suites again and meets it itself
        send.send((FAILED, None))
    else:
        send.send((OK, hits))
    finally:
        send.close()


class Expectations:
    """`list(run_expectations(data, root))`, computed in a helper process when one may be
    started here (else on `result()`, in this process)."""

    def __init__(self, data: Dataset, root: Path) -> None:
        self.data, self.root = data, root
        self._proc: BaseProcess | None = None
        self._recv: Connection | None = None
        if not may_fork():
            return
        context = multiprocessing.get_context("fork")
        recv, send = context.Pipe(duplex=False)
        proc = context.Process(target=_child, args=(data, root, send), daemon=False)
        proc.start()
        send.close()
        self._proc, self._recv = proc, recv

    def result(self) -> list[Hit]:
        if self._proc is None or self._recv is None:
            return _expected(self.data, self.root)
        try:
            status, hits = self._recv.recv()
        except (EOFError, OSError):  # the helper died (killed, out of memory)
            status, hits = FAILED, None
        finally:
            self._recv.close()
            self._proc.join()
            self._proc = self._recv = None
        if status != OK or hits is None:
            return _expected(self.data, self.root)
        return list(hits)

    def cancel(self) -> None:
        """Stop the helper (the caller's document failed)."""
        if self._proc is not None:
            self._proc.kill()
            self._proc.join()
        if self._recv is not None:
            self._recv.close()
        self._proc = self._recv = None
