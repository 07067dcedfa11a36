"""Definitions: terms defined but never used; abbreviations used in the lampiran but never
defined (neither in the definitions article nor spelled out inline as "Nama Lengkap (NL)")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.models import Definisi
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


# Typographic apostrophes and quotes, read as the plain one ("INA-CBG’s" is "INA-CBG's").
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})


def _table_cells(data: Dataset) -> Iterator[tuple[str, str]]:
    """(row id, text) of every text cell of the lampiran tables: a term is used there too
    ("nilai batas dosis" in a table of training material)."""
    for t in data.tabel:
        columns = [c for c, kind in zip(t.kolom, t.tipe_kolom, strict=False) if kind == "teks"]
        for row in data.tabel_isi.get(t.id, []):
            for c in columns:
                value = row.get(c)
                if isinstance(value, str) and value and c != "id":
                    yield str(row.get("id") or t.id), value


def _names(d: Definisi, short: dict[str, str]) -> list[str]:
    """The ways a defined term is written: in full, by its abbreviation, and with another
    defined term inside it written by that term's abbreviation ("Pemohon Surat Izin
    Bekerja" as "Pemohon SIB" where "Surat Izin Bekerja" is abbreviated "SIB")."""
    names = [d.istilah] + ([d.singkatan] if d.singkatan else [])
    for term, abbreviation in short.items():
        at = d.istilah.lower().find(term.lower())
        if term != d.istilah and at >= 0:
            names.append(d.istilah[:at] + abbreviation + d.istilah[at + len(term) :])
    return [n.translate(QUOTES) for n in names]


# A term as read that holds the next item's number or a page's catchword ("Petugas… 13.
# Petugas Perawatan": the catchword at a page foot and the next definition glued to it) is
# a misreading of the list, not a term the document defines.
MISREAD_TERM_RE = re.compile(r"…|\.{3}|(?:^|\s)\d{1,3}\.\s")


def unused_terms(data: Dataset) -> Iterator[Hit]:
    texts = [(rid, text.translate(QUOTES)) for _, rid, _, _, text in _texts(data)]
    texts += [(rid, text.translate(QUOTES)) for rid, text in _table_cells(data)]
    short = {d.istilah: d.singkatan for d in data.definisi if d.singkatan}
    for d in data.definisi:
        if MISREAD_TERM_RE.search(d.istilah):
            continue
        names = _names(d, short)
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
