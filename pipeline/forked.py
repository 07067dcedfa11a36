"""One call computed in a forked helper process while the caller goes on, on the other core.

A run of one document uses it twice: the extract stage runs in a helper while the caller loads
the libraries of the later steps (`pipeline.extract.background`), and the expectation suites
run in a helper while the caller draws the QA report (`pipeline.validate.background`).

Only a main process starts a helper, and only by fork while it runs no other thread (see
`may_fork`); otherwise the call is made in the caller, on `result()`. The helper shares the
caller's loaded modules and data (nothing is pickled but the value it returns). Any failure in
the helper (an exception, a killed process) is not reported from there: `result()` makes the
call again in the caller, which meets the failure itself, with the same error and message as
without a helper.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

T = TypeVar("T")
OK, FAILED = "ok", "failed"


def may_fork() -> bool:
    """Whether this process may fork a helper now: it is no pool or Dask worker (there the
    documents are already the unit of parallelism), runs no other thread (a thread may hold
    a lock the child would inherit locked), and its system can fork (a spawned helper would
    not see this process's state, its settings or a test's patches, and re-import every
    module: none then)."""
    if multiprocessing.parent_process() is not None or multiprocessing.current_process().daemon:
        return False
    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def _child(call: Callable[..., Any], args: tuple[Any, ...], send: Connection) -> None:
    try:
        value = call(*args)
    except BaseException:  # the caller makes the call again and meets it itself
        send.send((FAILED, None))
    else:
        send.send((OK, value))
    finally:
        send.close()


class Forked(Generic[T]):
    """`call(*args)`, computed in a forked helper process when one may be started here (else
    on `result()`, in this process). `in_helper`, when given, is what the helper calls instead
    of `call` (the same value, computed the way a helper may: e.g. with its own pool)."""

    def __init__(
        self,
        call: Callable[..., T],
        *args: Any,
        in_helper: Callable[..., T] | None = None,
    ) -> None:
        self.call, self.args = call, args
        self._proc: BaseProcess | None = None
        self._recv: Connection | None = None
        if not may_fork():
            return
        context = multiprocessing.get_context("fork")
        recv, send = context.Pipe(duplex=False)
        target = (in_helper or call, args, send)
        proc = context.Process(target=_child, args=target, daemon=False)
        proc.start()
        send.close()
        self._proc, self._recv = proc, recv

    @property
    def forked(self) -> bool:
        """Whether a helper process is computing the value."""
        return self._proc is not None

    def result(self) -> T:
        if self._proc is None or self._recv is None:
            return self.call(*self.args)
        try:
            status, value = self._recv.recv()
        except (EOFError, OSError):  # the helper died (killed, out of memory)
            status, value = FAILED, None
        finally:
            self._recv.close()
            self._proc.join()
            self._proc = self._recv = None
        if status != OK:
            return self.call(*self.args)
        return value

    def cancel(self) -> None:
        """Stop the helper (the caller no longer needs its value)."""
        if self._proc is not None:
            self._proc.kill()
            self._proc.join()
        if self._recv is not None:
            self._recv.close()
        self._proc = self._recv = None
