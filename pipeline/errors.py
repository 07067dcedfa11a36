"""Typed hard failures. Problems *in the data* are findings, never exceptions."""

from __future__ import annotations

from pathlib import Path


class PipelineError(Exception):
    """A failure that stops the processing of one input file.

    The CLI prints it as one line, ``error: <file>: <reason>``, and exits non-zero.
    """

    def __init__(self, path: Path | str, reason: str, hint: str | None = None) -> None:
        self.path = Path(path)
        self.reason = reason
        self.hint = hint
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self) -> tuple[type[PipelineError], tuple[Path, str, str | None]]:
        # Crosses process boundaries (a pool, a Dask worker) with its fields intact.
        return (type(self), (self.path, self.reason, self.hint))

    def one_line(self) -> str:
        text = f"error: {self.path}: {self.reason}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class InputError(PipelineError):
    """The input file is not a readable, text-bearing PDF."""
