"""Amendment diff: what changed between two published datasets of a regulation.

Records are paired table by table: first by their stable structural `id`, then, among the
records left over, by text similarity of their own content (a renumbered or moved item keeps
its words but not its id). Pairs become `diubah` (changed in place) or `dipindah` (moved or
renumbered); what is left unpaired is `dihapus` (only in the old) or `ditambah` (only in the
new). Provenance (pages, source file, document id) and id references are never content, so the
same regulation printed twice, on other pages or in another file, diffs to nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from pipeline.diff.html import render_diff
from pipeline.publish.files import LIST_SEPARATOR, write_json
from pipeline.publish.package import primary_key
from pipeline.result import REGISTRY, PublishedTable
from pipeline.validate.dataset import TABLES, Dataset, load_folder

Jenis = Literal["ditambah", "dihapus", "diubah", "dipindah"]


def _rank(t: PublishedTable) -> int:
    return t.diff_rank or 0


# The tables compared by default, and per table what the registry says of its numbering,
# labels and similarity fields (pipeline.result.PublishedTable).
DEFAULT_TABLES: tuple[str, ...] = tuple(
    t.name for t in sorted((t for t in REGISTRY if t.diff_rank is not None), key=_rank)
)
# Where a record came from, not what it says: never compared.
PROVENANCE_FIELDS = frozenset(
    {"halaman_awal", "halaman_akhir", "halaman", "sumber_sha256", "dokumen_id"}
)
# How a record was read, not what it says: a scan and a text-layer print of one regulation
# (or two scans of it) differ in these and nowhere else. Never compared.
READING_FIELDS = frozenset({"sumber_teks", "nomor_diperbaiki"})
READING_PREFIX = "keyakinan_"
# Ids and references to other records' ids: they follow from structure, so a change in them
# alone is a move (seen through `id_lama`/`id_baru`), never a content change.
REFERENCE_FIELDS = frozenset({"id", "induk_id", "mengubah_id", "record_id"})
# Per table: the printed numbering of an item. Compared (a renumbering is listed), but left out
# of the similarity text, since renumbering is exactly what similarity matching must survive.
NUMBERING_FIELDS: dict[str, frozenset[str]] = {t.name: t.numbering for t in REGISTRY}
# Per table: the fields that say what the item itself is, as printed, for similarity matching.
# Tables without them use all their content fields except the numbering.
SIMILARITY_FIELDS: dict[str, tuple[str, ...]] = {
    t.name: t.similarity for t in REGISTRY if t.similarity
}
# Per table: the field that names a record in a one-line summary (first non-empty wins).
LABEL_FIELDS: dict[str, tuple[str, ...]] = {t.name: t.labels for t in REGISTRY if t.labels}
SIMILARITY_THRESHOLD = 0.8
LABEL_MAX_CHARS = 80
TARGET_FIELD_RE = re.compile(r"^(?:target_|indikator_target$)")
_NATURAL_RE = re.compile(r"(\d+)")


class Perubahan(BaseModel):
    """One change between the old and the new version of a published table."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(description="Id stabil: <jenis>__<id_lama atau id_baru>")
    tabel: str = Field(description="Tabel terbitan, mis. rencana_aksi")
    jenis: Jenis = Field(description="ditambah, dihapus, diubah, dipindah")
    id_lama: str | None = Field(description="Id baris pada versi lama; kosong bila ditambah")
    id_baru: str | None = Field(description="Id baris pada versi baru; kosong bila dihapus")
    kolom: list[str] = Field(
        description="Kolom yang berubah (ditambah/dihapus: semua kolom isi yang terisi)"
    )
    nilai_lama: dict[str, Any] = Field(description="Kolom -> nilai lama, untuk kolom yang berubah")
    nilai_baru: dict[str, Any] = Field(description="Kolom -> nilai baru, untuk kolom yang berubah")
    halaman_lama: list[int] = Field(description="Halaman PDF baris lama (mulai 1)")
    halaman_baru: list[int] = Field(description="Halaman PDF baris baru (mulai 1)")
    ringkasan: str = Field(description="Ringkasan satu baris dalam Bahasa Indonesia")
    hanya_spasi: bool = Field(
        default=False,
        description=(
            "Benar bila setiap kolom yang berubah hanya berbeda spasi (nilainya sama bila "
            "spasi diabaikan), mis. baris yang diputus berbeda oleh cara cetak lain: periksa "
            "di PDF sebelum dianggap perubahan isi"
        ),
    )

    @property
    def menyentuh_target(self) -> bool:
        """True when a target column (`indikator_target`, `target_*`) is among `kolom`."""
        return any(TARGET_FIELD_RE.match(k) for k in self.kolom)


