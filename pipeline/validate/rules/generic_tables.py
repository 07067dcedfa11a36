"""Checks on every generic lampiran table: values that do not fit their column's type, a
"Jumlah"/"Total" row that differs from the sum of the rows it totals, numbering gaps and
repeats, an empty cell in an otherwise full column. Tables of a known kind (Rencana Aksi,
...) have semantic rules of their own and are skipped here."""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from pipeline.models import Tabel
from pipeline.normalize.generic_table import (
    CONFIDENCE_SUFFIX,
    NOTE_SUFFIX,
    PARENT_RE,
    TYPED_SUFFIX,
    UNIT_SUFFIX,
    is_total_label,
)
from pipeline.normalize.values import is_blank
from pipeline.roman import roman_to_int
from pipeline.validate.catalog import CATALOG
from pipeline.validate.dataset import Dataset
from pipeline.validate.rules.base import Hit
from pipeline.vocabulary import ITEM_NUMBER_RE as NUMBERING_RE
from pipeline.vocabulary import ordinal

NUMERIC = frozenset({"bilangan", "rupiah", "persen"})
FULL_SHARE = 0.8  # a column at least this full makes its empty cells look missing
MIN_ROWS = 5
SUM_TOLERANCE = 0.5


def _columns(t: Tabel) -> list[tuple[str, str]]:
    return [
        (c, k)
        for c, k in zip(t.kolom, t.tipe_kolom, strict=False)
        if c not in ("id", "halaman_awal", "halaman_akhir")
        and not c.endswith((TYPED_SUFFIX, UNIT_SUFFIX, NOTE_SUFFIX, CONFIDENCE_SUFFIX))
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
            scanned = t.sumber_teks == "ocr"
            for r in rows:
                if scanned and _marked_figure(r.get(c)):
                    continue
                if _misprinted(r.get(c)) and r.get(c + TYPED_SUFFIX) is None:
                    yield Hit("tabel-tipe-tidak-cocok", t.id, r["id"], c, r["halaman_awal"],
                              r[c], {"tipe": kind})  # fmt: skip
        yield from _totals(t, rows, columns, names, data.tabel_gabungan.get(t.id, {}))
        yield from _numbering(t, rows, names)
        yield from _empty_cells(t, rows, names)
        yield from _repeated_blocks(t, rows, names)


# A block of at least this many rows printed again right below itself is a duplicate (a
# copy-paste slip), not a list whose items happen to repeat one or two rows.
REPEAT_MIN_ROWS = 3


def _repeated_blocks(t: Tabel, rows: list[dict[str, Any]], names: list[str]) -> Iterator[Hit]:
    """A block of REPEAT_MIN_ROWS or more rows (of at least two different rows) printed
    twice in a row, every cell alike, parent headings included: identical rows under
    different headings (the same sub-items under "Siang" and "Malam") are not repeats."""
    keys = [tuple(str(r.get(c) or "").strip() for c in names) for r in rows]
    where: dict[tuple[str, ...], list[int]] = {}
    for k, key in enumerate(keys):
        where.setdefault(key, []).append(k)
    i = 0
    while i < len(keys):
        size = next(
            (
                j - i
                for j in where[keys[i]]
                if j - i >= REPEAT_MIN_ROWS
                and keys[i:j] == keys[j : 2 * j - i]
                and len(set(keys[i:j])) > 1
                and any(any(cell for cell in key) for key in keys[i:j])
            ),
            0,
        )
        if not size:
            i += 1
            continue
        first, last = rows[i + size], rows[i + 2 * size - 1]
        quote = next((v for v in keys[i + size] if v), "")
        params = {"jumlah": size, "sampai": last["id"], "halaman_akhir": last["halaman_akhir"]}
        yield Hit("tabel-baris-berulang", t.id, first["id"], None, first["halaman_awal"], quote,
                  params)  # fmt: skip
        i += 2 * size


# A figure carrying a footnote mark: superscript digits, with or without a closing
# parenthesis ("1980¹)", "765³)"), the note printed below the table.
FOOTNOTED_RE = re.compile(r"[0-9][0-9.,]*\s*[⁰¹²³⁴⁵⁶⁷⁸⁹]+\)?")


# A figure with marks around it: on a scanned table, a ruling or a speck read as "|", "-",
# "©", "“" or "." beside the figure ("| 0,0", "- 24,50", "© 0"), or a comma read as a colon
# ("0:00"). Letters or digits out of place ("1O.000") are not marks.
# A speck read as a mark between its digits ("4/7" for 47) is no misprint either.
MARKED_FIGURE_RE = re.compile(r"[^\w\s]*\s*[0-9][0-9.,:]*(?:[^\w\s.,:][0-9][0-9.,:]*)?\s*[^\w\s]*")


def _marked_figure(value: Any) -> bool:
    """Whether a cell of a scanned table is a figure that OCR read with marks around it:
    the marks are the reading's, not a misprint of the document."""
    text = str(value or "").strip()
    return bool(text) and MARKED_FIGURE_RE.fullmatch(text) is not None


def _misprinted(value: Any) -> bool:
    """Whether a cell of a typed column is a figure gone wrong ("1O.000", "15.000.00O"):
    it prints a digit. Words without one ("Sesuai SSH (standar satuan harga)", "Indek
    Agregat") are a deliberate note in place of the figure, not a misprint; nor is a
    figure with its footnote mark ("1980¹)")."""
    text = str(value or "")
    if FOOTNOTED_RE.fullmatch(text.strip()):
        return False
    return not is_blank(text) and any(ch.isdigit() for ch in text)


def _is_parent(c: str) -> bool:
    """A parent column (`kelompok`, `<column>_induk`): the heading a row sits under, made by
    the pipeline, never a printed cell a value could be missing from."""
    return c == "kelompok" or bool(PARENT_RE.search(c))


def _totals(
    t: Tabel,
    rows: list[dict[str, Any]],
    columns: list[tuple[str, str]],
    names: list[str],
    merged: dict[str, frozenset[str]],
) -> Iterator[Hit]:
    """A total row against the sum of the rows above it since the last total. A figure
    printed once in a cell merged over several rows (`merged`: Dataset.tabel_gabungan),
    which the published rows repeat, counts once (Perka BAPETEN 16/2014 p56: '225' over
    items II.1 and II.2)."""
    block: list[dict[str, Any]] = []
    for r in rows:
        if not _is_total(r, names):
            block.append(r)
            continue
        for c, kind in columns:
            if kind not in NUMERIC or r.get(c + TYPED_SUFFIX) is None:
                continue
            parts = [
                b.get(c + TYPED_SUFFIX)
                for k, b in enumerate(block)
                if not (k and c in merged.get(b["id"], ()))
            ]
            numbers = [p for p in parts if isinstance(p, int | float)]
            if not numbers:
                continue
            if t.sumber_teks == "ocr" and any(
                _marked_figure(b.get(c)) and b.get(c + TYPED_SUFFIX) is None for b in block
            ):
                continue  # a figure OCR read with marks around it: the sum is not known
            total = sum(numbers)
            written = r[c + TYPED_SUFFIX]
            if abs(total - written) <= SUM_TOLERANCE:
                continue
            params = {"tertulis": r[c], "dihitung": _show(total)}
            unread = _unread(block, c, [d for d, k in columns if k in NUMERIC])
            if t.sumber_teks == "ocr" and unread is not None:
                # A figure OCR did not read as one: the sum is not known. The difference
                # is a reading to check against the scan, not a defect of the document.
                temuan = _BLANK.format(CATALOG["tabel-jumlah-tidak-cocok"].pesan, kolom=c, **params)
                check = {"temuan": _lower_first(temuan.rstrip(".")), "alasan": unread}
                yield Hit("ocr-perlu-diperiksa", t.id, r["id"], c, r["halaman_awal"], r[c], check)
                continue
            yield Hit("tabel-jumlah-tidak-cocok", t.id, r["id"], c, r["halaman_awal"], r[c],
                      params)  # fmt: skip
        block = []


_BLANK = string.Formatter()


def _lower_first(text: str) -> str:
    """A finding's message as the middle of a sentence."""
    return text[:1].lower() + text[1:]


def _unread(block: list[dict[str, Any]], c: str, numeric: list[str]) -> str | None:
    """Why a column's sum over `block` is not known on a scanned table, if it is not: a
    cell OCR read but not as a figure ("li" for 11, "4/7" for 47), or an empty cell in a
    row that prints figures in its other columns (a "9" read as nothing)."""
    for b in block:
        if b.get(c + TYPED_SUFFIX) is not None:
            continue
        value = str(b.get(c) or "").strip()
        if value:
            return f"sel baris {b['id']} terbaca \u201c{value}\u201d, bukan angka"
        if any(b.get(d + TYPED_SUFFIX) is not None for d in numeric if d != c):
            return f"sel baris {b['id']} terbaca kosong, padahal baris itu berisi angka"
    return None


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
    if _regular_scale(steps):
        return False
    return bool(steps) and runs >= RUN_SHARE * len(steps)


# A scale shows itself over at least this many steps; two values a few apart are still
# read as item numbers with a gap.
SCALE_MIN_STEPS = 3


def _regular_scale(steps: list[tuple[int, int]]) -> bool:
    """Whether the values run as a scale, most steps one and the same amount above 1 (kVp
    60, 70, 80, ...; classes 5, 10, 15): values measured in steps, not item numbers, which
    go up by one and skip only where an item is missing."""
    if len(steps) < SCALE_MIN_STEPS:
        return False
    step, count = Counter(b - a for a, b in steps).most_common(1)[0]
    return step > 1 and count >= RUN_SHARE * len(steps)


def _numbering(t: Tabel, rows: list[dict[str, Any]], names: list[str]) -> Iterator[Hit]:
    parents = [c for c in names if _is_parent(c)]
    printed_columns = [c for c in names if c not in parents]
    for position, c in enumerate(printed_columns):
        values = [str(r.get(c) or "") for r in rows if not _is_total(r, names)]
        if not _is_numbering_column(c, position, values):
            continue
        roman = _roman_column(values)
        groups: dict[tuple[Any, ...], list[tuple[str, dict[str, Any]]]] = {}
        for r in rows:
            if _is_total(r, names):
                continue
            for value, scope in _numbers(r, c, parents):
                if _ordinal(value, roman) is None:
                    continue
                seq = groups.setdefault(scope, [])
                if not seq or seq[-1][0] != value:  # a merged cell repeats its number
                    seq.append((value, r))
        for seq in groups.values():
            yield from _runs(t, c, seq, roman)


def _numbers(r: dict[str, Any], c: str, parents: list[str]) -> list[tuple[str, tuple[Any, ...]]]:
    """The item numbers of column c a row stands for, each with the parent headings its
    list runs under: its own number, or, where c is empty, the numbers of the headings of
    column c it sits under (`<c>_induk`: "6. Pabrik Industri" printed as a heading row
    over its items a., b., c. is item 6 of the list that 5. and 7. belong to)."""
    own = str(r.get(c) or "")
    if own:
        return [(own, tuple(r.get(p) for p in parents))]
    out: list[tuple[str, tuple[Any, ...]]] = []
    for p in parents:
        if not (p.startswith(f"{c}_induk") and PARENT_RE.search(p.removeprefix(c))):
            continue
        label = str(r.get(p) or "").split(" ", 1)[0]
        if label and NUMBERING_RE.match(label):
            at = parents.index(p)
            scope = tuple(r.get(q) if i < at else None for i, q in enumerate(parents))
            out.append((label, scope))
    return out


def _same_list(
    style: tuple[str, str],
    number: int,
    order: list[tuple[str, str]],
    current: dict[tuple[str, str], list[tuple[str, dict[str, Any], int]]],
) -> tuple[str, str]:
    """The list a number of a new style goes on: a label printed without its dot ("III"
    between "II." and "IV.") is the next number of the list of the same kind and brackets
    that is due it, not a deeper list; any other new style is itself."""
    for seen in order:
        run = current.get(seen)
        if (
            run
            and seen[0] == style[0]
            and seen[1].replace(".", "") == style[1].replace(".", "")
            and number == run[-1][2] + 1
        ):
            return seen
    return style


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
            style = _same_list(style, number, order, current)
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


# A column whose header is not printed (a table without a header row, a form of label and
# value cells) is named by its place: what it holds, and so whether a cell of it may be
# empty ("Tgl Revisi" of a first edition), is not known.
UNNAMED_RE = re.compile(r"kolom_\d+")


def _empty_cells(t: Tabel, rows: list[dict[str, Any]], names: list[str]) -> Iterator[Hit]:
    """An empty cell in a column that is otherwise (nearly) full, in a row that fills every
    other such column: a missing value. Only where that is certain:

    * a row that leaves several of those columns empty (a dash "-" counts as empty here)
      is a heading or a note row, not a row with a value missing; so is a row that prints
      a dash in another typed column (it states that it carries no figure);
    * an empty merged cell is repeated on every row it covers and is one missing value;
      and the first row of a page that goes on with a merged block of the page before
      (same text in a column to the left) shows the block's cell empty because its text
      was printed on that page;
    * parent columns (`kelompok`, `<column>_induk`) are made by the pipeline, not printed;
    * a column without a printed header (`kolom_<n>`) has no known role;
    * a row with neither an item number nor a numbered parent, in a table that numbers
      its items, is a note between them;
    * a cell next to another empty (or dashed) one in the same column, in a row of another
      block (`_block_columns`), is a pattern the document follows (sub-items without a
      number, two services priced "tarif kerjasama"), not one value forgotten;
    * a row that is a group of its own by the column to the left of the empty cell (a
      group column: merged or printed once over its group; this row's group is this row
      alone: a province listed without regencies) has nothing to fill at the level below.
    """
    data_rows = [r for r in rows if not _is_total(r, names)]
    if len(data_rows) < MIN_ROWS:
        return
    printed = [c for c in names if not _is_parent(c)]
    full = []
    for c in printed:
        if UNNAMED_RE.fullmatch(c):
            continue
        filled = sum(1 for r in data_rows if r.get(c))
        if len(data_rows) > filled >= FULL_SHARE * len(data_rows):
            full.append(c)
    kinds = dict(zip(t.kolom, t.tipe_kolom, strict=False))
    typed = [c for c in printed if kinds.get(c, "teks") != "teks"]
    blocks = _block_columns(data_rows, printed, kinds)
    numbered = _numbering_column(data_rows, printed)
    for i, r in enumerate(data_rows):
        empty = [c for c in full if _blank(r, c)]
        if len(empty) != 1 or r.get(empty[0]):
            continue
        if numbered is not None and not _in_list(r, numbered, names):
            continue
        c = empty[0]
        if any(r.get(d) and _blank(r, d) for d in typed if d != c):
            continue
        left = printed[: printed.index(c)]
        prev = data_rows[i - 1] if i else None
        after = data_rows[i + 1] if i + 1 < len(data_rows) else None
        merged = prev is not None and _same_block(prev, r, left, kinds)
        if prev is not None and merged:
            continued = r["halaman_awal"] > prev["halaman_akhir"]
            if not prev.get(c) or continued:
                continue
        in_block = [g for g in left if g in blocks]
        if any(
            n is not None and _blank(n, c) and not _same_block(n, r, in_block, kinds)
            for n in (prev, after)
        ):
            continue
        if left and left[-1] in blocks and _alone(r, prev, after, left[-1]):
            continue
        if t.sumber_teks == "ocr" and kinds.get(c, "teks") in NUMERIC:
            # On a scan a lone figure or dash is a short mark OCR may read as nothing: the
            # cell is empty as read, which is a reading to check, not a certain defect.
            temuan = _BLANK.format(CATALOG["tabel-sel-kosong"].pesan, kolom=c).rstrip(".")
            params = {"temuan": _lower_first(temuan), "alasan": EMPTY_FIGURE}
            yield Hit("ocr-perlu-diperiksa", t.id, r["id"], c, r["halaman_awal"], None, params)
            continue
        yield Hit("tabel-sel-kosong", t.id, r["id"], c, r["halaman_awal"], None)


EMPTY_FIGURE = "angka atau tanda \u201c-\u201d yang pendek mudah tidak terbaca oleh OCR"


def _numbering_column(rows: list[dict[str, Any]], printed: list[str]) -> str | None:
    """The table's item-number column (its first printed column, numbering with
    certainty), if any."""
    if not printed:
        return None
    c = printed[0]
    return c if _is_numbering_column(c, 0, [str(r.get(c) or "") for r in rows]) else None


def _in_list(r: dict[str, Any], c: str, names: list[str]) -> bool:
    """Whether a row is an item of the table's numbered list: it prints its own number in
    column c, or sits under a numbered item (`<c>_induk`). A row with neither, in a table
    that numbers its items, is a note or an instruction between them ("Pilih mode
    panoramic atau cephalometric" under "III. Kombinasi"), with no value to miss."""
    if r.get(c):
        return True
    return any(r.get(p) for p in names if p.startswith(f"{c}_induk") and _is_parent(p))


def _blank(r: dict[str, Any], c: str) -> bool:
    return is_blank(str(r.get(c) or ""))


# A text column whose one value fills more than this share of the rows repeats an
# attribute ("1 x tindakan" on every row), it does not group rows.
BLOCK_SHARE = 0.5


def _block_columns(
    rows: list[dict[str, Any]], printed: list[str], kinds: dict[str, str]
) -> set[str]:
    """Text columns that group rows: a value merged over (repeated on) consecutive rows,
    or printed once over its group (the rows below it left empty), and no value on more
    than BLOCK_SHARE of the rows."""
    out: set[str] = set()
    for c in printed:
        if kinds.get(c, "teks") != "teks":
            continue
        values = [str(r.get(c) or "") for r in rows]
        counts: dict[str, int] = {}
        for v in values:
            if v:
                counts[v] = counts.get(v, 0) + 1
        if len(counts) < 2 or max(counts.values()) > BLOCK_SHARE * len(rows):
            continue
        repeated = any(a and a == b for a, b in zip(values, values[1:], strict=False))
        sparse = len(counts) >= 2 and sum(counts.values()) < FULL_SHARE * len(rows)
        if repeated or sparse:
            out.add(c)
    return out


def _alone(
    r: dict[str, Any], prev: dict[str, Any] | None, after: dict[str, Any] | None, g: str
) -> bool:
    """Whether row r opens a group of column g that holds no other row: its cell in g is
    printed, the row above is not in that group, and the row below opens another."""
    mine = r.get(g)
    return (
        bool(mine)
        and (prev is None or prev.get(g) != mine)
        and (after is None or bool(after.get(g)) and after.get(g) != mine)
    )


def _same_block(
    a: dict[str, Any], b: dict[str, Any], left: list[str], kinds: dict[str, str]
) -> bool:
    """Whether two rows share a merged text cell in one of the `left` columns."""
    return any(kinds.get(c, "teks") == "teks" and a.get(c) and a.get(c) == b.get(c) for c in left)
