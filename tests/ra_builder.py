"""Build Rencana-Aksi-shaped tables for generated test PDFs.

Column keys: no, area, hasil, aksi_no, aksi, kriteria, indikator, years (one column per
year), pj. `order` permutes the blocks so tests can show mapping by header text.
"""

from __future__ import annotations

from collections.abc import Sequence

from tests.pdfgen import C

DEFAULT_ORDER = ("no", "area", "hasil", "aksi", "kriteria", "indikator", "years", "pj")
HEADERS = {
    "no": "No.",
    "area": "Area\nReformasi\nBirokrasi",
    "hasil": "Hasil yang\ndiharapkan dan\nIndikator",
    "aksi": "Rencana Aksi",
    "kriteria": "Kriteria Keberhasilan\nKegiatan",
    "indikator": "Indikator dan Target",
    "pj": "Penanggung\nJawab",
}
WIDTHS = {
    "no": 24,
    "area": 60,
    "hasil": 80,
    "aksi_no": 18,
    "aksi": 110,
    "kriteria": 100,
    "indikator": 110,
    "year": 34,
    "pj": 80,
}


class RA:
    def __init__(
        self, years: Sequence[int], order: Sequence[str] = DEFAULT_ORDER, scale: float = 1.0
    ) -> None:
        self.years = list(years)
        self.order = list(order)
        self.cols: list[str] = []
        for block in self.order:
            if block == "aksi":
                self.cols += ["aksi_no", "aksi"]
            elif block == "years":
                self.cols += [f"y{y}" for y in self.years]
            else:
                self.cols.append(block)
        self.widths = [WIDTHS["year" if c.startswith("y") else c] * scale for c in self.cols]

    @property
    def ncols(self) -> int:
        return len(self.cols)

    def header(self) -> list[list[C | None]]:
        top: list[C | None] = []
        sub: list[C | None] = []
        for block in self.order:
            if block == "aksi":
                top += [C(HEADERS["aksi"], rowspan=2, colspan=2, bold=True), None]
                sub += [None, None]
            elif block == "years":
                top += [C("Waktu Pelaksanaan", colspan=len(self.years), bold=True)]
                top += [None] * (len(self.years) - 1)
                sub += [C(str(y), bold=True) for y in self.years]
            else:
                top.append(C(HEADERS[block], rowspan=2, bold=True))
                sub.append(None)
        return [top, sub]

    def row(self, **cells: C | str | None) -> list[C | None]:
        """A body row; keys are column keys, str values become plain cells; years via
        `marks="2019 2021"`. Unnamed columns are empty cells unless given as None."""
        marks = cells.pop("marks", "") or ""
        assert isinstance(marks, str)
        checked = {int(y) for y in marks.split()}
        out: list[C | None] = []
        for col in self.cols:
            if col.startswith("y"):
                key = col
                default: C | None = C("√" if int(col[1:]) in checked else "")
            else:
                key = col
                default = C("")
            value = cells.get(key, default) if key in cells else default
            out.append(C(value) if isinstance(value, str) else value)
        return out

    def group(self, text: str) -> list[C | None]:
        return [C(text, colspan=self.ncols, bold=True)] + [None] * (self.ncols - 1)

    def program(self, number: str, text: str, **cells: C | str | None) -> list[C | None]:
        start = self.cols.index("aksi_no")
        row = self.row(**cells)
        row[start] = C(number)
        row[start + 1] = C(text, colspan=self.ncols - start - 1, bold=True)
        for k in range(start + 2, self.ncols):
            row[k] = None
        return row

    def one_aksi(
        self,
        program: str = "Program",
        area: str = "Area",
        hasil: str = "Hasil",
        **aksi: C | str | None,
    ) -> list[list[C | None]]:
        """Header, one program row opening an area, and one aksi row: the smallest Rencana
        Aksi table. `aksi` gives the aksi row's cells (defaults: "a.", "Aksi", "K", "I")."""
        cells: dict[str, C | str | None] = {"aksi_no": "a.", "aksi": "Aksi", "kriteria": "K",
                                            "indikator": "I", **aksi}  # fmt: skip
        return self.header() + [
            self.program("1.", program, no=C("1.", rowspan=2), area=C(area, rowspan=2),
                         hasil=C(hasil, rowspan=2)),
            self.row(no=None, area=None, hasil=None, **cells),
        ]  # fmt: skip
