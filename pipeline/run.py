"""The pipeline as a library: one PDF in, its records and report out (no file writing)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.extract.document import ExtractedDocument, extract_document
from pipeline.extract.layout import TextLine
from pipeline.extract.pages import LineRole, PageInfo, PageKind, closing_lines
from pipeline.extract.tables import LogicalTable
from pipeline.models import (
    Akuntansi,
    DasarHukum,
    Lampiran,
    Penjelasan,
    PerubahanPasal,
    Simpul,
    Sisa,
    Tabel,
)
from pipeline.normalize.accounting import account_table, framed_leftovers
from pipeline.normalize.body import LAMPIRAN_GRAMMAR, Body, parse_body
from pipeline.normalize.dates import format_iso, parse_tanggal
from pipeline.normalize.enrich import enrich, hasil_area_records, mark_repeats_and_areas
from pipeline.normalize.generic_table import (
    CONFIDENCE_SUFFIX,
    TYPED_SUFFIX,
    FlatTable,
    flatten,
    merged_down,
)
from pipeline.normalize.jdihn import jdihn_record
from pipeline.normalize.lampiran_tables import map_summary_table, table_kind, table_name
from pipeline.normalize.penjelasan import body_paths, parse_penjelasan, penjelasan_records
from pipeline.normalize.regulation import (
    dasar_hukum_records,
    definisi_records,
    dokumen_record,
    enactment_year,
    header_block,
    lampiran_judul,
    menimbang_records,
    own_title,
    perubahan_records,
    simpul_records,
)
from pipeline.normalize.rencana_aksi import cell_boxes, map_columns, map_rencana_aksi
from pipeline.normalize.text import join_lines, slug
from pipeline.normalize.units import Glossary
from pipeline.result import CellBox, DocumentResult, TextAccount
from pipeline.settings import SETTINGS, Settings
from pipeline.vocabulary import parse_title

KEPALA_RE = re.compile(
    r"LAMPIRAN\s*(?:[IVXLC]+|\d+)?\s*:?\s*(?P<peraturan>.+?)\s+NOMOR\s*:?\s*(?P<nomor>\d+)"
    r"\s+TAHUN\s+(?P<tahun>\d{4})(?:\s+TANGGAL\s*:?\s*(?P<tanggal>.+?))?(?:\s+TENTANG|$)",
    re.I,
)
IN_FORCE_RE = re.compile(r"\bmulai\s+berlaku\b", re.I)


def _nonspace(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _text_account(
    doc: ExtractedDocument, bagian: str, pages: list[int], in_nodes: int, captions: set[str]
) -> TextAccount:
    """The account of one part; see TextAccount."""
    wanted = set(pages)
    elsewhere = 0
    for n in pages:
        page = doc.pages[n - 1]
        elsewhere += sum(
            _nonspace(ln.text) for ln, r in page.furniture if r is not LineRole.CLOSING
        )
        elsewhere += sum(_nonspace(ln.text) for ln in page.lines if ln.key in captions)
    parts: dict[tuple[int, str], str] = {}
    for table in doc.tables:
        for piece in table.pieces:
            if piece.page in wanted:
                for cell in piece.cells():
                    for part in cell.parts:
                        if part.page == piece.page:
                            parts[id(cell), part.key] = part.text
    elsewhere += sum(_nonspace(t) for t in parts.values())
    printed = sum(doc.pages[n - 1].printed_chars for n in pages)
    return TextAccount(bagian, printed, in_nodes, elsewhere)


def dokumen_id_of(doc: ExtractedDocument, notices: list[str]) -> str:
    # A file that holds a lampiran alone is titled by its header block (furniture).
    first_pages = "\n".join(
        ln.text
        for p in doc.pages[:2]
        for ln in sorted(
            p.lines + [b for b, role in p.furniture if role is LineRole.LAMPIRAN_BLOCK],
            key=lambda ln: (ln.top, ln.x0),
        )
    )
    title = parse_title(first_pages)
    if title is not None and title.tahun is None:
        # A Keputusan numbered without TAHUN: the year of its date of enactment.
        body_pages = [p.number for p in doc.pages if p.kind is PageKind.BODY]
        lines, _ = _reading_order(doc, body_pages, set())
        year = enactment_year([ln.text for ln in lines])
        if year is not None:
            title = title.with_year(year)
            notices.append(
                f"the title prints no TAHUN; tahun {year} taken from the date of enactment"
            )
    found = title.dokumen_id() if title else None
    if found:
        return found
    fallback = slug(doc.path.stem).replace("_", "-")
    notices.append(f"no title block found; dokumen_id taken from the file name: {fallback}")
    return fallback


def _reading_order(
    doc: ExtractedDocument, pages: list[int], skip: set[str]
) -> tuple[list[TextLine], frozenset[str]]:
    """Content and closing-block lines of `pages`, page by page, top to bottom."""
    lines: list[TextLine] = []
    closing: set[str] = set()
    for n in pages:
        page = doc.pages[n - 1]
        own = [ln for ln in page.lines if ln.key not in skip]
        ends = [ln for ln, role in page.furniture if role is LineRole.CLOSING]
        closing.update(ln.key for ln in ends)
        lines.extend(sorted(own + ends, key=lambda ln: (ln.top, ln.x0)))
    return lines, frozenset(closing)


def _kepala(doc: ExtractedDocument, first_page: int) -> dict[str, object]:
    """The lampiran header block ("LAMPIRAN I : PERATURAN ... NOMOR ... TANGGAL ...")."""
    block = [
        ln.text
        for ln, role in doc.pages[first_page - 1].furniture
        if role is LineRole.LAMPIRAN_BLOCK
    ]
    if not block:
        return {}
    text = " ".join(block)
    out: dict[str, object] = {"kepala": text}
    if m := KEPALA_RE.search(text):
        out["kepala_peraturan"] = join_lines(m.group("peraturan"))
        out["kepala_nomor"] = m.group("nomor")
        out["kepala_tahun"] = int(m.group("tahun"))
        if m.group("tanggal") and (d := parse_tanggal(m.group("tanggal"))):
            out["kepala_tanggal"] = format_iso(d)
    return out


def _with_header(page: PageInfo) -> list[str]:
    """The page's text lines and its lampiran header block above its first table, top to
    bottom: a lampiran's title is printed above its table, and what follows the table (a
    signature) is no part of it."""
    head = [ln for ln, role in page.furniture if role is LineRole.LAMPIRAN_BLOCK]
    top = min(page.table_tops, default=page.height)
    above = [ln for ln in head + page.lines if ln.top < top]
    return [ln.text for ln in sorted(above, key=lambda ln: (ln.top, ln.x0))]


@dataclass(slots=True)
class _Tables:
    """What the tables step gives: each recognised kind's records by published table, every
    table as a flat table with its index row, and each cell no record took."""

    records: dict[str, list[Any]] = field(default_factory=dict)
    tabel: list[Tabel] = field(default_factory=list)
    flat: list[FlatTable] = field(default_factory=list)
    schedule_years: dict[int, list[int]] = field(default_factory=dict)
    sisa: list[Sisa] = field(default_factory=list)
    akuntansi: list[Akuntansi] = field(default_factory=list)
    # (published table, record id) -> where the record's cells are printed (the report's)
    kotak: dict[tuple[str, str], tuple[CellBox, ...]] = field(default_factory=dict)


def _column_kind(flat: FlatTable, column: str) -> str:
    """A published column's kind in tabel.csv: its inferred type; "nilai" for a typed
    value, "keyakinan" for an OCR confidence."""
    if column.endswith(TYPED_SUFFIX):
        return "nilai"
    if column.endswith(CONFIDENCE_SUFFIX):
        return "keyakinan"
    return flat.types.get(column, "teks")


def _index_row(table: LogicalTable, flat: FlatTable, kind: str | None, dokumen_id: str,
               lampiran: int) -> Tabel:  # fmt: skip
    """The table's row in tabel.csv."""
    columns = flat.published_columns()
    return Tabel(
        id=flat.id, dokumen_id=dokumen_id, lampiran=lampiran,
        judul=table.caption or None, jenis=kind,
        halaman_awal=table.pages[0], halaman_akhir=table.pages[-1],
        kolom=columns,
        tipe_kolom=[_column_kind(flat, c) for c in columns],
        nomor_kolom=[flat.column_numbers.get(c, "") for c in columns]
        if flat.column_numbers else [],
        baris=len(flat.rows), berkas=f"tabel/{flat.id}.csv",
        keyakinan_ocr=table.confidence,
    )  # fmt: skip


