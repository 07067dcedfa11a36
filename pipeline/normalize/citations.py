"""One item of the "Mengingat" (dasar hukum) list -> structured citations.

An item is one regulation, optionally followed by its amendments, each regulation
optionally followed by its publication reference in parentheses::

    Undang-Undang Nomor 12 Tahun 2011 tentang ... (Lembaran Negara ... Nomor 82, ...)
    sebagaimana telah diubah dengan Undang-Undang Nomor 15 Tahun 2019 tentang ... (...);

Spelling is kept as printed; only whitespace is collapsed and trailing list punctuation
(";", ".", " dan") dropped.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

from pipeline.vocabulary import KINDS, Kind

JenisPublikasi = Literal[
    "Lembaran Negara",
    "Tambahan Lembaran Negara",
    "Berita Negara",
    "Lembaran Daerah",
    "Tambahan Lembaran Daerah",
    "Berita Daerah",
]

# The canonical kind of a regulation: a `jenis` of pipeline/data/jenis_peraturan.csv (the
# one table of kinds, pipeline/vocabulary.py).
JenisPeraturan = str

Hubungan = Literal["diubah", "diubah_terakhir"]

# The country after a national kind: "Republik Indonesia", or "RI" as older texts print it.
_NATIONAL = r"(?:\s+(?:Republik\s+Indonesia|RI)\b)?"
# "Undang-Undang" as printed: a hyphen, an en or em dash, or a space between the words.
_DASH = "(?:\\s*[-\u2010-\u2014]\\s*|\\s)?"
# A capital letter set apart from the rest of its word by character spacing ("P eraturan").
_LONE_CAPITAL_RE = re.compile(r"\b([A-Z]) (?=[a-z]{2,})")
# A quote mark clinging to a word of the kind, which a kind never prints (OCR's
# "Undang-Undang'" for a speck after the word).
_STRAY_QUOTE_RE = re.compile(r"(?<=\w)['’‘\"“”]+(?=\s|$)|(?:^|(?<=\s))['’‘\"“”]+(?=\w)")
_ISSUER = r"(?:\s+\S.*)?"  # the printed issuer, e.g. " Dalam Negeri", " Kabupaten Magetan"


def _kind_pattern(kind: Kind) -> str:
    """The printed forms of `kind` (any case; words split by any whitespace, a hyphen as
    _DASH) followed by what its issuer column allows: the country after a national kind,
    any issuer's name after an agency's or a region's."""
    forms = [
        r"\s+".join(_DASH.join(re.escape(p) for p in word.split("-")) for word in c.split())
        for c in kind.cetak
    ]
    after = _NATIONAL if kind.penerbit == "negara" else _ISSUER
    return "(?:" + "|".join(forms) + ")" + after


# Canonical kind of regulation -> regex that the printed kind (the words before "Nomor")
# must match in full, case-insensitively; every kind of the one table of kinds.
JENIS_PERATURAN: dict[JenisPeraturan, str] = {k.jenis: _kind_pattern(k) for k in KINDS}

# Canonical kind of publication -> regex of its printed name (before the region).
JENIS_PUBLIKASI: dict[JenisPublikasi, str] = {
    "Tambahan Lembaran Negara": r"Tambahan\s+Lembaran\s+Negara",
    "Tambahan Lembaran Daerah": r"Tambahan\s+Lembaran\s+Daerah",
    "Lembaran Negara": r"Lembaran\s+Negara",
    "Lembaran Daerah": r"Lembaran\s+Daerah",
    "Berita Negara": r"Berita\s+Negara",
    "Berita Daerah": r"Berita\s+Daerah",
}

# Phrase joining a regulation to the one amending it -> hubungan. Longest first.
PENGHUBUNG: tuple[tuple[str, Hubungan], ...] = (
    # "sebagaimana telah beberapa kali diubah, terakhir dengan"
    (
        r"sebagaimana\s+(?:telah\s+)?(?:beberapa\s+kali\s+diubah|diubah\s+beberapa\s+kali)"
        r"\s*,?\s*(?:dan\s+)?terakhir\s+(?:dengan|oleh)",
        "diubah_terakhir",
    ),
    # "sebagaimana telah diubah terakhir dengan"
    (r"sebagaimana\s+(?:telah\s+)?diubah\s*,?\s*terakhir\s+(?:dengan|oleh)", "diubah_terakhir"),
    # "sebagaimana telah diubah dengan"
    (r"sebagaimana\s+(?:telah\s+)?diubah\s+(?:dengan|oleh)", "diubah"),
)

_FLAGS = re.IGNORECASE | re.ASCII | re.DOTALL

_PENGHUBUNG_RE = re.compile(
    "|".join(f"(?P<h{i}>{pattern})" for i, (pattern, _) in enumerate(PENGHUBUNG)), _FLAGS
)

_KATA_PUBLIKASI = "|".join(JENIS_PUBLIKASI.values())

