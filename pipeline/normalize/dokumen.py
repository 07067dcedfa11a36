"""The document's identity, from its own title block (grammar in pipeline/vocabulary.py)."""

from __future__ import annotations

from pipeline.vocabulary import parse_title


def dokumen_id_from_title(text: str) -> str | None:
    """'PERATURAN BUPATI MAGETAN\\nNOMOR 14 TAHUN 2020' -> 'perbup-magetan-14-2020'.

    Only the document's own title counts (the first one, before any TENTANG); None when
    there is none or its number is left blank, never the id of a regulation it cites."""
    title = parse_title(text)
    return title.dokumen_id() if title else None
