"""Corrections a finding can suggest because the text itself tells them: a target printed
with a bracket too many or too few ("(satu) Peraturan Bupati)" -> "(1 (satu) Peraturan
Bupati)"), and the unclosed bracket of a cell whose target itself is balanced.

Pure functions over the printed text; a correction that is not derivable is None, never a
guess.
"""

from __future__ import annotations

import re

from pipeline.normalize.terbilang import parse_terbilang

# A target as the tables print it: "(1 (satu) Peraturan Bupati)", with either outer bracket
# possibly missing or doubled, the number possibly missing, the space after ")" possibly
# missing ("1 (satu)dokumen)").
TARGET_RE = re.compile(
    r"^\(?\s*(?P<angka>\d[\d.,]*\s*%?)?\s*\(\s*(?P<terbilang>[^()]+?)\s*\)\s*"
    r"(?P<satuan>[^()]*?)\s*\)?$"
)


def balanced(text: str) -> bool:
    """Every "(" closed by a later ")" and no ")" without its "("."""
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def target_correction(quoted: str) -> str | None:
    """The target written "(angka (terbilang) satuan)", when `quoted` is such a target with
    a bracket missing or too many and the number is printed or spelled out; else None."""
    text = " ".join(quoted.split())
    if balanced(text):
        return None
    m = TARGET_RE.match(text)
    if m is None:
        return None
    terbilang = m.group("terbilang")
    angka = (m.group("angka") or "").replace(" ", "")
    if not angka:
        value = parse_terbilang(terbilang)
        if value is None:
            return None
        angka = str(value)
    satuan = m.group("satuan")
    body = f"{angka} ({terbilang})" + (f" {satuan}" if satuan else "")
    return f"({body})"


def unclosed_part(cell: str, target: str | None) -> str | None:
    """In a cell whose `target` is balanced but whose text is not: the text from the "("
    left open to the target (or the cell's end), as printed; None when there is none."""
    text = " ".join(cell.split())
    end = len(text)
    if target:
        at = text.rfind(" ".join(target.split()))
        if at > 0:
            end = at
    opened: list[int] = []
    for i, char in enumerate(text[:end]):
        if char == "(":
            opened.append(i)
        elif char == ")" and opened:
            opened.pop()
    if not opened:
        return None
    return text[opened[0] : end].rstrip() or None
