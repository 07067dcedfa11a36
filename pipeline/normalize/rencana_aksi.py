"""Rencana Aksi: a thin semantic layer over a generic LogicalTable.

The table is recognised by its header text, never by page. Its rows are read as a
hierarchy: group rows (one cell across the whole width) give `kelompok`; a printed "No"
opens an area (with its Area and Hasil cells); a number whose text cell spans to the right
edge of the table is a program row; a number with its own text cell opens a rencana aksi;
a row under a vertically merged aksi cell is another indicator line of the same aksi.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from pipeline.extract.ocr_repair import fill_sequence_gaps, reread_item_number
from pipeline.extract.tables import Cell, LogicalTable
from pipeline.extract.tables.grid import lowest
from pipeline.extract.tables.header import fold
from pipeline.extract.tables.stitch import MARKS
from pipeline.models import RencanaAksi
from pipeline.normalize.text import join_lines, or_none, slug, strip_number
from pipeline.result import CellBox
from pipeline.vocabulary import ITEM_DIGITS, ITEM_LETTER, successors
from pipeline.vocabulary import ITEM_NUMBER_RE as NUMBERING_RE

# Column roles and the header phrases (folded, whole words) that name them. The first role
# whose phrase occurs in a column's header path wins, so the order matters: "Hasil yang
# diharapkan dan Indikator" is hasil, not indikator; "Kriteria Keberhasilan Kegiatan" is
# kriteria.
COLUMN_ROLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("hasil_indikator", ("hasil",)),
    ("kriteria_keberhasilan", ("kriteria",)),
    ("penanggung_jawab", ("penanggung jawab", "penanggungjawab", "pj")),
    ("waktu", ("waktu pelaksanaan", "waktu", "jadwal", "tahun pelaksanaan")),
    ("area", ("area",)),
    ("rencana_aksi", ("rencana aksi",)),
    ("indikator_target", ("indikator",)),
    ("no", ("no", "nomor")),
)
REQUIRED_ROLES = frozenset({"rencana_aksi", "indikator_target", "waktu"})
# The header each role usually carries in full. When a header names no role outright (an
# OCR misreading: "Area Reformasi Birokrasi" read as "refaorremaa si birokrasi"), the column
# takes the role whose full header it is most like, if at least FUZZY_HEADER alike; and
# when several columns name one role, the one most like its full header keeps it.
ROLE_HEADERS: dict[str, str] = {
    "no": "no",
    "area": "area reformasi birokrasi",
    "hasil_indikator": "hasil yang diharapkan dan indikator",
    "rencana_aksi": "rencana aksi",
    "kriteria_keberhasilan": "kriteria keberhasilan kegiatan",
    "indikator_target": "indikator dan target",
    "penanggung_jawab": "penanggung jawab",
}
FUZZY_HEADER = 0.6
YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
LEADING_NUMBER_RE = re.compile(rf"^\(?({ITEM_DIGITS}|{ITEM_LETTER})[.)]\s+(.*)$", re.S)


@dataclass(frozen=True, slots=True)
class ColumnMap:
    no: int | None
    area: int | None
    hasil: int | None
    aksi_no: int | None
    aksi: int
    kriteria: int | None
    indikator: int
    years: tuple[tuple[int, int], ...]  # (column, year)
    penanggung: int | None


def _role(path: tuple[str, ...]) -> str | None:
    text = f" {fold(' '.join(path))} "
    for role, phrases in COLUMN_ROLES:
        if any(f" {p} " in text for p in phrases):
            return role
    return None


def _likeness(path: tuple[str, ...], role: str) -> float:
    return SequenceMatcher(None, fold(" ".join(path)), ROLE_HEADERS[role]).ratio()


def map_columns(table: LogicalTable) -> ColumnMap | None:
    """Map the table's columns to Rencana Aksi roles by header text; None if not that kind."""
    roles: dict[str, list[int]] = {}
    unnamed: list[int] = []
    for col in table.columns:
        role = _role(col.path)
        # A year under any header is a schedule column (OCR may garble "Waktu Pelaksanaan").
        if col.path and YEAR_RE.match(col.path[-1].strip()):
            role = "waktu"
        if role:
            roles.setdefault(role, []).append(col.index)
        else:
            unnamed.append(col.index)
    for role, cols in list(roles.items()):
        if role in ROLE_HEADERS and len(cols) > 1 and role != "rencana_aksi":
            best = max(cols, key=lambda c: _likeness(table.columns[c].path, role))
            roles[role] = [best]
            unnamed.extend(c for c in cols if c != best)
    for c in sorted(unnamed):
        scores = {r: _likeness(table.columns[c].path, r) for r in ROLE_HEADERS if r not in roles}
        if scores and max(scores.values()) >= FUZZY_HEADER:
            roles[max(scores, key=lambda r: scores[r])] = [c]
    if not roles.keys() >= REQUIRED_ROLES:
        return None
    years: list[tuple[int, int]] = []
    for c in roles["waktu"]:
        leaf = table.columns[c].path[-1] if table.columns[c].path else ""
        if YEAR_RE.match(leaf.strip()):
            years.append((c, int(leaf)))
    if not years:
        return None
    aksi_cols = roles["rencana_aksi"]
    numbered = [c for c in aksi_cols if c in table.numbering_cols]
    text_cols = [c for c in aksi_cols if c not in numbered]

    def first(role: str) -> int | None:
        cols = roles.get(role)
        return cols[0] if cols else None

    return ColumnMap(
        no=first("no"),
        area=first("area"),
        hasil=first("hasil_indikator"),
        aksi_no=numbered[0] if numbered else None,
        aksi=text_cols[0] if text_cols else aksi_cols[0],
        kriteria=first("kriteria_keberhasilan"),
        indikator=roles["indikator_target"][0],
        years=tuple(years),
        penanggung=first("penanggung_jawab"),
    )


