"""One document's tables and findings as a single, byte-deterministic Excel workbook."""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Sequence
from copy import copy
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.functions import tostring
from pydantic import BaseModel

from pipeline.models import Dokumen, RencanaAksi, Temuan
from pipeline.publish.package import table_schema

LIST_SEPARATOR = ";"  # as in the CSV files
TEMUAN_SHEET = "Temuan"
GRID_SHEET = "jadwal_grid"  # the Rencana Aksi schedule as printed: a year grid
GUIDE_SHEET = "Panduan_kolom"  # what every column of every sheet holds
GRID_MARK = "✓"
GRID_COLUMNS = ("id", "lampiran", "kelompok", "area_no", "area", "area_cadangan",
                "program_no", "program", "aksi_no", "rencana_aksi", "indikator_ke",
                "indikator", "duplikat_dari")  # fmt: skip
GUIDE_COLUMNS = ("lembar", "kolom", "tipe", "wajib", "keterangan")

MAX_SHEET_TITLE = 31  # Excel's limit
# Characters Excel refuses in a sheet name.
_BAD_TITLE_CHARS = re.compile(r"[\[\]:*?/\\]")

MIN_WIDTH = 10
MAX_WIDTH = 60
WIDTH_PADDING = 2

# Stands in for "now" wherever a timestamp would land in the file (core properties and zip
# entries), so the same records give the same bytes. 1980 is the zip format's earliest date.
FIXED_TIME = datetime.datetime(2000, 1, 1)
_CORE_PROPERTIES = "docProps/core.xml"
_ZIP_ENTRY_MODE = 0o644 << 16  # rw-r--r--, stored in the high bits of external_attr


def write_xlsx(
    path: Path,
    sheets: Sequence[tuple[str, Sequence[BaseModel], type[BaseModel]]],
    temuan: Sequence[BaseModel],
    dokumen: Dokumen | None = None,
) -> None:
    """Write `path`: one sheet per (name, records, model) in `sheets`, in order, then a
    "Temuan" sheet of the findings (columns of their model; of `Temuan` when there are none);
    with `dokumen`, when a "rencana_aksi" sheet has records, the schedule as the printed
    year grid ("jadwal_grid": one row per record, one column per year of its lampiran's
    schedule header, GRID_MARK where the year is checked); last "Panduan_kolom", the
    column guide (sheet, column, Table Schema type, required, description in Bahasa
    Indonesia) of every sheet before it.

    Each sheet: a bold, frozen header row of the model's field names; one row per record;
    lists joined with ";"; None as an empty cell; text always stored as text (never a
    formula); an auto-filter over the used range; column widths from the content
    (MIN_WIDTH..MAX_WIDTH) and wrapped text in columns wider than that. Sheet names are cut
    to 31 characters (made unique if the cut collides). The same arguments always give
    byte-identical files.
    """
    workbook = Workbook()
    default = workbook.active
    if default is not None:
        workbook.remove(default)
    used: set[str] = set()
    for name, records, model in sheets:
        _fill_sheet(
            workbook.create_sheet(_sheet_title(name, used)), records, list(model.model_fields)
        )
    temuan_model = type(temuan[0]) if temuan else Temuan
    temuan_columns = list(temuan_model.model_fields)
    _fill_sheet(workbook.create_sheet(_sheet_title(TEMUAN_SHEET, used)), temuan, temuan_columns)
    guide: list[tuple[str, str, str, str, str]] = []
    for (name, _, model), title in zip(
        [*sheets, ("temuan", temuan, temuan_model)], workbook.sheetnames, strict=True
    ):
        guide.extend(_guide_rows(title, name, model))
    records = next((r for n, r, _ in sheets if n == "rencana_aksi"), [])
    plans = [r for r in records if isinstance(r, RencanaAksi)]
    if dokumen is not None and plans:
        title = _sheet_title(GRID_SHEET, used)
        years = _grid_years(dokumen, plans)
        rows = _grid_rows(plans, years)
        _fill_rows(workbook.create_sheet(title), [*GRID_COLUMNS, *map(str, years)], rows)
        for column in GRID_COLUMNS:
            guide.append((title, column, "", "", f"Sama dengan rencana_aksi.{column}"))
        guide.extend(
            (title, str(y), "string", "", f"{GRID_MARK} bila tahun {y} dicentang pada Waktu "
             "Pelaksanaan (= baris jadwal record_id, tahun)") for y in years
        )  # fmt: skip
    _fill_rows(workbook.create_sheet(_sheet_title(GUIDE_SHEET, used)), list(GUIDE_COLUMNS),
               [list(g) for g in guide])  # fmt: skip
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(_deterministic_zip(buffer.getvalue(), workbook))


