"""Glyphs whose text layer says another character than the one printed.

Word embeds a TrueType font as a CID font and writes a ToUnicode map for it; for glyphs
it takes from a symbol range it sometimes writes the code of a plain letter instead
(Perban BAPETEN 2/2022: '≤' reads as 'f', '≥' as 'g', the check mark '√' as ':'). The
glyph is still identifiable from the font program: its glyph name (the font's `post`
table), or, in a font without glyph names that keeps the standard Macintosh glyph order
(glyph 148 'lessequal', 149 'greaterequal', 165 'radical'), its place in that order.

A glyph is read by its name only where the map is demonstrably wrong for it, and the name
demonstrably right for the font: the font's map agrees with the names on nearly all the
other glyphs (so the names are this font's, and glyph ids are character ids), and the
character the map gives this glyph is the one it gives another glyph that the names agree
on (two different glyphs cannot both print 'f'). A glyph the map reads as a control
character (the font's own code leaking out: Perban BAPETEN 2/2022's 'Δ' reads U+0097) and
no name identifies reads as UNREADABLE (U+FFFD), never as its code; a table cell holding
one is reported as a leftover (`normalize/accounting.py`).
"""

from __future__ import annotations

import contextlib
import io
import re
import unicodedata
from typing import Any

from fontTools.agl import toUnicode
from fontTools.ttLib import TTFont, TTLibError
from fontTools.ttLib.standardGlyphOrder import standardGlyphOrder

# At least this many glyphs checked, and this share of them agreeing, for a font's glyph
# names to be trusted over its ToUnicode map.
MIN_AGREEING = 10
MIN_AGREEMENT = 0.9
# A character no text prints: a C0 or C1 control code (a font's private code leaking out).
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# What a glyph whose printed character is unknown reads as.
UNREADABLE = "\ufffd"


def _glyph_names(program: bytes) -> list[str] | None:
    """The font's glyph names by glyph id: its own (`post` format 2), else the standard
    Macintosh order for the first 258 glyphs (names the font does not carry)."""
    try:
        font = TTFont(io.BytesIO(program), lazy=True)
        if "post" in font and font["post"].formatType == 2.0:
            return list(font.getGlyphOrder())
    except (TTLibError, AssertionError, KeyError, ValueError, IndexError, TypeError):
        return None
    return list(standardGlyphOrder)


def _char(name: str) -> str | None:
    """The one character an Adobe glyph name stands for, or None."""
    text = toUnicode(name)
    return text if len(text) == 1 and unicodedata.category(text) != "Co" else None


def repairs(font: Any) -> dict[int, str]:
    """For a pdfminer CID font with an embedded TrueType program: character id -> the
    character printed, for each glyph its ToUnicode map misreads (see the module)."""
    cached: dict[int, str] | None = getattr(font, "_glyph_repairs", None)
    if cached is not None:
        return cached
    out: dict[int, str] = {}
    mapped = getattr(getattr(font, "unicode_map", None), "cid2unichr", None)
    program = getattr(font, "fontfile", None)
    if isinstance(mapped, dict) and program is not None:
        try:
            names = _glyph_names(program.get_data())
        except Exception:  # a broken font stream: keep the map
            names = None
        if names:
            out = _misread(mapped, names)
    with contextlib.suppress(AttributeError):  # a font class with slots: compute again
        font._glyph_repairs = out
    return out


def _misread(mapped: dict[int, str], names: list[str]) -> dict[int, str]:
    agree: set[str] = set()  # characters the map gives a glyph the names agree on
    agreeing = 0
    disagree: dict[int, str] = {}
    for cid, text in mapped.items():
        named = _char(names[cid]) if isinstance(cid, int) and 0 < cid < len(names) else None
        if named is None or not isinstance(text, str):
            continue
        if named == text:
            agree.add(text)
            agreeing += 1
        else:
            disagree[cid] = named
    if agreeing < MIN_AGREEING or agreeing < MIN_AGREEMENT * (agreeing + len(disagree)):
        return {}
    return {cid: named for cid, named in disagree.items() if mapped[cid] in agree}


def _read_glyphs_by_name() -> None:
    """Make the layout device pdfplumber uses give each misread glyph its printed
    character (`repairs`)."""
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent

    cls: Any = PDFPageAggregatorWithMarkedContent
    if getattr(cls, "_glyphs_by_name", False):
        return
    original = cls.render_char

    def render_char(self: Any, matrix: Any, font: Any, *args: Any, **kwargs: Any) -> Any:
        adv = original(self, matrix, font, *args, **kwargs)
        item = self.cur_item._objs[-1]
        fixes = repairs(font)
        # (fontsize, scaling, rise, cid, ncs, graphicstate)
        cid = kwargs.get("cid", args[3] if len(args) > 3 else None)
        if cid in fixes:
            item._text = fixes[cid]
        elif CONTROL_RE.search(item._text):
            item._text = UNREADABLE
        return adv

    cls.render_char = render_char
    cls._glyphs_by_name = True


_read_glyphs_by_name()
