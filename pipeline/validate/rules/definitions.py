"""Definitions: terms defined but never used; abbreviations used in the lampiran but never
defined (neither in the definitions article nor spelled out inline as "Nama Lengkap (NL)")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.validate.dataset import Dataset
from pipeline.validate.rules.base import Hit

ABBREVIATION_RE = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{1,7}(?:-[A-Z0-9]{1,5})?)(?![\w-])")
# Abbreviations spelled out where they are used: "Nama Lengkap (NL)" or "NL (Nama Lengkap)".
INLINE_RE = re.compile(r"\(([A-Z][A-Za-z0-9-]{1,9})\)|\b([A-Z][A-Z0-9-]{1,9})\s*\([A-Z][a-z]")
SKIP_LEVELS = frozenset({"judul", "penutup"})  # title blocks and signatures: names, not terms
UPPER_SHARE = 0.5
ROMAN_RE = re.compile(r"^[IVXLC]+$")
RA_TEXT = (
    "area",
    "hasil_indikator",
    "program",
    "rencana_aksi",
    "kriteria_keberhasilan",
    "indikator_target",
    "penanggung_jawab_teks",
)


def _texts(data: Dataset) -> Iterator[tuple[str, str | None, str, int | None, str]]:
    """(table, record id, column, page, text) of every free text of the dataset."""
    for n in data.pasal:
        yield "pasal", n.id, "teks", n.halaman_awal, n.teks or ""
    for n in data.lampiran:
        if n.tingkat not in SKIP_LEVELS:
            yield "lampiran", n.id, "teks", n.halaman_awal, n.teks or ""
    for r in data.rencana_aksi:
        for col in RA_TEXT:
            yield "rencana_aksi", r.id, col, r.halaman_awal, getattr(r, col) or ""
    for p in data.program:
        for col in ("program", "kegiatan", "hasil"):
            yield "program", p.id, col, p.halaman_awal, getattr(p, col) or ""


def unused_terms(data: Dataset) -> Iterator[Hit]:
    texts = [(rid, text) for _, rid, _, _, text in _texts(data)]
    for d in data.definisi:
        names = [d.istilah] + ([d.singkatan] if d.singkatan else [])
        patterns = [re.compile(rf"(?<!\w){re.escape(n)}(?!\w)", re.I) for n in names]
        used = any(rid != d.id and any(p.search(t) for p in patterns) for rid, t in texts)
        if not used:
            yield Hit("istilah-tidak-digunakan", "definisi", d.id, "istilah", d.halaman, d.istilah)


def undefined_abbreviations(data: Dataset) -> Iterator[Hit]:
    defined: set[str] = set()
    for d in data.definisi:
        defined.update(w for w in (d.singkatan or "").split())
        defined.update(w for w in d.istilah.split() if w.isupper())
    for _, _, _, _, text in _texts(data):
        defined.update(w for pair in INLINE_RE.findall(text) for w in pair if w)
    reported: set[str] = set()
    for table, rid, column, page, text in _texts(data):
        if table == "pasal" or column == "penanggung_jawab_teks":
            continue  # the lampiran and its tables; unit names have a rule of their own
        letters = [ch for ch in text if ch.isalpha()]
        if letters and sum(ch.isupper() for ch in letters) > UPPER_SHARE * len(letters):
            continue  # a heading in capitals, not running text
        for m in ABBREVIATION_RE.finditer(text):
            word = m.group(1)
            if word in defined or word in reported or ROMAN_RE.match(word):
                continue
            reported.add(word)
            yield Hit("singkatan-tidak-didefinisikan", table, rid, column, page, word)
