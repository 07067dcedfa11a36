"""The regulation itself as records: metadata, konsiderans, definitions, the node tree.

Pure functions over the parsed Body (normalize/body.py) and the page classification.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from pipeline.extract.layout import TextLine
from pipeline.extract.pages import SIGNED_RE
from pipeline.models import (
    DasarHukum,
    Definisi,
    Dokumen,
    Lampiran,
    Menimbang,
    Pejabat,
    PerubahanPasal,
    Relasi,
    Simpul,
)
from pipeline.normalize.body import Body, Node
from pipeline.normalize.citations import CitationError, parse_dasar_hukum
from pipeline.normalize.dates import find_tanggal, format_iso
from pipeline.vocabulary import KIND_RE, Title, parse_title, title_at_start, title_case

# "PERUBAHAN (KEDUA) ATAS <title>", "PENCABUTAN (ATAS) <title>": the keyword, then a title
# read with the title grammar of pipeline/vocabulary.py.
RELATION_RE = re.compile(r"\b(PERUBAHAN(?:\s+[A-Z]+)?\s+ATAS|PENCABUTAN(?:\s+ATAS)?)\s+")
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


# The verbs of an amending instruction -> tindakan ("disisip" is a printed misspelling).
TINDAKAN: dict[str, str] = {
    "diubah": "diubah",
    "disisipkan": "disisipkan",
    "disisip": "disisipkan",
    "disisipi": "disisipkan",
    "dihapus": "dihapus",
    "ditambahkan": "ditambah",
    "ditambah": "ditambah",
}
TINDAKAN_RE = re.compile(r"\b(" + "|".join(sorted(TINDAKAN, key=len, reverse=True)) + r")\b", re.I)
# A reference to a provision: level word and number ("ayat (3)", "Pasal 7A", "huruf g").
SASARAN_RE = re.compile(
    r"\b(?P<level>Lampiran|Pasal|ayat|huruf|angka)\s*(?P<no>\(?[0-9]+[A-Za-z]?\)?[a-z]?\b|[IVXLC]+\b|[A-Za-z]\b)?"
)
# Where an insertion names what is new: "..., yakni Pasal 2A".
NEW_RE = re.compile(r"\b(?:yakni|yaitu)\b", re.I)
SASARAN_ORDER = ("huruf", "angka", "ayat", "pasal", "lampiran")
# An amending regulation gives its instructions in Pasal I (Pasal II: entry into force).
AMENDING_PASAL = "I"


def _targets(text: str) -> dict[str, str]:
    """First number of each level named in `text` ("Ketentuan huruf a ayat (3) Pasal 7")."""
    out: dict[str, str] = {}
    for m in SASARAN_RE.finditer(text):
        level = m.group("level").lower()
        if m.group("no") and level not in out:
            out[level] = m.group("no").replace("(", "").replace(")", "")
        elif level == "lampiran" and level not in out:
            out[level] = ""
    return out


def perubahan_records(body: Body, dokumen_id: str) -> tuple[list[PerubahanPasal], list[Unparsed]]:
    """The instructions of an amending regulation: each numbered point of its Pasal I
    (or Pasal I itself when it has no points), with its verb and the
    provision it acts on; text after "yakni" names the new provision of an insertion.
    A numbered point without a known verb is returned as unparsed, never dropped."""
    out = []
    failed: list[Unparsed] = []
    for pasal in body.find("pasal"):
        nomor = pasal.nomor.strip()
        if nomor != AMENDING_PASAL:
            continue
        points = [c for c in pasal.children if c.level == "angka"]
        for node in points or [pasal]:
            verb = TINDAKAN_RE.search(node.teks)
            if verb is None:
                if node is not pasal:
                    reason = "no amending verb (diubah, disisipkan, dihapus, ditambah)"
                    failed.append(Unparsed(node.id, _pages(node)[0], node.teks, reason))
                continue
            before, after = node.teks[: verb.start()], node.teks[verb.end() :]
            found = _targets(before)
            new = NEW_RE.search(after)
            if new:
                found.update(
                    _targets(re.split(r"\b(?:sehingga|berbunyi)\b", after[new.end() :])[0])
                )
            level = next((lv for lv in SASARAN_ORDER if lv in found), None)
            first, last = _pages(node)
            content = next((c for c in node.children if c.level != "angka"), None)
            out.append(
                PerubahanPasal(
                    id=node.id,
                    dokumen_id=dokumen_id,
                    pasal=nomor,
                    no=node.nomor.rstrip(".") if node is not pasal else None,
                    tindakan=TINDAKAN[verb.group(1).lower()],
                    sasaran=level,
                    sasaran_pasal=found.get("pasal"),
                    sasaran_ayat=found.get("ayat"),
                    sasaran_huruf=found.get("huruf"),
                    sasaran_angka=found.get("angka"),
                    sasaran_lampiran=found.get("lampiran") or None,
                    teks=node.teks,
                    isi_id=content.id if content else None,
                    halaman_awal=first,
                    halaman_akhir=last,
                    keyakinan_ocr=node.confidence,
                )
            )
    return out, failed


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


_title_case = title_case


def _capitalised(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and line == line.upper() and not SIGNED_RE.match(line)


# The date of "Ditetapkan di X / pada tanggal D" is printed on the place line or within this
# many lines after it; a date further down is some other text's (a blank "pada tanggal" left
# for the date stays unknown, not the first date of the pages that follow).
DATE_WINDOW_LINES = 3


def _officials(lines: list[str], signed: bool = False) -> dict[str, object]:
    """Places, dates and signatories from the closing formulas, line by line. `signed`: the
    lines are a signature block alone (a lampiran's), its office and name those of the
    regulation's signatory, with no "Ditetapkan di" formula before them."""
    found: dict[str, object] = {}
    mode: str | None = "penetapan" if signed else None
    jabatan: str | None = None
    pending: tuple[str, str] | None = None  # (key, office) still waiting for its name
    date_lines = 0  # lines left in which the formula's date may still be printed
    skip = 0  # lines already read as the rest of a multi-line office
    for k, raw in enumerate(lines):
        line = raw.strip()
        date_lines -= 1
        if skip:
            skip -= 1
            continue
        if m := PLACE_RE.match(line):
            date_lines = DATE_WINDOW_LINES + 1
            if mode and jabatan:
                pending = ("penandatangan" if mode == "penetapan" else "sekretaris_daerah", jabatan)
            mode = "penetapan" if m.group(1).lower() == "ditetapkan" else "pengundangan"
            found[f"tempat_{mode}"] = m.group(2).strip()
            jabatan = None
            continue
        if mode and date_lines > 0 and f"tanggal_{mode}" not in found and (d := find_tanggal(line)):
            found[f"tanggal_{mode}"] = format_iso(d[0])
            # Side-by-side closing blocks can share a printed line: "Pada tanggal
            # 27 November 2017   OLLY DONDOKAMBEY" ends with the other block's name.
            rest = line[d[2] :].strip()
            if pending and _capitalised(rest):
                found.setdefault(pending[0], Pejabat(jabatan=pending[1], nama=rest))
                pending = None
            continue
        if m := BERITA_RE.match(line):
            found["berita_daerah_tahun"] = int(m.group(2))
            found["berita_daerah_nomor"] = m.group(3)
            mode = None
            continue
        if line.lower().startswith("salinan sesuai"):
            mode = None
            continue
        key = "penandatangan" if mode == "penetapan" else "sekretaris_daerah"
        if mode and line.endswith(","):
            jabatan = line.rstrip(",").strip()
            continue
        # The office is printed with a comma; one without ("SEKRETARIS DAERAH PROVINSI
        # SULAWESI UTARA") is the first capitalised line after the place and date.
        if mode and jabatan is None and key not in found and _capitalised(line):
            more = _office_rest(lines[k + 1 :])
            jabatan = " ".join([line, *more]).rstrip(",").strip()
            skip = len(more)
            continue
        if mode and jabatan and not SIGNED_RE.match(line):
            found.setdefault(key, Pejabat(jabatan=jabatan, nama=line))
            jabatan = None
    return found


def enactment_year(lines: list[str]) -> int | None:
    """The year of the date of enactment ("Ditetapkan di X / pada tanggal D") in the closing
    formulas among `lines`, else None: the year of a Keputusan whose title prints none."""
    tanggal = _officials(lines).get("tanggal_penetapan")
    return int(str(tanggal)[:4]) if tanggal else None


# An office printed over several lines ("KEPALA LEMBAGA PENERBANGAN DAN / ANTARIKSA NASIONAL
# REPUBLIK INDONESIA,") ends with its comma within this many lines.
OFFICE_MAX_LINES = 4


def _office_rest(following: list[str]) -> list[str]:
    """The lines that continue an office whose first printed line has no comma: capitalised
    lines up to the one that ends with the office's comma, within OFFICE_MAX_LINES; none
    when no such comma comes (an office printed without one, "SEKRETARIS DAERAH PROVINSI
    SULAWESI UTARA", is followed by the name)."""
    rest: list[str] = []
    for raw in following[: OFFICE_MAX_LINES - 1]:
        line = raw.strip()
        if not _capitalised(line) or PLACE_RE.match(line):
            return []
        rest.append(line)
        if line.endswith(","):
            return rest
    return []


# A lampiran header block ("LAMPIRAN II / PERATURAN BUPATI X / NOMOR ... / TANGGAL ... /
# TENTANG <subject>") follows a grammar: the LAMPIRAN line, the regulation's kind and issuer
# (over as many lines as its width needs: "PERATURAN BADAN PENGAWAS TENAGA / NUKLIR /
# REPUBLIK INDONESIA"), its NOMOR and TANGGAL, then TENTANG and a subject that runs on until
# it is complete. The lampiran's own title is the block of capitalised lines after it.
HEADER_LINE_RE = re.compile(r"^(?:LAMPIRAN|PERATURAN|KEPUTUSAN|NOMOR|TANGGAL|TENTANG)\b", re.I)
# The LAMPIRAN line opens the block within this many lines of the page's top (a letterhead,
# "KEPALA BADAN ... / REPUBLIK INDONESIA", may stand above it).
HEADER_LEAD_LINES = 3
# The TENTANG line comes within this many lines of the LAMPIRAN line (a joint decree's
# block names three ministers over four lines and prints three NOMOR lines); a block that
# prints none ends at its last LAMPIRAN/PERATURAN/NOMOR/TANGGAL line.
HEADER_MAX_LINES = 12
HEADER_MAX_SUBJECT_LINES = 8
# A subject whose end is not the regulation's subject's end is the lampiran's own subject
# (printed in the header in place of a title below it) unless its first or last
# SUBJECT_EDGE_WORDS words read like the regulation's (character similarity at least
# SUBJECT_SAME_RATIO): then it is the regulation's subject misread (OCR), and the header
# cannot be delimited.
SUBJECT_EDGE_WORDS = 2
SUBJECT_SAME_RATIO = 0.8
# Where a lampiran's own title ends: an item, a chapter or a table label, or a part of the
# lampiran's text (its contents, its foreword) starts.
ITEM_START_RE = re.compile(r"^(?:(?:[A-Z]|[IVXLC]+|[0-9]+|[a-z])[.)]|\(?[0-9a-z]\)|BAB\s|Tabel\s)")
PART_HEADING_RE = re.compile(
    r"^(?:DAFTAR\s+(?:ISI|TABEL|GAMBAR|LAMPIRAN)|KATA\s+PENGANTAR)\s*:?\s*$", re.I
)
# A label printed before the title ("Contoh:", "Format:"): one or two words and a colon.
TITLE_LABEL_RE = re.compile(r"^\w+(?:\s+\w+)?\s*:\s*$")
TITLE_MAX_LINES = 5


def _words(text: str) -> list[str]:
    return re.sub(r"[^0-9A-Z]+", " ", text.upper()).split()


def _header_start(lines: list[str]) -> int | None:
    return next(
        (k for k, line in enumerate(lines[:HEADER_LEAD_LINES])
         if line.strip().upper().startswith("LAMPIRAN")),
        None,
    )  # fmt: skip


def _subject_end(lines: list[str], k: int, tentang: str | None) -> tuple[int, str | None]:
    """Where the header's subject, opening on line `k` (its TENTANG line), ends (the index
    of the line after it), and the subject when it is the lampiran's own rather than the
    regulation's `tentang`; (-1, None) when it cannot be delimited."""
    tail = _words(tentang or "")[-2:]
    subject: list[str] = []
    for j in range(k, min(len(lines), k + 1 + HEADER_MAX_SUBJECT_LINES)):
        first = j == k
        text = lines[j].strip()
        if first:
            text = re.sub(r"^.*?\bTENTANG\b\s*:?\s*", "", text, count=1, flags=re.I)
        elif not _capitalised(text) or ITEM_START_RE.match(text):
            break
        subject.append(text)
        words = _words(" ".join(subject))
        if tail and words[-len(tail) :] == tail:
            return j + 1, None
    words = _words(" ".join(subject))
    theirs = _words(tentang or "")
    if not theirs:
        return -1, None  # whose subject it is cannot be told
    n = SUBJECT_EDGE_WORDS
    misread = any(
        SequenceMatcher(None, " ".join(a), " ".join(b)).ratio() >= SUBJECT_SAME_RATIO
        for a, b in ((words[:n], theirs[:n]), (words[-n:], theirs[-n:]))
    )
    if not words or misread:
        return -1, None
    return k + len(subject), " ".join(t for t in subject if t)


def lampiran_judul(pages: list[list[str]], tentang: str | None) -> str | None:
    """A lampiran's own title: the capitalised lines printed under its header block
    ("LAMPIRAN I / PERATURAN ... / NOMOR ... / TENTANG <the regulation's subject>") on the
    first page that opens with the header (else its first page), after a label such as
    "Contoh:", up to the first item, chapter or table label or part heading ("DAFTAR ISI").
    A header whose TENTANG names a subject other than the regulation's names the lampiran's
    own: that subject is its title. None when the lampiran prints no title of its own, or
    its header cannot be delimited.

    `pages`: each page's lines above its first table (header block included), top to
    bottom; `tentang`: the regulation's subject, which the header repeats and which ends it.
    """
    if not pages:
        return None
    lines = next((lines for lines in pages if _header_start(lines) is not None), pages[0])
    start = _header_start(lines)
    k = 0
    if start is not None:
        about = next(
            (j for j in range(start, min(len(lines), start + HEADER_MAX_LINES))
             if "TENTANG" in _words(lines[j])),
            None,
        )  # fmt: skip
        if about is None:
            k = start + 1
            while k < len(lines) and HEADER_LINE_RE.match(lines[k].strip()):
                k += 1
        else:
            k, subject = _subject_end(lines, about, tentang)
            if subject is not None:
                return subject
            if k < 0:
                return None
    title: list[str] = []
    for j, line in enumerate(lines[k:]):
        text = line.strip()
        if j == 0 and TITLE_LABEL_RE.match(text):
            continue
        if (
            len(title) == TITLE_MAX_LINES
            or ITEM_START_RE.match(text)
            or PART_HEADING_RE.match(text)
            or not _capitalised(text)
        ):
            break
        title.append(text)
    return " ".join(title) or None


def own_title(body: Body, header: list[str] | None = None) -> Title | None:
    """The regulation's own title, read from its title block; for a file that prints no
    title block (a lampiran published alone), from `header`, the regulation named by its
    first lampiran's header block (header_block)."""
    judul = next(iter(body.find("judul")), None)
    if judul:
        return parse_title(" ".join(title_lines(judul.text_lines)))
    return parse_title(" ".join(header)) if header else None


# A lampiran header block is printed as an aligned block: its lines start at the x of its
# "LAMPIRAN" line (within this many points), one under the other, with no gap wider than
# HEADER_MAX_GAP line heights; the lampiran's own title is printed under it, centred or at
# a gap.
HEADER_ALIGN_PT = 3.0
HEADER_MAX_GAP = 1.5
LAMPIRAN_WORD_RE = re.compile(r"^LAMPIRAN(?:\s+(?:[IVXLC]+[A-Z]?|\d+[A-Z]?))?\s*[:.]?\s*", re.I)


def header_block(lines: list[TextLine]) -> list[str]:
    """The lines of the header block that opens a lampiran page ("LAMPIRAN I / PERATURAN
    GUBERNUR BALI / NOMOR I TAHUN 2021 / TENTANG / ..."), the word LAMPIRAN and its number
    left out; [] when the page does not open with one. `lines`: the page's lines, header
    block included."""
    ordered = sorted(lines, key=lambda ln: (ln.top, ln.x0))
    if not ordered or not LAMPIRAN_WORD_RE.match(ordered[0].text.strip()):
        return []
    first = ordered[0]
    out = [LAMPIRAN_WORD_RE.sub("", first.text.strip(), count=1)]
    previous = first
    for line in ordered[1:]:
        height = previous.bottom - previous.top
        if abs(line.x0 - first.x0) > HEADER_ALIGN_PT or (
            line.top - previous.bottom > HEADER_MAX_GAP * height
        ):
            break
        out.append(line.text.strip())
        previous = line
    return [text for text in out if text]


def title_lines(lines: list[str]) -> list[str]:
    """The title block's lines without the issuer's office that closes the opening formula
    ("BUPATI DONGGALA,", "KEPALA BADAN PENGAWAS TENAGA NUKLIR,"): a title printed without
    "DENGAN RAHMAT TUHAN YANG MAHA ESA" would run on into it, and a title never ends with
    a comma."""
    out = list(lines)
    if out and out[-1].rstrip().endswith(","):
        out.pop()
    return out


def dokumen_record(
    body: Body,
    dokumen_id: str,
    sha256: str,
    page_count: int,
    lampiran: list[Lampiran],
    header: list[str] | None = None,
    closing: list[str] | None = None,
) -> Dokumen:
    """`header`: the first lampiran's header block, the title of a file that prints none;
    `closing`: the lines of the file's last closing block (a lampiran's signature), read
    when the body prints no closing (a file that holds a lampiran alone)."""
    judul = next(iter(body.find("judul")), None)
    title = " ".join(judul.text_lines) if judul else " ".join(header or [])
    own = own_title(body, header)
    jenis = singkatan = daerah = nomor = tentang = None
    tahun: int | None = None
    if own:
        jenis, singkatan = own.kind.jenis, own.kind.singkatan_jenis
        daerah, nomor, tahun, tentang = own.region, own.nomor, own.tahun, own.tentang
    prov = PROVINSI_RE.search(title)
    penutup = next(iter(body.find("penutup")), None)
    officials = _officials(penutup.text_lines) if penutup else _officials(closing or [], True)
    if own and tahun is None and officials.get("tanggal_penetapan"):
        # A Keputusan numbered without TAHUN: the year of its date of enactment.
        tahun = int(str(officials["tanggal_penetapan"])[:4])
    return Dokumen(
        dokumen_id=dokumen_id,
        jenis=jenis,
        singkatan_jenis=singkatan,
        daerah=daerah,
        provinsi=_title_case(prov.group(1)) if prov else _province_of(own),
        nomor=nomor,
        tahun=tahun,
        tentang=tentang,
        tempat_penetapan=officials.get("tempat_penetapan"),
        tanggal_penetapan=officials.get("tanggal_penetapan"),
        penandatangan=officials.get("penandatangan"),
        tempat_pengundangan=officials.get("tempat_pengundangan"),
        tanggal_pengundangan=officials.get("tanggal_pengundangan"),
        # Only a region has a Sekretaris Daerah: a national or an agency's regulation is
        # promulgated by a minister or a director general, which Dokumen has no field for.
        sekretaris_daerah=officials.get("sekretaris_daerah") if _regional(own) else None,
        berita_daerah_tahun=officials.get("berita_daerah_tahun"),
        berita_daerah_nomor=officials.get("berita_daerah_nomor"),
        lampiran=lampiran,
        relasi=_unique(relations(tentang or "", own) + revoked(body, own)),
        sumber_sha256=sha256,
        jumlah_halaman=page_count,
    )


def _regional(own: Title | None) -> bool:
    """Whether the issuer is a region (True while the title is unread)."""
    return own is None or own.kind.regional


def _unique(relasi: list[Relasi]) -> list[Relasi]:
    """Each related regulation once per status, in the order first named."""
    seen: set[tuple[str, str]] = set()
    out = []
    for r in relasi:
        if (r.status, r.dokumen_id) not in seen:
            seen.add((r.status, r.dokumen_id))
            out.append(r)
    return out


def _province_of(own: Title | None) -> str | None:
    """A provincial kind (Pergub, Perda Provinsi) names its province itself."""
    if own and own.nama and (own.wilayah or own.kind.wilayah) == "Provinsi":
        return _title_case(own.nama)
    return None


# The revocation formula of a closing article (UU 12/2011, Lampiran II): "Pada saat ... mulai
# berlaku, Peraturan ... Nomor 15 Tahun 2008 tentang ... dicabut dan dinyatakan tidak berlaku."
REVOKED_RE = re.compile(r"\bDICABUT\s+DAN\s+(?:DINYATAKAN\s+)?TIDAK\s+BERLAKU\b")
# Between two regulations named before the formula: the second amends the first ("...
# sebagaimana telah diubah dengan ..."), and is revoked with it, not on its own.
AMENDED_BY_RE = re.compile(r"\bSEBAGAIMANA\b.*\bDIUBAH\b", re.S)


def _subtree_text(node: Node) -> str:
    """A node's text and its items' text, in order, without quoted provisions (the quoted
    articles of an amendment are the amended regulation's text, not this one's)."""
    parts = [node.teks]
    parts.extend(_subtree_text(c) for c in node.children if not c.quote_root)
    return " ".join(p for p in parts if p)


def _quoted(node: Node) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.quote_root:
            return True
        parent = parent.parent
    return False


def revoked(body: Body, own: Title | None = None) -> list[Relasi]:
    """The regulations this one revokes in its articles: each regulation named before the
    revocation formula, in its clause; one named after "sebagaimana ... diubah" amends the
    one before it and is not a relation of its own. A regional title printed without its
    region names the issuer's own."""
    out: list[Relasi] = []
    for pasal in body.find("pasal"):
        if _quoted(pasal):
            continue
        flat = " ".join(_subtree_text(pasal).upper().split())
        start = 0
        for formula in REVOKED_RE.finditer(flat):
            clause = flat[start : formula.start()]
            start = formula.end()
            previous_end: int | None = None
            for m in KIND_RE.finditer(clause):
                cited = title_at_start(clause[m.start() :])
                # A kind word inside running text ("PERATURAN LEMBAGA INI MULAI BERLAKU,
                # PERATURAN KEPALA ...") is not a title: it would run into the next kind.
                if cited is None or KIND_RE.search(cited.teks, m.end() - m.start()):
                    continue
                between = clause[previous_end : m.start()] if previous_end is not None else ""
                previous_end = m.start() + len(cited.teks)
                if AMENDED_BY_RE.search(between):
                    continue
                if own is not None:
                    cited = cited.with_issuer_of(own)
                target = cited.dokumen_id()
                if target:
                    out.append(
                        Relasi(status="Mencabut", dokumen_id=target, judul=_title_case(cited.teks))
                    )
    return out


def relations(tentang: str, own: Title | None = None) -> list[Relasi]:
    """The regulations this one amends or revokes, from its title ("PERUBAHAN ATAS
    PERATURAN BUPATI NOMOR 33 TAHUN 2024": a regional title printed without its region
    names the issuer's own)."""
    out = []
    flat = " ".join(tentang.upper().split())
    for m in RELATION_RE.finditer(flat):
        cited = title_at_start(flat[m.end() :])
        if cited is None:
            continue
        if own is not None:
            cited = cited.with_issuer_of(own)
        target = cited.dokumen_id()
        if target:
            status = RELATION_STATUS[m.group(1).split()[0].lower()]
            out.append(Relasi(status=status, dokumen_id=target, judul=_title_case(cited.teks)))
    return out
