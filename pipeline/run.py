"""The pipeline as a library: one PDF in, its records and report out (no file writing)."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.extract.document import ExtractedDocument, extract_document
from pipeline.extract.layout import TextLine
from pipeline.extract.pages import LineRole, PageInfo, PageKind
from pipeline.models import (
    Akuntansi,
    AreaPerubahan,
    Lampiran,
    Program,
    RencanaAksi,
    Simpul,
    Sisa,
    Tabel,
)
from pipeline.normalize.accounting import account_table
from pipeline.normalize.body import LAMPIRAN_GRAMMAR, Body, parse_body
from pipeline.normalize.dates import format_iso, parse_tanggal
from pipeline.normalize.dokumen import dokumen_id_from_title
from pipeline.normalize.enrich import enrich, mark_repeats_and_areas
from pipeline.normalize.generic_table import TYPED_SUFFIX, FlatTable, flatten
from pipeline.normalize.jdihn import jdihn_record
from pipeline.normalize.lampiran_tables import map_summary_table, table_kind, table_name
from pipeline.normalize.regulation import (
    dasar_hukum_records,
    definisi_records,
    dokumen_record,
    lampiran_judul,
    menimbang_records,
    own_title,
    perubahan_records,
    simpul_records,
)
from pipeline.normalize.rencana_aksi import map_columns, map_rencana_aksi
from pipeline.normalize.text import join_lines, slug
from pipeline.normalize.units import Glossary
from pipeline.result import CellBox, DocumentResult, TextAccount
from pipeline.settings import SETTINGS, Settings

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
    first_pages = "\n".join(ln.text for p in doc.pages[:2] for ln in p.lines)
    found = dokumen_id_from_title(first_pages)
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
    """The page's text lines and its lampiran header block, top to bottom."""
    head = [ln for ln, role in page.furniture if role is LineRole.LAMPIRAN_BLOCK]
    return [ln.text for ln in sorted(head + page.lines, key=lambda ln: (ln.top, ln.x0))]


