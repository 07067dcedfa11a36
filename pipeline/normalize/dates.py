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


def parse_tanggal(text: str) -> datetime.date | None:
    """The first valid date "<day> <month name> <year>" in ``text``, else None.

    Month names are matched case-insensitively ("26 MARET 2020"), with the spelling
    variants of BULAN ("Pebruari", "Nopember"). Surrounding words ("tanggal 5 Agustus
    2021") are ignored. A match that is not a real date ("31 Pebruari 2020") is skipped.
    Never raises.
    """
    for m in _TANGGAL_RE.finditer(text):
        day, month_name, year = m.groups()
        month = BULAN.get(month_name.lower())
        if month is None:
            continue
        try:
            return datetime.date(int(year), month, int(day))
        except ValueError:
            continue
    return None


def format_iso(d: datetime.date) -> str:
    """``d`` as ISO 8601 "YYYY-MM-DD"."""
    return d.isoformat()
