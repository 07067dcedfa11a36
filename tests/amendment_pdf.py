"""SYNTHETIC Rencana Aksi PDFs drawn from records, for the amendment-diff tests.

`draw_rencana_aksi` prints a list of `RencanaAksi` records back as a ruled table shaped like
the real one (tests/ra_builder.py's RA, tests/pdfgen.py's make_pdf): a bold title line
"RENCANA AKSI ... TAHUN 2019-2023", the two-row header with one column per year, a full-width
group row per `kelompok`, the No/Area/Hasil cells merged down over an area's rows, a program
row (number, then its name across the rest of the width), one row per indicator line. Pages
break between rows only, the header is repeated on every page and the merged area cells go on,
empty, on the next page, as in the printed regulation. There is no title block, so `process`
takes the dokumen_id from the file name: name the files e.g. `sintetis-asli.pdf`.

Every PDF drawn here is SYNTHETIC test data, not a real regulation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics

from pipeline.models import RencanaAksi
from tests.pdfgen import FONT_SIZE, LEADING, PAD, C, PageSpec, _row_heights, make_pdf, wrap
from tests.ra_builder import RA

YEARS = (2019, 2020, 2021, 2022, 2023)
TITLE = "RENCANA AKSI REFORMASI BIROKRASI PEMERINTAH KABUPATEN (SINTETIS) TAHUN 2019-2023"
# make_pdf's layout: first text line 30 pt below the top, page label 24 pt, a title line
# 16 pt, the table 6 pt lower; keep 30 pt free at the bottom.
TOP_MARGIN = 30.0
LABEL_HEIGHT = 24.0
TITLE_HEIGHT = 16.0
TABLE_GAP = 6.0
BOTTOM_MARGIN = 30.0
AREA_COLUMNS = ("no", "area", "hasil")

Row = list[C | None]


@dataclass
class _Line:
    """One printed body row; `area` is the key of the area whose merged cells it sits under
    (None for a group row, which spans the whole width)."""

    row: Row
    area: tuple[str, str, str] | None


def _number(printed: str | None, bare: str | None) -> str:
    if printed:
        return printed
    return f"{bare}." if bare else ""


def _fit(text: str, width: float, bold: bool = False) -> str:
    """`text` with a line break after the hyphens of words wider than the cell, as a typesetter
    would break them (the pipeline joins `Perundang-` + `Undangan` without a space); a word
    that still does not fit is an error, since its overflow would land in the next cell."""
    room = width - 2 * PAD
    font = "VeraBd" if bold else "Vera"
    words = []
    for word in text.split(" "):
        if pdfmetrics.stringWidth(word, font, FONT_SIZE) > room:
            word = word.replace("-", "-\n")
        for part in word.split("\n"):
            if pdfmetrics.stringWidth(part, font, FONT_SIZE) > room:
                raise ValueError(f"{part!r} is wider than its {width:.0f} pt column")
        words.append(word)
    return " ".join(words)


def _fitted(ra: RA, row: Row) -> Row:
    """`row` with every cell's text fitted to its (spanned) column width."""
    out: Row = []
    for k, cell in enumerate(row):
        if cell is None or not cell.text:
            out.append(cell)
            continue
        width = sum(ra.widths[k : k + cell.colspan])
        out.append(C(_fit(cell.text, width, cell.bold), cell.rowspan, cell.colspan, cell.bold))
    return out


def _units(ra: RA, records: Sequence[RencanaAksi]) -> list[list[_Line]]:
    """Rows grouped into units that stay on one page: a group row and a program row travel
    with the first aksi under them; an aksi's indicator lines stay together."""
    units: list[list[_Line]] = []
    pending: list[_Line] = []
    kelompok: str | None = None
    program: tuple[str, ...] | None = None
    aksi: tuple[str, ...] | None = None
    aksi_col = ra.cols.index("aksi_no")
    for rec in records:
        if not rec.area:
            raise ValueError(f"record {rec.id!r} has no area: only area rows are drawn")
        area = (_number(rec.area_no_tercetak, rec.area_no), rec.area, rec.hasil_indikator or "")
        if rec.kelompok and rec.kelompok != kelompok:
            kelompok, program, aksi = rec.kelompok, None, None
            pending.append(_Line(_fitted(ra, ra.group(rec.kelompok)), None))
        prog_key = (*area, rec.program_no or "", rec.program or "")
        if prog_key != program:
            program, aksi = prog_key, None
            number = _number(rec.program_no_tercetak, rec.program_no)
            pending.append(_Line(_fitted(ra, ra.program(number, rec.program or "")), area))
        aksi_key = (*prog_key, rec.aksi_no or "", rec.rencana_aksi or "")
        years = " ".join(str(y) for y in rec.tahun_pelaksanaan)
        row = ra.row(
            kriteria=rec.kriteria_keberhasilan or "",
            indikator=rec.indikator_target or "",
            pj=rec.penanggung_jawab_teks or "",
            marks=years,
        )
        if aksi_key != aksi:
            aksi = aksi_key
            row[aksi_col] = C(_number(rec.aksi_no_tercetak, rec.aksi_no))
            row[aksi_col + 1] = C(rec.rencana_aksi or "")
            row = _fitted(ra, row)
            pending.append(_Line(row, area))
            units.append(pending)
            pending = []
        else:
            # Another indicator line of the same aksi: its number and text cells merge down.
            first = units[-1][_first_aksi_row(units[-1], aksi_col)]
            for col in (aksi_col, aksi_col + 1):
                cell = first.row[col]
                assert cell is not None
                cell.rowspan += 1
            row[aksi_col] = row[aksi_col + 1] = None
            row = _fitted(ra, row)
            units[-1].append(_Line(row, area))
    if pending:
        units.append(pending)
    return units


