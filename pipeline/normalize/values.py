"""Typed values of lampiran table cells (tariff schedules, allocations, indicator tables).

Cells are printed in Indonesian notation: "." groups thousands, "," marks decimals
("1.500.000,50"), amounts carry "Rp" and often a closing ",-" ("Rp 25.000,-"), and a
figure may be repeated in words ("12 (dua belas)"). The parsers here turn one cell into a
Python value and never raise; `infer_column_type` picks one column kind from the
vocabulary `COLUMN_KINDS`, and `typed_value` reads a cell as that kind.

Blank cells (only whitespace, or a dash placeholder "-", "–", "—") carry no value: they are
ignored by `infer_column_type`, and `typed_value` returns None for them (False in a
"centang" column, where an empty box means "not ticked"). Callers that report cells which
do not fit their column should test `is_blank` first.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Sequence
from decimal import Decimal

from pipeline.extract.tables.stitch import MARKS
from pipeline.normalize.dates import parse_tanggal
from pipeline.normalize.terbilang import parse_terbilang

CellValue = int | float | str | bool | None

# Column kinds (the vocabulary of `infer_column_type` and `typed_value`); "teks" is the fallback.
BILANGAN = "bilangan"
RUPIAH = "rupiah"
PERSEN = "persen"
TAHUN = "tahun"
TANGGAL = "tanggal"
CENTANG = "centang"
TEKS = "teks"
COLUMN_KINDS: tuple[str, ...] = (BILANGAN, RUPIAH, PERSEN, TAHUN, TANGGAL, CENTANG, TEKS)

# Share of the non-blank values of a column that must fit a kind (as a fraction 4/5).
FIT_NUMERATOR, FIT_DENOMINATOR = 4, 5

YEAR_MIN, YEAR_MAX = 1900, 2100

# The tick and cross marks are named once, with the table machinery.
CHECKMARKS: frozenset[str] = MARKS

# Placeholders printed in empty cells of Indonesian tables.
BLANK_PLACEHOLDERS: frozenset[str] = frozenset({"-", "–", "—", "--"})

# Words that may close a number written out in parentheses, by whether the figure carries a
# percent sign: "75% (tujuh puluh lima persen)", "Rp5.000,00 (lima ribu rupiah)".
WORDS_SUFFIXES: dict[bool, tuple[str, ...]] = {True: ("persen",), False: ("rupiah",)}

# Longest cell the number parsers look at; longer cells are text. Bounds the regex work.
_MAX_CELL_LEN = 500
# Most digits (with separators) in one figure; keeps int()/float() far from their limits.
_MAX_CORE_LEN = 40

_SPACES_RE = re.compile(r"\s+")

# One numeric cell: optional accounting parentheses, minus sign and "Rp" prefix around a
# figure, then an optional ",-" (whole rupiah), percent sign and the figure in words.
# The figure itself ("core") is checked by `_parse_core`.
_CELL_RE = re.compile(
    r"""
    (?P<open>\(\ ?)?
    (?P<neg1>[-−])?
    (?:(?P<rp>rp\.?)\ ?)?
    (?P<neg2>[-−])?
    (?P<core>[0-9](?:[0-9., ]*[0-9])?)
    (?P<dash>[.,][-–—]{1,2})?
    (?:\ ?(?P<pct>%|persen))?
    (?P<close>\ ?\))?
    (?:\ ?\((?P<words>[^()]*)\))?
    """,
    re.ASCII | re.IGNORECASE | re.VERBOSE,
)
_INT_RE = re.compile(r"[0-9]+", re.ASCII)
# Thousands grouped by dots or by spaces (one kind per figure); no leading zero.
_GROUPED_RE = re.compile(r"[1-9][0-9]{0,2}(?:(?:\.[0-9]{3})+|(?: [0-9]{3})+)", re.ASCII)
# Thousands grouped by commas, twice or more (a spreadsheet's English notation:
# "27,744,564,654"), an optional "." decimal part after them. One comma alone ("27,744") is
# the Indonesian decimal mark.
_COMMA_GROUPED_RE = re.compile(r"(?P<int>[1-9][0-9]{0,2}(?:,[0-9]{3}){2,})(?:\.(?P<frac>[0-9]+))?")
_DOT_DECIMAL_RE = re.compile(r"(?P<int>[0-9]+)\.(?P<frac>[0-9]+)", re.ASCII)
# "Rp" before a figure ("Rp25.000", "Rp. 5") or the ",-" that closes whole rupiah.
_RUPIAH_MARK_RE = re.compile(r"(?<![a-z])rp(?![a-z])|[.,][-–—]", re.ASCII | re.IGNORECASE)

_YEAR_RE = re.compile(r"[0-9]{4}", re.ASCII)
_NAMED_DATE_RE = re.compile(r"[0-9]{1,2} [a-z]+ [0-9]{4}", re.ASCII | re.IGNORECASE)
_DMY_RE = re.compile(
    r"(?P<d>[0-9]{1,2})(?P<sep>[/-])(?P<m>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{4})", re.ASCII
)
_ISO_RE = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})", re.ASCII)


def _clean(text: str) -> str:
    """Runs of any whitespace (including no-break spaces) -> one space; stripped."""
    return _SPACES_RE.sub(" ", text).strip()


def _as_value(int_part: str, frac: str) -> int | float:
    """Whole numbers as int (exact, also beyond 2**53); others as float."""
    if frac.strip("0") == "":
        return int(int_part)
    return float(f"{int_part}.{frac}")


def _parse_core(core: str) -> int | float | None:
    """The unsigned value of a figure in Indonesian notation, or None.

    "271.000" and "1 500 000" group thousands; "," is the decimal mark ("1.500,5",
    "0,75"). With no comma, a single "." is a decimal point unless it starts a well-formed
    thousands group: "1.500" is 1500 but "1.5", "1.50" and "0.500" are decimals. Two or
    more commas each before three digits group thousands ("27,744,564,654").
    """
    if len(core) > _MAX_CORE_LEN:
        return None
    if m := _COMMA_GROUPED_RE.fullmatch(core):
        return _as_value(m["int"].replace(",", ""), m["frac"] or "")
    int_part, comma, frac = core.partition(",")
    if comma and not _INT_RE.fullmatch(frac):
        return None
    if _INT_RE.fullmatch(int_part):
        return _as_value(int_part, frac)
    if _GROUPED_RE.fullmatch(int_part):
        return _as_value(int_part.replace(".", "").replace(" ", ""), frac)
    if not comma and (m := _DOT_DECIMAL_RE.fullmatch(int_part)):
        return _as_value(m["int"], m["frac"])
    return None


def _parse_cell(text: str, *, percent: bool) -> int | float | None:
    """A signed figure, with or without a percent sign as `percent` asks; None otherwise.

    Accepts "Rp"/",-" only when `percent` is False. A figure repeated in words must agree
    with it ("12 (dua belas)" is 12, "12 (tiga belas)" is None).
    """
    if not isinstance(text, str) or len(text) > _MAX_CELL_LEN:
        return None
    m = _CELL_RE.fullmatch(_clean(text))
    if m is None or bool(m["pct"]) != percent:
        return None
    if bool(m["open"]) != bool(m["close"]):
        return None
    negatives = [bool(m["open"]), bool(m["neg1"]), bool(m["neg2"])]
    if sum(negatives) > 1:
        return None
    if percent and (m["rp"] or m["dash"]):
        return None
    if m["dash"] and "," in m["core"]:
        return None  # "25.000,50,-": decimals and the whole-rupiah dash exclude each other
    value = _parse_core(m["core"])
    if value is None:
        return None
    if m["words"] is not None and not _words_agree(m["words"], value, percent=percent):
        return None
    return -value if any(negatives) else value


def _words_agree(words: str, value: int | float, *, percent: bool) -> bool:
    """Whether `words` ("dua belas", "lima ribu rupiah.") spell the unsigned `value`."""
    words = words.strip().rstrip(".").strip().lower()
    for suffix in WORDS_SUFFIXES[percent]:
        if words.endswith(" " + suffix):
            words = words[: -len(suffix)]
            break
    spelled = parse_terbilang(words)
    return spelled is not None and spelled == value


# A figure in scientific notation, its exponent printed as a superscript ("6,9 × 10⁵",
# "2 x 10⁻²"; see README "Superscripts"): the mantissa in Indonesian notation.
_SCIENTIFIC_RE = re.compile(r"(?P<m>[0-9][0-9.,]*) ?[x×] ?10(?P<e>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_EXPONENT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")


def _scientific(text: str) -> int | float | None:
    """The value of "6,9 × 10⁵" (690000) or "5,6 × 10⁻²" (0.056); None otherwise."""
    m = _SCIENTIFIC_RE.fullmatch(_clean(text))
    if m is None:
        return None
    mantissa = _parse_core(m["m"])
    if mantissa is None:
        return None
    value = Decimal(str(mantissa)).scaleb(int(m["e"].translate(_EXPONENT)))
    return int(value) if value == value.to_integral_value() else float(value)


def parse_number(text: str) -> int | float | None:
    """The number a cell in Indonesian notation shows, or None. Never raises.

    "271.000" -> 271000, "1.500.000,50" -> 1500000.5, "2,5" -> 2.5, "1 500 000" -> 1500000,
    "-3" and "(3)" -> -3, "Rp 25.000,-" / "Rp. 1.250.000,00" / "25.000,-" -> 25000 resp.
    1250000. A single "." followed by exactly three digits groups thousands ("1.500" ->
    1500); otherwise, when there is no comma, it is a decimal point ("1.5" -> 1.5). A figure
    repeated in words in trailing parentheses must agree ("5.000 (lima ribu rupiah)").
    Whole numbers are int, others float. Scientific notation with a superscript exponent
    reads as its value: "6,9 × 10⁵" -> 690000, "5,6 × 10⁻²" -> 0.056. Anything else,
    including trailing text ("271.000 jiwa") and percentages ("75%"), gives None.
    """
    value = _parse_cell(text, percent=False)
    if value is None and isinstance(text, str) and len(text) <= _MAX_CELL_LEN:
        return _scientific(text)
    return value


# An amount with the unit it is counted in: "600.000/pemakaian", "Rp 25.000,-/orang/hari",
# "5.000 per kg". The unit starts with a letter (so "26/03/2020" and "2019/2020" are none).
_UNIT_RE = re.compile(
    r"(?P<amount>.*?[0-9](?:[.,][-–—]{1,2})?)\s*(?:/|\bper\b)\s*(?P<unit>[^\W\d_][^\n]*)",
    re.IGNORECASE,
)


def parse_amount(text: str) -> tuple[int | float | None, str | None]:
    """A number with the unit it is counted in, as (value, unit); (value, None) for a bare
    number (`parse_number`); (None, None) for anything else. Never raises.

    "600.000/pemakaian" -> (600000, "pemakaian"), "Rp 25.000,-/orang/hari" -> (25000,
    "orang/hari"), "5.000 per kg" -> (5000, "kg"), "1.500.000,00" -> (1500000, None).
    A unit after a plain space ("271.000 jiwa") is not read: such a cell is text.
    """
    value = parse_number(text)
    if value is not None or not isinstance(text, str) or len(text) > _MAX_CELL_LEN:
        return value, None
    m = _UNIT_RE.fullmatch(_clean(text))
    if m is None:
        return None, None
    value = parse_number(m["amount"])
    return (value, _clean(m["unit"])) if value is not None else (None, None)


# Characters of a figure wrapped inside its cell ("24,0" over "2"; "0,07" over "%").
_FIGURE_LINE_RE = re.compile(r"[0-9.,%]+")


def unwrap_figure(raw: str) -> str | None:
    """A figure that a narrow cell wrapped over several lines, joined without the line
    breaks ("24,0\\n2" -> "24,02", "135.380.43\\n5" -> "135.380.435"), when only the joined
    form reads as a number or percentage; None otherwise (one line, words, or a figure that
    reads as it is)."""
    if not isinstance(raw, str) or len(raw) > _MAX_CELL_LEN:
        return None
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    if len(lines) < 2 or not all(_FIGURE_LINE_RE.fullmatch(line) for line in lines):
        return None
    if not all(_cut_inside(line) for line in lines[:-1]):
        return None  # "12" over "13": two figures, not one wrapped
    if _as_number(" ".join(lines)) is not None:
        return None
    joined = "".join(lines)
    return joined if _as_number(joined) is not None else None


def _cut_inside(line: str) -> bool:
    """Whether a figure's line stops inside the figure: after a separator ("21.078."), in a
    thousands group ("135.380.43") or in the decimals ("24,0")."""
    if line[-1] in ".,":
        return True
    if "," in line:
        return True
    groups = line.split(".")
    return len(groups) > 1 and len(groups[-1]) < 3


def parse_percent(text: str) -> int | float | None:
    """The number of a percentage cell, or None: "75%", "75 %", "75 persen" -> 75,
    "12,5%" -> 12.5, "80 % (delapan puluh persen)" -> 80. The value stays on the 0-100
    scale. A cell without "%" or "persen" gives None. Never raises.
    """
    return _parse_cell(text, percent=True)


def parse_year(text: str) -> int | None:
    """A cell holding only a four-digit year in YEAR_MIN..YEAR_MAX ("2020"), or None."""
    if not isinstance(text, str) or len(text) > _MAX_CELL_LEN:
        return None
    cell = _clean(text)
    if not _YEAR_RE.fullmatch(cell):
        return None
    year = int(cell)
    return year if YEAR_MIN <= year <= YEAR_MAX else None


def parse_date(text: str) -> str | None:
    """A cell holding only a date, as ISO "YYYY-MM-DD", or None. Never raises.

    Accepted: "26 Maret 2020" (month names as `parse_tanggal` knows them), day first
    "26/03/2020" and "26-03-2020", and ISO "2020-03-26". The date must exist and its year
    lie in YEAR_MIN..YEAR_MAX.
    """
    if not isinstance(text, str) or len(text) > _MAX_CELL_LEN:
        return None
    cell = _clean(text)
    date: datetime.date | None = None
    if _NAMED_DATE_RE.fullmatch(cell):
        date = parse_tanggal(cell)
    elif (m := _DMY_RE.fullmatch(cell) or _ISO_RE.fullmatch(cell)) is not None:
        try:
            date = datetime.date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            return None
    if date is None or not YEAR_MIN <= date.year <= YEAR_MAX:
        return None
    return date.isoformat()


def is_checkmark(text: str) -> bool:
    """Whether a cell holds only a tick or cross mark (see CHECKMARKS), e.g. "√", "v", "X"."""
    return isinstance(text, str) and text.strip() in CHECKMARKS


def is_blank(text: str) -> bool:
    """Whether a cell carries no value: only whitespace, or a dash placeholder ("-")."""
    if not isinstance(text, str):
        return True
    cell = text.strip()
    return cell == "" or cell in BLANK_PLACEHOLDERS


def _has_rupiah_mark(text: str) -> bool:
    return _RUPIAH_MARK_RE.search(text) is not None


def _fits_most(count: int, total: int) -> bool:
    """Whether `count` of `total` values is at least the FIT share."""
    return count * FIT_DENOMINATOR >= total * FIT_NUMERATOR


def _as_number(text: str) -> int | float | None:
    """A number with or without a percent sign (never both "Rp" and "%") or a unit."""
    value = parse_amount(text)[0]
    return parse_percent(text) if value is None else value


def _amount_value(text: str) -> int | float | None:
    return parse_amount(text)[0]


# Tests that decide a column kind on their own, in the order `infer_column_type` tries them.
_EXCLUSIVE_TESTS: tuple[tuple[str, Callable[[str], bool]], ...] = (
    (CENTANG, is_checkmark),
    (TAHUN, lambda v: parse_year(v) is not None),
    (TANGGAL, lambda v: parse_date(v) is not None),
)


def infer_column_type(values: Sequence[str]) -> str:
    """The kind (one of COLUMN_KINDS) that fits a column's cells.

    Blank cells (see `is_blank`) are ignored; a column with no other cell is "teks". A kind
    is chosen when at least 4/5 of the remaining cells fit it, trying "centang", "tahun",
    "tanggal", then numbers: a numeric column is "persen" when more than half of its cells
    carry "%"/"persen", else "rupiah" when more than half carry "Rp" or the ",-" of whole
    rupiah, else "bilangan". Otherwise "teks". An amount with its unit after "/" or "per"
    ("600.000/pemakaian") is a number; a figure followed by a plain word ("271.000 jiwa")
    is text.
    """
    cells = [v for v in values if not is_blank(v)]
    total = len(cells)
    if total == 0:
        return TEKS
    for kind, fits in _EXCLUSIVE_TESTS:
        if _fits_most(sum(1 for v in cells if fits(v)), total):
            return kind
    numeric = [v for v in cells if _as_number(v) is not None]
    if not _fits_most(len(numeric), total):
        return TEKS
    if 2 * sum(1 for v in numeric if parse_percent(v) is not None) > total:
        return PERSEN
    if 2 * sum(1 for v in numeric if _has_rupiah_mark(v)) > total:
        return RUPIAH
    return BILANGAN


def _checkmark_value(text: str) -> bool | None:
    return True if is_checkmark(text) else None


def _percent_value(text: str) -> int | float | None:
    """A percentage, or a bare number in a percentage column (not an amount in rupiah)."""
    value = parse_percent(text)
    if value is None and not _has_rupiah_mark(text):
        value = parse_number(text)
    return value


def _text_value(text: str) -> str:
    return _clean(text)


# Column kind -> reader of one non-blank cell (None when the cell does not fit).
READERS: dict[str, Callable[[str], CellValue]] = {
    BILANGAN: _amount_value,
    RUPIAH: _amount_value,
    PERSEN: _percent_value,
    TAHUN: parse_year,
    TANGGAL: parse_date,
    CENTANG: _checkmark_value,
    TEKS: _text_value,
}


def typed_value(text: str, kind: str) -> CellValue:
    """The value of one cell read as column kind `kind`, or None when it does not fit.

    "bilangan"/"rupiah": int or float (`parse_amount`; "Rp" and a "/unit" optional).
    "persen": the number on the 0-100 scale, "%" optional but no "Rp". "tahun": int.
    "tanggal": ISO date str. "centang": True for a mark. "teks": the cell with whitespace
    runs collapsed.
    A blank cell (`is_blank`) gives None, except in "centang" where it gives False.
    Raises ValueError for a `kind` not in COLUMN_KINDS (a programming error, not bad data).
    """
    reader = READERS.get(kind)
    if reader is None:
        raise ValueError(f"unknown column kind {kind!r}; expected one of {COLUMN_KINDS}")
    if is_blank(text):
        return False if kind == CENTANG else None
    return reader(text)
