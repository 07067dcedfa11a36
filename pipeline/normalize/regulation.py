"""The regulation itself as records: metadata, konsiderans, definitions, the node tree.

Pure functions over the parsed Body (normalize/body.py) and the page classification.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.pages import SIGNED_RE
from pipeline.models import (
    DasarHukum,
    Definisi,
    Dokumen,
    Lampiran,
    Menimbang,
    Pejabat,
    Relasi,
    Simpul,
)
from pipeline.normalize.body import Body, Node
from pipeline.normalize.citations import CitationError, parse_dasar_hukum
from pipeline.normalize.dates import format_iso, parse_tanggal
from pipeline.normalize.dokumen import JENIS_SINGKATAN, dokumen_id_from_title
from pipeline.normalize.text import join_lines

# Issuer as printed in the title -> (jenis, the kind of region it governs).
PENERBIT: dict[str, tuple[str, str]] = {
    "BUPATI": ("Peraturan Bupati", "Kabupaten"),
    "WALIKOTA": ("Peraturan Walikota", "Kota"),
    "WALI KOTA": ("Peraturan Wali Kota", "Kota"),
    "GUBERNUR": ("Peraturan Gubernur", "Provinsi"),
}
TITLE_RE = re.compile(
    r"\b(PERATURAN|KEPUTUSAN)\s+(BUPATI|WALI\s?KOTA|GUBERNUR|DAERAH)\s+"
    r"(?:(KABUPATEN|KOTA|PROVINSI)\s+)?([A-Z][A-Z .'-]*?)\s+NOMOR\s*:?\s*(\d+)\s+TAHUN\s+(\d{4})"
    r"(?:\s+TENTANG\s+(.+?))?(?:\s+DENGAN RAHMAT|$)",
    re.S,
)
# "PERUBAHAN (KEDUA) ATAS PERATURAN BUPATI MAGETAN NOMOR 14 TAHUN 2020", "PENCABUTAN ...".
RELATION_RE = re.compile(
    r"\b(PERUBAHAN(?:\s+[A-Z]+)?\s+ATAS|PENCABUTAN)\s+((?:PERATURAN|KEPUTUSAN)\s+"
    r"(?:BUPATI|WALI\s?KOTA|GUBERNUR|DAERAH)\s+[A-Z .'-]*?NOMOR\s+\d+\s+TAHUN\s+\d{4})",
    re.I,
)
RELATION_STATUS = {"perubahan": "Mengubah", "pencabutan": "Mencabut"}
PROVINSI_RE = re.compile(r"\bPROVINSI\s+([A-Z][A-Z ]+?)\s+(?:PERATURAN|KEPUTUSAN)\b")
PLACE_RE = re.compile(r"^(Ditetapkan|Diundangkan)\s+di\s+(.+)$", re.I)
BERITA_RE = re.compile(r"^(BERITA|LEMBARAN)\s+DAERAH\s+.*?TAHUN\s+(\d{4})\s+NOMOR\s+(\S+)", re.I)
DEFINITIONS_RE = re.compile(r"yang dimaksud dengan\s*:?$", re.I)
SHORT_RE = re.compile(
    r"^(?P<istilah>.+?),?\s+yang\s+selanjutnya\s+(?:disingkat|disebut)\s+(?P<singkatan>.+?)"
    r",?\s+adalah\s+(?P<definisi>.+)$",
    re.S,
)
PLAIN_RE = re.compile(r"^(?P<istilah>.+?)\s+adalah\s+(?P<definisi>.+)$", re.S)


def _pages(node: Node) -> tuple[int, int]:
    pages = sorted(node.pages) or [1]
    return pages[0], pages[-1]


def simpul_records(body: Body, dokumen_id: str, sha256: str, prefix: str = "") -> list[Simpul]:
    out = []
    for n in body.nodes:
        first, last = _pages(n)
        parent = n.parent.id if n.parent else None
        out.append(
            Simpul(
                id=prefix + n.id,
                dokumen_id=dokumen_id,
                induk_id=(prefix + parent) if parent else None,
                tingkat=n.level,
                nomor=n.nomor or None,
                judul=n.judul or None,
                teks=n.teks or None,
                halaman_awal=first,
                halaman_akhir=last,
                keyakinan_ocr=n.confidence,
                sumber_sha256=sha256,
            )
        )
    return out


def menimbang_records(body: Body, dokumen_id: str) -> list[Menimbang]:
    out = []
    for part in body.find("menimbang"):
        points = [c for c in part.children if c.level == "huruf"]
        for node in points or [part]:
            first, last = _pages(node)
            out.append(
                Menimbang(
                    id=node.id,
                    dokumen_id=dokumen_id,
                    no=node.nomor.rstrip(".") or None,
                    teks=node.teks,
                    halaman_awal=first,
                    halaman_akhir=last,
                    keyakinan_ocr=node.confidence,
                )
            )
    return out


@dataclass(frozen=True, slots=True)
class Unparsed:
    node_id: str
    page: int
    text: str
    reason: str


def dasar_hukum_records(body: Body, dokumen_id: str) -> tuple[list[DasarHukum], list[Unparsed]]:
    """Each Mengingat item parsed; an amending regulation is its own row linked to the one
    it amends. Items that do not parse are returned, never dropped."""
    rows: list[DasarHukum] = []
    failed: list[Unparsed] = []
    for part in body.find("mengingat"):
        for item in (c for c in part.children if c.level in ("angka", "huruf")):
            first, last = _pages(item)
            try:
                cites = parse_dasar_hukum(item.teks)
            except CitationError as exc:
                failed.append(Unparsed(item.id, first, item.teks, str(exc)))
                continue
            ids = [item.id if k == 0 else f"{item.id}__perubahan_{k}" for k in range(len(cites))]
            for k, cite in enumerate(cites):
                pubs: dict[str, object] = {}
                for pub in cite.publikasi:
                    key = pub.jenis.lower().replace(" ", "_")
                    if pub.tahun is not None and f"{key}_tahun" in DasarHukum.model_fields:
                        pubs[f"{key}_tahun"] = pub.tahun
                    pubs[f"{key}_nomor"] = pub.nomor
                rows.append(
                    DasarHukum(
                        id=ids[k],
                        dokumen_id=dokumen_id,
                        no=item.nomor.rstrip("."),
                        mengubah_id=ids[cite.mengubah] if cite.mengubah is not None else None,
                        hubungan=cite.hubungan,
                        jenis=cite.jenis,
                        jenis_lengkap=cite.jenis_lengkap,
                        nomor=cite.nomor,
                        tahun=cite.tahun,
                        tentang=cite.tentang,
                        teks=item.teks,
                        halaman_awal=first,
                        halaman_akhir=last,
                        keyakinan_ocr=item.confidence,
                        **pubs,
                    )
                )
    return rows, failed


def definisi_records(body: Body, dokumen_id: str) -> list[Definisi]:
    """From the article that opens with "... yang dimaksud dengan:"."""
    out = []
    for pasal in body.find("pasal"):
        if not DEFINITIONS_RE.search(pasal.teks):
            continue
        for item in pasal.children:
            text = item.teks
            m = SHORT_RE.match(text) or PLAIN_RE.match(text)
            if m is None:
                continue
            groups = m.groupdict()
            out.append(
                Definisi(
                    id=item.id,
                    dokumen_id=dokumen_id,
                    no=item.nomor.rstrip("."),
                    istilah=groups["istilah"].strip(),
                    definisi=groups["definisi"].strip(),
                    singkatan=(groups.get("singkatan") or "").strip() or None,
                    halaman=_pages(item)[0],
                    keyakinan_ocr=item.confidence,
                )
            )
    return out


def _title_case(text: str) -> str:
    return " ".join(w.capitalize() for w in text.split())


def _officials(lines: list[str]) -> dict[str, object]:
    """Places, dates and signatories from the closing formulas, line by line."""
    found: dict[str, object] = {}
    mode: str | None = None
    jabatan: str | None = None
    for raw in lines:
        line = raw.strip()
        if m := PLACE_RE.match(line):
            mode = "penetapan" if m.group(1).lower() == "ditetapkan" else "pengundangan"
            found[f"tempat_{mode}"] = m.group(2).strip()
            jabatan = None
            continue
        if mode and f"tanggal_{mode}" not in found and (d := parse_tanggal(line)):
            found[f"tanggal_{mode}"] = format_iso(d)
            continue
        if m := BERITA_RE.match(line):
            found["berita_daerah_tahun"] = int(m.group(2))
            found["berita_daerah_nomor"] = m.group(3)
            mode = None
            continue
        if line.lower().startswith("salinan sesuai"):
            mode = None
            continue
        if mode and line.endswith(","):
            jabatan = line.rstrip(",").strip()
            continue
        if mode and jabatan and not SIGNED_RE.match(line):
            key = "penandatangan" if mode == "penetapan" else "sekretaris_daerah"
            found.setdefault(key, Pejabat(jabatan=jabatan, nama=line))
            jabatan = None
    return found


def dokumen_record(
    body: Body,
    dokumen_id: str,
    sha256: str,
    page_count: int,
    lampiran: list[Lampiran],
) -> Dokumen:
    judul = next(iter(body.find("judul")), None)
    title = " ".join(judul.text_lines) if judul else ""
    m = TITLE_RE.search(title)
    jenis = singkatan = daerah = nomor = tentang = None
    tahun: int | None = None
    if m:
        kind, issuer, region_kind, region, nomor, year, tentang_raw = m.groups()
        issuer = re.sub(r"\s+", " ", issuer)
        tahun = int(year)
        if issuer == "DAERAH":
            jenis = "Peraturan Daerah"
            daerah = f"{_title_case(region_kind or '')} {_title_case(region)}".strip()
        else:
            jenis, region_kind = PENERBIT.get(
                issuer, (f"{_title_case(kind)} {_title_case(issuer)}", "")
            )
            daerah = f"{region_kind} {_title_case(region)}".strip()
        short = JENIS_SINGKATAN.get((kind, issuer))
        singkatan = short.capitalize() if short else None
        tentang = join_lines(tentang_raw) if tentang_raw else None
    prov = PROVINSI_RE.search(title)
    penutup = next(iter(body.find("penutup")), None)
    officials = _officials(penutup.text_lines if penutup else [])
    return Dokumen(
        dokumen_id=dokumen_id,
        jenis=jenis,
        singkatan_jenis=singkatan,
        daerah=daerah,
        provinsi=_title_case(prov.group(1)) if prov else None,
        nomor=nomor,
        tahun=tahun,
        tentang=tentang,
        tempat_penetapan=officials.get("tempat_penetapan"),
        tanggal_penetapan=officials.get("tanggal_penetapan"),
        penandatangan=officials.get("penandatangan"),
        tempat_pengundangan=officials.get("tempat_pengundangan"),
        tanggal_pengundangan=officials.get("tanggal_pengundangan"),
        sekretaris_daerah=officials.get("sekretaris_daerah"),
        berita_daerah_tahun=officials.get("berita_daerah_tahun"),
        berita_daerah_nomor=officials.get("berita_daerah_nomor"),
        lampiran=lampiran,
        relasi=relations(tentang or ""),
        sumber_sha256=sha256,
        jumlah_halaman=page_count,
    )


def relations(tentang: str) -> list[Relasi]:
    """The regulations this one amends or revokes, from its title."""
    out = []
    for m in RELATION_RE.finditer(" ".join(tentang.upper().split())):
        cited = m.group(2)
        target = dokumen_id_from_title(re.sub(r"\s+NOMOR", "\nNOMOR", cited))
        if target:
            status = RELATION_STATUS[m.group(1).split()[0].lower()]
            out.append(Relasi(status=status, dokumen_id=target, judul=_title_case(cited)))
    return out
