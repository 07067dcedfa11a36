"""Dasar hukum: the order of the hierarchy of legislation and of years within a level,
publication years earlier than the regulation, items that do not parse."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.models import DasarHukum
from pipeline.validate.dataset import Dataset
from pipeline.validate.rules.base import Hit
from pipeline.vocabulary import KINDS

# The hierarchy of legislation, top first: the kinds the title grammar reads carry their
# rank in data/jenis_peraturan.csv (`hierarki`, its sources in vocabulary.py); the Constitution
# and the MPR's decrees (UU 12/2011 Pasal 7 ayat (1) huruf a, b) are cited but never issued
# by a regulation this pipeline reads; "Walikota" is the older spelling of "Wali Kota".
HIERARCHY: dict[str, int] = {
    "Undang-Undang Dasar": 0,
    "Ketetapan Majelis Permusyawaratan Rakyat": 1,
    **{k.jenis: k.hierarki for k in KINDS if k.hierarki is not None},
    "Peraturan Walikota": 8,
}
PUBLICATIONS = (
    ("lembaran_negara_tahun", "Lembaran Negara"),
    ("berita_negara_tahun", "Berita Negara"),
    ("lembaran_daerah_tahun", "Lembaran Daerah"),
    ("berita_daerah_tahun", "Berita Daerah"),
)


def rank(row: DasarHukum) -> float | None:
    base = HIERARCHY.get(row.jenis)
    if base is None:
        return None
    # A provincial Perda stands above a regency's.
    if row.jenis == "Peraturan Daerah" and "provinsi" not in row.jenis_lengkap.lower():
        return base + 0.5
    return base


def order(data: Dataset) -> Iterator[Hit]:
    base = [r for r in data.dasar_hukum if r.mengubah_id is None]
    for prev, cur in zip(base, base[1:], strict=False):
        rp, rc = rank(prev), rank(cur)
        if rp is None or rc is None:
            continue
        quote = cur.teks.split(" tentang ")[0]  # as printed, up to its title
        if rc < rp:
            yield Hit(
                "urutan-hierarki",
                "dasar_hukum",
                cur.id,
                "jenis",
                cur.halaman_awal,
                quote,
                {"jenis": cur.jenis_lengkap, "sebelumnya": prev.jenis_lengkap},
            )
        elif cur.tahun is None or prev.tahun is None:
            continue
        elif rc == rp and (cur.tahun, _num(cur.nomor)) < (prev.tahun, _num(prev.nomor)):
            yield Hit(
                "urutan-kronologis",
                "dasar_hukum",
                cur.id,
                "tahun",
                cur.halaman_awal,
                quote,
                {"jenis": cur.jenis, "sebelumnya": prev.tahun},
            )


def _num(nomor: str) -> int:
    digits = "".join(ch for ch in nomor if ch.isdigit())
    return int(digits) if digits else 0


def publication_years(data: Dataset) -> Iterator[Hit]:
    for r in data.dasar_hukum:
        for column, name in PUBLICATIONS:
            year = getattr(r, column)
            if year is not None and r.tahun is not None and year < r.tahun:
                # Quote the reference as printed: "Lembaran Negara Republik Indonesia Tahun 2015".
                m = re.search(rf"{name}[^,;()]*?Tahun\s+{year}\b", r.teks)
                quote = m.group(0) if m else f"{name} Tahun {year}"
                yield Hit(
                    "tahun-publikasi-sebelum-peraturan",
                    "dasar_hukum",
                    r.id,
                    column,
                    r.halaman_awal,
                    quote,
                    {"publikasi": name, "tahun_publikasi": year, "tahun": r.tahun},
                )


# Citations printed correctly in forms the citation grammar does not structure: the
# Constitution (it has no number) and two laws joined by "jo"/"juncto". The item stays in
# sisa.json; a finding would ask the drafter to fix a citation that is right.
SOUND_UNSTRUCTURED_RE = re.compile(
    r"\bUndang\s*[-\u2010-\u2014]?\s*Undang\s+Dasar\b.*\b1945\b|\s(?:jo\.?|juncto)\s", re.I
)


def unparsed(data: Dataset) -> Iterator[Hit]:
    for s in data.sisa:
        if s.alasan.startswith("dasar hukum tidak terurai") and not SOUND_UNSTRUCTURED_RE.search(
            s.teks or ""
        ):
            reason = s.alasan.split(":", 1)[-1].strip()
            yield Hit(
                "sitasi-tidak-terurai",
                "dasar_hukum",
                s.lokasi,
                "teks",
                s.halaman,
                s.teks,
                {"alasan": reason},
            )
