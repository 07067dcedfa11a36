"""The named zoo variants: each one a combination of what real offices vary when they print
a regulation. One place names every variant; the producers read only these fields."""

from __future__ import annotations

from dataclasses import dataclass, field

# Paper sizes in millimetres (portrait width, height). F4 is Indonesia's folio.
PAPER_MM: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0),
    "F4": (215.0, 330.0),
    "Letter": (215.9, 279.4),
    "Legal": (215.9, 355.6),
}

# Column keys of the Rencana Aksi table; "years" stands for the year columns.
DEFAULT_ORDER: tuple[str, ...] = (
    "no",
    "area",
    "hasil",
    "aksi",
    "kriteria",
    "indikator",
    "years",
    "pj",
)
# Relative widths of the Rencana Aksi columns (one year column counts once).
DEFAULT_WIDTHS: dict[str, float] = {
    "no": 4.0,
    "area": 9.0,
    "hasil": 11.0,
    "aksi_no": 2.5,
    "aksi": 17.0,
    "kriteria": 15.0,
    "indikator": 17.0,
    "year": 3.6,
    "pj": 9.0,
}


@dataclass(frozen=True)
class Variant:
    """One way of printing the default regulation.

    producer: "libreoffice" (a .docx made with python-docx, converted by LibreOffice),
    "chromium" (HTML/CSS printed by headless Chromium) or "weasyprint" (the same HTML/CSS laid
    out by WeasyPrint)."""

    name: str
    producer: str
    paper: str = "F4"
    landscape: bool = True  # Lampiran II (the Rencana Aksi table) on landscape pages
    font: str = "Liberation Serif"
    size: float = 8.0  # table text, pt; the body is printed 2 pt larger
    order: tuple[str, ...] = DEFAULT_ORDER
    widths: dict[str, float] = field(default_factory=dict)  # overrides of DEFAULT_WIDTHS
    header_repeat: bool = True
    header_bold: bool = True
    header_shade: bool = False
    year_wrap: bool = False  # year columns so narrow that "2019" wraps as "201" / "9"
    group: str = "row"  # "row": kelompok as a full-width row; "inline": beside merged cells
    merge: bool = True  # merged cells, or the text repeated on every row
    rows_whole: bool = False  # rows never split across pages
    header_alone: bool = False  # a page holding only the caption and the table header
    tick: str = "√"  # a glyph, or "shade" for a shaded cell
    rules: str = "lines"  # "lines", "gaps" (per-cell borders with gaps), "double", "none-vertical"
    tight: bool = False  # tight letter spacing in the narrow columns
    lampiran_kepala: bool = False  # a "LAMPIRAN II : PERATURAN BUPATI ..." block above the table
    page_numbers: bool = True
    notes: str = ""

    def width(self, key: str) -> float:
        return self.widths.get(key, DEFAULT_WIDTHS[key])


SWAPPED = ("no", "area", "hasil", "aksi", "indikator", "kriteria", "pj", "years")

