"""One document's tables and findings as a single, byte-deterministic Excel workbook."""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.functions import tostring
from pydantic import BaseModel

from pipeline.models import Temuan

LIST_SEPARATOR = ";"  # as in the CSV files
TEMUAN_SHEET = "Temuan"

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
) -> None:
    """Write `path`: one sheet per (name, records, model) in `sheets`, in order, then a
    "Temuan" sheet of the findings (columns of their model; of `Temuan` when there are none).

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


def _fill_sheet(sheet: Worksheet, records: Sequence[BaseModel], columns: list[str]) -> None:
    sheet.append(columns)
    for record in records:
        row = [_cell_value(getattr(record, column)) for column in columns]
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    if columns:
        last = get_column_letter(len(columns))
        sheet.auto_filter.ref = f"A1:{last}{len(records) + 1}"
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
            for cell in column_cells[1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


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
