"""Text as printed, with printed line breaks undone."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0]+")
_SLUG = re.compile(r"[^0-9a-z]+")
# Dashes that join the words on either side when printed without spaces: hyphens, and the
# en dash of a range ("2018–2023"); a renderer may break the line after any of them.
_JOINING_DASHES = "-\u2010\u2011\u2013"


def join_lines(text: str) -> str:
    """NFC; each printed line stripped; a line ending in a word-internal hyphen or en dash
    ("Perundang-" + "Undangan", "2018–" + "2023") joined without a space, every other break
    by one space; runs of spaces -> one. Spelling and punctuation are left untouched."""
    text = unicodedata.normalize("NFC", text)
    out = ""
    for raw in text.split("\n"):
        line = _SPACES.sub(" ", raw).strip()
        if not line:
            continue
        if not out:
            out = line
        elif len(out) >= 2 and out[-1] in _JOINING_DASHES and out[-2].isalnum():
            out += line
        else:
            out += " " + line
    return out


def or_none(text: str) -> str | None:
    """Joined text, or None for an empty cell."""
    joined = join_lines(text)
    return joined or None


def slug(text: str) -> str:
    """ASCII snake_case token for ids: 'QuickWins Reformasi' -> 'quickwins_reformasi'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return _SLUG.sub("_", folded).strip("_")


def strip_number(text: str) -> str:
    """An item number without its closing punctuation: '1.' -> '1', '(a)' -> 'a', 'e' -> 'e'."""
    return text.strip().strip("().").strip()
