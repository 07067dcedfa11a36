"""Checks on every generic lampiran table: values that do not fit their column's type, a
"Jumlah"/"Total" row that differs from the sum of the rows it totals, numbering gaps and
repeats, an empty cell in an otherwise full column. Tables of a known kind (Rencana Aksi,
...) have semantic rules of their own and are skipped here."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from pipeline.extract.tables.stitch import NUMBERING_RE
from pipeline.models import Tabel
from pipeline.normalize.generic_table import TYPED_SUFFIX, UNIT_SUFFIX, is_total_label
from pipeline.normalize.values import is_blank
from pipeline.roman import roman_to_int
from pipeline.validate.dataset import Dataset
from pipeline.validate.rules.base import Hit
from pipeline.validate.rules.numbering import ordinal

NUMERIC = frozenset({"bilangan", "rupiah", "persen"})
FULL_SHARE = 0.8  # a column at least this full makes its empty cells look missing
MIN_ROWS = 5
SUM_TOLERANCE = 0.5


def _columns(t: Tabel) -> list[tuple[str, str]]:
    return [
        (c, k)
        for c, k in zip(t.kolom, t.tipe_kolom, strict=False)
        if c not in ("id", "halaman_awal", "halaman_akhir")
        and not c.endswith((TYPED_SUFFIX, UNIT_SUFFIX))
    ]


def _is_total(row: dict[str, Any], columns: Sequence[str]) -> bool:
    return any(is_total_label(str(row.get(c) or "")) for c in columns[:3])


def generic_tables(data: Dataset) -> Iterator[Hit]:
    for t in data.tabel:
        if t.jenis is not None:
            continue
        rows = data.tabel_isi.get(t.id, [])
        columns = _columns(t)
        names = [c for c, _ in columns]
        for c, kind in columns:
            if kind == "teks":
                continue
            for r in rows:
                if r.get(c) and not is_blank(r[c]) and r.get(c + TYPED_SUFFIX) is None:
                    yield Hit("tabel-tipe-tidak-cocok", t.id, r["id"], c, r["halaman_awal"],
                              r[c], {"tipe": kind})  # fmt: skip
        yield from _totals(t, rows, columns, names)
        yield from _numbering(t, rows, names)
        yield from _empty_cells(t, rows, names)


def _totals(
    t: Tabel, rows: list[dict[str, Any]], columns: list[tuple[str, str]], names: list[str]
) -> Iterator[Hit]:
    block: list[dict[str, Any]] = []
    for r in rows:
        if not _is_total(r, names):
            block.append(r)
            continue
        for c, kind in columns:
            if kind not in NUMERIC or r.get(c + TYPED_SUFFIX) is None:
                continue
            parts = [b.get(c + TYPED_SUFFIX) for b in block]
            numbers = [p for p in parts if isinstance(p, int | float)]
            if not numbers:
                continue
            total = sum(numbers)
            written = r[c + TYPED_SUFFIX]
            if abs(total - written) > SUM_TOLERANCE:
                yield Hit("tabel-jumlah-tidak-cocok", t.id, r["id"], c, r["halaman_awal"],
                          r[c], {"tertulis": r[c], "dihitung": _show(total)})  # fmt: skip
        block = []


def _show(x: float) -> str:
    whole = int(round(x))
    return f"{whole:,}".replace(",", ".") if abs(x - whole) < 1e-9 else str(x).replace(".", ",")


# A column is an item-number column only when its role is certain: its name says so, or it
# is the table's first column; and its values run as item numbers do (each number at least
# the one before, or a new list starting at 1/a). A column of class grades (17, 16,
# 15 ...), scores or counts is then never read as numbering.
NUMBER_HEADERS = frozenset({"no", "nomor", "no_urut", "nomor_urut", "nmr"})
RUN_SHARE = 0.8


ROMAN_RE = re.compile(r"[IVXLC]+|[ivxlc]+")


def _roman_column(values: Sequence[str]) -> bool:
    """Whether the column numbers with Roman numerals: some value has two or more of them
    ("II", "iv"), so a lone "I", "V" or "X" there is a numeral, not a letter."""
    return any(len(core) > 1 and ROMAN_RE.fullmatch(core) for core in map(_core, values))


def _core(value: str) -> str:
    return value.strip().strip("().")


def _ordinal(value: str, roman: bool) -> int | None:
    core = _core(value)
    if roman and ROMAN_RE.fullmatch(core):
        try:
            return roman_to_int(core.upper())
        except ValueError:
            return None
    return ordinal(value)


def _style(value: str, roman: bool) -> tuple[str, str]:
    """The kind of an item number: digits, Roman numerals, lower or upper letters; with its
    punctuation."""
    core = _core(value)
    if core.isdigit():
        kind = "angka"
    elif roman and ROMAN_RE.fullmatch(core):
        kind = "romawi" if core.isupper() else "romawi_kecil"
    else:
        kind = "huruf" if core.islower() else "HURUF"
    marks = "".join(ch for ch in value if ch in "().")
    return kind, marks


def _is_numbering_column(c: str, position: int, values: list[str]) -> bool:
    printed = [v for v in values if v]
    if len(printed) < 2:
        return False
    if c not in NUMBER_HEADERS and position != 0:
        return False
    if sum(bool(NUMBERING_RE.match(v)) for v in printed) < 0.8 * len(printed):
        return False
    roman = _roman_column(printed)
    numbers = [n for n in (_ordinal(v, roman) for v in printed) if n is not None]
    steps = list(zip(numbers, numbers[1:], strict=False))
    runs = sum(1 for a, b in steps if b >= a or b == 1)
    return bool(steps) and runs >= RUN_SHARE * len(steps)


def _numbering(t: Tabel, rows: list[dict[str, Any]], names: list[str]) -> Iterator[Hit]:
    parents = [c for c in names if c == "kelompok" or c.endswith("_induk")]
    printed_columns = [c for c in names if c not in parents]
    for position, c in enumerate(printed_columns):
        values = [str(r.get(c) or "") for r in rows if not _is_total(r, names)]
        if not _is_numbering_column(c, position, values):
            continue
        roman = _roman_column(values)
        groups: dict[tuple[Any, ...], list[tuple[str, dict[str, Any]]]] = {}
        for r in rows:
            value = str(r.get(c) or "")
            if not value or _is_total(r, names) or _ordinal(value, roman) is None:
                continue
            scope = tuple(r.get(p) for p in parents)
            seq = groups.setdefault(scope, [])
            if not seq or seq[-1][0] != value:  # a merged cell repeats its number
                seq.append((value, r))
        for seq in groups.values():
            yield from _runs(t, c, seq, roman)


def _runs(t: Tabel, c: str, seq: list[tuple[str, dict[str, Any]]], roman: bool) -> Iterator[Hit]:
    """Gaps and repeats within each list: one list per numbering style, and a list that
    starts again at 1 (or a) under a new sub-heading is a new list, not a repeat. A style
    seen first after another (letters under numbers) is the deeper level: it starts anew
    whenever the level above it goes on."""
    order: list[tuple[str, str]] = []
    current: dict[tuple[str, str], list[tuple[str, dict[str, Any], int]]] = {}
    for value, r in seq:
        style = _style(value, roman)
        number = _ordinal(value, roman) or 0
        if style not in order:
            order.append(style)
        for deeper in order[order.index(style) + 1 :]:
            current.pop(deeper, None)
        run = current.setdefault(style, [])
        if run and number == 1:
            run.clear()
        if run:
            before, last = run[-1][0], run[-1][2]
            if number > last + 1:
                yield Hit("tabel-nomor-terlewat", t.id, r["id"], c, r["halaman_awal"], value,
                          {"sebelum": before, "sesudah": value})  # fmt: skip
            if any(n == number for _, _, n in run):
                yield Hit("tabel-nomor-ganda", t.id, r["id"], c, r["halaman_awal"], value)
        run.append((value, r, number))


def _empty_cells(t: Tabel, rows: list[dict[str, Any]], names: list[str]) -> Iterator[Hit]:
    """An empty cell in a column that is otherwise (nearly) full, in a row that fills every
    other such column: a missing value. A row that leaves several of those columns empty
    is a heading or a note row, not a row with a value missing. An empty merged cell is
    repeated on every row it covers and is one missing value; and the first row of a page
    that goes on with a merged block of the page before (same text in a column to the
    left) shows the block's cell empty because its text was printed on that page."""
    data_rows = [r for r in rows if not _is_total(r, names)]
    if len(data_rows) < MIN_ROWS:
        return
    full = []
    for c in names:
        filled = sum(1 for r in data_rows if r.get(c))
        if len(data_rows) > filled >= FULL_SHARE * len(data_rows):
            full.append(c)
    kinds = dict(zip(t.kolom, t.tipe_kolom, strict=False))
    for i, r in enumerate(data_rows):
        empty = [c for c in full if not r.get(c)]
        if len(empty) != 1:
            continue
        c = empty[0]
        prev = data_rows[i - 1] if i else None
        merged = prev is not None and _same_block(prev, r, names[: names.index(c)], kinds)
        if prev is not None and merged:
            continued = r["halaman_awal"] > prev["halaman_akhir"]
            if not prev.get(c) or continued:
                continue
        yield Hit("tabel-sel-kosong", t.id, r["id"], c, r["halaman_awal"], None)


def _same_block(
    a: dict[str, Any], b: dict[str, Any], left: list[str], kinds: dict[str, str]
) -> bool:
    """Whether two rows share a merged text cell in one of the `left` columns."""
    return any(kinds.get(c, "teks") == "teks" and a.get(c) and a.get(c) == b.get(c) for c in left)
