"""Reuse of unchanged work: a document whose source file and pipeline version are those of
its last run, and whose published files are intact, is not processed again.

The reuse stamp lives in out_dir/.reuse/<source sha256>.json (not published, not in git).
Nothing stale is ever served: a changed PDF has another sha256, a changed pipeline another
version (pipeline/version.py), a published file edited, added or removed since fails the
folder's manifest, and an edited report fails the hash the stamp keeps of it.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.errors import PipelineError
from pipeline.publish.manifest import MANIFEST_NAME, verify
from pipeline.publish.manifest import sha256_of as _sha
from pipeline.publish.paths import document_path
from pipeline.publish.tindak_lanjut import Decisions, digest
from pipeline.version import pipeline_version

REUSE_DIR = ".reuse"


def _stamp(out_dir: Path, source_sha: str) -> Path:
    return out_dir / REUSE_DIR / f"{source_sha}.json"


def reusable(
    out_dir: Path,
    source_sha: str,
    reports_dir: Path,
    base_url: str | None = None,
    decisions: Decisions | None = None,
) -> Path | None:
    """The published folder of this source if it can be reused as it is, else None: made
    by this pipeline version with this base URL (JDIHN urlDownload), its report showing
    the reviewers' current decisions. A torn or edited stamp, manifest or report is a
    miss, never an error."""
    try:
        info = json.loads(_stamp(out_dir, source_sha).read_text("utf-8"))
        folder = document_path(out_dir, info["dokumen_id"], out_dir)
        report = document_path(reports_dir, info["dokumen_id"], out_dir, ".html")
        manifest = json.loads((folder / MANIFEST_NAME).read_text("utf-8"))
        if info.get("versi") != pipeline_version() or manifest.get("sumber_sha256") != source_sha:
            return None
        if info.get("base_url") != base_url:
            return None
        mine = (decisions or {}).get(info["dokumen_id"], {})
        if info.get("keputusan_sha256") != digest(mine):
            return None
        if not report.is_file() or _sha(report) != info.get("laporan_sha256"):
            return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError, PipelineError):
        return None  # PipelineError: a hand-edited stamp whose id cannot name a folder
    return folder if not verify(folder) else None


def remember(
    out_dir: Path,
    source_sha: str,
    dokumen_id: str,
    report: Path | None,
    base_url: str | None = None,
    keputusan_sha: str | None = None,
) -> None:
    """Stamp the published folder of this source as reusable (written atomically)."""
    from pipeline.publish.files import write_atomically

    info = {
        "dokumen_id": dokumen_id,
        "versi": pipeline_version(),
        "laporan_sha256": _sha(report) if report is not None else None,
        "base_url": base_url,
        "keputusan_sha256": keputusan_sha,
    }
    write_atomically(_stamp(out_dir, source_sha), json.dumps(info, indent=2) + "\n")


def previous_source(folder: Path) -> str | None:
    """The source sha256 a published folder says it was made from, if it says so."""
    try:
        value = json.loads((folder / MANIFEST_NAME).read_text("utf-8")).get("sumber_sha256")
    except (OSError, ValueError, AttributeError):
        return None
    return value if isinstance(value, str) else None
