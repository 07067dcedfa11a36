"""Indonesian calendar dates as printed in regulations ("26 Maret 2020" -> 2020-03-26)."""

from __future__ import annotations

import datetime
import re

# Month names as printed (lower case) -> month number. Old spellings included.
BULAN: dict[str, int] = {
    "januari": 1,
    "februari": 2,
    "pebruari": 2,
    "maret": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "agustus": 8,
    "september": 9,
    "oktober": 10,
    "nopember": 11,
    "november": 11,
    "desember": 12,
}

# re.ASCII: only ASCII digits count as digits, and case folding stays ASCII, so every
# matched month name is a key of BULAN once lower-cased.
_TANGGAL_RE = re.compile(
    r"(?<![0-9])([0-9]{1,2})\s+("
    + "|".join(sorted(BULAN, key=len, reverse=True))
    + r")\s+([0-9]{4})(?![0-9])",
    re.IGNORECASE | re.ASCII,
)


# "30-12-2025", "30/12/2025", "30.12.2025": day, month, year in digits, one separator.
_ANGKA_RE = re.compile(
    r"(?<![0-9./-])([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4})(?![0-9]|[./-][0-9])", re.ASCII
)


def _candidates(text: str) -> list[tuple[int, int, int, int, int]]:
    """(start, year, month, day, end) of every date-shaped match, in text order."""
    out = []
    for m in _TANGGAL_RE.finditer(text):
        day, month_name, year = m.groups()
        month = BULAN.get(month_name.lower())
        if month is not None:
            out.append((m.start(), int(year), month, int(day), m.end()))
    for m in _ANGKA_RE.finditer(text):
        out.append((m.start(), int(m.group(4)), int(m.group(3)), int(m.group(1)), m.end()))
    return sorted(out)


def parse_tanggal(text: str) -> datetime.date | None:
    """The first valid date in ``text``, else None: "<day> <month name> <year>" or the
    numeric day-month-year "30-12-2025" (also with "/" or ".").

    Month names are matched case-insensitively ("26 MARET 2020"), with the spelling
    variants of BULAN ("Pebruari", "Nopember"). Surrounding words ("tanggal 5 Agustus
    2021") are ignored. A match that is not a real date ("31 Pebruari 2020", "31-02-2020")
    is skipped. Never raises.
    """
    found = find_tanggal(text)
    return found[0] if found else None


def find_tanggal(text: str) -> tuple[datetime.date, int, int] | None:
    """As parse_tanggal, with the span (start, end) of the date in ``text``."""
    for start, year, month, day, end in _candidates(text):
        try:
            return datetime.date(year, month, day), start, end
        except ValueError:
            continue
    return None


def format_iso(d: datetime.date) -> str:
    """``d`` as ISO 8601 "YYYY-MM-DD"."""
    return d.isoformat()