def process(path: Path, settings: Settings = SETTINGS) -> DocumentResult:
    doc = extract_document(path, settings)
    notices: list[str] = []
    dokumen_id = dokumen_id_of(doc, notices)
    sha = doc.sha256
    records: list[RencanaAksi] = []
    areas: list[AreaPerubahan] = []
    programs: list[Program] = []
    sisa: list[Sisa] = []
    akuntansi: list[Akuntansi] = []
    teks: list[TextAccount] = []
    kotak: dict[tuple[str, str], tuple[CellBox, ...]] = {}

    # Tables: each recognised kind through its thin layer, every cell accounted for.
    per_lampiran: dict[int, int] = {}
    flat_tables: list[FlatTable] = []
    tabel: list[Tabel] = []
    schedule_years: dict[int, list[int]] = {}
    for table in doc.tables:
        lampiran = doc.lampiran_of(table) or 0
        per_lampiran[lampiran] = per_lampiran.get(lampiran, 0) + 1
        where = f"lampiran {lampiran}, hlm {table.pages[0]}-{table.pages[-1]}"
        # Every table, of any kind, as a flat table; known kinds also get their dataset.
        table_id = f"lampiran_{lampiran}__{table_name(table, per_lampiran[lampiran])}"
        flat = flatten(table, table_id)
        flat_tables.append(flat)
        cmap = map_columns(table)
        kind: str | None = "rencana_aksi" if cmap is not None else table_kind(table)
        tabel.append(
            Tabel(
                id=table_id, dokumen_id=dokumen_id, lampiran=lampiran,
                judul=table.caption or None, jenis=kind,
                halaman_awal=table.pages[0], halaman_akhir=table.pages[-1],
                kolom=flat.published_columns(),
                tipe_kolom=[flat.types.get(c.removesuffix(TYPED_SUFFIX), "teks")
                            if not c.endswith(TYPED_SUFFIX) else "nilai"
                            for c in flat.published_columns()],
                baris=len(flat.rows), berkas=f"tabel/{table_id}.csv",
                keyakinan_ocr=table.confidence,
            )
        )  # fmt: skip
        if cmap is not None:
            mapped = map_rencana_aksi(table, cmap, dokumen_id, lampiran, sha)
            schedule_years.setdefault(lampiran, [y for _, y in cmap.years])
            records.extend(mapped.records)
            kotak.update((("rencana_aksi", rid), where) for rid, where in mapped.boxes.items())
            consumed, name = mapped.consumed, f"rencana_aksi ({where})"
        elif (kind := table_kind(table)) is not None:
            tname = table_name(table, per_lampiran[lampiran])
            rows, consumed = map_summary_table(table, kind, tname, dokumen_id, lampiran, kotak)
            if kind == "area_perubahan":
                areas.extend(rows)  # type: ignore[arg-type]
            else:
                programs.extend(rows)  # type: ignore[arg-type]
            name = f"{kind} {tname} ({where})"
        else:
            consumed, name = flat.consumed, f"tabel {table_id} ({where})"
        summary, left = account_table(name, table, consumed)
        akuntansi.append(summary)
        sisa.extend(left)
    caption_keys = {ln.key for lines in doc.captions.values() for ln in lines}

    # The body: one tree, text-first.
    body_pages = [p.number for p in doc.pages if p.kind is PageKind.BODY]
    lines, closing = _reading_order(doc, body_pages, caption_keys)
    body = parse_body(lines, closing=closing)
    teks.append(_text_account(doc, "batang_tubuh", body_pages, body.chars_out, caption_keys))
    dasar, unparsed = dasar_hukum_records(body, dokumen_id)
    for u in unparsed:
        reason = f"dasar hukum tidak terurai: {u.reason}"
        sisa.append(Sisa(halaman=u.page, teks=u.text, alasan=reason, lokasi=u.node_id))
    perubahan, unparsed = perubahan_records(body, dokumen_id)
    for u in unparsed:
        reason = f"instruksi perubahan tidak terurai: {u.reason}"
        sisa.append(Sisa(halaman=u.page, teks=u.text, alasan=reason, lokasi=u.node_id))

    # Each lampiran's own text (outside its tables), and its header block.
    lampiran_nodes: list[Simpul] = []
    lampiran_meta: list[Lampiran] = []
    numbers = sorted({p.lampiran for p in doc.pages if p.lampiran})
    own = own_title(body)
    for n in numbers:
        pages = [p.number for p in doc.pages if p.lampiran == n]
        lines, closing = _reading_order(doc, pages, caption_keys)
        tree: Body = parse_body(lines, LAMPIRAN_GRAMMAR, closing)
        teks.append(_text_account(doc, f"lampiran_{n}", pages, tree.chars_out, caption_keys))
        lampiran_nodes.extend(simpul_records(tree, dokumen_id, sha, prefix=f"lampiran_{n}__"))
        judul = lampiran_judul([_with_header(doc.pages[k - 1]) for k in pages],
                               own.tentang if own else None)  # fmt: skip
        fields = {"nomor": n, "judul": judul, "halaman_awal": pages[0],
                  "halaman_akhir": pages[-1], "tahun_jadwal": schedule_years.get(n, []),
                  **_kepala(doc, pages[0])}  # fmt: skip
        lampiran_meta.append(Lampiran.model_validate(fields))

    definisi = definisi_records(body, dokumen_id)
    records, jadwal, penanggung_jawab = enrich(records, Glossary(definisi))
    records = mark_repeats_and_areas(records, areas)
    dokumen = dokumen_record(body, dokumen_id, sha, doc.page_count, lampiran_meta)
    dokumen = dokumen.model_copy(update={"halaman_ocr": doc.ocr_pages})
    in_force = any(IN_FORCE_RE.search(nd.teks) for nd in body.find("pasal"))
    if not records:
        notices.append("no Rencana Aksi table found; no rencana_aksi records")
    for account in teks:
        if account.karakter_hilang:
            notices.append(
                f"text lost: {account.karakter_hilang} printed characters of {account.bagian} "
                "landed in no node, table cell, caption or page furniture"
            )
    return DocumentResult(
        path=path,
        dokumen_id=dokumen_id,
        sha256=sha,
        page_count=doc.page_count,
        dokumen=dokumen,
        jdihn=jdihn_record(dokumen, path.name, in_force),
        simpul=simpul_records(body, dokumen_id, sha),
        menimbang=menimbang_records(body, dokumen_id),
        dasar_hukum=dasar,
        definisi=definisi,
        perubahan_pasal=perubahan,
        lampiran_simpul=lampiran_nodes,
        area_perubahan=areas,
        program=programs,
        rencana_aksi=records,
        tabel=tabel,
        tabel_isi=flat_tables,
        jadwal=jadwal,
        penanggung_jawab=penanggung_jawab,
        sisa=sorted(sisa, key=lambda s: (s.halaman, s.lokasi)),
        akuntansi=akuntansi,
        teks=teks,
        notices=notices,
        glyphs=doc.glyphs,
        kotak=kotak,
    )