def _unique(name: str, lampiran: int, names: set[tuple[int, str]]) -> str:
    """A table name not yet taken in its lampiran: a caption printed over two tables (two
    column groups set side by side, each ruled as a table of its own, under one "Tabel 1")
    or a caption's number equal to another table's running number names the later table
    `<name>_bagian_2`, `_bagian_3`, ... in document order."""
    unique, k = name, 1
    while (lampiran, unique) in names:
        k += 1
        unique = f"{name}_bagian_{k}"
    names.add((lampiran, unique))
    return unique


def tables_step(doc: ExtractedDocument, dokumen_id: str) -> _Tables:
    """Every table as a flat table; each recognised kind also through its mapper (Rencana
    Aksi by its column map, the summary kinds by lampiran_tables.KINDS); every cell
    accounted for."""
    out = _Tables()
    per_lampiran: dict[int, int] = {}
    names: set[tuple[int, str]] = set()
    for table in doc.tables:
        lampiran = doc.lampiran_of(table) or 0
        per_lampiran[lampiran] = per_lampiran.get(lampiran, 0) + 1
        where = f"lampiran {lampiran}, hlm {table.pages[0]}-{table.pages[-1]}"
        tname = _unique(table_name(table, per_lampiran[lampiran]), lampiran, names)
        flat = flatten(table, f"lampiran_{lampiran}__{tname}")
        out.flat.append(flat)
        for row, origin in zip(flat.rows, flat.sources, strict=True):
            printed = ((c, x) for c, cells in origin.items() for x in cells)
            out.kotak[(flat.id, row["id"])] = cell_boxes(printed)
        cmap = map_columns(table)
        kind = "rencana_aksi" if cmap is not None else table_kind(table)
        out.tabel.append(_index_row(table, flat, kind, dokumen_id, lampiran))
        if cmap is not None:
            mapped = map_rencana_aksi(table, cmap, dokumen_id, lampiran, doc.sha256)
            out.schedule_years.setdefault(lampiran, [y for _, y in cmap.years])
            out.records.setdefault("rencana_aksi", []).extend(mapped.records)
            out.kotak.update((("rencana_aksi", rid), box) for rid, box in mapped.boxes.items())
            consumed, name = mapped.consumed, f"rencana_aksi ({where})"
        elif kind is not None:
            rows, consumed = map_summary_table(table, kind, tname, dokumen_id, lampiran, out.kotak)
            out.records.setdefault(kind, []).extend(rows)
            name = f"{kind} {tname} ({where})"
        else:
            consumed, name = flat.consumed, f"tabel {flat.id} ({where})"
        summary, left = account_table(name, table, consumed, flat.noted)
        out.akuntansi.append(summary)
        out.sisa.extend(left)
    return out