# A publication reference in parentheses closing a segment; the ")" may be lost in print.
_PUBLIKASI_AKHIR_RE = re.compile(rf"\(\s*((?:{_KATA_PUBLIKASI})\b[^()]*)\)?\s*$", _FLAGS)
_PUBLIKASI_AWAL_RE = re.compile(rf"\(\s*(?:{_KATA_PUBLIKASI})\b", _FLAGS)

# One publication: name, region, then "Tahun Y Nomor N" (or "Nomor N Tahun Y", or no year).
_PUBLIKASI_RE = re.compile(
    rf"(?P<jenis>{_KATA_PUBLIKASI})\b(?P<wilayah>.*?)"
    r"(?:\s+Tahun\s+(?P<tahun>[0-9]{4}))?"
    r"\s+Nomor\s*:?\s*(?P<nomor>[0-9A-Za-z][0-9A-Za-z./-]*(?:\s+Seri\s+[0-9A-Za-z]+)?)"
    r"(?:\s+Tahun\s+(?P<tahun_akhir>[0-9]{4}))?",
    _FLAGS,
)

# The regulation itself: "<jenis> Nomor <nomor> Tahun <tahun> [tentang <judul>]".
_PERATURAN_RE = re.compile(
    r"(?P<jenis>\S(?:(?!\bNomor\b).)*?)\s+Nomor\s*:?\s*(?P<nomor>[^\s,]+),?"
    r"\s+Tahun\s+(?P<tahun>[0-9]{4})"
    r"(?:\s*,?\s+tentang(?:\s+(?P<tentang>.*?))?)?",
    _FLAGS,
)

# A Keputusan numbered with its register code and no Tahun ("Keputusan Kepala Badan Pengawas
# Tenaga Nuklir Nomor 01/K-OTK/VIII-98"): a number with letters and separators is complete
# without a year; plain digits without Tahun are not a citation. A code broken over a line
# end after a separator ("43/Permentan/" | "SR.140/8/2011") is read with a space there.
_PERATURAN_TANPA_TAHUN_RE = re.compile(
    r"(?P<jenis>\S(?:(?!\bNomor\b).)*?)\s+Nomor\s*:?\s*"
    r"(?P<nomor>[0-9A-Za-z]*[0-9][0-9A-Za-z]*(?:[/.-] ?[0-9A-Za-z]+)+)"
    r"(?:\s*,?\s+tentang(?:\s+(?P<tentang>.*?))?)?",
    _FLAGS,
)

# The space a line break left after a separator inside a number ("43/Permentan/ SR.140").
_SEPARATOR_SPACE_RE = re.compile(r"([/.-]) (?=[0-9A-Za-z])")

# List punctuation closing an item or a part of it.
_TANDA_EKOR = ";.,:"
_SPASI_RE = re.compile(r"\s+")


class CitationError(ValueError):
    """An item of the dasar hukum list that is not a citation this module can read."""

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"{reason}: {text!r}")


class Publikasi(BaseModel):
    """Where a regulation was promulgated, e.g. Lembaran Negara Tahun 1999 Nomor 75."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    jenis: JenisPublikasi
    tahun: int | None
    nomor: str


class Sitasi(BaseModel):
    """One cited regulation."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    jenis: JenisPeraturan
    jenis_lengkap: str
    nomor: str
    tahun: int | None  # None: a Keputusan numbered with its register code, without Tahun
    tentang: str
    publikasi: list[Publikasi]
    mengubah: int | None = None
    hubungan: Hubungan | None = None


def _rapikan(text: str) -> str:
    """Whitespace collapsed to single spaces, ends stripped."""
    return _SPASI_RE.sub(" ", text).strip()


def _tanpa_ekor(text: str) -> str:
    """``text`` stripped, without trailing ";", ".", ",", ":" or " dan" (repeatedly).

    A loop rather than one regex: a regex anchored at the end rescans long runs of
    punctuation from every start position (quadratic time).
    """
    text = text.strip()
    while True:
        before = text
        text = text.rstrip(_TANDA_EKOR).rstrip()
        if len(text) > 3 and text[-3:].lower() == "dan" and text[-4].isspace():
            text = text[:-3].rstrip()
        if text == before:
            return text


def _jenis_peraturan(printed: str) -> JenisPeraturan | None:
    """Canonical kind for the printed kind ("Peraturan Menteri Dalam Negeri"), else None."""
    for jenis, pattern in JENIS_PERATURAN.items():
        if re.fullmatch(pattern, printed, _FLAGS):
            return jenis
    return None


def _jenis_publikasi(printed: str) -> JenisPublikasi:
    """Canonical kind for a printed publication name already matched by _KATA_PUBLIKASI."""
    for jenis, pattern in JENIS_PUBLIKASI.items():
        if re.fullmatch(pattern, printed, _FLAGS):
            return jenis
    raise AssertionError(f"unreachable: {printed!r}")  # pragma: no cover


