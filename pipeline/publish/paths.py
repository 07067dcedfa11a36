"""Paths built from data: a dokumen_id or a file name from a published file must name a
place inside its folder, never the folder itself, a sibling or a parent."""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import PipelineError
from pipeline.normalize.dokumen import dokumen_id_problem

ID_HINT = (
    "give the PDF a title block, or a file name with Latin letters or digits, "
    "e.g. perbup-daerah-1-2024.pdf"
)


def checked_id(dokumen_id: str, source: Path | str) -> str:
    """`dokumen_id` if it can name a published folder; else PipelineError naming `source`."""
    problem = dokumen_id_problem(dokumen_id)
    if problem:
        raise PipelineError(source, problem, ID_HINT)
    return dokumen_id


def inside(parent: Path, relative: str, source: Path | str) -> Path:
    """parent/relative, when it stays strictly inside `parent` (symlinks and '..'
    resolved); else PipelineError naming `source`, the file the name came from."""
    path = parent / relative
    base = parent.resolve()
    target = path.resolve()
    if target == base or not target.is_relative_to(base):
        raise PipelineError(source, f"path {relative!r} leaves its folder {parent}")
    return path


def document_path(parent: Path, dokumen_id: str, source: Path | str, suffix: str = "") -> Path:
    """parent/<dokumen_id><suffix> for a checked id (a folder, or e.g. a report's .html)."""
    return inside(parent, checked_id(dokumen_id, source) + suffix, source)


def document_folders(out_dir: Path) -> list[Path]:
    """The published document folders under out_dir, sorted: folders holding dokumen.json
    whose name is not hidden (temporary and bookkeeping folders start with a dot)."""
    if not out_dir.is_dir():
        return []
    return sorted(
        p
        for p in out_dir.iterdir()
        if not p.name.startswith(".") and p.is_dir() and (p / "dokumen.json").is_file()
    )
