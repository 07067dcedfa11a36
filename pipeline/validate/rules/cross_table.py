"""Cross-table checks: counts stated in words against table rows, areas of the Rencana Aksi
against the area table, the body's "sistematika" against the lampiran's BAB headings, an
area row without a name."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.extract.tables.header import fold
from pipeline.validate.dataset import Dataset
from pipeline.validate.rules.base import Hit

# Nouns the text counts -> the published table and how its items are counted.
COUNTED: dict[str, str] = {"area perubahan": "area_perubahan", "program": "program"}
COUNT_RE = re.compile(r"\b(\d{1,3})\s*\(\s*([a-z ]+?)\s*\)\s*(" + "|".join(COUNTED) + r")\b", re.I)
SISTEMATIKA_RE = re.compile(r"\bBAB\s+([IVXLC]+)\s*:\s*(.+?)(?=\s+BAB\s+[IVXLC]+\s*:|$)")
MATCH_THRESHOLD = 0.34
STOPWORDS = frozenset({"dan", "atau", "yang", "di", "ke", "dari", "pola", "pikir"})


def _table_count(data: Dataset, table: str) -> int:
    if table == "program":
        return len({p.no for p in data.program if p.no})
    return len(data.table(table))


def stated_counts(data: Dataset) -> Iterator[Hit]:
    for node in [*data.pasal, *data.lampiran]:
        for m in COUNT_RE.finditer(node.teks or ""):
            table = COUNTED[m.group(3).lower()]
            counted = _table_count(data, table)
            stated = int(m.group(1))
            if counted and stated != counted:
                yield Hit(
                    "jumlah-teks-vs-tabel",
                    "lampiran" if node in data.lampiran else "pasal",
                    node.id,
                    "teks",
                    node.halaman_awal,
                    m.group(0),
                    {"disebut": stated, "objek": m.group(3), "dihitung": counted},
                )


def _words(text: str) -> set[str]:
    return {w for w in fold(text).split() if w not in STOPWORDS and len(w) > 2}


def _similar(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def areas_against_area_table(data: Dataset) -> Iterator[Hit]:
    ra_areas: dict[str, tuple[str | None, str, int]] = {}
    for r in data.rencana_aksi:
        if r.area_no and r.area_no not in ra_areas:
            ra_areas[r.area_no] = (r.area, r.id, r.halaman_awal)
    for no, (name, rid, page) in ra_areas.items():
        if not name:
            yield Hit("area-tanpa-nama", "rencana_aksi", rid, "area", page, None, {"nomor": no})
    if not data.area_perubahan or not ra_areas:
        return
    table = [(a.area or "", a) for a in data.area_perubahan]
    for name, rid, page in ra_areas.values():
        if name and max(_similar(name, t) for t, _ in table) < MATCH_THRESHOLD:
            yield Hit(
                "area-tidak-cocok",
                "rencana_aksi",
                rid,
                "area",
                page,
                name,
                {"sumber": "Rencana Aksi", "pembanding": "tabel area perubahan"},
            )
    named = [n for n, _, _ in ra_areas.values() if n]
    for text, a in table:
        if text and max((_similar(text, n) for n in named), default=0.0) < MATCH_THRESHOLD:
            yield Hit(
                "area-tidak-cocok",
                "area_perubahan",
                a.id,
                "area",
                a.halaman_awal,
                text,
                {"sumber": "tabel area perubahan", "pembanding": "Rencana Aksi"},
            )


def sistematika(data: Dataset) -> Iterator[Hit]:
    babs: dict[str, dict[str, tuple[str, int]]] = {}
    for n in data.lampiran:
        if n.tingkat == "bab" and n.nomor and n.judul:
            prefix = n.id.split("__", 1)[0]
            babs.setdefault(prefix, {})[n.nomor] = (n.judul, n.halaman_awal)
    for node in data.pasal:
        listed = SISTEMATIKA_RE.findall(node.teks or "")
        if len(listed) < 2:
            continue
        # The lampiran whose BAB numbers the list names.
        target = max(
            babs.values(), key=lambda b: len(set(b) & {no for no, _ in listed}), default={}
        )
        for no, title in listed:
            actual = target.get(no)
            if actual is None or fold(actual[0]) != fold(title):
                yield Hit(
                    "sistematika-tidak-cocok",
                    "pasal",
                    node.id,
                    "teks",
                    node.halaman_awal,
                    f"BAB {no} : {title}",
                    {"lampiran": f"BAB {no} {actual[0]}" if actual else f"tanpa BAB {no}"},
                )