def _sheet_title(name: str, used: set[str]) -> str:
    base = _BAD_TITLE_CHARS.sub("_", name)[:MAX_SHEET_TITLE] or "Sheet"
    title, n = base, 1
    while title.lower() in used:  # Excel compares sheet names case-insensitively
        n += 1
        suffix = f"_{n}"
        title = base[: MAX_SHEET_TITLE - len(suffix)] + suffix
    used.add(title.lower())
    return title


def _guide_rows(
    title: str, stem: str, model: type[BaseModel]
) -> list[tuple[str, str, str, str, str]]:
    rows: list[tuple[str, str, str, str, str]] = []
    for field in table_schema(stem, model)["fields"]:
        required = "ya" if field.get("constraints", {}).get("required") else ""
        rows.append((title, field["name"], field["type"], required, field.get("description", "")))
    return rows


def _grid_years(dokumen: Dokumen, plans: Sequence[RencanaAksi]) -> list[int]:
    """The schedule header's years of the lampiran the records are in (and any year a
    record has outside them), in order."""
    lampiran = {r.lampiran for r in plans}
    header = [y for lamp in dokumen.lampiran if lamp.urutan in lampiran for y in lamp.tahun_jadwal]
    return sorted({*header, *(y for r in plans for y in r.tahun_pelaksanaan)})


def _grid_rows(plans: Sequence[RencanaAksi], years: Sequence[int]) -> list[list[Any]]:
    rows = []
    for r in plans:
        checked = set(r.tahun_pelaksanaan)
        cells = [_cell_value(getattr(r, c)) for c in GRID_COLUMNS]
        rows.append([*cells, *(GRID_MARK if y in checked else None for y in years)])
    return rows


def _fill_sheet(sheet: Worksheet, records: Sequence[BaseModel], columns: list[str]) -> None:
    rows = [[_cell_value(getattr(record, column)) for column in columns] for record in records]
    _fill_rows(sheet, columns, rows)


def _fill_rows(sheet: Worksheet, columns: list[str], rows: Sequence[Sequence[Any]]) -> None:
    sheet.append(columns)
    for row in rows:
        sheet.append(list(row))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    if columns:
        last = get_column_letter(len(columns))
        sheet.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
    for index, column_cells in enumerate(sheet.iter_cols(), start=1):
        text_width = 0
        for cell in column_cells:
            if isinstance(cell.value, str):
                # Never let printed text such as "=..." turn into a formula.
                cell.data_type = "s"
            text = "" if cell.value is None else str(cell.value)
            text_width = max(text_width, *(len(line) for line in text.split("\n")))
        width = min(max(text_width + WIDTH_PADDING, MIN_WIDTH), MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(index)].width = width
        if text_width + WIDTH_PADDING > MAX_WIDTH:
            _wrap(column_cells[1:])


# Wrapped text, top-aligned: the cells of a column wider than MAX_WIDTH.
WRAP = Alignment(wrap_text=True, vertical="top")


def _wrap(cells: Sequence[Cell]) -> None:
    """Give `cells` the WRAP alignment. Setting a style looks it up in the workbook's table
    of styles (hashing it) per cell; a cell with no style of its own gets the style array of
    the first such cell styled instead (the same style ids, so the same bytes): 0.44 -> 0.20
    CPU-s for the default PDF's workbook."""
    template: StyleArray | None = None
    for cell in cells:
        if template is not None and not cell.has_style:
            cell._style = copy(template)
            continue
        plain = not cell.has_style
        cell.alignment = WRAP
        if plain:
            template = copy(cell._style)


def _cell_value(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, str):
        # Control characters are not allowed in the XML of a sheet.
        return _fit_cell(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


# Excel holds at most 32,767 characters in a cell and cuts (or refuses) longer text without
# a word. Such a text is cut here, visibly: the cell ends with CUT_MARK, and the whole text
# stays in the CSV and JSON files.
XLSX_CELL_LIMIT = 32_767
CUT_MARK = (
    " [... terpotong: sel Excel memuat paling banyak 32.767 karakter; teks lengkap di CSV/JSON]"
)


def _fit_cell(text: str) -> str:
    if len(text) <= XLSX_CELL_LIMIT:
        return text
    return text[: XLSX_CELL_LIMIT - len(CUT_MARK)] + CUT_MARK


def _deterministic_zip(data: bytes, workbook: Workbook) -> bytes:
    """Re-pack the workbook zip with fixed entry times and modes, entries in the order
    openpyxl wrote them. openpyxl's save() stamps the current time into the core properties
    and each zip entry; both are replaced here."""
    workbook.properties.modified = FIXED_TIME
    core = tostring(workbook.properties.to_tree())
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            content = core if entry.filename == _CORE_PROPERTIES else source.read(entry)
            info = zipfile.ZipInfo(entry.filename, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = _ZIP_ENTRY_MODE
            info.create_system = 3  # Unix, whatever the platform writing the file
            target.writestr(info, content)
    return out.getvalue()