@dataclass(frozen=True, slots=True)
class _Item:
    """One record of one table, reduced to what the diff looks at."""

    position: int
    id: str
    content: dict[str, Any]  # every compared field, in model order
    similarity_text: str
    pages: list[int]
    label: str


def content_fields(table: str) -> list[str]:
    """The compared fields of `table`, in model order: all but provenance, how the record was
    read (OCR confidence, text source, item numbers repaired) and id references."""
    model = TABLES[table]
    return [
        name
        for name in model.model_fields
        if name not in PROVENANCE_FIELDS
        and name not in REFERENCE_FIELDS
        and name not in READING_FIELDS
        and not name.startswith(READING_PREFIX)
    ]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _pages(record: BaseModel) -> list[int]:
    data = record.__dict__
    if "halaman_awal" in data and "halaman_akhir" in data:
        first, last = int(data["halaman_awal"]), int(data["halaman_akhir"])
        return list(range(first, max(first, last) + 1))
    if data.get("halaman") is not None:
        return [int(data["halaman"])]
    return []


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= LABEL_MAX_CHARS:
        return text
    return text[: LABEL_MAX_CHARS - 3].rstrip() + "..."


def _items(table: str, records: Iterable[BaseModel]) -> list[_Item]:
    fields = content_fields(table)
    numbering = NUMBERING_FIELDS.get(table, frozenset())
    similar = SIMILARITY_FIELDS.get(table) or tuple(f for f in fields if f not in numbering)
    labels = LABEL_FIELDS.get(table, ())
    out: list[_Item] = []
    for position, record in enumerate(records):
        data = record.__dict__
        content = {f: data[f] for f in fields}
        label = next((_text(data[f]) for f in labels if not _is_empty(data.get(f))), "")
        out.append(
            _Item(
                position=position,
                id="__".join(str(data[k]) for k in primary_key(table)),
                content=content,
                similarity_text=" | ".join(_text(data[f]) for f in similar),
                pages=_pages(record),
                label=_shorten(label),
            )
        )
    return out


def _match_by_id(
    old: list[_Item], new: list[_Item]
) -> tuple[list[tuple[_Item, _Item]], list[_Item], list[_Item]]:
    """Pairs with the same id (the k-th duplicate of an id pairs with the k-th), and the rest."""
    by_id: dict[str, list[_Item]] = {}
    for item in new:
        by_id.setdefault(item.id, []).append(item)
    pairs: list[tuple[_Item, _Item]] = []
    left_old: list[_Item] = []
    for item in old:
        candidates = by_id.get(item.id)
        if candidates:
            pairs.append((item, candidates.pop(0)))
        else:
            left_old.append(item)
    taken = {id(b) for _, b in pairs}
    left_new = [item for item in new if id(item) not in taken]
    return pairs, left_old, left_new


def _similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    # Cheap upper bounds first: most pairs of unrelated records stop here.
    if matcher.real_quick_ratio() < SIMILARITY_THRESHOLD:
        return 0.0
    if matcher.quick_ratio() < SIMILARITY_THRESHOLD:
        return 0.0
    return matcher.ratio()


def _match_by_text(
    old: list[_Item], new: list[_Item]
) -> tuple[list[tuple[_Item, _Item]], list[_Item], list[_Item]]:
    """Greedy best-first pairing of ratio >= SIMILARITY_THRESHOLD; ties go to the earliest
    old record, then the earliest new one."""
    scored: list[tuple[float, int, int, _Item, _Item]] = []
    for a in old:
        for b in new:
            score = _similarity(a.similarity_text, b.similarity_text)
            if score >= SIMILARITY_THRESHOLD:
                scored.append((-score, a.position, b.position, a, b))
    scored.sort(key=lambda s: (s[0], s[1], s[2]))
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs: list[tuple[_Item, _Item]] = []
    for _, pa, pb, a, b in scored:
        if pa in used_old or pb in used_new:
            continue
        used_old.add(pa)
        used_new.add(pb)
        pairs.append((a, b))
    rest_old = [a for a in old if a.position not in used_old]
    rest_new = [b for b in new if b.position not in used_new]
    return pairs, rest_old, rest_new


def _changed(a: _Item, b: _Item) -> list[str]:
    return [f for f, v in a.content.items() if v != b.content[f]]


def _unspaced(value: Any) -> str:
    """`value` as text with every whitespace character removed."""
    return "".join(_text(value).split())