VARIANTS: tuple[Variant, ...] = (
    # --- LibreOffice (python-docx) ---
    Variant(
        "lo-f4-default",
        "libreoffice",
        notes="closest to the default: F4, Lampiran II landscape, Liberation Serif 8 pt, "
        "merged cells, kelompok rows, repeated bold header, ticks √",
    ),
    Variant(
        "lo-a4-inline-v",
        "libreoffice",
        paper="A4",
        font="DejaVu Serif",
        size=7.0,
        group="inline",
        header_repeat=False,
        year_wrap=True,
        tick="v",
        notes="DejaVu Serif 7 pt; kelompok inside the table beside the merged No/Area/Hasil; "
        "header not repeated; year columns wrap '201'/'9'; ticks 'v'",
    ),
    Variant(
        "lo-legal-repeated-x",
        "libreoffice",
        paper="Legal",
        font="Liberation Sans",
        merge=False,
        tick="X",
        header_shade=True,
        notes="Liberation Sans; no merged cells (No/Area/Hasil and the aksi repeated on every "
        "row); shaded header; ticks 'X'",
    ),
    Variant(
        "lo-letter-portrait-whole",
        "libreoffice",
        paper="Letter",
        landscape=False,
        size=6.5,
        rows_whole=True,
        header_bold=False,
        tick="✓",
        notes="Letter portrait throughout; 6.5 pt; rows kept whole; plain header; ticks ✓",
    ),
    Variant(
        "lo-f4-swapped-shade",
        "libreoffice",
        order=SWAPPED,
        tick="shade",
        rules="double",
        notes="columns reordered (Indikator before Kriteria, Penanggung Jawab before the years);"
        " a ticked year is a shaded cell with no glyph; double rules",
    ),
    Variant(
        "lo-a4-tight-narrow",
        "libreoffice",
        paper="A4",
        font="Liberation Sans Narrow",
        size=7.5,
        tight=True,
        widths={"kriteria": 11.0, "indikator": 12.0, "pj": 7.0},
        tick="✔",
        lampiran_kepala=True,
        notes="Liberation Sans Narrow 7.5 pt with tight letter spacing in narrow Kriteria/"
        "Indikator/PJ columns; ticks ✔; a LAMPIRAN II header block above the table",
    ),
    Variant(
        "lo-legal-header-alone",
        "libreoffice",
        paper="Legal",
        header_alone=True,
        rows_whole=True,
        tick="V",
        page_numbers=False,
        notes="the first Lampiran II page holds the caption and the table header only, the rows"
        " start on the next page (header repeated); rows whole; ticks 'V'; no page numbers",
    ),
    Variant(
        "lo-f4-inline-repeated-plain",
        "libreoffice",
        group="inline",
        merge=False,
        header_repeat=False,
        header_bold=False,
        tick="x",
        notes="kelompok inside the table, text repeated on every row, header printed once and "
        "plain, ticks 'x'",
    ),
    # --- Chromium (HTML/CSS) ---
    Variant(
        "ch-a4-default",
        "chromium",
        paper="A4",
        notes="HTML/CSS: rules as thin filled rectangles (Skia), merged cells, kelompok rows, "
        "repeated header, ticks √",
    ),
    Variant(
        "ch-letter-whole-inline",
        "chromium",
        paper="Letter",
        rows_whole=True,
        group="inline",
        header_repeat=False,
        tick="✓",
        header_bold=False,
        notes="Letter; rows never split; kelompok inside the table; header once, plain; ticks ✓",
    ),
    Variant(
        "ch-legal-gaps",
        "chromium",
        paper="Legal",
        font="DejaVu Sans",
        size=7.0,
        rules="gaps",
        tick="✔",
        header_shade=True,
        notes="DejaVu Sans 7 pt; per-cell borders with gaps between cells (border-spacing);"
        " shaded header; ticks ✔",
    ),
    Variant(
        "ch-f4-double-repeated",
        "chromium",
        rules="double",
        merge=False,
        tick="V",
        notes="double rules; no merged cells (text repeated on every row); ticks 'V'",
    ),
    Variant(
        "ch-a4-portrait-wrap",
        "chromium",
        paper="A4",
        landscape=False,
        size=6.5,
        year_wrap=True,
        tick="v",
        notes="A4 portrait; 6.5 pt; narrow year columns wrap '201'/'9'; ticks 'v'",
    ),
    Variant(
        "ch-letter-swapped-shade",
        "chromium",
        paper="Letter",
        order=SWAPPED,
        tick="shade",
        header_shade=True,
        notes="columns reordered (Indikator before Kriteria, PJ before the years); shaded cells"
        " as ticks; shaded header",
    ),
    Variant(
        "ch-f4-tight",
        "chromium",
        font="Liberation Sans Narrow",
        tight=True,
        widths={"kriteria": 11.0, "indikator": 12.0, "area": 7.0, "pj": 7.0},
        tick="x",
        lampiran_kepala=True,
        notes="Liberation Sans Narrow, letter-spacing -0.3 pt in narrow columns; ticks 'x'; "
        "LAMPIRAN II header block",
    ),
    Variant(
        "ch-a4-header-alone",
        "chromium",
        paper="A4",
        header_alone=True,
        rows_whole=True,
        tick="X",
        page_numbers=False,
        notes="the first Lampiran II page holds the caption and the table header only, the rows"
        " start on the next page (header repeated); rows whole; ticks 'X'; no page numbers",
    ),
    Variant(
        "ch-legal-inline-repeated-big",
        "chromium",
        paper="Legal",
        font="DejaVu Serif",
        size=9.0,
        group="inline",
        merge=False,
        header_bold=False,
        header_shade=True,
        notes="DejaVu Serif 9 pt; kelompok inside the table; text repeated on every row; plain "
        "shaded header",
    ),
    Variant(
        "ch-f4-wide-hasil",
        "chromium",
        widths={"hasil": 16.0, "aksi": 13.0, "no": 3.0},
        header_repeat=False,
        rules="none-vertical",
        notes="other column widths (wide Hasil, narrow Rencana Aksi); horizontal rules only, no "
        "vertical ones; header printed once",
    ),
    # --- WeasyPrint (the HTML/CSS above, another layout engine). Added after the code above
    # was written: measured first as they came, inputs nobody tuned on. ---
    Variant(
        "wp-a4-default",
        "weasyprint",
        paper="A4",
        notes="WeasyPrint: merged cells, kelompok rows, repeated bold header, ticks √",
    ),
    Variant(
        "wp-letter-sans-inline-once",
        "weasyprint",
        paper="Letter",
        font="DejaVu Sans",
        size=7.0,
        group="inline",
        header_repeat=False,
        tick="✓",
        notes="DejaVu Sans 7 pt; kelompok inside the table; header printed once; ticks ✓",
    ),
    Variant(
        "wp-legal-repeated-shade",
        "weasyprint",
        paper="Legal",
        font="Liberation Sans",
        size=8.5,
        merge=False,
        header_shade=True,
        tick="X",
        notes="Liberation Sans 8.5 pt; no merged cells (text repeated on every row); shaded "
        "header; ticks 'X'",
    ),
    Variant(
        "wp-f4-portrait-whole",
        "weasyprint",
        landscape=False,
        font="DejaVu Serif",
        size=6.5,
        rows_whole=True,
        header_bold=False,
        tick="v",
        notes="F4 portrait throughout; DejaVu Serif 6.5 pt; rows kept whole; plain header; "
        "ticks 'v'",
    ),
    Variant(
        "wp-a4-gaps-tight",
        "weasyprint",
        paper="A4",
        font="Liberation Sans Narrow",
        rules="gaps",
        tight=True,
        widths={"kriteria": 11.0, "indikator": 12.0, "pj": 7.0},
        tick="shade",
        notes="Liberation Sans Narrow with tight letter spacing in narrow columns; per-cell "
        "borders with gaps; shaded cells as ticks",
    ),
)