@dataclass(slots=True)
class _Text:
    """What the body and lampiran steps give."""

    body: Body
    dasar_hukum: list[DasarHukum]
    perubahan_pasal: list[PerubahanPasal]
    lampiran: list[Simpul] = field(default_factory=list)
    penjelasan: list[Penjelasan] = field(default_factory=list)
    lampiran_meta: list[Lampiran] = field(default_factory=list)
    # The first lampiran's header block: the title of a file that prints no title block.
    header: list[str] = field(default_factory=list)
    sisa: list[Sisa] = field(default_factory=list)
    teks: list[TextAccount] = field(default_factory=list)


def body_step(doc: ExtractedDocument, dokumen_id: str, captions: set[str]) -> _Text:
    """The body as one tree, text-first; dasar hukum and amendment instructions from it."""
    pages = [p.number for p in doc.pages if p.kind is PageKind.BODY]
    lines, closing = _reading_order(doc, pages, captions)
    body = parse_body(lines, closing=closing)
    dasar, unparsed_dasar = dasar_hukum_records(body, dokumen_id)
    perubahan, unparsed_perubahan = perubahan_records(body, dokumen_id)
    out = _Text(body, dasar, perubahan)
    out.teks.append(_text_account(doc, "batang_tubuh", pages, body.chars_out, captions))
    for what, unparsed in (("dasar hukum", unparsed_dasar),
                           ("instruksi perubahan", unparsed_perubahan)):  # fmt: skip
        for u in unparsed:
            reason = f"{what} tidak terurai: {u.reason}"
            out.sisa.append(Sisa(halaman=u.page, teks=u.text, alasan=reason, lokasi=u.node_id))
    return out


def lampiran_step(
    doc: ExtractedDocument, text: _Text, dokumen_id: str, captions: set[str],
    schedule_years: dict[int, list[int]],
) -> None:  # fmt: skip
    """Each lampiran's own text (outside its tables) as nodes, and its header block."""
    first = next((p for p in doc.pages if p.lampiran), None)
    if first is not None:
        head = [ln for ln, role in first.furniture if role is LineRole.LAMPIRAN_BLOCK]
        text.header = header_block(head + first.lines)
    own = own_title(text.body, text.header)
    for n in sorted({p.lampiran for p in doc.pages if p.lampiran}):
        pages = [p.number for p in doc.pages if p.lampiran == n]
        lines, closing = _reading_order(doc, pages, captions)
        tree: Body = parse_body(lines, LAMPIRAN_GRAMMAR, closing)
        text.teks.append(_text_account(doc, f"lampiran_{n}", pages, tree.chars_out, captions))
        text.lampiran.extend(simpul_records(tree, dokumen_id, doc.sha256, prefix=f"lampiran_{n}__"))
        judul = lampiran_judul([_with_header(doc.pages[k - 1]) for k in pages],
                               own.tentang if own else None)  # fmt: skip
        label = doc.pages[pages[0] - 1].lampiran_label
        fields = {"nomor": label, "urutan": n, "judul": judul, "halaman_awal": pages[0],
                  "halaman_akhir": pages[-1], "tahun_jadwal": schedule_years.get(n, []),
                  **_kepala(doc, pages[0])}  # fmt: skip
        text.lampiran_meta.append(Lampiran.model_validate(fields))