def _spacing_only(a: _Item, b: _Item, fields: Sequence[str]) -> bool:
    """Every one of `fields` (at least one) differs between `a` and `b` in whitespace only.

    A producer that breaks a line where another printed a space (or none) prints nothing at
    the break, so the same text may come out spaced in one print and joined in the other
    ("95 %(sembilan" / "95 % (sembilan", "SKPD/Unit" / "SKPD/ Unit"). The diff still lists
    such a change (the print cannot tell which one the regulation meant), flagged so that an
    analyst can set it apart from a change of wording."""
    return bool(fields) and all(_unspaced(a.content[f]) == _unspaced(b.content[f]) for f in fields)


def _values(item: _Item, fields: Sequence[str]) -> dict[str, Any]:
    return {f: item.content[f] for f in fields}


def _shown(value: Any) -> str:
    return "kosong" if _is_empty(value) else _shorten(_text(value))


def _pages_text(pages: Sequence[int]) -> str:
    if not pages:
        return ""
    span = str(pages[0]) if pages[0] == pages[-1] else f"{pages[0]}-{pages[-1]}"
    return f" (hlm. {span})"


def _summary_of_fields(table: str, a: _Item, b: _Item, fields: Sequence[str]) -> str:
    """'kolom lama -> baru' for the one most telling changed field, plus the other names."""
    if not fields:
        return ""
    numbering = NUMBERING_FIELDS.get(table, frozenset())
    lead = next((f for f in fields if f == "target_nilai"), None)
    lead = lead or next((f for f in fields if TARGET_FIELD_RE.match(f)), None)
    lead = lead or next((f for f in fields if f not in numbering), fields[0])
    text = f"{lead}: {_shown(a.content[lead])} -> {_shown(b.content[lead])}"
    others = [f for f in fields if f != lead]
    if others:
        text += f"; juga {', '.join(others)}"
    return text


def _perubahan(table: str, jenis: Jenis, a: _Item | None, b: _Item | None) -> Perubahan:
    spacing = False
    if a is not None and b is not None:
        kolom = _changed(a, b)
        spacing = _spacing_only(a, b, kolom)
        detail = _summary_of_fields(table, a, b, kolom)
        if spacing:
            detail += " (hanya beda spasi)"
        if jenis == "dipindah":
            ringkasan = f"{table}: dipindah dari {a.id} ke {b.id}"
            ringkasan += f"{_pages_text(b.pages)}; {detail}" if detail else _pages_text(b.pages)
        else:
            ringkasan = f"{table} {b.id} diubah{_pages_text(b.pages)}: {detail}"
        lama, baru = _values(a, kolom), _values(b, kolom)
    elif b is not None:
        kolom = [f for f, v in b.content.items() if not _is_empty(v)]
        ringkasan = f'{table}: ditambah {b.id}{_pages_text(b.pages)}: "{b.label}"'
        lama, baru = {}, _values(b, kolom)
    else:
        assert a is not None
        kolom = [f for f, v in a.content.items() if not _is_empty(v)]
        ringkasan = f'{table}: dihapus {a.id}{_pages_text(a.pages)}: "{a.label}"'
        lama, baru = _values(a, kolom), {}
    key = a.id if a is not None else b.id  # type: ignore[union-attr]
    return Perubahan(
        id=f"{jenis}__{key}",
        tabel=table,
        jenis=jenis,
        id_lama=a.id if a is not None else None,
        id_baru=b.id if b is not None else None,
        kolom=kolom,
        nilai_lama=lama,
        nilai_baru=baru,
        halaman_lama=a.pages if a is not None else [],
        halaman_baru=b.pages if b is not None else [],
        ringkasan=ringkasan,
        hanya_spasi=spacing,
    )


def diff_table(table: str, old: Sequence[BaseModel], new: Sequence[BaseModel]) -> list[Perubahan]:
    """The changes of one table, in pairing order (`diff_datasets` sorts them)."""
    old_items, new_items = _items(table, old), _items(table, new)
    same_id, left_old, left_new = _match_by_id(old_items, new_items)
    moved, gone, added = _match_by_text(left_old, left_new)
    out: list[Perubahan] = []
    for a, b in same_id:
        if _changed(a, b):
            out.append(_perubahan(table, "diubah", a, b))
    out.extend(_perubahan(table, "dipindah", a, b) for a, b in moved)
    out.extend(_perubahan(table, "dihapus", a, None) for a in gone)
    out.extend(_perubahan(table, "ditambah", None, b) for b in added)
    return out


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key: digit runs as numbers, so area_10 follows area_9."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part) for part in _NATURAL_RE.split(text) if part
    )


def _order_key(change: Perubahan, tables: Sequence[str]) -> tuple[Any, ...]:
    record_id = change.id_baru or change.id_lama or ""
    return (
        not change.menyentuh_target,
        tables.index(change.tabel),
        _natural(record_id),
        change.jenis,
        change.id,
    )


