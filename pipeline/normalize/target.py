"""Targets as printed in indicator cells, split and normalised.

"Jumlah rapat Tim yang dilaksanakan (2 (dua) kegiatan/tahun dan rekomendasi)" ->
indikator "Jumlah rapat Tim yang dilaksanakan", target "2 (dua) kegiatan/tahun dan
rekomendasi": nilai 2, terbilang "dua" (agrees), satuan "kegiatan", periode "tahun",
pembanding "=", catatan "dan rekomendasi", status "ok".

The target is the first number of the last parenthesised segment that holds one (or, with
no such segment, the last number of the text): indicators often carry numbers of their own
("selama 5 (lima) tahun"). Never raises; text it cannot read gets a status that says so.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

from pipeline.normalize.terbilang import parse_terbilang
from pipeline.normalize.text import join_lines


class Status(StrEnum):
    OK = "ok"
    PLACEHOLDER = "placeholder"  # "(... (.....) layanan)", "...%"
    NO_TARGET = "tanpa_target"  # no number at all
    INCONSISTENT = "tidak_konsisten"  # digits and words disagree
    BROKEN = "format_rusak"  # unbalanced parentheses, words without digits, ...
    NOT_A_NUMBER = "bukan_angka"  # a grade, an opinion, a URL: kept as text


# Multiplier words after an amount: "5 (lima) milyar" -> 5 000 000 000 rupiah.
MULTIPLIERS: dict[str, int] = {
    "ribu": 10**3, "juta": 10**6, "milyar": 10**9, "miliar": 10**9, "milyard": 10**9,
    "triliun": 10**12, "trilyun": 10**12,
}  # fmt: skip
# Period words (after "/", "per" or "dalam") -> canonical period.
PERIODS: dict[str, str] = {
    "tahun": "tahun", "thn": "tahun", "semester": "semester", "semesteran": "semester",
    "triwulan": "triwulan", "tri wulan": "triwulan", "tribulan": "triwulan",
    "caturwulan": "caturwulan", "bulan": "bulan", "minggu": "minggu", "hari": "hari",
}  # fmt: skip
# Comparison words before the number -> comparator.
COMPARATORS: dict[str, str] = {
    "minimal": ">=", "paling sedikit": ">=", "sekurang-kurangnya": ">=", "min.": ">=",
    "maksimal": "<=", "paling banyak": "<=", "setinggi-tingginya": "<=", "maks.": "<=",
}  # fmt: skip
GRADE_RE = re.compile(r"\b(?:nilai|predikat|opini)\b.*\b([A-E][+-]?|AA|BB|CC)\s*\)?$", re.I)
URL_RE = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
PLACEHOLDER_RE = re.compile(r"\.{3,}|…")
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
# A number with its words: "12 (dua belas)", "75% (tujuh puluh lima persen)", "1(satu.)".
GROUP_RE = re.compile(
    rf"(?P<num>{NUMBER})\s*(?P<pct>%)?\s*\((?P<words>[a-zA-Z .]*?)\.?\s*\)", re.ASCII
)
BARE_RE = re.compile(rf"(?<![\w.,])(?P<num>{NUMBER})\s*(?P<pct>%)?(?![\w])")
WORDS_ONLY_RE = re.compile(r"\(\s*(?P<words>[a-zA-Z ]+?)\s*\)")
RANGE_JOIN_RE = re.compile(r"^\s*[-–]\s*")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Target:
    indikator: str | None
    teks: str | None
    nilai: int | float | None
    nilai_maks: int | float | None
    terbilang: str | None
    terbilang_cocok: bool | None
    satuan: str | None
    periode: str | None
    pembanding: str | None
    catatan: str | None
    status: Status


@cache
def unit_aliases() -> list[tuple[str, str]]:
    """(normalised alias, canonical unit), longest alias first, from data/satuan.csv."""
    text = resources.files("pipeline.data").joinpath("satuan.csv").read_text(encoding="utf-8")
    rows = [r for r in csv.DictReader(text.splitlines()) if r["alias"]]
    pairs = {(_norm(r["alias"]), r["satuan"]) for r in rows}
    return sorted(pairs, key=lambda p: (-len(p[0]), p[0]))


def canonical_units() -> list[str]:
    return sorted({unit for _, unit in unit_aliases()})


def _norm(text: str) -> str:
    """Case- and space-insensitive form: 'PeraturanBupati' == 'Peraturan Bupati'."""
    return _SPACES.sub("", text).lower()


def _to_number(text: str) -> float:
    """Indonesian notation: '1.500' is fifteen hundred, '2,5' two and a half."""
    return float(text.replace(".", "").replace(",", "."))


def _as_value(x: float) -> int | float:
    """Whole numbers as int (so "12" is published as 12, not 12.0)."""
    return int(x) if x == int(x) else x


def _segments(text: str) -> list[tuple[int, int]]:
    """Top-level parenthesised segments (start of "(", end after ")"), unclosed ones to the
    end of the text."""
    out: list[tuple[int, int]] = []
    depth, start = 0, -1
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")" and depth > 0:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1))
    if depth > 0:
        out.append((start, len(text)))
    return out


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if depth < 0:
            return False
    return depth == 0


def _unit_at(rest: str) -> tuple[str | None, int]:
    """The unit at the start of `rest` (longest alias), and how many characters it took."""
    squeezed = ""
    index: list[int] = []
    for i, ch in enumerate(rest):
        if not ch.isspace():
            squeezed += ch.lower()
            index.append(i)
    for alias, unit in unit_aliases():
        if squeezed.startswith(alias):
            end = index[len(alias) - 1] + 1
            # The alias must end at a word end ("kali" but not "kalimat").
            if end == len(rest) or not rest[end].isalnum():
                return unit, end
    return None, 0


def _period(text: str) -> tuple[str | None, str]:
    for word, canonical in sorted(PERIODS.items(), key=lambda p: -len(p[0])):
        pattern = re.compile(rf"(?:/\s*|\bper\s*|\bdalam\s*/?\s*|\bsetiap\s+){word}\b", re.I)
        if m := pattern.search(text):
            return canonical, text[: m.start()] + text[m.end() :]
    return None, text


def _comparator(before: str) -> str | None:
    tail = before.lower().rstrip(" (")
    for word, op in COMPARATORS.items():
        if tail.endswith(word):
            return op
    return None


def parse_target(raw: str | None) -> Target:
    """Split an indicator cell into indicator and normalised target. Never raises."""
    text = join_lines(raw or "")
    empty = Target(None, None, None, None, None, None, None, None, None, None, Status.NO_TARGET)
    if not text:
        return empty
    segments = _segments(text)
    groups = list(GROUP_RE.finditer(text))
    if groups:
        # The last number's innermost enclosing parenthesis holds the target; the target
        # is the first number inside it ("(4 (empat) kegiatan dalam 1 (satu) / tahun)").
        last = groups[-1]
        opening = _enclosing(text, last.start())
        if opening is None:
            return _from_group(text, last, last.start(), groups)
        chosen = next(
            g for g in groups if g.start() > opening and _enclosing(text, g.start()) == opening
        )
        return _from_group(text, chosen, opening, groups)
    return _without_words(text, segments)


def _enclosing(text: str, pos: int) -> int | None:
    """Index of the "(" that encloses position `pos`, if any."""
    depth = 0
    for i in range(pos - 1, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            if depth == 0:
                return i
            depth -= 1
    return None


def _from_group(text: str, g: re.Match[str], start: int, groups: list[re.Match[str]]) -> Target:
    """The target opens at `start` (its "(" or its number) and runs to the end of the text:
    whatever follows the number is unit, period or note, never dropped."""
    outer = text[start] == "(" and start < g.start()
    end = len(text)
    indikator = text[:start].strip() or None
    teks = text[start:end].strip()
    inner_start = start + 1 if outer else g.start()
    before = text[inner_start : g.start()]
    value = _to_number(g.group("num"))
    words = g.group("words").strip().rstrip(".").strip()
    percent = bool(g.group("pct")) or words.lower().endswith("persen")
    spoken_words = re.sub(r"\s*persen$", "", words, flags=re.I)
    spoken = parse_terbilang(spoken_words) if spoken_words else None
    rest = text[g.end() : end - 1 if outer and text[end - 1] == ")" else end]
    maks = None
    if (m := RANGE_JOIN_RE.match(rest)) and (
        g2 := next((x for x in groups if x.start() == g.end() + m.end()), None)
    ):
        maks = _to_number(g2.group("num"))
        rest = text[g2.end() : end - 1 if outer and text[end - 1] == ")" else end]
    satuan: str | None = "persen" if percent else None
    multiplier_word = rest.strip().split("/")[0].split(" ")[0].lower() if rest.strip() else ""
    factor = 1
    if multiplier_word in MULTIPLIERS:
        factor = MULTIPLIERS[multiplier_word]
        rest = rest.strip()[len(multiplier_word) :]
        satuan = "rupiah"
    if satuan is None:
        unit, taken = _unit_at(rest.lstrip())
        if unit:
            satuan = unit
            rest = rest.lstrip()[taken:]
    periode, rest = _period(rest)
    catatan = _note(rest)
    if before.strip() and not _comparator(text[: g.start()]):
        catatan = " ".join(filter(None, [before.strip(), catatan])) or None
    agrees = None if spoken is None else spoken == value
    if PLACEHOLDER_RE.search(teks) and not re.search(r"\d", teks):
        status = Status.PLACEHOLDER
    elif words and spoken is None:
        status = Status.BROKEN  # words that are not a number
    elif agrees is False:
        status = Status.INCONSISTENT
    elif not _balanced(text):
        status = Status.BROKEN
    else:
        status = Status.OK
    return Target(
        indikator=indikator,
        teks=teks,
        nilai=_as_value(value * factor),
        nilai_maks=_as_value(maks * factor) if maks is not None else None,
        terbilang=words or None,
        terbilang_cocok=agrees,
        satuan=satuan,
        periode=periode,
        pembanding=_comparator(text[: g.start()]) or "=",
        catatan=catatan,
        status=status,
    )


def _note(rest: str) -> str | None:
    """What is left of a target after number, unit and period, without stray brackets."""
    note = " ".join(rest.split()).strip(" /")
    while note.endswith(")") and note.count(")") > note.count("("):
        note = note[:-1].rstrip(" /")
    return note or None


def _without_words(text: str, segments: list[tuple[int, int]]) -> Target:
    """No "N (words)" group: a placeholder, a bare number, words alone, or text."""
    last = segments[-1] if segments else None
    seg_text = text[last[0] : last[1]] if last else ""
    if placeholder := PLACEHOLDER_RE.search(text):
        start = last[0] if last and PLACEHOLDER_RE.search(seg_text) else placeholder.start()
        return _text_target(text, start, Status.PLACEHOLDER)
    m = WORDS_ONLY_RE.search(seg_text or text)
    if m and parse_terbilang(m.group("words")) is not None:
        # Number words without digits.
        t = _text_target(text, last[0] if last else m.start(), Status.BROKEN)
        words = m.group("words").strip()
        return Target(
            t.indikator, t.teks, None, None, words, None, None, None, None, None, Status.BROKEN
        )
    search_in, offset = (seg_text, last[0]) if last else (text, 0)
    bare = list(BARE_RE.finditer(search_in))
    if bare:
        b = bare[-1]
        value = _to_number(b.group("num"))
        start = last[0] if last else offset + b.start()
        whole_before = text[: offset + b.start()]
        rest = search_in[b.end() :].rstrip(")")
        satuan = "persen" if b.group("pct") else None
        if satuan is None:
            unit, taken = _unit_at(rest.lstrip())
            if unit:
                satuan, rest = unit, rest.lstrip()[taken:]
        periode, rest = _period(rest)
        status = Status.OK if _balanced(text) else Status.BROKEN
        teks = text[start:].strip()
        return Target(
            indikator=(text[:start].strip() or None),
            teks=teks,
            nilai=_as_value(value),
            nilai_maks=None,
            terbilang=None,
            terbilang_cocok=None,
            satuan=satuan,
            periode=periode,
            pembanding=_comparator(whole_before) or "=",
            catatan=_note(rest),
            status=status,
        )
    if url := URL_RE.search(text):
        return _text_target(text, url.start(), Status.NOT_A_NUMBER)
    if last and (GRADE_RE.search(seg_text) or last[1] == len(text)) and seg_text.strip("() "):
        return _text_target(text, last[0], Status.NOT_A_NUMBER)
    return Target(text, None, None, None, None, None, None, None, None, None, Status.NO_TARGET)


def _text_target(text: str, start: int, status: Status) -> Target:
    return Target(
        indikator=text[:start].strip() or None,
        teks=text[start:].strip() or None,
        nilai=None,
        nilai_maks=None,
        terbilang=None,
        terbilang_cocok=None,
        satuan=None,
        periode=None,
        pembanding=None,
        catatan=None,
        status=status,
    )
