"""Repairs for text read by OCR, each using what the document itself says.

* Item numbers: Tesseract reads a lone "c." as "Cc.", "1." as "l.", "g." as "8." and "4."
  as "A,". Where the printed number does not fit the sequence but a look-alike reading
  does, the look-alike is taken (`reread_item_number`); one read as nothing like a number
  between "d." and "f." is "e." (`fill_sequence_gaps`).
* Body lines: "24, Aparat ..." at the start of a line is item "24." (`repair_line_item`);
  "BAB |" is "BAB I" (`repair_heading_numeral`); a list item followed by another ends
  with ";", never ":" (`repair_item_end`, used by the body parser); so does an in-line
  item after the first ("...; 3) ..."), when its list uses ";" (`repair_list_separators`).
* Counts: "l (satu)" is "1 (satu)" and "1 (satuj" is "1 (satu)" (`repair_counts`).
* Percent signs: "%" in front of "(persen)" is read as "Yo", "vo", "96" ... (`repair_percent`).
* Decimal marks: "259.74" in a document whose figures write their decimals "259,74" is
  "259,74" (`DecimalMarks`).
* Words: a word that one typical OCR confusion (c/e, rn/m, li/h ...) away is a word the
  same document uses far more often ("dacrah" next to forty "daerah") is taken as that
  word (`SelfLexicon`).

Only text from OCR goes through here; a text layer is never changed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from pipeline.normalize.terbilang import parse_terbilang
from pipeline.vocabulary import FIRST_ITEMS, next_item, steps_ahead, well_formed

# Glyphs Tesseract confuses with digits in short item numbers.
_DIGIT_LOOKALIKES = str.maketrans(
    {"l": "1", "I": "1", "L": "1", "i": "1", "|": "1", "!": "1", "O": "0", "o": "0", "S": "5",
     "Z": "2", "A": "4", "B": "8", "G": "6"}
)  # fmt: skip
# Glyphs Tesseract confuses with letters in short item numbers.
_LETTER_LOOKALIKES = str.maketrans(
    {"8": "g", "9": "g", "0": "o", "1": "l", "5": "s", "6": "b", "2": "z", "€": "e"}
)
_ITEM_RE = re.compile(r"^(\(?)\s*([^\s().,:;]{1,4})\s*([.),:;]{0,2})$")


def reread_item_number(printed: str, expected: Iterable[str]) -> str:
    """`printed` (an OCR'd item number such as "Cc.") read as the expected number it
    resembles ("c."); unchanged when it already is one of them or resembles none."""
    m = _ITEM_RE.match(printed.strip())
    if not m:
        return printed
    opening, body, closing = m.groups()
    wanted = list(expected)
    readings = [body.translate(_DIGIT_LOOKALIKES), body.translate(_LETTER_LOOKALIKES)]
    if len(set(body.lower())) == 1:  # "Cc", "ll": one glyph, read twice
        once = [body[0].lower(), body[0].upper()]
        readings += once + [r.translate(_DIGIT_LOOKALIKES) for r in once]
    # "ce" for "e": a stray glyph next to the number, taken only for the expected one.
    stray = list(body) if len(body) == 2 and len(set(body.lower())) > 1 else []
    close = ")" if ")" in closing else "."
    # The next number of the sequence first, then the first number of a new one.
    for want in wanted:
        if body == want:
            return printed if closing in ("", ".", ")") else f"{opening}{body}."
        if want in readings or want in stray:
            return f"{opening}{want}{close}"
    # A look-alike a step or two ahead ("€." after "c." is "e."): the one such reading is
    # taken, and the skipped "d." is left for the validator to report.
    if wanted and not well_formed(body):
        fits = {r for r in readings if well_formed(r) and steps_ahead(wanted[0], r) in (1, 2)}
        if len(fits) == 1:
            return f"{opening}{fits.pop()}{close}"
    return printed


def fill_sequence_gaps(numbers: list[str]) -> list[str]:
    """Item numbers of one column, in order (stripped, as read): one between two numbers of
    its kind two apart ("d", "Lagi", "f"; "3", "A,", "5") that reads as no number at all
    is the number between them; so is one that closes its sequence, after a number and
    before a new sequence starts ("f", "&", "1") or the column ends (200-bw-speckle p21:
    the broken "g." of a 1-bit scan read "&")."""
    out = list(numbers)
    for k in range(1, len(out)):
        before, here = out[k - 1], out[k]
        after = out[k + 1] if k + 1 < len(out) else None
        # A number that reads as a number of either kind is left to the sequence reading;
        # words (a group row's title in the column) are no number.
        if well_formed(here) or not well_formed(before):
            continue
        between = after is not None and steps_ahead(before, after) == 2
        restart = after in FIRST_ITEMS and (steps_ahead(before, after) or 0) <= 0
        closing = _short(here) and (after is None or restart or not _short(after))
        if between or closing:
            out[k] = next_item(before) or here
    return out


def _short(token: str) -> bool:
    """Whether a token is short enough to be an item number as OCR misreads it ("&",
    "Cc", "A,"): a group row's title in the column is not."""
    return 0 < len(token) <= 3 and not any(ch.isspace() for ch in token)


_LINE_ITEM_RE = re.compile(r"^(\(?(?:\d{1,2}|[a-z]))[,;:](?=\s+[A-Z(]|$)")


_LINE_DOUBLE_RE = re.compile(r"^([a-zA-Z])([a-zA-Z])(?=\.\s)")


def repair_line_item(line: str) -> str:
    """A body line or cell that opens with an item number whose stop OCR read as a comma
    ("24, Aparat ...", or a number cell "1,") opens with "24." again; "Cc. prioritas" (one
    glyph read in both cases) opens with "c."."""
    line = _LINE_ITEM_RE.sub(r"\1.", line)
    m = _LINE_DOUBLE_RE.match(line)
    if m and m.group(1) != m.group(2) and m.group(1).lower() == m.group(2).lower():
        line = m.group(1).lower() + line[2:]
    return line


# A list item's end: ":" or "," (OCR's readings of ";"), before an optional "dan"/"atau".
_ITEM_END_RE = re.compile(r"[:,](\s+(?:dan|atau))?$")


def repair_item_end(text: str) -> str:
    """The end of a list item that another item follows and that opens no list of its own:
    such an item ends with ";" (or "; dan", "; atau"), so a ":" or "," there is OCR's
    reading of ";" ("Terampil):" is "Terampil);")."""
    return _ITEM_END_RE.sub(lambda m: ";" + (m.group(1) or ""), text.rstrip())


# An in-line list item "k)" (or "(k)"), at the start or after a space; the number is group 1.
_INLINE_ITEM_RE = re.compile(r"(?:^|(?<=\s))\(?(\d{1,2}|[a-z])\)(?=\s)")
# The mark right before one (":" or ";", the space between).
_ITEM_MARK_RE = re.compile(r"(?<=\S)[:;]\s+$")


def repair_list_separators(text: str) -> str:
    """An in-line list ("... organisasi; 2) Mengukur ...; 3) ...") separates its items
    with ";", and a ":" opens only its first item ("untuk mengetahui: 1) ..."): a ":"
    right before an item that follows an earlier one of the same text ("3)" after "2)")
    is OCR's reading of ";". Only a list whose items the same text already separates
    with ";" somewhere is repaired, so a text that writes ":" throughout keeps it."""
    items = [(m.start(), m.group(1)) for m in _INLINE_ITEM_RE.finditer(text)]
    marks = [(at, _ITEM_MARK_RE.search(text[max(at - 4, 0) : at])) for at, _ in items]
    if not any(m is not None and m.group(0)[0] == ";" for _, m in marks):
        return text
    out = list(text)
    for k, (at, number) in enumerate(items):
        mark = marks[k][1]
        follows = any(next_item(n) == number for _, n in items[:k])
        if mark is not None and mark.group(0)[0] == ":" and follows:
            out[max(at - 4, 0) + mark.start()] = ";"
    return "".join(out)


def repair_marks(text: str) -> str:
    """The repairs of punctuation and numbers, in their order: "%" first, then counts,
    then item numbers, heading numerals and in-line list separators. They run before the
    word rule, so that words stand apart ("(satujdokumen" -> "(satu)dokumen")."""
    fixed = repair_line_item(repair_counts(repair_percent(text)))
    return repair_list_separators(repair_heading_numeral(fixed))


# "BAB |", "LAMPIRAN ll": a roman numeral whose I's OCR read as "|", "l", "!" or "1".
_HEADING_NUMERAL_RE = re.compile(r"^((?:BAB|LAMPIRAN)\s+)([IVXLC|l!1]{1,7})$")
_AS_I = str.maketrans("|l!1", "IIII")


def repair_heading_numeral(line: str) -> str:
    """The roman numeral of a BAB or LAMPIRAN heading with its I's read as look-alikes
    ("BAB |" is "BAB I"); an arabic number ("BAB 1") is printed so and stays."""
    m = _HEADING_NUMERAL_RE.match(line.strip())
    if m is None or m.group(2).isdigit():
        return line
    return m.group(1) + m.group(2).translate(_AS_I)


_PERCENT_RE = re.compile(
    r"(?<![\w%])[‘'`]?(?:Yo|YO|yo|Y0|Y|vo|Vo|%o|9o|%6)"  # "%" misread (never digits)
    r"(?=\s?\((?:[^()]*\()?[^()]*persen)"  # ... right before "(... persen"
)


# digits, then "(" (or its misreadings, or nothing), number words, then ")" (or "j"). No
# number word starts with "i", "f" or "I", so those stand for "("; "l" may be "lima".
_COUNT_RE = re.compile(
    r"(?<![\w.,])([0-9lILOSZ|]{1,4})(\s?)([(\[{]|[ifI](?=[a-z])|(?<=\s))"
    r"([a-z]+?(?:\s[a-z]+?)*?)([)j])"
)


def repair_counts(text: str) -> str:
    """A count written as digits and words ("1 (satu)") where OCR misread a digit ("l (satu)"),
    a parenthesis ("lisatu)", "1 (satuj") or lost one ("5 lima)"): the words decide, when
    they are the same number."""

    def fix(m: re.Match[str]) -> str:
        digits, space, paren, words, _ = m.groups()
        value = parse_terbilang(words)
        read = digits.translate(_DIGIT_LOOKALIKES)
        # One letter glued to "(sembilan)" ("O(sembilan)") is no number a regulation
        # prints: the words decide. A digit is kept, so a real mismatch stays a finding.
        lone_letter = len(digits) == 1 and digits.isalpha() and paren == "(" and not space
        if value is not None and lone_letter and value < 10:
            read = str(value)
        if value is None or not read.isdigit() or int(read) != value:
            return m.group(0)
        return f"{read}{space}({words})"

    return _COUNT_RE.sub(fix, text)


# digits, then one or two glyphs ("96", "56", "Yo", "4"): a "%" when the words say the digits
_PERCENT_DIGITS_RE = re.compile(
    r"(?<![\w.,])(\d{1,3})(\s?)([^\s()%]{1,2}?)(?=\s?\(([a-z\s]+?)\spersen\))"
)


def repair_percent(text: str) -> str:
    """A misread "%" right before a parenthesis that says "persen" becomes "%"; "100 96
    (seratus persen)" is "100 % (seratus persen)" when the words say the number before."""

    def fix(m: re.Match[str]) -> str:
        number, space, _, words = m.groups()
        return m.group(0) if parse_terbilang(words) != int(number) else f"{number}{space}%"

    return _PERCENT_DIGITS_RE.sub(fix, _PERCENT_RE.sub("%", text))


_WORD_RE = re.compile(r"[A-Za-z][a-z]{2,}(?:[A-Z][a-z]+)*")  # "QuickWins" is one word
MIN_COMMON = 5  # a word used at least this often is part of the document's lexicon
MIN_RATIO = 3  # ... and at least this many times as often as the word read
# What Tesseract reads -> what was printed: glyphs it confuses in this kind of type.
CONFUSIONS = (
    ("c", "e"), ("e", "c"), ("n", "u"), ("u", "n"), ("t", "f"), ("f", "t"), ("l", "i"),
    ("i", "l"), ("rn", "m"), ("m", "rn"), ("li", "h"), ("ri", "n"), ("r", "n"), ("in", "m"),
    ("ni", "m"), ("cl", "d"), ("a", "o"), ("o", "a"), ("h", "b"), ("b", "h"), ("u", "ii"),
    ("e", "o"), ("o", "e"), ("g", "q"), ("n", "m"), ("m", "n"), ("u", "y"), ("c", "o"),
    ("o", "c"), ("v", "y"), ("y", "v"),
)  # fmt: skip


# A figure whose last separator, before one or two digits, is a stop or a comma
# ("259.74", "1.424.0", "285,64"). In Indonesian a stop groups thousands (three digits),
# so where the document's OCR'd figures write their decimals with a comma (MIN_COMMON of
# them at least, MIN_RATIO times as many as with a stop), a stop there is OCR's reading
# of the comma (a bold comma whose tail was lost).
_FIGURE_RE = re.compile(r"^(\d{1,3}(?:\.\d{3})*|\d+)([.,])(\d{1,2})$")


class DecimalMarks:
    """The decimal mark of one document's OCR'd figures (see _FIGURE_RE); `correct`
    writes a figure's misread stop as that comma."""

    def __init__(self, texts: Iterable[str]) -> None:
        marks = Counter(m.group(2) for t in texts if (m := _FIGURE_RE.match(t.strip())))
        self.comma = marks[","] >= MIN_COMMON and marks[","] >= MIN_RATIO * marks["."]

    def correct(self, text: str) -> str:
        m = _FIGURE_RE.match(text.strip()) if self.comma else None
        if m is None or m.group(2) != ".":
            return text
        return f"{m.group(1)},{m.group(3)}"


class SelfLexicon:
    """The words of one document with their counts (case aside); a rare word that one
    typical OCR confusion away is a much more common word is read as that word."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.counts: Counter[str] = Counter()
        for text in texts:
            self.counts.update(w.lower() for w in _WORD_RE.findall(text))
        self._fixes: dict[str, str | None] = {}

    def _fix(self, word: str) -> str | None:
        if word in self._fixes:
            return self._fixes[word]
        count = self.counts.get(word, 0)
        floor = max(MIN_COMMON, MIN_RATIO * max(count, 1))
        # A word the document itself uses often ("dari") is a word, never a misreading.
        found = (
            {c for c in _readings(word) if self.counts.get(c, 0) >= floor}
            if count < MIN_COMMON
            else set()
        )
        # One way to read it, not a choice between words.
        best = found.pop() if len(found) == 1 else None
        self._fixes[word] = best
        return best

    def correct(self, text: str) -> str:
        def fix(m: re.Match[str]) -> str:
            word = m.group(0)
            found = self._fix(word.lower())
            if found is None:
                return word
            if word[0].isupper():  # the word's own capitals (QuickWins) where they fit
                return (
                    "".join(
                        f.upper() if w.isupper() else f for w, f in zip(word, found, strict=False)
                    )
                    + found[len(word) :]
                )
            return found

        return _WORD_RE.sub(fix, text)


def _readings(word: str) -> set[str]:
    """The words one confusion (CONFUSIONS) away from `word`."""
    out = set()
    for wrong, right in CONFUSIONS:
        start = word.find(wrong)
        while start != -1:
            out.add(word[:start] + right + word[start + len(wrong) :])
            start = word.find(wrong, start + 1)
    out.discard(word)
    return out


# A word read below CORROBORATED_CONFIDENCE whose letters make a word the document prints
# elsewhere at least CORROBORATING_COUNT times, each from its text layer or read at least
# SURE_CONFIDENCE (the floor of the low-confidence finding), is taken as read: its
# confidence is raised to CORROBORATED_CONFIDENCE (the witness level, ocr.WITNESS_CONFIDENCE).
CORROBORATED_CONFIDENCE = 90.0
CORROBORATING_COUNT = 2
SURE_CONFIDENCE = 60.0
_LETTERS_RE = re.compile(r"[^\W\d_]{3,}")
# What may cling to a word without making it another word: quotes, brackets, stops.
_CLINGING = ".,;:()\"'“”‘’"
_DASHES = frozenset("-–—")
# An item label opening a line or cell ("c.", "12.", "(3)", Tesseract's "Cc." for "c."):
# its value is checked against its sequence (the numbering findings), not by its reading.
_LABEL_RE = re.compile(r"\(?(?:\d{1,3}|([a-z])\1?)[.)]")


class Corroboration:
    """OCR confidence checked against the document itself. A word read below
    CORROBORATED_CONFIDENCE does not make its line or cell unsure when its letters make a
    word the document prints surely elsewhere (see CORROBORATING_COUNT), when it is a run
    of dashes, or when it is the item label opening the line or cell; any other word does.
    A record's confidence is then that of its least sure word nothing corroborates: one
    unsure but right word ("masyarakat," at 57) no longer flags a passage, while junk
    ("raa", "“Oa") and misread words ("Stastun", "IVNA-CBG’s") still do.

    `texts` are the text-layer texts, `words` the OCR words (as repaired by `fix`, with
    their confidence)."""

    def __init__(
        self, texts: Iterable[str], words: Iterable[tuple[str, float]], fix: Callable[[str], str]
    ) -> None:
        self.fix = fix
        self.counts: Counter[str] = Counter()
        for text in texts:
            self.counts.update(_LETTERS_RE.findall(text.lower()))
        for word, sure in words:
            core = fix(word).strip(_CLINGING).lower()
            if sure >= SURE_CONFIDENCE and _LETTERS_RE.fullmatch(core):
                self.counts[core] += 1

    def _corroborated(self, word: str, first: bool) -> bool:
        if first and _LABEL_RE.fullmatch(word.lower()):
            return True
        core = word.strip(_CLINGING)
        if core and set(core) <= _DASHES:
            return True
        return bool(
            _LETTERS_RE.fullmatch(core) and self.counts.get(core.lower(), 0) >= CORROBORATING_COUNT
        )

    def confidence(self, words: Sequence[tuple[str, float]]) -> float:
        """The confidence of a line or cell from its OCR words (as read, in order)."""
        return min(
            max(sure, CORROBORATED_CONFIDENCE)
            if sure < CORROBORATED_CONFIDENCE and self._corroborated(self.fix(word), i == 0)
            else sure
            for i, (word, sure) in enumerate(words)
        )
