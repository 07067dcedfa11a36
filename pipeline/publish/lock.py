"""One run at a time per output folder: an exclusive lock on <folder>/.lock (flock(2)),
held from the sweep of what an interrupted run left to the catalog at the end.

A second run into the same folder says what it waits for and then waits; the kernel
releases the lock when its holder ends, even by kill -9, so a crash never leaves a stale
lock behind. Folders are locked in one order (sorted resolved paths), so two runs sharing
a reports folder but not an output folder cannot deadlock."""

from __future__ import annotations

import fcntl
import os
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

LOCK_NAME = ".lock"


@contextmanager
def locked(*folders: Path) -> Iterator[None]:
    """Hold the lock of every folder (each created if missing) for the with-block."""
    with ExitStack() as stack:
        for folder in sorted({f.resolve() for f in folders}):
            folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o666)
            stack.callback(os.close, fd)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "unknown"
                print(
                    f"waiting: {folder} is in use by another run ({holder}); "
                    "this run goes on when that one ends",
                    file=sys.stderr,
                    flush=True,
                )
                fcntl.flock(fd, fcntl.LOCK_EX)
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"pid {os.getpid()}\n".encode(), 0)
            stack.callback(fcntl.flock, fd, fcntl.LOCK_UN)
        yield
