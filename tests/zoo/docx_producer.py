"""A Word document (.docx, python-docx) for a variant, converted to PDF by LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from tests.zoo.source import (
    Cell,
    Center,
    Document,
    Labeled,
    PageBreak,
    Para,
    Signature,
    Table,
)
from tests.zoo.variants import PAPER_MM, Variant

MARGIN_MM = 15.0
CELL_PAD_PT = 1.4
# Width of a digit in em, per font: a wrapped year column is narrower than "2019".
DIGIT_EM = {
    "Liberation Serif": 0.5,
    "Liberation Sans": 0.556,
    "Liberation Sans Narrow": 0.456,
    "DejaVu Serif": 0.636,
    "DejaVu Sans": 0.636,
}


def _el(tag: str, **attrs: str) -> OxmlElement:
    e = OxmlElement(tag)
    for k, val in attrs.items():
        e.set(qn(f"w:{k}"), val)
    return e


def _fonts(rpr: OxmlElement, font: str) -> None:
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = _el("w:rFonts")
        rpr.insert(0, rfonts)
    for k in ("ascii", "hAnsi", "cs", "eastAsia"):
        rfonts.set(qn(f"w:{k}"), font)


def _page(section, v: Variant, landscape: bool) -> None:  # type: ignore[no-untyped-def]
    w, h = PAPER_MM[v.paper]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(h), Mm(w)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(w), Mm(h)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    section.header_distance = Mm(7)


def _page_number(doc: DocxDocument, v: Variant) -> None:
    header = doc.sections[0].header
    p = header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("- ")
    run = p.add_run()
    for el in (
        _el("w:fldChar", fldCharType="begin"),
        _el("w:instrText"),
        _el("w:fldChar", fldCharType="end"),
    ):
        if el.tag == qn("w:instrText"):
            el.text = "PAGE"
        run._r.append(el)  # noqa: SLF001
    p.add_run(" -")


def _para(doc: DocxDocument, text: str = "", bold: bool = False) -> Paragraph:
    p = doc.add_paragraph()
    if text:
        p.add_run(text).bold = bold
    p.paragraph_format.space_after = Pt(3)
    return p


def _content_width_mm(v: Variant, landscape: bool) -> float:
    w, h = PAPER_MM[v.paper]
    return (h if landscape else w) - 2 * MARGIN_MM


def _grid(t: Table) -> tuple[int, list[tuple[int, int, Cell]]]:
    """Place the cells of header + body on a grid: (rows, [(row, col, cell)])."""
    rows = t.header + t.body
    taken: set[tuple[int, int]] = set()
    placed: list[tuple[int, int, Cell]] = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            placed.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    return len(rows), placed


def _borders(v: Variant) -> OxmlElement:
    kind = {"lines": "single", "gaps": "single", "double": "double", "none-vertical": "single"}
    b = _el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if v.rules == "none-vertical" and side in ("left", "right", "insideV"):
            b.append(_el(f"w:{side}", val="nil"))
        else:
            b.append(_el(f"w:{side}", val=kind[v.rules], sz="4", space="0", color="000000"))
    return b


def _table(doc: DocxDocument, t: Table, v: Variant, landscape: bool, part: str) -> DocxTable:
    """part: "all", "header" (header rows only) or "body" (header repeated per v, then rows)."""
    header_rows = len(t.header)
    nrows, placed = _grid(t)
    if part == "header":
        placed = [p for p in placed if p[0] < header_rows]
        nrows = header_rows
    ncols = len(t.widths)
    table = doc.add_table(rows=nrows, cols=ncols)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    tblpr = table._tbl.tblPr  # noqa: SLF001
    tblpr.append(_el("w:tblLayout", type="fixed"))
    tblpr.append(_borders(v))
    mar = _el("w:tblCellMar")
    for side in ("left", "right"):
        mar.append(_el(f"w:{side}", w=str(int(CELL_PAD_PT * 20)), type="dxa"))
    tblpr.append(mar)
    if v.rules == "gaps":
        tblpr.append(_el("w:tblCellSpacing", w="30", type="dxa"))

    total_mm = _content_width_mm(v, landscape)
    widths = list(t.widths)
    fixed: dict[int, float] = {}
    if v.year_wrap and t.kind == "ra":
        digit_pt = DIGIT_EM.get(v.font, 0.6) * v.size
        year_mm = (3.4 * digit_pt + 2 * CELL_PAD_PT) * 25.4 / 72
        low = iter(range(len(t.header[1])))
        col = 0
        for c in t.header[0]:
            if c.rowspan == 1:
                for k in range(c.colspan):
                    next(low)
                    fixed[col + k] = year_mm
            col += c.colspan
    free = sum(w for i, w in enumerate(widths) if i not in fixed)
    left_mm = total_mm - sum(fixed.values())
    col_mm = [fixed.get(i, left_mm * w / free) for i, w in enumerate(widths)]
    for i, col in enumerate(table.columns):
        col.width = Mm(col_mm[i])
        for cell in col.cells:
            cell.width = Mm(col_mm[i])

    for i, row in enumerate(table.rows):
        trpr = row._tr.get_or_add_trPr()  # noqa: SLF001
        if v.rows_whole:
            trpr.append(_el("w:cantSplit"))
        if i < header_rows and (v.header_repeat or t.kind != "ra") and part != "header":
            trpr.append(_el("w:tblHeader"))

    # table.cell() walks the whole table each call: take the grid once, fill it, merge last.
    grid = table._cells  # noqa: SLF001
    for r, c, cell in placed:
        target = grid[r * ncols + c]
        is_header = r < header_rows
        p = target.paragraphs[0]
        p.paragraph_format.space_after = Pt(0)
        if cell.align == "center" or cell.year:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if cell.text:
            run = p.add_run(cell.text)
            run.font.size = Pt(v.size)
            run.bold = cell.bold
            if cell.narrow:
                run._r.get_or_add_rPr().append(_el("w:spacing", val="-6"))  # noqa: SLF001
        tcpr = target._tc.get_or_add_tcPr()  # noqa: SLF001
        fill = None
        if is_header and v.header_shade:
            fill = "D0D0D0"
        if cell.tick and v.tick == "shade":
            fill = "7F7F7F"
        if fill:
            tcpr.append(_el("w:shd", val="clear", color="auto", fill=fill))
        if is_header:
            tcpr.append(_el("w:vAlign", val="center"))
    for r, c, cell in placed:
        if cell.rowspan > 1 or cell.colspan > 1:
            end = grid[(r + cell.rowspan - 1) * ncols + c + cell.colspan - 1]
            grid[r * ncols + c].merge(end)
    return table


def build_docx(doc: Document, v: Variant) -> DocxDocument:
    out = new_docx()
    normal = out.styles["Normal"]
    normal.font.name = v.font
    normal.font.size = Pt(v.size + 2)
    _fonts(normal.element.get_or_add_rPr(), v.font)
    _page(out.sections[0], v, landscape=False)
    if v.page_numbers:
        _page_number(out, v)
    landscape = False
    for b in doc.blocks:
        if isinstance(b, Center):
            for k, line in enumerate(b.lines):
                p = _para(out, line, bold=b.bold)
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                if k < len(b.lines) - 1:
                    p.paragraph_format.space_after = Pt(0)
            p.paragraph_format.space_after = Pt(8)
        elif isinstance(b, Labeled):
            p = _para(out)
            fmt = p.paragraph_format
            indent = Mm(37 if b.number else 29)
            fmt.left_indent = indent
            fmt.first_line_indent = -indent
            fmt.tab_stops.add_tab_stop(Mm(24))
            fmt.tab_stops.add_tab_stop(Mm(29))
            if b.number:
                fmt.tab_stops.add_tab_stop(Mm(37))
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            head = f"{b.label}\t{':' if b.label else ''}\t"
            p.add_run(head + (f"{b.number}\t" if b.number else "") + b.text)
        elif isinstance(b, Para):
            p = _para(out)
            fmt = p.paragraph_format
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            if b.number:
                indent = Mm(9 * (b.level + 1))
                fmt.left_indent = indent
                fmt.first_line_indent = -Mm(9)
                fmt.tab_stops.add_tab_stop(indent)
                p.add_run(f"{b.number}\t{b.text}")
            else:
                p.add_run(b.text)
        elif isinstance(b, Signature):
            width = _content_width_mm(v, landscape)
            for k, line in enumerate(b.lines):
                p = _para(out, line)
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.paragraph_format.left_indent = Mm(width * 0.55)
                p.paragraph_format.space_after = Pt(2)
                if k == 0:
                    p.paragraph_format.space_before = Pt(14)
        elif isinstance(b, PageBreak):
            section = out.add_section(WD_SECTION.NEW_PAGE)
            landscape = b.landscape
            _page(section, v, landscape)
        elif isinstance(b, Table):
            if b.kind == "ra" and v.header_alone:
                _table(out, b, v, landscape, "header")
                p = _para(out)
                p.add_run().add_break(WD_BREAK.PAGE)
                body = b if v.header_repeat else Table(b.widths, [], b.body, b.kind)
                _table(out, body, v, landscape, "all")
            else:
                _table(out, b, v, landscape, "all")
            _para(out).paragraph_format.space_after = Pt(4)
        else:
            raise TypeError(f"zoo: no docx for {b!r}")
    props = out.core_properties
    props.author = ""
    props.title = ""
    props.revision = 1
    return out


def office() -> str:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError("zoo: LibreOffice is missing (make zoo-tools installs it)")


def convert(docx: DocxDocument, out: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="zoo-lo-") as tmp:
        src = Path(tmp) / "doc.docx"
        docx.save(str(src))
        subprocess.run(
            [
                office(),
                f"-env:UserInstallation=file://{tmp}/profile",
                "--headless",
                "--convert-to",
                "pdf:writer_pdf_Export",
                "--outdir",
                tmp,
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )
        shutil.move(str(Path(tmp) / "doc.pdf"), out)
