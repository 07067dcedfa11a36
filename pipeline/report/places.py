"""Where a finding points on its page: inside its record's own cell (or text), never elsewhere.

A finding names a record (`tabel`, `record_id`), a field (`kolom`), a page and the quoted
text. The quotation alone is ambiguous: "(100 % (seratus persen))" or "Disarpus" are printed
in many rows. So the quotation is searched only among the characters printed inside the
record's own cell for that field (table records: the cell boxes extraction read the record
from, `CellBox`), or inside the record's own text (text records: the lines from where its
text starts to where it ends on that page). When the field's cell is empty, or the quotation
is not in it, the cell itself is outlined. Only a finding that names no record is searched
on the whole page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pdfplumber.utils.text import chars_to_textmap

from pipeline.models import Temuan
from pipeline.result import CellBox

Rect = tuple[float, float, float, float]
CharDict = dict[str, Any]

# Characters whose baselines differ by less than this belong to one highlighted line.
LINE_TOLERANCE_PT = 2.0
# A character belongs to a box when its centre lies inside the box grown by this much.
CELL_SLACK_PT = 1.0
# Search: the full quotation, its first line, then ever shorter word prefixes (at most
# MAX_PREFIX_CHARS, at least MIN_PREFIX_CHARS) since a long quotation may wrap in a cell.
MAX_PREFIX_CHARS = 60
MIN_PREFIX_CHARS = 8
# A text record's start and end are found by this many characters of its text.
RECORD_ANCHOR_CHARS = 40

# Published tables whose records are rows of another table's record (by record_id).
ROW_OF: dict[str, str] = {"penanggung_jawab": "rencana_aksi", "jadwal": "rencana_aksi"}
# A finding's field -> the field of the cell it lies in, where their names differ.
CELL_OF: dict[tuple[str, str], str] = {
    ("penanggung_jawab", "teks"): "penanggung_jawab_teks",
    ("penanggung_jawab", "unit"): "penanggung_jawab_teks",
}
# The fields of a record's own row (not cells merged over several records).
ROW_FIELDS = frozenset(
    {"kriteria_keberhasilan", "indikator_target", "penanggung_jawab_teks", "tahun_pelaksanaan"}
)


@dataclass(frozen=True)
class Located:
    """Where a quotation was found: one rectangle per printed line of each match."""

    rects: tuple[Rect, ...]
    first_match: tuple[Rect, ...]
    query: str
    partial: bool
    matches: int


@dataclass(frozen=True)
class Pointer:
    """What to draw for a finding on its page.

    `rects`: the highlighted quotation (inside `scope`); `outline`: boxes to outline instead
    (an empty cell, or a cell where the quotation is not printed as such); `scope`: the
    record's own cell/text boxes the search was confined to (empty: the whole page); `row`:
    the record's row band to keep in the crop; `how`: "kutipan", "sel" (cell outlined),
    "halaman" (no record: searched on the page) or "tidak" (nothing found)."""

    rects: tuple[Rect, ...]
    outline: tuple[Rect, ...]
    scope: tuple[Rect, ...]
    row: Rect | None
    how: str
    located: Located | None = None


def search_queries(kutipan: str) -> list[str]:
    """Queries to try, best first: the whitespace-collapsed full text, its first line, then
    ever shorter word prefixes of at most MAX_PREFIX_CHARS and at least MIN_PREFIX_CHARS.

    A single first word longer than MAX_PREFIX_CHARS is cut to that length. Duplicates are
    dropped; the full text is always tried, however short.
    """
    full = " ".join(kutipan.split())
    if not full:
        return []
    first_line = next((" ".join(ln.split()) for ln in kutipan.splitlines() if ln.strip()), "")
    queries = [full, first_line]
    words = full.split()
    if len(words[0]) > MAX_PREFIX_CHARS:
        queries.append(words[0][:MAX_PREFIX_CHARS])
    for n in range(len(words) - 1, 0, -1):
        prefix = " ".join(words[:n])
        if MIN_PREFIX_CHARS <= len(prefix) <= MAX_PREFIX_CHARS:
            queries.append(prefix)
    result: list[str] = []
    for query in queries:
        if query and query not in result and (len(query) >= MIN_PREFIX_CHARS or query == full):
            result.append(query)
    return result


def literal_pattern(query: str) -> str:
    """A regex matching `query` literally, any whitespace run matching any whitespace run
    (or none: a cell may print "(1(satu)" where the data says "(1 (satu)").

    A word-internal hyphen may also be followed by a line break in the print
    ("Perundang-" + "Undangan"), so whitespace is allowed after each hyphen.
    """
    words = [re.escape(word).replace(r"\-", r"-\s*") for word in query.split()]
    return r"\s*".join(words)


def _line_rects(chars: Sequence[CharDict]) -> tuple[Rect, ...]:
    """One rectangle per printed line of the matched characters (a match may wrap)."""
    lines: list[list[float]] = []
    for char in chars:
        x0, top, x1, bottom = (float(char[k]) for k in ("x0", "top", "x1", "bottom"))
        if lines and abs(lines[-1][1] - top) <= LINE_TOLERANCE_PT and x0 >= lines[-1][0] - 1:
            line = lines[-1]
            line[0], line[1] = min(line[0], x0), min(line[1], top)
            line[2], line[3] = max(line[2], x1), max(line[3], bottom)
        else:
            lines.append([x0, top, x1, bottom])
    return tuple((a, b, c, d) for a, b, c, d in lines)


def locate(chars: Sequence[CharDict], kutipan: str) -> Located | None:
    """Find `kutipan` among `chars` (pdfplumber-style char dicts, in reading order) literally
    and whitespace-tolerant; None when no query matches."""
    if not chars:
        return None
    textmap = chars_to_textmap(list(chars))
    for index, query in enumerate(search_queries(kutipan)):
        found = textmap.search(literal_pattern(query), regex=True, case=True, return_chars=True)
        per_match = [_line_rects(match.get("chars") or []) for match in found]
        per_match = [rects for rects in per_match if rects]
        if per_match:
            return Located(
                rects=tuple(rect for rects in per_match for rect in rects),
                first_match=per_match[0],
                query=query,
                partial=index > 0,
                matches=len(per_match),
            )
    return None


def inside(char: CharDict, boxes: Iterable[Rect], slack: float = CELL_SLACK_PT) -> bool:
    """Whether the centre of `char` lies in one of `boxes` (grown by `slack`)."""
    cx = (float(char["x0"]) + float(char["x1"])) / 2
    cy = (float(char["top"]) + float(char["bottom"])) / 2
    return any(
        x0 - slack <= cx <= x1 + slack and top - slack <= cy <= bottom + slack
        for x0, top, x1, bottom in boxes
    )


def _centre_in(char: CharDict, boxes: Sequence[Rect]) -> bool:
    """`inside(char, boxes)` for boxes already grown by the slack (the same test, made for
    every character of a page per finding)."""
    cx = (char["x0"] + char["x1"]) / 2
    cy = (char["top"] + char["bottom"]) / 2
    for x0, top, x1, bottom in boxes:  # noqa: SIM110 (a loop: any() of a generator is slower)
        if x0 <= cx <= x1 and top <= cy <= bottom:
            return True
    return False


def union(rects: Iterable[Rect]) -> Rect | None:
    rects = list(rects)
    if not rects:
        return None
    return (
        min(r[0] for r in rects),
        min(r[1] for r in rects),
        max(r[2] for r in rects),
        max(r[3] for r in rects),
    )


def _text_band(chars: Sequence[CharDict], teks: tuple[str, str], page_box: Rect) -> Rect | None:
    """The band of the page a text record occupies: from where its text starts (the start of
    `teks[0]`; or the top of the page, when it starts on an earlier page) to where it ends
    (the end of `teks[1]`, or the page's bottom); None when neither is on this page."""
    words, last = teks[0].split(), teks[1].split()
    if not words or not last or not chars:
        return None
    textmap = chars_to_textmap(list(chars))

    def matches(query: str) -> list[tuple[Rect, ...]]:
        found = textmap.search(literal_pattern(query), regex=True, case=True, return_chars=True)
        return [rects for m in found if (rects := _line_rects(m.get("chars") or []))]

    head = " ".join(words[: max(1, _words_for(words, RECORD_ANCHOR_CHARS))])
    tail_words = last[-max(1, _words_for(list(reversed(last)), RECORD_ANCHOR_CHARS)) :]
    tail = " ".join(tail_words)
    starts = matches(head)
    ends = matches(tail)
    if not starts and not ends:
        return None
    top = starts[0][0][1] if starts else page_box[1]
    later = [max(r[3] for r in rects) for rects in ends if rects[-1][3] >= top]
    bottom = later[0] if later else page_box[3]
    return (page_box[0], top, page_box[2], bottom)


def _words_for(words: Sequence[str], chars: int) -> int:
    """How many leading words make at least `chars` characters (all, if fewer)."""
    total = 0
    for n, word in enumerate(words, 1):
        total += len(word) + 1
        if total >= chars:
            return n
    return len(words)


def point(
    temuan: Temuan,
    chars: Sequence[CharDict],
    page_box: Rect,
    boxes: Mapping[tuple[str, str], Sequence[CellBox]],
    texts: Mapping[tuple[str, str], tuple[str, str]],
) -> Pointer:
    """Where `temuan` points on its page (see the module docstring). `chars` are the page's
    characters in reading order; `boxes` the table records' cells by (table, record id);
    `texts` the text records' printed start and end by (table, record id)."""
    halaman = temuan.halaman
    kutipan = temuan.kutipan or ""
    tabel = ROW_OF.get(temuan.tabel, temuan.tabel)
    key = (tabel, temuan.record_id or "")
    cells = [b for b in boxes.get(key, ()) if b.halaman == halaman]
    if temuan.record_id and cells:
        field = CELL_OF.get((temuan.tabel, temuan.kolom or ""), temuan.kolom or "")
        own = [b.bbox for b in cells if b.kolom == field] or [b.bbox for b in cells]
        row = union([b.bbox for b in cells if b.kolom in ROW_FIELDS] or own)
        pointer = _within(kutipan, chars, tuple(own), row)
        if pointer.how == "sel" and kutipan:
            # Quoted from another of the record's cells (its program, say): found there.
            elsewhere = _within(kutipan, chars, tuple(b.bbox for b in cells), row)
            if elsewhere.how == "kutipan":
                return elsewhere
        return pointer
    teks = texts.get(key)
    if temuan.record_id and teks:
        band = _text_band(chars, teks, page_box)
        if band is not None:
            return _within(kutipan, chars, (band,), band, outline_missing=False)
    located = locate(chars, kutipan) if kutipan else None
    if located is None:
        return Pointer((), (), (), None, "tidak")
    return Pointer(located.rects, (), (), None, "halaman", located)


def _within(
    kutipan: str,
    chars: Sequence[CharDict],
    scope: tuple[Rect, ...],
    row: Rect | None,
    outline_missing: bool = True,
) -> Pointer:
    grown = [(x0 - CELL_SLACK_PT, top - CELL_SLACK_PT, x1 + CELL_SLACK_PT, bottom + CELL_SLACK_PT)
             for x0, top, x1, bottom in scope]  # fmt: skip
    mine = [c for c in chars if _centre_in(c, grown)]
    located = locate(mine, kutipan) if kutipan else None
    if located is not None:
        return Pointer(located.rects, (), scope, row, "kutipan", located)
    return Pointer((), scope if outline_missing else (), scope, row, "sel", None)


def record_texts(
    pasal: Iterable[Any] = (),
    lampiran: Iterable[Any] = (),
    menimbang: Iterable[Any] = (),
    dasar_hukum: Iterable[Any] = (),
    definisi: Iterable[Any] = (),
    rencana_aksi: Iterable[Any] = (),
) -> dict[tuple[str, str], tuple[str, str]]:
    """(published table, record id) -> (text the record's print starts with, text it ends
    with). Table records are drawn from their cell boxes when extraction gave them; without
    (a report made again from a published folder) a Rencana Aksi record is bounded by its
    own Indikator dan Target cell (or Kriteria), the cells no other record shares."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for name, nodes in (("pasal", pasal), ("lampiran", lampiran)):
        for node in nodes:
            if text := node.teks or node.judul:
                out[(name, node.id)] = (text, text)
    for name, items in (("menimbang", menimbang), ("dasar_hukum", dasar_hukum)):
        for item in items:
            out[(name, item.id)] = (item.teks, item.teks)
    for item in definisi:
        out[("definisi", item.id)] = (item.istilah, item.definisi)
    for r in rencana_aksi:
        if own := r.indikator_target or r.kriteria_keberhasilan:
            out[("rencana_aksi", r.id)] = (own, own)
    return out