@dataclass(frozen=True, slots=True)
class Repair:
    """An OCR'd item number read otherwise than its cell says: the records take `text`, while
    the extracted cell (and so the flat table, tabel/*.csv) keeps what OCR read."""

    page: int
    read: str
    text: str


@dataclass(slots=True)
class _State:
    kelompok: str | None = None
    area_no: str | None = None
    area_no_printed: str | None = None
    area: str | None = None
    hasil: str | None = None
    program_no: str | None = None
    program_no_printed: str | None = None
    program: str | None = None
    aksi_no: str | None = None
    aksi_no_printed: str | None = None
    aksi: str | None = None
    indikator_ke: int = 0
    consumed: set[int] = field(default_factory=set)
    # Item numbers read again (OCR): id(cell) -> the text taken instead of the cell's.
    repaired: dict[int, Repair] = field(default_factory=dict)
    # The cells the current area/program/aksi fields were read from, by published field
    # (an empty cell too: a finding about a missing value points at it).
    cells: dict[str, Cell] = field(default_factory=dict)

    last_area_no: str | None = None  # kept across areas: area numbers run on

    def text(self, cell: Cell) -> str:
        """The cell's text, or its repair."""
        fixed = self.repaired.get(id(cell))
        return cell.text if fixed is None else fixed.text

    def take(self, cell: Cell | None) -> str | None:
        if cell is None:
            return None
        self.consumed.add(id(cell))
        return or_none(self.text(cell))

    def repair(self, cell: Cell, text: str) -> None:
        self.repaired[id(cell)] = Repair(cell.pages[0] if cell.parts else 0, cell.text, text)

    def keep(self, kolom: str, cell: Cell | None) -> None:
        if cell is not None:
            self.cells[kolom] = cell

    def new_area(self) -> None:
        self.area_no = self.area_no_printed = self.area = self.hasil = None
        for kolom in ("area_no", "area", "hasil_indikator"):
            self.cells.pop(kolom, None)
        self.new_program()

    def new_program(self) -> None:
        self.program_no = self.program_no_printed = self.program = None
        self.aksi_no = self.aksi_no_printed = self.aksi = None
        self.indikator_ke = 0
        for kolom in ("program_no", "program", "aksi_no", "rencana_aksi"):
            self.cells.pop(kolom, None)


