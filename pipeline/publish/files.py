"""Single files written so that a reader never sees a torn one: a uniquely named hidden
temporary sibling, renamed into place."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

# How a list value is written in a CSV cell (and read back by the diff).
LIST_SEPARATOR = ";"


def write_json(path: Path, data: Any) -> None:
    """UTF-8 JSON, two-space indent, non-ASCII kept, one trailing newline."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")


TMP_PREFIX = ".tmp-"  # temporary files and folders; never read as documents


def write_temporary(path: Path, text: str) -> Path:
    """Write `text` to a new, uniquely named hidden sibling of `path` (mode as umask allows)
    and return it; nothing is at `path` yet."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f"{TMP_PREFIX}{path.name}-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.chmod(name, file_mode())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def write_atomically(path: Path, text: str) -> None:
    """Write a single file through a uniquely named temporary sibling and a rename: a reader
    sees the old file or the new one, never a torn one; concurrent writers never collide."""
    os.replace(write_temporary(path, text), path)


def umask() -> int:
    """The process umask, read without changing it where Linux shows it (/proc); elsewhere
    set and restored at once."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# mkstemp and mkdtemp create private (0600 / 0700) entries; published ones get the modes an
# ordinary open() or mkdir() would give them.
def file_mode() -> int:
    return 0o666 & ~umask()


def dir_mode() -> int:
    return 0o777 & ~umask()
