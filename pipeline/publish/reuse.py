"""Reuse of unchanged work: a document whose source file and pipeline version are those of
its last run, and whose published files are intact, is not processed again.

The reuse stamp lives in out_dir/.reuse/<source sha256>.json (not published, not in git).
Nothing stale is ever served: a changed PDF has another sha256, a changed pipeline another
version (pipeline/version.py), and a published file edited since has another hash.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pipeline.version import pipeline_version

REUSE_DIR = ".reuse"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _stamp(out_dir: Path, source_sha: str) -> Path:
    return out_dir / REUSE_DIR / f"{source_sha}.json"


def reusable(out_dir: Path, source_sha: str, reports_dir: Path) -> Path | None:
    """The published folder of this source if it can be reused as it is, else None."""
    stamp = _stamp(out_dir, source_sha)
    if not stamp.exists():
        return None
    try:
        info = json.loads(stamp.read_text("utf-8"))
        folder = out_dir / info["dokumen_id"]
        manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    except (OSError, ValueError, KeyError):
        return None
    if info.get("versi") != pipeline_version() or manifest.get("sumber_sha256") != source_sha:
        return None
    if not (reports_dir / f"{info['dokumen_id']}.html").exists():
        return None
    for entry in manifest.get("berkas", []):
        path = folder / entry["nama"]
        if not path.exists() or _sha(path) != entry["sha256"]:
            return None
    return folder


def remember(out_dir: Path, source_sha: str, dokumen_id: str) -> None:
    stamp = _stamp(out_dir, source_sha)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(
        json.dumps({"dokumen_id": dokumen_id, "versi": pipeline_version()}, indent=2) + "\n",
        encoding="utf-8",
    )
