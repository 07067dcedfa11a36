"""Amendment diff between two versions of a regulation's published datasets."""

from pipeline.diff.compare import (
    DEFAULT_TABLES,
    Perubahan,
    diff_datasets,
    diff_folders,
    write_diff,
)
from pipeline.diff.html import render_diff

__all__ = [
    "DEFAULT_TABLES",
    "Perubahan",
    "diff_datasets",
    "diff_folders",
    "render_diff",
    "write_diff",
]