# The record's confidence field of each value, and the cells (_State.cells keys, or the
# row's own cells) it is read from.
VALUE_CONFIDENCE = {
    "keyakinan_nomor": ("area_no", "program_no", "aksi_no"),
    "keyakinan_area": ("area",),
    "keyakinan_hasil_indikator": ("hasil_indikator",),
    "keyakinan_program": ("program",),
    "keyakinan_rencana_aksi": ("rencana_aksi",),
    "keyakinan_kriteria_keberhasilan": ("kriteria_keberhasilan",),
    "keyakinan_indikator_target": ("indikator_target",),
    "keyakinan_penanggung_jawab": ("penanggung_jawab_teks",),
}


def _value_confidences(
    st: _State, own_cells: list[tuple[str, Cell | None]]
) -> dict[str, float | None]:
    """Each value's OCR confidence: the lowest of the cells it is read from (None: a text
    layer, or no cell)."""
    cells: dict[str, list[Cell]] = {k: [c] for k, c in st.cells.items()}
    for kolom, cell in own_cells:
        if cell is not None:
            cells.setdefault(kolom, []).append(cell)
    return {
        field: lowest(c.confidence for k in kolom for c in cells.get(k, []))
        for field, kolom in VALUE_CONFIDENCE.items()
    }


def _repaired_numbers(st: _State) -> list[str]:
    """The record's item numbers OCR read otherwise and the sequence repaired, as
    "kolom=as read" (the record's value is the repair)."""
    out = []
    for kolom in ("area_no", "program_no", "aksi_no"):
        cell = st.cells.get(kolom)
        if cell is not None and id(cell) in st.repaired:
            out.append(f"{kolom}={st.repaired[id(cell)].read}")
    return out


def _fill_gaps(table: LogicalTable, col: int, st: _State) -> None:
    """An OCR'd item number that reads as nothing like one ("Lagi") between "d." and "f."
    is "e." (see fill_sequence_gaps); recorded as a repair, the cell left as read."""
    cells = [
        row.cells[col]
        for i, row in enumerate(table.rows)
        if table.starts_here(i, col) and not row.cells[col].is_empty
    ]
    numbers = [strip_number(join_lines(c.text)) for c in cells]
    for cell, old, new in zip(cells, numbers, fill_sequence_gaps(numbers), strict=True):
        if new != old and cell.confidence is not None:
            st.repair(cell, f"{new}.")


def _repeats(st: _State, no: Cell | None, area: Cell | None, hasil: Cell | None) -> bool:
    """Whether a row's area number and area are those of the open area printed again
    (the same text, or empty): one area, its cells repeated on every row."""
    if st.area_no_printed is None or no is None or or_none(no.text) != st.area_no_printed:
        return False
    # The Hasil is not compared: an area may hold several.
    return area is None or area.is_empty or or_none(area.text) == st.area


def _reread(cell: Cell | None, text: str, previous: str | None, st: _State) -> str:
    """An OCR'd item number read as the look-alike that fits the sequence ("Cc." after
    "b." is "c."), recorded as a repair; text-layer numbers are taken as printed."""
    if cell is None or cell.confidence is None or not text:
        return text
    fixed = reread_item_number(text, successors(previous))
    if fixed != text:
        st.repair(cell, fixed)
    return fixed


@dataclass(frozen=True, slots=True)
class Mapped:
    records: list[RencanaAksi]
    consumed: frozenset[int]  # ids of the cells that records (or the header) took
    # The OCR'd item numbers read otherwise than the cell says (the cells stay as read).
    repairs: tuple[Repair, ...] = ()
    # Record id -> where its cells are printed (field, page, box), for the report.
    boxes: dict[str, tuple[CellBox, ...]] = field(default_factory=dict)


def cell_boxes(cells: Iterable[tuple[str, Cell | None]]) -> tuple[CellBox, ...]:
    """The printed pieces of each (field, cell), in order, one box per page piece."""
    return tuple(
        CellBox(kolom, part.page, part.bbox)
        for kolom, cell in cells
        if cell is not None
        for part in cell.parts
    )