def diff_datasets(
    old: Dataset, new: Dataset, tables: Sequence[str] = DEFAULT_TABLES
) -> list[Perubahan]:
    """Every change from `old` to `new` in `tables`.

    Order: changes touching a target (`indikator_target`, `target_*`) first, then by the
    position of their table in `tables`, then by record id (numbers in ids compared as
    numbers). Same input, same list. Raises ValueError for a table name not in `TABLES`.

    `kolom` of a `ditambah`/`dihapus` row lists all its filled content columns, so an added or
    removed Rencana Aksi row that carries a target counts as touching a target.
    """
    unknown = [t for t in tables if t not in TABLES]
    if unknown:
        raise ValueError(f"unknown table(s) {unknown!r}; known: {sorted(TABLES)!r}")
    tables = list(dict.fromkeys(tables))
    changes: list[Perubahan] = []
    for table in tables:
        changes.extend(diff_table(table, old.table(table), new.table(table)))
    changes.sort(key=lambda c: _order_key(c, tables))
    return _unique_ids(changes)


def _unique_ids(changes: list[Perubahan]) -> list[Perubahan]:
    """Ids are unique within a table; across tables (rare) the later one gets `__<tabel>`."""
    seen: set[str] = set()
    out: list[Perubahan] = []
    for change in changes:
        if change.id in seen:
            change = change.model_copy(update={"id": f"{change.id}__{change.tabel}"})
        seen.add(change.id)
        out.append(change)
    return out


def diff_folders(old: Path, new: Path, tables: Sequence[str] = DEFAULT_TABLES) -> list[Perubahan]:
    """`diff_datasets` of two published document folders (read with `load_folder`; rows that
    fail their model are left out of the diff, as they are out of the dataset)."""
    return diff_datasets(load_folder(old), load_folder(new), tables)


# perubahan.csv holds one row per change, without the value maps; perubahan_kolom.csv holds
# them in long form, one row per changed column, so no cell holds JSON.
CSV_COLUMNS = tuple(f for f in Perubahan.model_fields if f not in ("nilai_lama", "nilai_baru"))
KOLOM_COLUMNS = ("perubahan_id", "tabel", "kolom", "nilai_lama", "nilai_baru")


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, dict):  # a nested value (none today): as JSON, never a repr
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "" if value is None else value


def _csv_row(change: Perubahan) -> dict[str, Any]:
    data = change.model_dump()
    return {name: _csv_cell(data[name]) for name in CSV_COLUMNS}


def _kolom_rows(change: Perubahan) -> list[dict[str, Any]]:
    return [
        {
            "perubahan_id": change.id,
            "tabel": change.tabel,
            "kolom": kolom,
            "nilai_lama": _csv_cell(change.nilai_lama.get(kolom)),
            "nilai_baru": _csv_cell(change.nilai_baru.get(kolom)),
        }
        for kolom in change.kolom
        if kolom in change.nilai_lama or kolom in change.nilai_baru
    ]


def write_diff(changes: Sequence[Perubahan], out_dir: Path, old_label: str, new_label: str) -> None:
    """Write `perubahan.csv`, `perubahan_kolom.csv`, `perubahan.json` and `perubahan.html`
    into `out_dir` (created).

    CSV: UTF-8, header, `\\n` line endings, lists `;`-joined, None -> ''; perubahan.csv has
    every field but the value maps, perubahan_kolom.csv one row per changed column
    (perubahan_id -> perubahan.id, tabel, kolom, nilai_lama, nilai_baru). JSON: an array,
    ensure_ascii False, indent 2, trailing newline. HTML: `render_diff`.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    import pandas as pd  # only when a CSV is written: `pipeline.diff` stays light to import

    frame = pd.DataFrame([_csv_row(c) for c in changes], columns=list(CSV_COLUMNS), dtype=object)
    frame.to_csv(out_dir / "perubahan.csv", index=False, lineterminator="\n", encoding="utf-8")
    rows = [row for c in changes for row in _kolom_rows(c)]
    kolom = pd.DataFrame(rows, columns=list(KOLOM_COLUMNS), dtype=object)
    kolom.to_csv(
        out_dir / "perubahan_kolom.csv", index=False, lineterminator="\n", encoding="utf-8"
    )
    write_json(out_dir / "perubahan.json", [c.model_dump() for c in changes])
    page = render_diff(changes, old_label, new_label)
    (out_dir / "perubahan.html").write_text(page, encoding="utf-8")


__all__ = [
    "DEFAULT_TABLES",
    "Perubahan",
    "content_fields",
    "diff_datasets",
    "diff_folders",
    "diff_table",
    "write_diff",
]