def penjelasan_step(
    doc: ExtractedDocument, text: _Text, dokumen_id: str, captions: set[str]
) -> None:
    """The Penjelasan's pages, its own part (neither body nor lampiran): its records, each
    explained provision keyed to the body node that prints it, and its text account."""
    pages = [p.number for p in doc.pages if p.kind is PageKind.PENJELASAN]
    if not pages:
        return
    lines, closing = _reading_order(doc, pages, captions)
    parsed = parse_penjelasan(lines, closing)
    text.teks.append(_text_account(doc, "penjelasan", pages, parsed.chars_out, captions))
    text.penjelasan = penjelasan_records(parsed, dokumen_id, body_paths(text.body.nodes))


def process(
    path: Path, settings: Settings = SETTINGS, extracted: ExtractedDocument | None = None
) -> DocumentResult:
    """One PDF in, its Dataset and run statistics out: extract -> tables -> body ->
    lampiran -> enrich -> assemble. `extracted`: the extract step's result for `path`, when
    the caller had it computed elsewhere (extract/background.py)."""
    # extract
    doc = extracted if extracted is not None else extract_document(path, settings)
    notices: list[str] = []
    dokumen_id = dokumen_id_of(doc, notices)
    sha = doc.sha256
    # tables
    tables = tables_step(doc, dokumen_id)
    captions = {ln.key for lines in doc.captions.values() for ln in lines}
    # body
    text = body_step(doc, dokumen_id, captions)
    body = text.body
    # lampiran
    lampiran_step(doc, text, dokumen_id, captions, tables.schedule_years)
    penjelasan_step(doc, text, dokumen_id, captions)
    # enrich
    definisi = definisi_records(body, dokumen_id)
    records, jadwal, penanggung_jawab = enrich(
        tables.records.pop("rencana_aksi", []), Glossary(definisi)
    )
    records = mark_repeats_and_areas(records, tables.records.get("area_perubahan", []))
    # assemble
    closing = next((c for p in reversed(doc.pages) if (c := closing_lines(p))), [])
    dokumen = dokumen_record(
        body, dokumen_id, sha, doc.page_count, text.lampiran_meta, text.header,
        [ln.text for ln in sorted(closing, key=lambda ln: (ln.top, ln.x0))],
    )  # fmt: skip
    dokumen = dokumen.model_copy(update={"halaman_ocr": doc.ocr_pages})
    in_force = any(IN_FORCE_RE.search(nd.teks) for nd in body.find("pasal"))
    if not records:
        notices.append("no Rencana Aksi table found; no rencana_aksi records")
    for account in text.teks:
        if account.karakter_hilang:
            notices.append(
                f"text lost: {account.karakter_hilang} printed characters of {account.bagian} "
                "landed in no node, table cell, caption or page furniture"
            )
    sisa = tables.sisa + text.sisa
    for page in doc.pages:
        sisa += framed_leftovers(page.lines, set(page.framed))
    return DocumentResult(
        path=path,
        dokumen_id=dokumen_id,
        sha256=sha,
        page_count=doc.page_count,
        dokumen=dokumen,
        jdihn=jdihn_record(dokumen, path.name, in_force),
        pasal=simpul_records(body, dokumen_id, sha),
        menimbang=menimbang_records(body, dokumen_id),
        dasar_hukum=text.dasar_hukum,
        definisi=definisi,
        perubahan_pasal=text.perubahan_pasal,
        penjelasan=text.penjelasan,
        lampiran=text.lampiran,
        rencana_aksi=records,
        hasil_area=hasil_area_records(records),
        tabel=tables.tabel,
        tabel_isi={t.id: t.rows for t in tables.flat},
        tabel_gabungan={t.id: merged_down(t) for t in tables.flat},
        flat_tables=tables.flat,
        jadwal=jadwal,
        penanggung_jawab=penanggung_jawab,
        sisa=sorted(sisa, key=lambda s: (s.halaman, s.lokasi)),
        akuntansi=tables.akuntansi,
        teks=text.teks,
        notices=notices,
        glyphs=doc.glyphs,
        kotak=tables.kotak,
        # The summary kinds' records, each under its published table (lampiran_tables.KINDS).
        **tables.records,
    )


def preload() -> None:
    """Load what the later steps need and cache (spaCy's Indonesian tokenizer for the unit
    glossary, the Great Expectations context, batch definition and suites for validation),
    e.g. while a helper process extracts (extract/background.py). Each is loaded once per
    process either way."""
    from pipeline.normalize.units import nlp
    from pipeline.validate.expectations import warm

    nlp()
    warm()
