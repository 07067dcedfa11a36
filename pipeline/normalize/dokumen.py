"""The document's identity, from its own title block (grammar in pipeline/vocabulary.py)."""

from __future__ import annotations

import re

from pipeline.vocabulary import parse_title


def dokumen_id_from_title(text: str) -> str | None:
    """'PERATURAN BUPATI MAGETAN\\nNOMOR 14 TAHUN 2020' -> 'perbup-magetan-14-2020'.

    Only the document's own title counts (the first one, before any TENTANG); None when
    there is none or its number is left blank, never the id of a regulation it cites."""
    title = parse_title(text)
    return title.dokumen_id() if title else None


# A dokumen_id names a folder under --out and files beside it, so it must be one plain path
# component: lower-case ASCII letters, digits and inner hyphens, at most 120 characters.
DOKUMEN_ID_RE = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?")
# Names the pipeline itself uses inside --out (diff results, reports that follow --out), and
# names Windows cannot hold as folders: never a document's id.
RESERVED_IDS = frozenset(
    {"perubahan", "laporan", "katalog", "con", "prn", "aux", "nul"}
    | {f"{port}{n}" for port in ("com", "lpt") for n in range(10)}
)


def dokumen_id_problem(dokumen_id: str) -> str | None:
    """Why `dokumen_id` cannot name a published folder, or None when it can."""
    if not dokumen_id:
        return "dokumen_id is empty"
    if not DOKUMEN_ID_RE.fullmatch(dokumen_id):
        return (
            f"dokumen_id {dokumen_id!r} is not a plain name "
            "(lower-case letters, digits and inner hyphens, at most 120 characters)"
        )
    if dokumen_id in RESERVED_IDS:
        return f"dokumen_id {dokumen_id!r} is reserved (the pipeline uses that name itself)"
    return None
