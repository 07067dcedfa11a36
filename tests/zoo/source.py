"""The default regulation rebuilt from its published records (the goldens, tests/golden/<dokumen_id>/*.json),
as neutral blocks the producers print. Nothing here is typed from the PDF except the table
header labels and the formula words that split the title and closing blocks into lines."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from tests.golden import GOLDEN_DIR
from tests.zoo.variants import Variant

DEFAULT = GOLDEN_DIR


def _load(name: str) -> Any:
    return json.loads((DEFAULT / f"{name}.json").read_text("utf-8"))


# ---- blocks ----


@dataclass
class Center:
    lines: list[str]
    bold: bool = False


@dataclass
class Labeled:
    """'Menimbang : text' / 'Mengingat : 1. text'; label empty on continuation items."""

    label: str
    number: str | None
    text: str


@dataclass
class Para:
    text: str
    number: str | None = None  # hanging number ("1.", "(1)", "a.")
    level: int = 0


@dataclass
class Signature:
    lines: list[str]


@dataclass
class PageBreak:
    landscape: bool = False  # the pages that follow


@dataclass
class Cell:
    text: str = ""
    rowspan: int = 1
    colspan: int = 1
    bold: bool = False
    tick: bool = False  # a ticked year cell (glyph or shading)
    year: bool = False  # a year column cell
    narrow: bool = False  # a column that gets tight letter spacing
    align: str = "left"


@dataclass
class Table:
    widths: list[float]
    header: list[list[Cell]]
    body: list[list[Cell]]
    kind: str  # "ra", "t31", "t32"


@dataclass
class Document:
    blocks: list[Any] = field(default_factory=list)


# ---- body ----

_TITLE_SPLIT = re.compile(r"\s+(?=PROVINSI |PERATURAN |NOMOR |TENTANG |DENGAN RAHMAT )")
_CLOSE_SPLIT = re.compile(
    r"\s+(?=pada tanggal |Diundangkan di |TTD |BERITA DAERAH |Salinan sesuai |KEPALA |Pembina|NIP)"
)


def _title_lines(text: str, signer: str) -> list[list[str]]:
    """The title block as groups of centred lines: issuer, title, TENTANG, subject, formula."""
    parts = _TITLE_SPLIT.split(text)
    # "TENTANG ROAD MAP ..." -> "TENTANG" / "ROAD MAP ..."; the formula ends with the signer.
    out: list[list[str]] = []
    for p in parts:
        if p.startswith("TENTANG "):
            out.append(["TENTANG"])
            out.append([p[len("TENTANG ") :]])
        elif p.startswith("DENGAN RAHMAT ") and p.endswith(signer + ","):
            out.append([p[: -len(signer) - 2]])
            out.append([signer + ","])
        else:
            out.append([p])
    return out


def _closing_lines(text: str, names: list[str], jabatan: list[str]) -> list[str]:
    """The closing block, one printed line each: split before the formula words, the signers'
    offices and names (from dokumen.json)."""
    marks = sorted({re.escape(s) for s in names + [j + "," for j in jabatan]}, key=len)
    split = re.compile(rf"\s+(?=(?:{'|'.join(marks[::-1])})(?:\s|$))")
    lines: list[str] = []
    for chunk in _CLOSE_SPLIT.split(text):
        lines.extend(split.split(chunk))
    return lines


def body_blocks() -> list[Any]:
    dok = _load("dokumen")
    nodes = _load("pasal")
    signer = dok["penandatangan"]["jabatan"]
    blocks: list[Any] = []
    for node in nodes:
        t, teks = node["tingkat"], node["teks"]
        if t == "judul":
            for group in _title_lines(teks, signer):
                blocks.append(Center(group, bold=True))
        elif t == "menimbang":
            blocks.append(Labeled("Menimbang", None, teks))
        elif t == "mengingat":
            first = True
        elif node["induk_id"] == "mengingat":
            blocks.append(Labeled("Mengingat" if first else "", node["nomor"], teks))
            first = False
        elif t == "menetapkan":
            blocks.append(Center([node["judul"]], bold=True))
            blocks.append(Labeled("Menetapkan", None, teks))
        elif t == "bab":
            blocks.append(Center([f"BAB {node['nomor']}", node["judul"]], bold=True))
        elif t == "bagian":
            blocks.append(Center([f"Bagian {node['nomor']}", node["judul"]], bold=True))
        elif t == "pasal":
            blocks.append(Center([f"Pasal {node['nomor']}"], bold=True))
            if teks:
                blocks.append(Para(teks))
        elif t in ("ayat", "angka", "huruf"):
            level = 1 if t == "huruf" else 0
            blocks.append(Para(teks, number=node["nomor"], level=level))
        elif t == "penutup":
            names = [dok["penandatangan"]["nama"], dok["sekretaris_daerah"]["nama"]]
            offices = [dok["penandatangan"]["jabatan"], dok["sekretaris_daerah"]["jabatan"]]
            blocks.append(Signature(_closing_lines(teks, names, offices)))
        else:
            raise ValueError(f"zoo: unknown body level {t!r} in {node['id']}")
    return blocks


def _kepala(lampiran: dict[str, Any], roman: str, dok: dict[str, Any]) -> Signature:
    """A lampiran header block, right-aligned: LAMPIRAN I : PERATURAN ... / NOMOR / TANGGAL."""
    peraturan = f"PERATURAN BUPATI {dok['daerah'].split()[-1].upper()}"
    tanggal = _indonesian_date(dok["tanggal_penetapan"])
    return Signature(
        [
            f"LAMPIRAN {roman} : {peraturan}",
            f"NOMOR : {dok['nomor']} TAHUN {dok['tahun']}",
            f"TANGGAL : {tanggal}",
        ]
    )


_MONTHS = ("JANUARI", "FEBRUARI", "MARET", "APRIL", "MEI", "JUNI", "JULI", "AGUSTUS",
           "SEPTEMBER", "OKTOBER", "NOVEMBER", "DESEMBER")  # fmt: skip


def _indonesian_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(d)} {_MONTHS[int(m) - 1]} {y}"


def _signature(dok: dict[str, Any]) -> Signature:
    return Signature([dok["penandatangan"]["jabatan"] + ",", "TTD", dok["penandatangan"]["nama"]])


# ---- Lampiran I tables ----


def _dotted(no: str | None) -> str:
    return f"{no}." if no else ""


def _runs(values: list[str]) -> list[int]:
    """Lengths of the runs of equal consecutive values."""
    out: list[int] = []
    for i, v in enumerate(values):
        if i and v == values[i - 1]:
            out[-1] += 1
        else:
            out.append(1)
    return out


def table_31(v: Variant) -> Table:
    rows = _load("area_perubahan")
    header = [[Cell("No.", bold=v.header_bold), Cell("Area Perubahan", bold=v.header_bold),
               Cell("Hasil Yang Diharapkan", bold=v.header_bold)]]  # fmt: skip
    body = [[Cell(_dotted(r["no"])), Cell(r["area"]), Cell(r["hasil"])] for r in rows]
    return Table([6.0, 30.0, 64.0], header, body, "t31")


def table_32(v: Variant) -> Table:
    rows = _load("program")
    b = v.header_bold
    header = [
        [Cell("NO", bold=b), Cell("PROGRAM", bold=b), Cell("KEGIATAN", bold=b),
         Cell("HASIL YANG DIHARAPKAN", bold=b)],
        [Cell(f"({i})", align="center") for i in range(1, 5)],
    ]  # fmt: skip
    body: list[list[Cell]] = [[] for _ in rows]
    start = 0
    for n in _runs([r["no"] for r in rows]):
        block = rows[start : start + n]
        if v.merge:
            body[start] += [
                Cell(_dotted(block[0]["no"]), rowspan=n),
                Cell(block[0]["program"], rowspan=n),
            ]
        for i, r in enumerate(block):
            if not v.merge:
                body[start + i] += [Cell(_dotted(r["no"])), Cell(r["program"])]
            body[start + i].append(Cell(r["kegiatan"]))
        h0 = 0
        for m in _runs([r["hasil"] for r in block]):
            if v.merge:
                body[start + h0].append(Cell(block[h0]["hasil"], rowspan=m))
            else:
                for i in range(m):
                    body[start + h0 + i].append(Cell(block[h0 + i]["hasil"]))
            h0 += m
        start += n
    return Table([6.0, 22.0, 36.0, 36.0], header, body, "t32")


# ---- Lampiran II: Rencana Aksi ----

HEADER_LABELS = {
    "no": "No.",
    "area": "Area Reformasi Birokrasi",
    "hasil": "Hasil yang diharapkan dan Indikator",
    "aksi": "Rencana Aksi",
    "kriteria": "Kriteria Keberhasilan Kegiatan",
    "indikator": "Indikator dan Target",
    "years": "Waktu Pelaksanaan",
    "pj": "Penanggung Jawab",
}


def _columns(v: Variant, years: list[int]) -> list[str]:
    cols: list[str] = []
    for key in v.order:
        if key == "aksi":
            cols += ["aksi_no", "aksi"]
        elif key == "years":
            cols += [f"y{y}" for y in years]
        else:
            cols.append(key)
    return cols


def _width(v: Variant, col: str) -> float:
    return v.width("year" if col.startswith("y") else col)


def table_ra(v: Variant) -> Table:
    dok = _load("dokumen")
    years = next(lp["tahun_jadwal"] for lp in dok["lampiran"] if lp["tahun_jadwal"])
    records = _load("rencana_aksi")
    cols = _columns(v, years)
    b = v.header_bold
    narrow = {"kriteria", "indikator", "pj", "area"} if v.tight else set()

    top: list[Cell] = []
    low: list[Cell] = []
    for key in v.order:
        if key == "aksi":
            top.append(Cell(HEADER_LABELS[key], colspan=2, rowspan=2, bold=b, align="center"))
        elif key == "years":
            top.append(Cell(HEADER_LABELS[key], colspan=len(years), bold=b, align="center"))
            low += [Cell(str(y), bold=b, year=True, align="center") for y in years]
        else:
            top.append(Cell(HEADER_LABELS[key], rowspan=2, bold=b, align="center"))
    header = [top, low]

    def data_cells(r: dict[str, Any]) -> dict[str, Cell]:
        ticked = set(r["tahun_pelaksanaan"])
        cells = {
            "kriteria": Cell(r["kriteria_keberhasilan"] or "", narrow="kriteria" in narrow),
            "indikator": Cell(r["indikator_target"] or "", narrow="indikator" in narrow),
            "pj": Cell(r["penanggung_jawab_teks"] or "", narrow="pj" in narrow),
        }
        for y in years:
            t = y in ticked
            glyph = "" if v.tick == "shade" or not t else v.tick
            cells[f"y{y}"] = Cell(glyph, tick=t, year=True, align="center")
        return cells

    body: list[list[dict[str, Cell]]] = []  # each row: column -> cell (absent: spanned)

    # Areas: consecutive records with the same kelompok and area number.
    def area_key(r: dict[str, Any]) -> tuple[Any, ...]:
        return (r["kelompok"], r["area_no_tercetak"], r["area"], r["hasil_indikator"])

    i = 0
    n = len(records)
    while i < n:
        j = i
        while j < n and area_key(records[j]) == area_key(records[i]):
            j += 1
        area_recs = records[i:j]
        first = area_recs[0]
        new_group = i == 0 or records[i - 1]["kelompok"] != first["kelompok"]
        rows: list[dict[str, Cell]] = []
        left = {
            "no": Cell(first["area_no_tercetak"] or ""),
            "area": Cell(first["area"] or "", narrow="area" in narrow),
            "hasil": Cell(first["hasil_indikator"] or ""),
        }
        after_aksi = cols[cols.index("aksi") :]
        span = len(after_aksi)
        if new_group and v.group == "row":
            body.append({cols[0]: Cell(first["kelompok"], colspan=len(cols), bold=True)})
        if new_group and v.group == "inline":
            rows.append({"aksi_no": Cell(first["kelompok"], colspan=span + 1, bold=True)})
        # Programs, then aksi (indicator lines of one aksi: until the next indikator_ke == 1).
        k = 0
        while k < len(area_recs):
            r = area_recs[k]
            if r["program_no_tercetak"] and (
                k == 0 or area_recs[k - 1]["program_no_tercetak"] != r["program_no_tercetak"]
            ):
                rows.append(
                    {
                        "aksi_no": Cell(r["program_no_tercetak"], bold=True),
                        "aksi": Cell(r["program"] or "", colspan=span, bold=True),
                    }
                )
            m = k + 1
            while m < len(area_recs) and area_recs[m]["indikator_ke"] > 1:
                m += 1
            for q, rec in enumerate(area_recs[k:m]):
                row = data_cells(rec)
                if q == 0 or not v.merge:
                    row["aksi_no"] = Cell(
                        rec["aksi_no_tercetak"] or "", rowspan=1 if not v.merge else m - k
                    )
                    row["aksi"] = Cell(
                        rec["rencana_aksi"] or "", rowspan=1 if not v.merge else m - k
                    )
                rows.append(row)
            k = m
        if v.merge:
            for key, cell in left.items():
                cell.rowspan = len(rows)
                rows[0][key] = cell
        else:
            for row in rows:
                for key, cell in left.items():
                    row[key] = Cell(cell.text, narrow=cell.narrow)
        body += rows
        i = j

    # Into column order; cells covered by a span are simply absent.
    def ordered(row: dict[str, Cell]) -> list[Cell]:
        return [row[c] for c in cols if c in row]

    widths = [_width(v, c) for c in cols]
    return Table(widths, header, [ordered(r) for r in body], "ra")


def document(v: Variant) -> Document:
    dok = _load("dokumen")
    tabel = {t["id"]: t for t in _load("tabel")}
    lampiran = _load("lampiran")
    doc = Document(body_blocks())
    # Lampiran I: its header block, title and its two tables (the narrative is not printed:
    # its published nodes merge the text around lists, so it cannot be printed back exactly).
    lp1 = dok["lampiran"][0]
    doc.blocks.append(PageBreak())
    doc.blocks.append(_kepala(lp1, "I", dok))
    judul1 = next(n["teks"] for n in lampiran if n["id"] == "lampiran_1__judul")
    doc.blocks.append(Center([judul1], bold=True))
    for tid, build in (("lampiran_1__tabel_3_1", table_31), ("lampiran_1__tabel_3_2", table_32)):
        caption = tabel[tid]["judul"]
        label, _, rest = caption.partition(" ")
        num, _, title = rest.partition(" ")
        doc.blocks.append(Center([f"{label} {num}", title], bold=False))
        doc.blocks.append(build(v))
    doc.blocks.append(_signature(dok))
    # Lampiran II: the Rencana Aksi table.
    doc.blocks.append(PageBreak(landscape=v.landscape))
    if v.lampiran_kepala:
        doc.blocks.append(_kepala(dok["lampiran"][1], "II", dok))
    ra = tabel["lampiran_2__tabel_1"]
    doc.blocks.append(Center([ra["judul"]], bold=True))
    doc.blocks.append(table_ra(v))
    doc.blocks.append(_signature(dok))
    return doc
