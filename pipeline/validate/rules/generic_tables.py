"""Checks on every generic lampiran table: values that do not fit their column's type, a
"Jumlah"/"Total" row that differs from the sum of the rows it totals, numbering gaps and
repeats, an empty cell in an otherwise full column. Tables of a known kind (Rencana Aksi,
...) have semantic rules of their own and are skipped here."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from pipeline.extract.tables.stitch import NUMBERING_RE
from pipeline.models import Tabel
from pipeline.normalize.generic_table import TOTAL_RE, TYPED_SUFFIX
from pipeline.normalize.values import is_blank
from pipeline.validate.dataset import Dataset
from pipeline.validate.rules.base import Hit
from pipeline.validate.rules.numbering import gaps

NUMERIC = frozenset({"bilangan", "rupiah", "persen"})
FULL_SHARE = 0.8  # a column at least this full makes its empty cells look missing
MIN_ROWS = 5
SUM_TOLERANCE = 0.5


def _columns(t: Tabel) -> list[tuple[str, str]]:
    return [
        (c, k)
        for c, k in zip(t.kolom, t.tipe_kolom, strict=False)
        if c not in ("id", "halaman_awal", "halaman_akhir") and not c.endswith(TYPED_SUFFIX)
    ]


def _is_total(row: dict[str, Any], columns: Sequence[str]) -> bool:
    return any(TOTAL_RE.match(str(row.get(c) or "")) for c in columns[:3])


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


def _numbering(t: Tabel, rows: list[dict[str, Any]], names: list[str]) -> Iterator[Hit]:
    parents = [c for c in names if c == "kelompok" or c.endswith("_induk")]
    for c in names:
        if c in parents:
            continue
        values = [str(r.get(c) or "") for r in rows]
        printed = [v for v in values if v]
        if len(printed) < 2 or sum(bool(NUMBERING_RE.match(v)) for v in printed) < 0.8 * len(
            printed
        ):
            continue
        groups: dict[tuple[Any, ...], list[tuple[str, dict[str, Any]]]] = {}
        for r in rows:
            value = str(r.get(c) or "")
            if not value or _is_total(r, names):
                continue
            scope = tuple(r.get(p) for p in parents)
            seq = groups.setdefault(scope, [])
            if not seq or seq[-1][0] != value:  # a merged cell repeats its number
                seq.append((value, r))
        for seq in groups.values():
            numbers = [v for v, _ in seq]
            by_value = {v: r for v, r in reversed(seq)}
            for before, after in gaps(numbers):
                r = by_value[after]
                yield Hit("tabel-nomor-terlewat", t.id, r["id"], c, r["halaman_awal"], after,
                          {"sebelum": before, "sesudah": after})  # fmt: skip
            seen: set[str] = set()
            for v, r in seq:
                if v in seen:
                    yield Hit("tabel-nomor-ganda", t.id, r["id"], c, r["halaman_awal"], v)
                seen.add(v)


def _empty_cells(t: Tabel, rows: list[dict[str, Any]], names: list[str]) -> Iterator[Hit]:
    data_rows = [r for r in rows if not _is_total(r, names)]
    if len(data_rows) < MIN_ROWS:
        return
    for c in names:
        filled = [r for r in data_rows if r.get(c)]
        if len(filled) < len(data_rows) and len(filled) >= FULL_SHARE * len(data_rows):
            for r in data_rows:
                if not r.get(c):
                    yield Hit("tabel-sel-kosong", t.id, r["id"], c, r["halaman_awal"], None)
