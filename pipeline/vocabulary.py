"""The project's vocabulary: the words and marks that several stages must agree on (finding
severities, text sources, amendment actions, tick marks, item numbers and how they count
up), and the kinds of regulation and the grammar of their titles, from one table.

`pipeline/data/jenis_peraturan.csv` names every kind once: how its title prints it
(`cetak`, alternatives joined by "|"), its canonical name (`jenis`), the short form used in
ids (`singkatan`) and for display (`singkatan_jenis`), the kind of region a regional kind
governs (`wilayah`), who stands after the kind in a title (`penerbit`): `negara` (no
name; "REPUBLIK INDONESIA" at most), `instansi` (a ministry or agency, "MENTERI DALAM
NEGERI", "LEMBAGA PENERBANGAN DAN ANTARIKSA NASIONAL") or `daerah` (a region, optionally
with its kind: "KABUPATEN BANJARNEGARA"), and its place in the hierarchy of legislation
(`hierarki`, 0 the top, the order the Mengingat rules check): UU 12/2011 Pasal 7 ayat (1)
ranks UU/Perppu, PP, Perpres, Perda Provinsi, Perda Kabupaten/Kota; Pasal 8 ayat (1)
recognises, beside them, the regulations of a minister, an agency (badan, lembaga) or a
commission set up by law, and those of a governor, a regent or a mayor. A Keputusan ranks
with the Peraturan of the same office, and a Keputusan Bersama of ministers with a
minister's (Pasal 8); a governor's below the Perda, a regent's or mayor's below the
governor's, as their scope is narrower. An agency's Peraturan/Keputusan (Kepala, Badan,
Lembaga) is left unranked: where it stands beside a minister's is not settled here. The country an
agency's name may be followed by ("BADAN PENGAWAS TENAGA NUKLIR REPUBLIK INDONESIA") is
not part of the name.

A title reads `<kind> [<region kind>] [<name>] NOMOR <number> TAHUN <year> [TENTANG <subject>]`;
a Keputusan may be numbered without TAHUN (`NOMOR : 02/Ka-BAPETEN/V-99 TENTANG ...`): its
year is then unknown from the title (the caller may take it from the date of enactment).
A registry number that ends with a year ("B/ /I.02/HK/TUBABA/2018") gives a Keputusan
without TAHUN its year. The number slot holds digits; a capital I, a lower-case l or a bar
stands for 1 and a capital O for 0 there (and only there: "NOMOR I TAHUN 2021" is number
1). A number with letters or separators besides digits ("188/2", "02/Ka-BAPETEN/V-99") is
kept as printed, blanks around its separators left out. A number left blank for the
registry ("NOMOR      TAHUN 2025", "NOMOR ... TAHUN", a blank part "B/ /I.02/...") is unknown,
and the rest of the title is still read.

A joint decree (Keputusan Bersama) of several ministers prints one NOMOR line per issuer
(`NOMOR : 375 TAHUN 2022 / NOMOR 1 TAHUN 2022 / NOMOR 1 TAHUN 2022`; cited in a text, the
lines are joined by commas: `NOMOR 963 TAHUN 2021, NOMOR 3 TAHUN 2021, ...`): its number
and year, and so its id, are the first line's and the id names the issuer named first
(`skb-menteri-agama-375-2022`: the first line is that issuer's registry); the others are
part of the printed title (`teks`). In an issuer's name, "!" and "|" stand for I (a
scanner's text layer reads "MENTER!" for MENTERI; no name prints them).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from importlib import resources
from typing import Literal, get_args

from pipeline.normalize.text import join_lines, slug

# Finding severities, most severe first (catalog, engine order, catalog counts, run line).
Severity = Literal["galat", "peringatan", "info"]
SEVERITIES: tuple[Severity, ...] = get_args(Severity)
SEVERITY_ORDER: dict[str, int] = {s: i for i, s in enumerate(SEVERITIES)}
# Where a record's text was read: the text layer or OCR.
SumberTeks = Literal["teks", "ocr"]
# What an amending regulation's Pasal I instruction does.
Tindakan = Literal["diubah", "disisipkan", "dihapus", "ditambah"]
TINDAKAN: tuple[Tindakan, ...] = get_args(Tindakan)
# Marks printed alone in a tick column: a tick or a cross both mark the cell (the table
# stitcher's column kinds, the value reader's CHECKMARKS and the Rencana Aksi years).
# A cell shaded instead of a printed tick reads as SHADE_MARK (extract/tables/grid.py).
SHADE_MARK = "\u25a0"  # ■
TICKS: frozenset[str] = frozenset({"√", "✓", "✔", "☑", "v", "V", "x", "X", "✗", "✘", SHADE_MARK})

# Item numbers as printed in Indonesian regulations and their tables: digits ("12."), one
# letter ("c)", "(a)") or a Roman numeral ("IV."), after an optional opening bracket and
# before a stop ("." or ")"). The pieces, for a module whose own pattern allows fewer kinds.
ITEM_DIGITS = r"\d{1,3}"
ITEM_LETTER = r"[a-zA-Z]"
ITEM_ROMAN = r"[IVXLC]{1,6}"
ITEM_BODY = rf"{ITEM_DIGITS}|{ITEM_LETTER}|{ITEM_ROMAN}"
# A nested item's number, after its parents' and closed by its stop: "I.1.", "2.3." (not
# "1.500", a figure, nor "2.3", a decimal).
ITEM_NESTED = rf"(?:{ITEM_BODY})(?:\.\d{{1,2}})+(?=\.$)"
# A cell or word that is an item number, its stop optional: "1.", "e", "IV.", "1)", "(a)",
# "I.1." (groups: the opening bracket, the number with its parents', the stop).
ITEM_NUMBER_RE = re.compile(rf"^(\(?)({ITEM_BODY}|{ITEM_NESTED})([.)]?)$")
# The same as OCR may read its stop ("1." read as "1," or "1:").
ITEM_NUMBER_LOOSE_RE = re.compile(rf"^\(?(?:{ITEM_BODY})[.,:)]?$")
# An item label at the start of a line, text or the end after it: "5.", "c)", "(a)", "IV."
# (groups: the opening bracket, the number, the stop).
ITEM_LABEL_RE = re.compile(rf"^(\(?)({ITEM_BODY})([.)])(?=\s|$)", re.M)
# An item label opening a line of text ("G. Pelayanan ...", "1. Radiologi", "a) Umum").
ITEM_LINE_RE = re.compile(rf"^\(?(?:{ITEM_BODY})[.)]\s")
# A new list starts at one of these.
FIRST_ITEMS = ("1", "a", "A")
_ROMAN_PLACES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def next_item(number: str) -> str | None:
    """The item number after `number` (stripped) in its sequence: "3" -> "4", "b" -> "c";
    None for one that is no number or ends its sequence ("z")."""
    if number.isdigit():
        return str(int(number) + 1)
    if len(number) == 1 and number.isalpha() and number.lower() != "z":
        return chr(ord(number) + 1)
    return None


def successors(number: str | None) -> tuple[str, ...]:
    """The item numbers that may come after `number` (stripped): the next in its sequence,
    or the first of a new one."""
    following = next_item(number) if number is not None else None
    return FIRST_ITEMS if following is None else (following, *FIRST_ITEMS)


def follows(a: str, b: str) -> bool:
    """b is the item number after a (both stripped): 8 -> 9, b -> c."""
    if a.isdigit() and b.isdigit():
        return int(b) == int(a) + 1
    return len(a) == len(b) == 1 and ord(b) == ord(a) + 1


def well_formed(number: str) -> bool:
    """Digits, or one letter."""
    return number.isdigit() or (len(number) == 1 and number.isalpha())


def steps_ahead(want: str, reading: str) -> int | None:
    """How far `reading` lies beyond `want` in the same sequence (None: another kind)."""
    if want.isdigit() and reading.isdigit():
        return int(reading) - int(want)
    one_letter = len(want) == len(reading) == 1 and want.isalpha() and reading.isalpha()
    if one_letter and want.islower() == reading.islower():
        return ord(reading) - ord(want)
    return None


def ordinal(number: str) -> int | None:
    """'3' -> 3, 'c' -> 3 (a letter of either case); None for anything else."""
    s = number.strip().strip(".()").lower()
    if s.isdigit():
        return int(s)
    if len(s) == 1 and "a" <= s <= "z":
        return ord(s) - ord("a") + 1
    return None


def item_places(label: str) -> set[int]:
    """The places an item label may hold in its list: {12} for "12.", {3} for "c)",
    {3} for "III", {3, 100} for "C." (a letter or a Roman numeral); a nested item's
    ("I.2.") its own place and its parent's, so that the list goes on under it ("I.1."
    after "I.") and after it ("II." after "I.2.")."""
    core = label.strip("().")
    if "." in core:
        head, *_, own = core.split(".")
        return ({int(own)} if own.isdigit() else set()) | item_places(head)
    places: set[int] = set()
    if core.isdigit():
        places.add(int(core))
    if len(core) == 1 and core.isalpha():
        places.add(ord(core.lower()) - ord("a") + 1)
    if core and all(ch in _ROMAN_PLACES for ch in core):
        values = [_ROMAN_PLACES[ch] for ch in core]
        places.add(sum(-v if v < n else v for v, n in zip(values, [*values[1:], 0], strict=True)))
    return places


Penerbit = Literal["negara", "instansi", "daerah"]


@dataclass(frozen=True, slots=True)
class Kind:
    cetak: tuple[str, ...]
    jenis: str
    singkatan: str
    singkatan_jenis: str
    wilayah: str | None
    penerbit: Penerbit
    hierarki: int | None = None  # place in the hierarchy of legislation; None: not ranked

    @property
    def regional(self) -> bool:
        return self.penerbit == "daerah"


def _load() -> tuple[Kind, ...]:
    text = resources.files("pipeline").joinpath("data/jenis_peraturan.csv").read_text("utf-8")
    kinds = []
    for row in csv.DictReader(text.splitlines()):
        penerbit = row["penerbit"]
        if penerbit not in ("negara", "instansi", "daerah"):
            raise ValueError(f"jenis_peraturan.csv: unknown penerbit {penerbit!r}")
        kinds.append(
            Kind(
                cetak=tuple(row["cetak"].split("|")),
                jenis=row["jenis"],
                singkatan=row["singkatan"],
                singkatan_jenis=row["singkatan_jenis"],
                wilayah=row["wilayah"] or None,
                penerbit=penerbit,  # type: ignore[arg-type]
                hierarki=int(row["hierarki"]) if row.get("hierarki") else None,
            )
        )
    return tuple(kinds)


KINDS: tuple[Kind, ...] = _load()
REGION_KINDS = ("KABUPATEN", "KOTA", "PROVINSI")


def _printed(words: str) -> str:
    """A printed kind as a pattern: words split by any whitespace, hyphens optional."""
    parts = [re.escape(w).replace(r"\-", r"[-\s]?") for w in words.split()]
    return r"\s+".join(parts)


_BY_PATTERN: list[tuple[str, Kind]] = sorted(
    ((_printed(c), k) for k in KINDS for c in k.cetak), key=lambda pk: len(pk[0]), reverse=True
)
KIND_RE = re.compile(r"\b(?:" + "|".join(p for p, _ in _BY_PATTERN) + r")\b")
_KIND_FULL = [(re.compile(p + r"$"), k) for p, k in _BY_PATTERN]

# After the kind: region kind, name, then the number and year; the subject runs to the
# opening formula or the end of the text.
_REST_RE = re.compile(
    r"(?:\s+(?P<wilayah>" + "|".join(REGION_KINDS) + r")\b)?"
    r"(?:\s+(?P<nama>[A-Z][A-Z0-9\s.,'()&/!|-]*?))?"
    # The number: one token, or a registry number printed with blanks around its
    # separators or a part left blank ("B/ /I.02/HK/TUBABA/2018"): pieces joined by
    # separators, each piece free of them (one way to split, so no runaway backtracking).
    r"\s+NOMOR\s*:?\s*(?P<nomor>[^\s./-]*(?:\s*[./-](?:\s*[^\s./-]+)?)*?)"
    # TAHUN and the year; a Keputusan numbered without them ("NOMOR : 02/Ka-BAPETEN/V-99")
    # goes straight on to TENTANG, and its year is unknown here.
    r"(?:\s*TAHUN\s+(?P<tahun>[0-9]{4})\b|(?=\s+TENTANG\b))"
    # A joint decree's further issuers' numbers, one NOMOR line each.
    r"(?P<lain>(?:\s*,?\s+NOMOR\s*:?\s*[0-9A-Za-z./-]+\s+TAHUN\s+[0-9]{4}\b)*)"
    r"(?:\s+TENTANG\s+(?P<tentang>.+?)(?=\s+DENGAN\s+RAHMAT\b|$))?",
    re.S,
)
# The country printed after a national kind or an agency ("PERATURAN BADAN PENGAWAS TENAGA
# NUKLIR REPUBLIK INDONESIA"): not part of the issuer's name.
_NATIONAL_RE = re.compile(r"(?:^|\s+)REPUBLIK\s+INDONESIA$")
_DIGITS_RE = re.compile(r"[0-9]+")
# Characters that stand for a digit in a number slot.
_LOOKALIKE = str.maketrans({"I": "1", "l": "1", "|": "1", "O": "0"})
_LOOKALIKE_RE = re.compile(r"[0-9Il|O]+")
# A number printed with letters or separators besides its digits ("188/2", "050-3708",
# "02/Ka-BAPETEN/V-99"): at least one digit, no other punctuation.
_PRINTED_NUMBER_RE = re.compile(r"(?=[^0-9]*[0-9])[0-9A-Za-z]+(?:[./-][0-9A-Za-z]+)*")
_TENTANG_RE = re.compile(r"\bTENTANG\b")
# Between the issuers a joint decree names ("MENTERI AGAMA, MENTERI KETENAGAKERJAAN, DAN
# MENTERI ...").
_ISSUER_SEP_RE = re.compile(r"\s*,\s*(?:DAN\s+)?|\s+DAN\s+")
# Look-alikes of I in a name read by a scanner ("MENTER!").
_NAME_LOOKALIKE = str.maketrans({"!": "I", "|": "I"})
# Blanks printed around a number's separators ("188/ 12 /KPTS/2018") are not part of it; a
# part left blank for the registry ("B/ /I.02/...", "B//I.02") leaves the number unknown.
_SEPARATOR_SPACE_RE = re.compile(r"\s*([./-])\s*")
_BLANK_PART_RE = re.compile(r"^[./-]|[./-]{2}|[./-]$")
# A registry number ending with its year ("B/ /I.02/HK/TUBABA/2018", "188.45/12/KPTS/2018"):
# the year of a Keputusan that prints no TAHUN.
_NUMBER_YEAR_RE = re.compile(r"/\s*((?:19|20)[0-9]{2})$")


def read_number(token: str) -> str | None:
    """The regulation number in a title's NOMOR slot: digits as printed ("03"), look-alike
    letters read as digits ("I" -> "1"), a number with letters or separators as printed
    ("188/2"), anything else (blank, dots, "…") unknown."""
    t = _SEPARATOR_SPACE_RE.sub(r"\1", token.strip().rstrip(".,:"))
    if _BLANK_PART_RE.search(t):
        return None
    if _DIGITS_RE.fullmatch(t):
        return t
    if _LOOKALIKE_RE.fullmatch(t):
        return str(int(t.translate(_LOOKALIKE)))
    if _PRINTED_NUMBER_RE.fullmatch(t):
        return t
    return None


def kind_of(printed: str) -> Kind | None:
    """The kind whose printed form is exactly `printed` (upper-cased, any spacing)."""
    text = " ".join(printed.upper().split())
    return next((k for pattern, k in _KIND_FULL if pattern.match(text)), None)


@dataclass(frozen=True, slots=True)
class Title:
    kind: Kind
    wilayah: str | None  # region kind as printed, title case ("Kabupaten"), or None
    nama: str | None  # the issuer's name as printed ("BANJARNEGARA"), or None
    nomor: str | None
    tahun: int | None  # None: a Keputusan numbered without TAHUN
    tentang: str | None
    teks: str  # the title as printed, from the kind to the year (or the number)
    bersama: bool = False  # a joint decree: one NOMOR line per issuer, the first one's here

    @property
    def region(self) -> str | None:
        """The region, e.g. "Kabupaten Donggala", for a regional kind; else None."""
        if not self.kind.regional or not self.nama:
            return None
        kind = self.wilayah or self.kind.wilayah or ""
        return f"{kind} {title_case(self.nama)}".strip()

    def dokumen_id(self) -> str | None:
        """'perbup-donggala-24-2025'; a number printed with letters or separators slugged
        ('kepbup-magetan-188-2-2020'); None while the number or the year is unknown."""
        if self.nomor is None or not _DIGITS_RE.search(self.nomor) or self.tahun is None:
            return None
        number = str(int(self.nomor)) if self.nomor.isdigit() else _slug_number(self.nomor)
        parts = [self.kind.singkatan]
        if self.nama:
            # A joint decree's number is the registry of the issuer named first.
            nama = _ISSUER_SEP_RE.split(self.nama)[0] if self.bersama else self.nama
            parts.append(slug(nama).replace("_", "-"))
        return "-".join([*parts, number, str(self.tahun)])

    def with_year(self, tahun: int) -> Title:
        """The title with the year it does not print (from the date of enactment)."""
        return replace(self, tahun=tahun)

    def with_issuer_of(self, own: Title) -> Title:
        """A regional title printed without its region ("PERATURAN BUPATI NOMOR 33 TAHUN
        2024" inside a Perbup Donggala) names the issuer's own region."""
        if self.nama or not self.kind.regional or not own.kind.regional or not own.nama:
            return self
        return Title(
            self.kind, self.wilayah or own.wilayah, own.nama, self.nomor, self.tahun,
            self.tentang, self.teks, self.bersama,
        )  # fmt: skip


def _slug_number(nomor: str) -> str:
    """'02/Ka-BAPETEN/V-99' -> '02-ka-bapeten-v-99' (a leading zero stays, as printed)."""
    return "-".join(re.findall(r"[0-9a-z]+", nomor.lower()))


def title_case(text: str) -> str:
    return " ".join(w.capitalize() for w in text.split())


def _title_at(text: str, start: int, end: int) -> Title | None:
    kind = kind_of(text[start:end])
    m = _REST_RE.match(text, end)
    if kind is None or m is None:
        return None
    nama = m.group("nama")
    if nama:
        nama = None if kind.penerbit == "negara" else _NATIONAL_RE.sub("", nama) or None
    tentang = m.group("tentang")
    year = m.group("tahun")
    number_year = None if year else _NUMBER_YEAR_RE.search(m.group("nomor"))
    return Title(
        kind=kind,
        wilayah=title_case(m.group("wilayah")) if m.group("wilayah") else None,
        nama=" ".join(nama.translate(_NAME_LOOKALIKE).split()) if nama else None,
        nomor=read_number(m.group("nomor")),
        tahun=int(year) if year else int(number_year.group(1)) if number_year else None,
        tentang=join_lines(tentang) if tentang else None,
        bersama=bool(m.group("lain")),
        teks=" ".join(
            text[
                start : m.end("lain") if m.group("lain") else m.end("tahun" if year else "nomor")
            ].split()
        ),
    )


def parse_title(text: str) -> Title | None:
    """The document's own title: the first kind printed before any TENTANG (a regulation
    named inside the subject is never the document itself), read with the title grammar."""
    first_tentang = _TENTANG_RE.search(text)
    limit = first_tentang.start() if first_tentang else len(text)
    for m in KIND_RE.finditer(text, 0, limit):
        found = _title_at(text, m.start(), m.end())
        if found is not None:
            return found
    return None


def title_at_start(text: str) -> Title | None:
    """A title that `text` opens with (a cited regulation), else None."""
    m = KIND_RE.match(text)
    return _title_at(text, m.start(), m.end()) if m else None
