"""Roman numerals as used for BAB and LAMPIRAN numbers."""

from __future__ import annotations

import re

_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
ROMAN_RE = re.compile(r"^[IVXLCDM]+$")


def roman_to_int(text: str) -> int:
    """'IV' -> 4. Raises ValueError for anything that is not a roman numeral."""
    s = text.strip().upper()
    if not ROMAN_RE.match(s):
        raise ValueError(f"not a roman numeral: {text!r}")
    total = 0
    for i, ch in enumerate(s):
        v = _VALUES[ch]
        total += -v if i + 1 < len(s) and _VALUES[s[i + 1]] > v else v
    return total


def number_to_int(text: str) -> int:
    """A lampiran/BAB number printed either as roman ('II') or arabic ('2')."""
    s = text.strip()
    return int(s) if s.isdigit() else roman_to_int(s)
