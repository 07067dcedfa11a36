"""Indonesian number words ("terbilang") to integers and back.

Regulations often repeat a figure in words, e.g. "80 % (delapan puluh persen)" or
"Rp5.000.000.000,00 (lima milyar rupiah)". This module parses such words
(`parse_terbilang`), locates them in running text (`find_terbilang`) and renders an
integer canonically (`terbilang`).

Grammar accepted by the parser (after lower-casing and splitting on whitespace; a word
may also be several vocabulary items written together, e.g. "duabelas", "tigapuluh",
"duaratus"):

    number := ZERO | group SCALE (group SCALE)* [group] | group
    group  := [hundreds] tens | hundreds
    hundreds := "seratus" | DIGIT "ratus"
    tens   := "sepuluh" | "sebelas" | DIGIT2 "belas" | DIGIT2 "puluh" [DIGIT] | DIGIT

where DIGIT is satu..sembilan, DIGIT2 is dua..sembilan, the scales (ribu, juta, miliar,
triliun) must strictly decrease, and a group consisting of exactly one may also be
written with the "se-" prefix joined to the scale ("seribu", "sejuta"). "satu" is
accepted before "ratus" and the scales ("satu juta") but not before "belas"/"puluh".
"""

from __future__ import annotations

import re
from functools import lru_cache

# Atom kinds produced by the tokenizer.
_DIGIT = "digit"  # satu .. sembilan, value 1..9
_SE = "se"  # the "se-" prefix (value 1), only ever directly before a multiplier
_BELAS = "belas"  # teens: 10 + digit
_PULUH = "puluh"  # tens: digit * 10
_RATUS = "ratus"  # hundreds: digit * 100
_SCALE = "scale"  # ribu, juta, miliar, triliun; value is the power of ten
_ZERO = "zero"  # nol, kosong

Atom = tuple[str, int]

DIGITS: dict[str, int] = {
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
}

# Multipliers inside a group of three digits.
MULTIPLIERS: dict[str, str] = {"belas": _BELAS, "puluh": _PULUH, "ratus": _RATUS}

# Scale words (every spelling seen in regulations) and their values.
SCALES: dict[str, int] = {
    "ribu": 10**3,
    "juta": 10**6,
    "miliar": 10**9,
    "milyar": 10**9,
    "milyard": 10**9,
    "miliard": 10**9,
    "triliun": 10**12,
    "trilyun": 10**12,
}

ZEROS: dict[str, int] = {"nol": 0, "kosong": 0}

# Zero words that `find_terbilang` does not report: "kosong" also means "empty"
# ("lahan kosong"), so in running text it is far more often not a number.
_FIND_EXCLUDED: frozenset[str] = frozenset({"kosong"})

# Canonical spellings used by `terbilang`, highest scale first.
CANONICAL_SCALES: tuple[tuple[int, str], ...] = (
    (10**12, "triliun"),
    (10**9, "miliar"),
    (10**6, "juta"),
    (10**3, "ribu"),
)
_CANONICAL_DIGITS: dict[int, str] = {v: k for k, v in DIGITS.items()}
_UPPER_BOUND = 10**15

# Every vocabulary item a word can be built from, mapped to the atoms it stands for.
_VOCAB: dict[str, tuple[Atom, ...]] = {
    **{w: ((_DIGIT, v),) for w, v in DIGITS.items()},
    **{w: ((kind, 0),) for w, kind in MULTIPLIERS.items()},
    **{w: ((_SCALE, v),) for w, v in SCALES.items()},
    **{w: ((_ZERO, v),) for w, v in ZEROS.items()},
    **{"se" + w: ((_SE, 1), (kind, 0)) for w, kind in MULTIPLIERS.items()},
    **{"se" + w: ((_SE, 1), (_SCALE, v)) for w, v in SCALES.items()},
}
_MAX_VOCAB_LEN = max(len(w) for w in _VOCAB)