def _first_aksi_row(unit: list[_Line], aksi_col: int) -> int:
    """Index in `unit` of the row that opens its aksi (the one whose text cell is its own)."""
    for k, line in enumerate(unit):
        cell = line.row[aksi_col + 1]
        if cell is not None and cell.colspan == 1 and line.area is not None:
            return k
    raise AssertionError("unit without an aksi row")


def _height(ra: RA, rows: Sequence[Row]) -> float:
    xs = [0.0]
    for w in ra.widths:
        xs.append(xs[-1] + w)
    return sum(_row_heights(rows, xs))


def _area_cell_height(ra: RA, area: tuple[str, str, str]) -> float:
    """The height the merged No/Area/Hasil cells need for their text."""
    lines = 0
    for col, text in zip(AREA_COLUMNS, area, strict=True):
        width = ra.widths[ra.cols.index(col)]
        lines = max(lines, len(wrap(_fit(text, width), width, bold=False)))
    return lines * LEADING + 2 * PAD + FONT_SIZE


def _paginate(ra: RA, units: list[list[_Line]], page_height: float) -> list[list[_Line]]:
    header_h = _height(ra, ra.header())
    pages: list[list[_Line]] = [[]]
    free = page_height - TOP_MARGIN - LABEL_HEIGHT - TITLE_HEIGHT - TABLE_GAP
    free -= BOTTOM_MARGIN + header_h
    biggest = max(_height(ra, [ln.row for ln in u]) for u in units)
    seen_areas: set[tuple[str, str, str]] = set()
    for unit in units:
        need = _height(ra, [ln.row for ln in unit])
        new_area = next((ln.area for ln in unit if ln.area and ln.area not in seen_areas), None)
        # A new area's merged cells must fit beside the rows that follow it on its first page.
        if new_area is not None:
            need = max(need, _area_cell_height(ra, new_area) + biggest)
            seen_areas.add(new_area)
        if need > free and pages[-1]:
            pages.append([])
            free = page_height - TOP_MARGIN - LABEL_HEIGHT - TABLE_GAP - BOTTOM_MARGIN - header_h
        pages[-1].extend(unit)
        free -= _height(ra, [ln.row for ln in unit])
    return pages


def _with_area_cells(ra: RA, lines: list[_Line], printed: set[tuple[str, str, str]]) -> list[Row]:
    """The page's rows with the merged No/Area/Hasil cells set: text on an area's first page,
    empty on the pages it continues to (`printed` holds the areas already drawn)."""
    cols = [ra.cols.index(c) for c in AREA_COLUMNS]
    rows = [list(ln.row) for ln in lines]
    k = 0
    while k < len(lines):
        area = lines[k].area
        if area is None:
            k += 1
            continue
        end = k
        while end < len(lines) and lines[end].area == area:
            end += 1
        texts = area if area not in printed else ("", "", "")
        printed.add(area)
        for col, text in zip(cols, texts, strict=True):
            rows[k][col] = C(_fit(text, ra.widths[col]), rowspan=end - k)
            for j in range(k + 1, end):
                rows[j][col] = None
        k = end
    return rows


def draw_rencana_aksi(
    path: Path,
    records: Sequence[RencanaAksi],
    *,
    scale: float = 1.0,
    pagesize: tuple[float, float] = landscape(A4),
    title: str = TITLE,
) -> Path:
    """Draw `records` (in document order, all with an area) as a SYNTHETIC Rencana Aksi PDF at
    `path`; column widths times `scale`, on `pagesize`. Printed numbers come from the
    `*_no_tercetak` fields (else the bare number plus a dot), year marks from
    `tahun_pelaksanaan` against YEARS. Returns `path`."""
    ra = RA(YEARS, scale=scale)
    pages = _paginate(ra, _units(ra, records), pagesize[1])
    printed: set[tuple[str, str, str]] = set()
    specs = [
        PageSpec(
            rows=ra.header() + _with_area_cells(ra, lines, printed),
            title=title if n == 0 else None,
            page_label=f"- {n + 1} -",
        )
        for n, lines in enumerate(pages)
    ]
    return make_pdf(path, ra.widths, specs, pagesize=pagesize)


__all__ = ["TITLE", "YEARS", "draw_rencana_aksi"]