def _parse_publikasi(text: str, item: str) -> list[Publikasi]:
    """The publications inside one parenthesised reference, without the parentheses.

    "Lembaran Negara Republik Indonesia Tahun 1999 Nomor 75, Tambahan Lembaran Negara
    Republik Indonesia Nomor 3851" -> two Publikasi, the second with tahun None. Parts
    are separated by "," or ";" (an optional leading "dan" is ignored). Raises
    CitationError quoting ``item`` if a part is not a publication with a Nomor.
    """
    hasil: list[Publikasi] = []
    for raw in re.split(r"[,;]", text):
        bagian = re.sub(r"^dan\s+", "", _tanpa_ekor(_rapikan(raw)), flags=_FLAGS)
        if not bagian:
            continue
        m = _PUBLIKASI_RE.fullmatch(bagian)
        if m is None:
            raise CitationError(item, f"unreadable publication reference {bagian!r}")
        tahun = m.group("tahun") or m.group("tahun_akhir")
        hasil.append(
            Publikasi(
                jenis=_jenis_publikasi(m.group("jenis")),
                tahun=int(tahun) if tahun else None,
                nomor=_rapikan(m.group("nomor")),
            )
        )
    return hasil


def _parse_segmen(segmen: str, item: str) -> Sitasi:
    """One regulation with its optional trailing publication reference (no amendment)."""
    segmen = _tanpa_ekor(segmen)
    publikasi: list[Publikasi] = []
    m_pub = _PUBLIKASI_AKHIR_RE.search(segmen)
    if m_pub is not None:
        publikasi = _parse_publikasi(m_pub.group(1), item)
        segmen = _tanpa_ekor(segmen[: m_pub.start()])
    if _PUBLIKASI_AWAL_RE.search(segmen):
        raise CitationError(item, "unexpected text after a publication reference")

    m = _PERATURAN_RE.fullmatch(segmen) or _PERATURAN_TANPA_TAHUN_RE.fullmatch(segmen)
    if m is None:
        raise CitationError(item, "no '<jenis> Nomor <nomor> Tahun <tahun>' found")
    jenis_lengkap = _rapikan(m.group("jenis"))
    jenis = _jenis_peraturan(jenis_lengkap)
    if jenis is None and _LONE_CAPITAL_RE.search(jenis_lengkap):
        jenis_lengkap = _LONE_CAPITAL_RE.sub(r"\1", jenis_lengkap)
        jenis = _jenis_peraturan(jenis_lengkap)
    if jenis is None and _STRAY_QUOTE_RE.search(jenis_lengkap):
        jenis_lengkap = _STRAY_QUOTE_RE.sub("", jenis_lengkap)
        jenis = _jenis_peraturan(jenis_lengkap)
    if jenis is None:
        raise CitationError(item, f"unknown kind of regulation {jenis_lengkap!r}")
    nomor = _SEPARATOR_SPACE_RE.sub(r"\1", _tanpa_ekor(_rapikan(m.group("nomor"))))
    if not nomor:
        raise CitationError(item, "empty Nomor")
    return Sitasi(
        jenis=jenis,
        jenis_lengkap=jenis_lengkap,
        nomor=nomor,
        tahun=int(m["tahun"]) if "tahun" in m.groupdict() and m["tahun"] else None,
        tentang=_tanpa_ekor(_rapikan(m.group("tentang") or "")),
        publikasi=publikasi,
    )


def parse_dasar_hukum(text: str) -> list[Sitasi]:
    """Structured citations for one item of the "Mengingat" list.

    ``text`` is the item without its list number, lines joined by single spaces. The
    first Sitasi is the cited regulation (mengubah None, hubungan None); each regulation
    introduced by an amendment phrase of PENGHUBUNG ("sebagaimana telah diubah dengan",
    "sebagaimana telah beberapa kali diubah, terakhir dengan") follows as its own Sitasi
    with mengubah=0 and hubungan "diubah" / "diubah_terakhir". A parenthesised
    publication reference belongs to the regulation it follows. tentang excludes the
    trailing ";", "." and " dan" of the list. tentang is "" when the item has none.

    Raises CitationError (quoting ``text``) when a part has no recognised jenis, Nomor
    or Tahun, or a publication reference is unreadable. Never raises anything else.
    """
    item = _tanpa_ekor(_rapikan(text))
    if not item:
        raise CitationError(text, "empty item")

    # Split at the amendment phrases: segment 0 is the base, the others amend it.
    segmen: list[tuple[str, Hubungan | None]] = []
    awal = 0
    hubungan: Hubungan | None = None
    for m in _PENGHUBUNG_RE.finditer(item):
        segmen.append((item[awal : m.start()], hubungan))
        assert m.lastgroup is not None
        hubungan = PENGHUBUNG[int(m.lastgroup[1:])][1]
        awal = m.end()
    segmen.append((item[awal:], hubungan))

    hasil: list[Sitasi] = []
    for i, (bagian, hub) in enumerate(segmen):
        sitasi = _parse_segmen(bagian, text)
        if i > 0:
            sitasi = sitasi.model_copy(update={"mengubah": 0, "hubungan": hub})
        hasil.append(sitasi)
    return hasil