# Longer words cannot be a number ("sembilanratussembilanpuluhsembilan" has 34 chars).
_MAX_WORD_LEN = 64
# A number has at most 4 * 7 + 6 = 34 words ("sembilan ratus sembilan puluh sembilan triliun
# ..."); bounds the work `find_terbilang` does per start position.
_MAX_NUMBER_WORDS = 40

_WORD_RE = re.compile(r"\w+")


@lru_cache(maxsize=4096)
def _segment(word: str) -> tuple[Atom, ...] | None:
    """Split one lower-case word into atoms, or None if it is not made of vocabulary items.

    A word may be a single item ("puluh") or several joined ones ("duapuluh"); the split
    is unique for this vocabulary, but a dynamic programme is used anyway so that no
    input can cause exponential backtracking.
    """
    n = len(word)
    if n == 0 or n > _MAX_WORD_LEN:
        return None
    # best[i]: atoms for word[:i], or None if word[:i] cannot be segmented.
    best: list[tuple[Atom, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for i in range(n):
        prefix = best[i]
        if prefix is None:
            continue
        for j in range(i + 1, min(n, i + _MAX_VOCAB_LEN) + 1):
            atoms = _VOCAB.get(word[i:j])
            if atoms is not None and best[j] is None:
                best[j] = prefix + atoms
    return best[n]


def _atoms_of(words: list[str]) -> list[Atom] | None:
    """Atoms of a list of words (any case), or None if some word is not a number word."""
    atoms: list[Atom] = []
    for word in words:
        seg = _segment(word.lower())
        if seg is None:
            return None
        atoms.extend(seg)
    return atoms


def _parse_group(atoms: list[Atom], pos: int) -> tuple[int, int] | None:
    """Parse one group (value 1..999) starting at `pos`.

    Returns (value, next position) or None if no well-formed group starts there. A lone
    "se-" (from "seribu", "sejuta") is a group of value 1 only when the next atom is a
    scale and no hundreds precede it.
    """

    def at(i: int) -> Atom | None:
        return atoms[i] if i < len(atoms) else None

    hundreds = 0
    head, nxt = at(pos), at(pos + 1)
    if head is not None and head[0] in (_SE, _DIGIT) and nxt is not None and nxt[0] == _RATUS:
        hundreds = head[1]
        pos += 2

    tens = 0
    head, nxt = at(pos), at(pos + 1)
    nxt_kind = nxt[0] if nxt is not None else None
    if head is not None and head[0] == _SE:
        if nxt_kind == _PULUH:
            tens, pos = 10, pos + 2
        elif nxt_kind == _BELAS:
            tens, pos = 11, pos + 2
        elif nxt_kind == _SCALE and hundreds == 0:
            return 1, pos + 1
        else:
            return None
    elif head is not None and head[0] == _DIGIT:
        digit = head[1]
        if nxt_kind == _RATUS:
            return None  # a second hundreds inside one group
        if nxt_kind in (_BELAS, _PULUH):
            if digit == 1:
                return None  # "satu belas"/"satu puluh": written "sebelas"/"sepuluh"
            pos += 2
            if nxt_kind == _BELAS:
                tens = 10 + digit
            else:
                tens = 10 * digit
                unit = at(pos)
                if unit is not None and unit[0] == _DIGIT:
                    tens += unit[1]
                    pos += 1
        else:
            tens, pos = digit, pos + 1

    if hundreds == 0 and tens == 0:
        return None
    return hundreds * 100 + tens, pos


def _parse_atoms(atoms: list[Atom]) -> int | None:
    """The value of a complete atom sequence, or None if it is not well formed."""
    if not atoms:
        return None
    if atoms[0][0] == _ZERO:
        return 0 if len(atoms) == 1 else None
    total = 0
    last_scale = _UPPER_BOUND
    pos = 0
    while pos < len(atoms):
        parsed = _parse_group(atoms, pos)
        if parsed is None:
            return None
        value, pos = parsed
        if pos == len(atoms):
            return total + value
        kind, scale = atoms[pos]
        if kind != _SCALE or scale >= last_scale:
            return None
        total += value * scale
        last_scale = scale
        pos += 1
    return total


def parse_terbilang(text: str) -> int | None:
    """The integer that Indonesian number words denote, or None.

    Case-insensitive; any whitespace between words is accepted, and vocabulary items may
    be written together ("duabelas", "tigapuluh", "duaratus"). Returns None (never
    raises) when `text` is empty, contains anything but number words, or is not a
    well-formed number ("puluh dua", "satu satu", "dua belas puluh", "seribu seribu").
    The result is always in 0 <= value < 10**15.
    """
    if not isinstance(text, str):
        return None
    atoms = _atoms_of(text.split())
    return None if atoms is None else _parse_atoms(atoms)


def _group_words(n: int) -> list[str]:
    """Canonical words for 1 <= n <= 999."""
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        words.append("seratus")
    elif hundreds > 1:
        words += [_CANONICAL_DIGITS[hundreds], "ratus"]
    tens, units = divmod(rest, 10)
    if rest == 10:
        words.append("sepuluh")
    elif rest == 11:
        words.append("sebelas")
    elif tens == 1:
        words += [_CANONICAL_DIGITS[units], "belas"]
    else:
        if tens > 1:
            words += [_CANONICAL_DIGITS[tens], "puluh"]
        if units > 0:
            words.append(_CANONICAL_DIGITS[units])
    return words


def terbilang(n: int) -> str:
    """Canonical Indonesian words for 0 <= n < 10**15, lower case, single spaces.

    "nol", "dua belas", "seratus dua puluh tiga", "seribu", "satu juta", "satu miliar".
    Only one thousand takes the "se-" prefix ("seribu"); higher scales use "satu".
    Raises TypeError for non-integers (including bool) and ValueError for n outside
    the range.
    """
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"terbilang expects an int, got {n!r}")
    if n < 0 or n >= _UPPER_BOUND:
        raise ValueError(f"terbilang: {n} is outside 0 <= n < 10**15")
    if n == 0:
        return "nol"
    words: list[str] = []
    for scale, name in CANONICAL_SCALES:
        group, n = divmod(n, scale)
        if group == 1 and scale == 10**3:
            words.append("seribu")
        elif group > 0:
            words += [*_group_words(group), name]
    if n > 0:
        words += _group_words(n)
    return " ".join(words)


def find_terbilang(text: str) -> list[tuple[int, int, int]]:
    """Every maximal run of number words in `text`, as (start, end, value).

    Offsets index `text` (`text[start:end]` is the run). Words are maximal `\\w+`
    sequences, so "sepuluhan", "setuju" and a lone "se" are not numbers; words of one run
    are separated by whitespace only (punctuation ends a run). A run that is not one
    well-formed number is split greedily into the longest well-formed numbers from the
    left ("satu satu" gives two spans); words that fit no number are skipped. "kosong"
    is not reported (in running text it usually means "empty"). Never raises; for every
    span, `parse_terbilang(text[start:end]) == value`.
    """
    if not isinstance(text, str):
        return []
    results: list[tuple[int, int, int]] = []
    # Current run: (start, end, atoms) per word.
    run: list[tuple[int, int, tuple[Atom, ...]]] = []

    def flush() -> None:
        i = 0
        while i < len(run):
            for j in range(min(len(run), i + _MAX_NUMBER_WORDS), i, -1):
                atoms = [a for _, _, seg in run[i:j] for a in seg]
                value = _parse_atoms(atoms)
                if value is not None:
                    results.append((run[i][0], run[j - 1][1], value))
                    i = j
                    break
            else:
                i += 1
        run.clear()

    for match in _WORD_RE.finditer(text):
        word = match.group().lower()
        seg = None if word in _FIND_EXCLUDED else _segment(word)
        if seg is None:
            flush()
            continue
        if run and not text[run[-1][1] : match.start()].isspace():
            flush()
        run.append((match.start(), match.end(), seg))
    flush()
    return results
