"""The document's identity, from its own title block."""

from __future__ import annotations

import re

from pipeline.normalize.text import slug

# (kind of instrument, issuer) as printed -> the short form used in dokumen_id.
JENIS_SINGKATAN: dict[tuple[str, str], str] = {
    ("PERATURAN", "BUPATI"): "perbup",
    ("PERATURAN", "WALIKOTA"): "perwali",
    ("PERATURAN", "WALI KOTA"): "perwali",
    ("PERATURAN", "GUBERNUR"): "pergub",
    ("PERATURAN", "DAERAH"): "perda",
    ("KEPUTUSAN", "BUPATI"): "kepbup",
    ("KEPUTUSAN", "WALIKOTA"): "kepwali",
    ("KEPUTUSAN", "GUBERNUR"): "kepgub",
}

TITLE_RE = re.compile(
    r"\b(PERATURAN|KEPUTUSAN)\s+(BUPATI|WALI\s?KOTA|GUBERNUR|DAERAH)\s+"
    r"(?:KABUPATEN\s+|KOTA\s+|PROVINSI\s+)?([A-Z][A-Z .'-]*?)\s*\n\s*"
    r"NOMOR\s*:?\s*(\d+)\s+TAHUN\s+(\d{4})",
)


def dokumen_id_from_title(text: str) -> str | None:
    """'PERATURAN BUPATI MAGETAN\\nNOMOR 14 TAHUN 2020' -> 'perbup-magetan-14-2020'."""
    m = TITLE_RE.search(text)
    if not m:
        return None
    kind, issuer, region, nomor, tahun = m.groups()
    issuer = re.sub(r"\s+", " ", issuer)
    short = JENIS_SINGKATAN.get((kind, issuer))
    if short is None:
        return None
    return f"{short}-{slug(region).replace('_', '-')}-{int(nomor)}-{tahun}"


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
