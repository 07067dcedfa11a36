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
