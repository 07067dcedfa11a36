"""Classify pages into the regulation body and its lampiran, and strip page furniture.

Page furniture is not content: page-number headers ("- 25 -"), lampiran header blocks
("LAMPIRAN I : PERATURAN BUPATI ...", "NOMOR : ...", "TANGGAL : ..."), and running heads
and footers: the outermost lines of a page that recur at the page edge on several pages,
or that state an electronic signature ("Dokumen ini telah ditandatangani
secara elektronik ... (BSrE)"). A lampiran starts
where such a block names it, or, when it prints no block, where a page opens with a
heading that the body cites as the lampiran's content ("... Rencana Aksi ... sebagaimana
tercantum dalam Lampiran II"), or on the first page after a closing formula ("Salinan
sesuai dengan aslinya", a signature) that ended the previous part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from pipeline.extract.layout import TextLine
from pipeline.extract.tables.header import fold
from pipeline.roman import number_to_int

PAGE_NUMBER_RE = re.compile(r"^(?:[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}|halaman\s+\d{1,4})$", re.I)
DASHED_PAGE_NUMBER_RE = re.compile(r"^[-–—]\s*\d{1,4}\s*[-–—]$")
# On a scan, "- 2 -" may come out as "-D -" or "_ 2 _": a short token between dashes in the
# margin is still the page number (its printed label is then unknown).
PAGE_NUMBER_OCR_RE = re.compile(r"^[-–—_]\s*\w{1,4}\s*[-–—_]$")
# The lampiran's number as printed: Roman or Arabic, a letter after it for one inserted by an
# amendment ("LAMPIRAN IA", between I and II).
LAMPIRAN_BLOCK_RE = re.compile(r"^LAMPIRAN(?:\s+([IVXLC]+[A-Z]?|\d+[A-Z]?))?\b\s*[:.]?", re.I)
# A Penjelasan opens its first page: "PENJELASAN" alone (then "ATAS"), or "PENJELASAN ATAS
# PERATURAN ..." on one line.
PENJELASAN_RE = re.compile(r"^PENJELASAN(?:\s+ATAS\b.*)?$", re.I)
# A header block's first line may be the bare word, over the regulation's kind line
# ("LAMPIRAN" / "PERATURAN PEMERINTAH ...", "LAMPIRAN" / "KEPUTUSAN BERSAMA ...").
BARE_LAMPIRAN_RE = re.compile(r"^LAMPIRAN\s*:?$", re.I)
BLOCK_KIND_RE = re.compile(r"^(?:PERATURAN|KEPUTUSAN)\s+[A-Z]", re.I)
BLOCK_FIELD_RE = re.compile(r"^(?:NOMOR|TANGGAL|TENTANG)\s*:", re.I)
# A block's lines stand in one column, line under line (as regulation.header_block reads it).
BLOCK_ALIGN_PT = 3.0
BLOCK_MAX_GAP = 1.5
LAMPIRAN_REF_RE = re.compile(
    r"([^.;:]{10,300}?)\s+(?:sebagaimana\s+)?(?:tercantum|termuat|tersebut)\s+dalam\s+"
    r"Lampiran\s+([IVXLC]+[A-Z]?|\d+[A-Z]?)\b",
    re.I,
)
# A closing block: the signature ("BUPATI MAGETAN," over "TTD") or the certified-copy
# formula ("Salinan sesuai dengan aslinya"); it runs to the end of its page.
SIGNER_RE = re.compile(r"^(?:BUPATI|WALI\s?KOTA|GUBERNUR)\b[^,]*,$", re.I)
SIGNED_RE = re.compile(r"^ttd\.?$", re.I)
CERTIFIED_COPY_RE = re.compile(r"^salinan sesuai dengan aslinya", re.I)
SIGNATURE_LOOKAHEAD = 3
# A closing block that fills its page to the end goes on at the top of the next page: the
# lines opening that page set on the block's axis (their centre within this many points of
# the centre of every line of the block, which are all set on one axis right of the page's
# middle, a signature column) are the rest of it ("KEPALA BAGIAN HUKUM" / name / rank /
# NIP under "Salinan sesuai dengan aslinya").
CLOSING_AXIS_TOLERANCE = 1.5
MIN_HEADING_WORDS = 3
# Running heads and footers: lines within this fraction of the page height from its top or
# bottom edge, outermost first, that recur on at least RUNNING_MIN_PAGES pages.
RUNNING_BAND = 0.15
RUNNING_MIN_PAGES = 3
# An e-sign footer states the certificate authority; once is enough.
ESIGN_RE = re.compile(
    r"ditandatangani\s+secara\s+elektronik|sertifikat\s+elektronik|\bBSrE\b"
    r"|Sertifikasi\s+Elektronik|Badan\s+Siber\s+dan\s+Sandi\s+Negara",
    re.I,
)


class PageKind(StrEnum):
    BODY = "batang_tubuh"
    LAMPIRAN = "lampiran"
    # The Penjelasan ("PENJELASAN ATAS PERATURAN ..."): a part of its own, printed after the
    # body's closing, before or after the lampiran.
    PENJELASAN = "penjelasan"


class LineRole(StrEnum):
    PAGE_NUMBER = "nomor_halaman"
    LAMPIRAN_BLOCK = "kepala_lampiran"
    RUNNING = "kepala_kaki_berulang"
    CATCHWORD = "kata_sambung"
    CLOSING = "penutup"
    CONTENT = "isi"


@dataclass(slots=True)
class PageInfo:
    number: int
    width: float
    height: float
    kind: PageKind = PageKind.BODY
    lampiran: int | None = None  # the lampiran's order number (Lampiran.urutan)
    lampiran_label: str | None = None  # its number as printed ("IA"); None: printed without
    label: str | None = None  # the printed page number, if any
    lines: list[TextLine] = field(default_factory=list)  # content lines outside tables
    furniture: list[tuple[TextLine, LineRole]] = field(default_factory=list)
    table_tops: list[float] = field(default_factory=list)
    printed_chars: int = 0  # non-space characters printed on the page, tables included
    # Keys of content lines printed inside a table frame (ruling.table_frames) that no
    # table piece read: table text read as narrative, a leftover (run.framed_leftovers).
    framed: list[str] = field(default_factory=list)

    @property
    def landscape(self) -> bool:
        return self.width > self.height


def split_furniture(info: PageInfo, lines: list[TextLine], margin: float) -> int | None:
    """Move page numbers and lampiran blocks out of `lines`; return the block's number (0:
    printed without one, or with one that is no plain number, "IA": the next in order); its
    printed number goes to `info.lampiran_label`."""
    block_no: int | None = None
    in_block = False
    first = previous = None
    # A page number printed between dashes ("- 2 -") is one wherever it stands as the page's
    # first or last line (a folio page's top margin runs deeper than `margin`).
    edges = (
        {id(min(lines, key=lambda ln: ln.top)), id(max(lines, key=lambda ln: ln.bottom))}
        if lines
        else set()
    )
    for k, line in enumerate(lines):
        in_margin = line.top < info.height * margin or line.bottom > info.height * (1 - margin)
        text = line.text.strip()
        if id(line) in edges and DASHED_PAGE_NUMBER_RE.match(text) and info.label is None:
            in_margin = True
        if in_margin and PAGE_NUMBER_RE.match(text) and info.label is None:
            info.label = re.sub(r"\D", "", text)
            info.furniture.append((line, LineRole.PAGE_NUMBER))
            continue
        if in_margin and PAGE_NUMBER_OCR_RE.match(text) and info.label is None:
            info.furniture.append((line, LineRole.PAGE_NUMBER))
            continue
        m = LAMPIRAN_BLOCK_RE.match(text)
        if (
            m
            and line.top < info.height * 0.3
            and (":" in text or m.group(1) or _bare_block(text, lines[k + 1 : k + 2]))
            and _opens_block(text[m.end() :])
        ):
            in_block = True
            first = previous = line
            block_no = _order_number(m.group(1))
            info.lampiran_label = m.group(1).upper() if m.group(1) else None
            info.furniture.append((line, LineRole.LAMPIRAN_BLOCK))
            continue
        if in_block and (BLOCK_FIELD_RE.match(text) or _block_goes_on(line, first, previous)):
            info.furniture.append((line, LineRole.LAMPIRAN_BLOCK))
            previous = line
            continue
        in_block = False
        info.lines.append(line)
    _split_closing(info)
    return block_no


def _block_goes_on(line: TextLine, first: TextLine | None, previous: TextLine | None) -> bool:
    """Whether `line` goes on with the header block opened by `first`: printed in its column
    (aligned with its first line) right under the block's last line, as a block without
    colons prints its fields ("LAMPIRAN I / PERATURAN BUPATI DONGGALA / NOMOR 24 TAHUN 2025 /
    TENTANG / ..."). Without this, the lines a block repeats on every lampiran went to the
    running heads, and its kind and number were lost to the block."""
    if first is None or previous is None:
        return False
    height = previous.bottom - previous.top
    return (
        abs(line.x0 - first.x0) <= BLOCK_ALIGN_PT
        and line.top - previous.bottom <= BLOCK_MAX_GAP * height
    )


def _order_number(printed: str | None) -> int:
    """A printed lampiran number as an order number ("II" -> 2, "3" -> 3); 0 for none, or
    for one with a letter after it ("IA": inserted after I, it takes the next place)."""
    try:
        return number_to_int(printed) if printed else 0
    except ValueError:
        return 0


def _bare_block(text: str, following: list[TextLine]) -> bool:
    """Whether a line that is the bare word "LAMPIRAN" opens a header block: the line under
    it names the regulation ("PERATURAN PEMERINTAH ...", "KEPUTUSAN BERSAMA ...")."""
    return bool(
        BARE_LAMPIRAN_RE.match(text)
        and following
        and BLOCK_KIND_RE.match(following[0].text.strip())
    )


def _opens_block(rest: str) -> bool:
    """Whether a line that starts "LAMPIRAN <n>" is a header block's first line, from what
    follows the number: nothing, the regulation ("PERATURAN ...", "Peraturan Bupati ..."),
    never running text of an article that wraps there ("Lampiran II yang merupakan bagian
    tidak terpisahkan ..."), which goes on in lower case."""
    rest = rest.strip()
    return not rest or not rest[0].islower()


def _closing_start(lines: list[TextLine]) -> int | None:
    for k, line in enumerate(lines):
        text = line.text.strip()
        if CERTIFIED_COPY_RE.match(text):
            return k
        ahead = lines[k + 1 : k + 1 + SIGNATURE_LOOKAHEAD]
        if SIGNER_RE.match(text) and any(SIGNED_RE.match(a.text.strip()) for a in ahead):
            return k
    return None


def _split_closing(info: PageInfo) -> None:
    """Move the closing block (signature, certified-copy formula) out of the content."""
    ordered = sorted(info.lines, key=lambda ln: (ln.top, ln.x0))
    k = _closing_start(ordered)
    if k is None:
        return
    info.lines = ordered[:k]
    info.furniture.extend((line, LineRole.CLOSING) for line in ordered[k:])


def closing_lines(page: PageInfo) -> list[TextLine]:
    return [line for line, role in page.furniture if role is LineRole.CLOSING]


def lampiran_references(pages: list[PageInfo]) -> dict[int, list[tuple[int, str, str]]]:
    """Folded phrases that the text cites as the content of each lampiran, each with the
    page on which the citation ends and the lampiran's number as printed."""
    text, ends = "", []  # ends[k]: (offset in `text` where page k's lines end, page number)
    for p in pages:
        text += " ".join(line.text for line in p.lines) + " "
        ends.append((len(text), p.number))
    refs: dict[int, list[tuple[int, str, str]]] = {}
    for m in LAMPIRAN_REF_RE.finditer(text):
        n = _order_number(m.group(2))
        if not n:
            continue
        page = next(number for end, number in ends if m.end() <= end)
        refs.setdefault(n, []).append((page, fold(m.group(1)), m.group(2).upper()))
    return refs


def _heading(page: PageInfo) -> str | None:
    """The page's opening line when it looks like a heading (bold or upper case)."""
    top = min(page.table_tops, default=page.height)
    for line in page.lines:
        if line.top >= top:
            return None
        text = line.text.strip()
        if line.bold or (text.isupper() and len(text) > 3):
            return fold(text)
        return None
    return None


def _running_key(line: TextLine) -> str:
    # Exact text: with digits masked, "Pasal 2", "Pasal 5", "Pasal 8" opening three pages
    # would recur. A running line that counts pages is a page number (PAGE_NUMBER_RE).
    return " ".join(line.text.split()).casefold()


def _edge_runs(page: PageInfo, lines: list[TextLine]) -> tuple[list[TextLine], list[TextLine]]:
    """The lines in the top band, top down, and in the bottom band, bottom up."""
    ordered = sorted(lines, key=lambda ln: (ln.top, ln.x0))
    top = [ln for ln in ordered if ln.bottom <= page.height * RUNNING_BAND]
    bottom = [ln for ln in reversed(ordered) if ln.top >= page.height * (1 - RUNNING_BAND)]
    return top, bottom


def strip_running(pages: list[PageInfo]) -> None:
    """Move running heads and footers out of the content (and out of closing blocks, which
    run to the end of their page), in place: from each page edge inwards, every line that
    states an e-sign or whose text recurs as content in that band on
    RUNNING_MIN_PAGES pages, until the first that does neither. A signature block recurs too
    (the body's, each lampiran's), but as a closing block: it never counts as recurring."""
    seen: dict[tuple[int, str], int] = {}
    for page in pages:
        for side, run in enumerate(_edge_runs(page, page.lines)):
            for key in {_running_key(ln) for ln in run}:
                seen[side, key] = seen.get((side, key), 0) + 1
    for page in pages:
        running: set[str] = set()
        for side, run in enumerate(_edge_runs(page, page.lines + closing_lines(page))):
            for line in run:
                recurs = seen.get((side, _running_key(line)), 0) >= RUNNING_MIN_PAGES
                if not (recurs or ESIGN_RE.search(line.text)):
                    break
                running.add(line.key)
        if not running:
            continue
        moved = [ln for ln in page.lines if ln.key in running]
        moved += [ln for ln in closing_lines(page) if ln.key in running]
        page.lines = [ln for ln in page.lines if ln.key not in running]
        page.furniture = [(ln, r) for ln, r in page.furniture if ln.key not in running]
        page.furniture.extend((ln, LineRole.RUNNING) for ln in moved)


def _centre(line: TextLine) -> float:
    return (line.x0 + line.x1) / 2


def carry_closing(pages: list[PageInfo], block_numbers: list[int | None]) -> None:
    """The rest of a closing block printed at the top of the next page is closing block too
    (see CLOSING_AXIS_TOLERANCE), in place; not on a page that opens a lampiran block, nor
    past the top of a table."""
    for prev, page, block_no in zip(pages, pages[1:], block_numbers[1:], strict=False):
        block = closing_lines(prev)
        if not block or block_no is not None:
            continue
        axis = _centre(block[0])
        if any(abs(_centre(ln) - axis) > CLOSING_AXIS_TOLERANCE for ln in block):
            continue
        if axis <= prev.width / 2 + CLOSING_AXIS_TOLERANCE:
            continue  # not a signature column: a title centred on the page would follow
        top = min(page.table_tops, default=page.height)
        ordered = sorted(page.lines, key=lambda ln: (ln.top, ln.x0))
        k = 0
        while (
            k < len(ordered)
            and ordered[k].top < top
            and abs(_centre(ordered[k]) - axis) <= CLOSING_AXIS_TOLERANCE
        ):
            k += 1
        if k:
            page.lines = ordered[k:]
            page.furniture.extend((line, LineRole.CLOSING) for line in ordered[:k])


# A catchword: the first words of the next page printed at the foot of a page, then an
# ellipsis ("3. Peraturan Pemerintah . . ."), as typeset national regulations print them.
CATCHWORD_RE = re.compile(r"^(?P<words>.*?\S)\s*(?:(?:\.\s*){3,}|…)$")


def _folded_words(text: str) -> list[str]:
    return re.sub(r"[^\w]+", " ", text).casefold().split()


def strip_catchwords(pages: list[PageInfo]) -> None:
    """Move catchwords out of the content, in place: the last content line of a page that
    ends with an ellipsis and whose words open the next page's first content line (page
    numbers left aside). Text that only ends with an ellipsis ("Tahun ....") stays."""
    for page, following in zip(pages, pages[1:], strict=False):
        if not page.lines:
            continue
        last = max(page.lines, key=lambda ln: (ln.bottom, ln.x0))
        m = CATCHWORD_RE.match(last.text.strip())
        if m is None:
            continue
        opening = [
            ln
            for ln in sorted(following.lines, key=lambda ln: (ln.top, ln.x0))
            if not PAGE_NUMBER_RE.match(ln.text.strip())
        ]
        if not opening:
            continue
        words = _folded_words(m.group("words"))
        first = _folded_words(opening[0].text)
        # The next page may print the item's number before the words ("4. persetujuan,").
        if not words or words not in (first[: len(words)], first[1 : 1 + len(words)]):
            continue
        page.lines = [ln for ln in page.lines if ln is not last]
        page.furniture.append((last, LineRole.CATCHWORD))


def _first_line(page: PageInfo) -> str:
    """The page's opening content line, when no table stands above it; "" otherwise."""
    top = min(page.table_tops, default=page.height)
    first = min(page.lines, key=lambda ln: (ln.top, ln.x0), default=None)
    return first.text.strip() if first is not None and first.top < top else ""


def classify(pages: list[PageInfo], block_numbers: list[int | None]) -> None:
    """Strip running heads and footers, then set kind and lampiran number on every page, in
    place. A Penjelasan runs from the page it opens to the next lampiran header block or the
    end."""
    strip_running(pages)
    strip_catchwords(pages)
    carry_closing(pages, block_numbers)
    refs = lampiran_references(pages)
    current = 0
    closed = False
    label: str | None = None  # the current lampiran's number as printed
    explaining = False  # inside the Penjelasan
    for page, block_no in zip(pages, block_numbers, strict=True):
        start: int | None = None
        printed = page.lampiran_label
        opening = _first_line(page)
        if block_no is None and PENJELASAN_RE.match(opening):
            explaining = True
        elif explaining and block_no is not None:
            explaining = False
        if explaining:
            page.kind, page.lampiran, page.lampiran_label = PageKind.PENJELASAN, None, None
            continue
        if block_no is not None:
            # A number that is no plain numeral ("IA") takes the next place, unless the
            # block repeats the current lampiran's own number on its next page.
            same = block_no == 0 and printed is not None and printed == label
            start = block_no if block_no > 0 else current if same else current + 1
        else:
            heading = _heading(page)
            if heading and len(heading.split()) >= MIN_HEADING_WORDS:
                # A lampiran is printed after the article that cites it: a page before
                # the citation (the title page, whose kind line the citation repeats:
                # "... Peraturan Kepala Badan ... sehingga menjadi sebagaimana tercantum
                # dalam Lampiran I") never starts it.
                for n, cited in sorted(refs.items()):
                    found = [no for at, ph, no in cited if at < page.number and heading in ph]
                    if n > current and found:
                        start, printed = n, found[0]
                        break
            tail_of_closing = bool(closing_lines(page)) and not page.lines and not page.table_tops
            if start is None and closed and not tail_of_closing and (page.lines or page.table_tops):
                start = current + 1
            if tail_of_closing:
                # A page holding only a closing block (e.g. "Salinan sesuai dengan
                # aslinya" after a signature) still belongs to the part it closes.
                page.kind = PageKind.LAMPIRAN if current else PageKind.BODY
                page.lampiran = current or None
                page.lampiran_label = label if current else None
                closed = True
                continue
        if start is not None and start != current:
            current, label = start, printed
        elif start is not None and label is None:
            # A lampiran started before its header block (on a page after a closing
            # formula) takes the number the block prints.
            label = printed
        if current:
            page.kind, page.lampiran = PageKind.LAMPIRAN, current
        page.lampiran_label = label if current else None
        closed = bool(closing_lines(page))