def map_rencana_aksi(
    table: LogicalTable, cmap: ColumnMap, dokumen_id: str, lampiran: int, sha256: str
) -> Mapped:
    st = _State()
    records: list[RencanaAksi] = []
    boxes: dict[str, tuple[CellBox, ...]] = {}
    seen_ids: dict[str, int] = {}
    ncols = len(table.columns)

    def cell(i: int, c: int | None) -> Cell | None:
        return None if c is None else table.rows[i].cells[c]

    def new_here(i: int, c: int | None) -> bool:
        x = cell(i, c)
        return x is not None and table.starts_here(i, c) and not x.is_empty  # type: ignore[arg-type]

    # The columns of a record line's own cells. A cell there that runs into another of
    # them (a rule missing between "Indikator" and a year) holds text of two fields: no
    # field takes it, so it stays in the leftovers instead of misplacing text silently.
    line_cols = [c for c in (cmap.kriteria, cmap.indikator, cmap.penanggung) if c is not None]
    line_cols += [c for c, _ in cmap.years]

    def own_cell(i: int, c: int | None) -> Cell | None:
        x = cell(i, c)
        if x is None or any(x.covers_col(o) for o in line_cols if o != c):
            return None
        return x

    for col in (cmap.no, cmap.aksi_no):
        if col is not None:
            _fill_gaps(table, col, st)
    last_line: tuple[str | None, ...] = ()  # the own cells of the last record line
    for i, row in enumerate(table.rows):
        group = table.group_cell(i)
        if group is not None:
            st.kelompok = st.take(group)
            # A group row across the width closes the area above; so does one printed
            # beside "No" cells of its own (printed or empty); one printed beside the
            # merged cells of the area above goes on with that area.
            if row.is_span_row() or cmap.no is None or table.starts_here(i, cmap.no):
                st.new_area()
            else:
                st.new_program()
            if row.is_span_row():
                continue
        if new_here(i, cmap.no) and _repeats(st, cell(i, cmap.no), cell(i, cmap.area),
                                             cell(i, cmap.hasil)):  # fmt: skip
            # The area's cells printed again on this row (text repeated on every row
            # instead of merged cells): the same area goes on, with the Hasil printed
            # here (an area may hold several).
            st.take(cell(i, cmap.no))
            st.take(cell(i, cmap.area))
            st.hasil = st.take(cell(i, cmap.hasil)) or st.hasil
        elif new_here(i, cmap.no):
            st.new_area()
            no_cell = cell(i, cmap.no)
            if no_cell is not None:
                _reread(no_cell, join_lines(st.text(no_cell)), st.last_area_no, st)
            st.area_no_printed = st.take(no_cell)
            st.area_no = strip_number(st.area_no_printed or "")
            st.last_area_no = st.area_no or st.last_area_no
            st.area = st.take(cell(i, cmap.area))
            st.hasil = st.take(cell(i, cmap.hasil))
            st.keep("area_no", no_cell)
            st.keep("area", cell(i, cmap.area))
            st.keep("hasil_indikator", cell(i, cmap.hasil))
        else:
            if new_here(i, cmap.area):
                st.area = st.take(cell(i, cmap.area))
                st.keep("area", cell(i, cmap.area))
            if new_here(i, cmap.hasil):
                st.hasil = st.take(cell(i, cmap.hasil))
                st.keep("hasil_indikator", cell(i, cmap.hasil))

        if group is not None:
            continue
        num = cell(i, cmap.aksi_no)
        txt = cell(i, cmap.aksi)
        assert txt is not None
        num_new = num is not None and table.starts_here(i, cmap.aksi_no)  # type: ignore[arg-type]
        txt_new = table.starts_here(i, cmap.aksi)
        num_text = join_lines(st.text(num)) if num is not None else ""
        if num is None and txt_new and (m := LEADING_NUMBER_RE.match(join_lines(txt.text))):
            num_text = m.group(1)  # number printed inside the text cell
        # A program row: its text cell runs on to the right edge of the table.
        if (
            txt_new
            and not txt.is_empty
            and txt.col + txt.colspan >= ncols
            and (num_text or num is None)
        ):
            previous_program = st.program_no
            st.new_program()
            num_text = _reread(num, num_text, previous_program, st)
            st.program_no = strip_number(num_text) or None
            st.program_no_printed = num_text or None
            st.take(num)
            text = st.take(txt) or ""
            st.keep("program_no", num)
            st.keep("program", txt)
            if num is None and (m := LEADING_NUMBER_RE.match(text)):
                text = m.group(2)
            st.program = text or None
            continue
        own = [cell(i, c) for c in (cmap.kriteria, cmap.indikator, cmap.penanggung)]
        own += [cell(i, c) for c, _ in cmap.years]
        has_content = any(x is not None and not x.is_empty for x in own) or not txt.is_empty
        if not has_content:
            continue
        line = tuple(x.text if x is not None else None for x in own)
        repeated = (
            st.aksi is not None
            and (num_text or None) == st.aksi_no_printed
            and (or_none(txt.text) if txt_new else None) in (None, st.aksi)
            and (num_new or txt_new)
            and line != last_line  # the whole line printed twice is the source's own
        )
        last_line = line
        if repeated:
            # The aksi's number and text printed again for its next indicator (text
            # repeated on every row instead of merged cells): the same aksi goes on.
            st.take(num)
            st.take(txt)
            st.indikator_ke += 1
        elif (num_new and num_text) or (txt_new and not txt.is_empty):
            num_text = _reread(num, num_text, st.aksi_no, st)
            st.aksi_no = strip_number(num_text) or None
            st.aksi_no_printed = num_text or None
            st.take(num)
            text = st.take(txt) or ""
            st.keep("aksi_no", num)
            st.keep("rencana_aksi", txt)
            if num is None and (m := LEADING_NUMBER_RE.match(text)):
                text = m.group(2)
            st.aksi = text or None
            st.indikator_ke = 1
        else:
            st.indikator_ke += 1
        years = []
        for c, year in cmap.years:
            mark = own_cell(i, c)
            if mark is not None and mark.text.strip() in MARKS:
                st.take(mark)
                years.append(year)
        rid = _record_id(lampiran, st)
        seen_ids[rid] = seen_ids.get(rid, 0) + 1
        if seen_ids[rid] > 1:
            rid = f"{rid}__ulang_{seen_ids[rid]}"
        pages = row.pages
        own_cells = [
            ("kriteria_keberhasilan", own_cell(i, cmap.kriteria)),
            ("indikator_target", own_cell(i, cmap.indikator)),
            ("penanggung_jawab_teks", own_cell(i, cmap.penanggung)),
        ]
        own_cells += [("tahun_pelaksanaan", own_cell(i, c)) for c, _ in cmap.years]
        boxes[rid] = cell_boxes([*st.cells.items(), *own_cells])
        records.append(
            RencanaAksi(
                id=rid,
                dokumen_id=dokumen_id,
                lampiran=lampiran,
                kelompok=st.kelompok,
                area_no=st.area_no or None,
                area_no_tercetak=st.area_no_printed,
                program_no_tercetak=st.program_no_printed,
                aksi_no_tercetak=st.aksi_no_printed,
                area=st.area,
                hasil_indikator=st.hasil,
                program_no=st.program_no,
                program=st.program,
                aksi_no=st.aksi_no,
                rencana_aksi=st.aksi,
                indikator_ke=max(st.indikator_ke, 1),
                kriteria_keberhasilan=st.take(own_cell(i, cmap.kriteria)),
                indikator_target=st.take(own_cell(i, cmap.indikator)),
                tahun_pelaksanaan=years,
                penanggung_jawab_teks=st.take(own_cell(i, cmap.penanggung)),
                halaman_awal=pages[0],
                halaman_akhir=pages[-1],
                keyakinan_ocr=row.confidence,
                **_value_confidences(st, own_cells),
                nomor_diperbaiki=_repaired_numbers(st),
                sumber_sha256=sha256,
            )
        )
    consumed = set(st.consumed) | {id(c) for c in table.header_cells}
    return Mapped(
        records=records, consumed=frozenset(consumed), repairs=tuple(st.repaired.values()),
        boxes=boxes,
    )  # fmt: skip


def _record_id(lampiran: int, st: _State) -> str:
    parts = [f"lampiran_{lampiran}"]
    if st.area_no or st.area:
        parts.append(f"area_{slug(st.area_no or st.area or '')}")
    elif st.kelompok:
        parts.append(f"kelompok_{slug(st.kelompok)}")
    if st.program_no or st.program:
        parts.append(f"program_{slug(st.program_no or st.program or '')}")
    parts.append(f"aksi_{slug(st.aksi_no or '') or 'tanpa_nomor'}")
    parts.append(f"indikator_{max(st.indikator_ke, 1)}")
    return "__".join(parts)


__all__ = ["ColumnMap", "Mapped", "Repair", "map_columns", "map_rencana_aksi", "NUMBERING_RE"]
