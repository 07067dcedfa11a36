"""Classify pages into the regulation body and its lampiran, and strip page furniture.

Page furniture is not content: page-number headers ("- 25 -") and lampiran header blocks
("LAMPIRAN I : PERATURAN BUPATI ...", "NOMOR : ...", "TANGGAL : ..."). A lampiran starts
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
# On a scan, "- 2 -" may come out as "-D -" or "_ 2 _": a short token between dashes in the
# margin is still the page number (its printed label is then unknown).
PAGE_NUMBER_OCR_RE = re.compile(r"^[-–—_]\s*\w{1,4}\s*[-–—_]$")
LAMPIRAN_BLOCK_RE = re.compile(r"^LAMPIRAN(?:\s+([IVXLC]+|\d+))?\b\s*[:.]?", re.I)
BLOCK_FIELD_RE = re.compile(r"^(?:NOMOR|TANGGAL|TENTANG)\s*:", re.I)
LAMPIRAN_REF_RE = re.compile(
    r"([^.;:]{10,300}?)\s+(?:sebagaimana\s+)?(?:tercantum|termuat|tersebut)\s+dalam\s+"
    r"Lampiran\s+([IVXLC]+|\d+)\b",
    re.I,
)
# A closing block: the signature ("BUPATI MAGETAN," over "TTD") or the certified-copy
# formula ("Salinan sesuai dengan aslinya"); it runs to the end of its page.
SIGNER_RE = re.compile(r"^(?:BUPATI|WALI\s?KOTA|GUBERNUR)\b[^,]*,$", re.I)
SIGNED_RE = re.compile(r"^ttd\.?$", re.I)
CERTIFIED_COPY_RE = re.compile(r"^salinan sesuai dengan aslinya", re.I)
SIGNATURE_LOOKAHEAD = 3
MIN_HEADING_WORDS = 3


class PageKind(StrEnum):
    BODY = "batang_tubuh"
    LAMPIRAN = "lampiran"


class LineRole(StrEnum):
    PAGE_NUMBER = "nomor_halaman"
    LAMPIRAN_BLOCK = "kepala_lampiran"
    CLOSING = "penutup"
    CONTENT = "isi"


@dataclass(slots=True)
class PageInfo:
    number: int
    width: float
    height: float
    kind: PageKind = PageKind.BODY
    lampiran: int | None = None
    label: str | None = None  # the printed page number, if any
    lines: list[TextLine] = field(default_factory=list)  # content lines outside tables
    furniture: list[tuple[TextLine, LineRole]] = field(default_factory=list)
    table_tops: list[float] = field(default_factory=list)

    @property
    def landscape(self) -> bool:
        return self.width > self.height


def split_furniture(info: PageInfo, lines: list[TextLine], margin: float) -> int | None:
    """Move page numbers and lampiran blocks out of `lines`; return the block's number."""
    block_no: int | None = None
    in_block = False
    for line in lines:
        in_margin = line.top < info.height * margin or line.bottom > info.height * (1 - margin)
        text = line.text.strip()
        if in_margin and PAGE_NUMBER_RE.match(text) and info.label is None:
            info.label = re.sub(r"\D", "", text)
            info.furniture.append((line, LineRole.PAGE_NUMBER))
            continue
        if in_margin and PAGE_NUMBER_OCR_RE.match(text) and info.label is None:
            info.furniture.append((line, LineRole.PAGE_NUMBER))
            continue
        m = LAMPIRAN_BLOCK_RE.match(text)
        if m and line.top < info.height * 0.3 and (":" in text or m.group(1)):
            in_block = True
            block_no = number_to_int(m.group(1)) if m.group(1) else 0
            info.furniture.append((line, LineRole.LAMPIRAN_BLOCK))
            continue
        if in_block and BLOCK_FIELD_RE.match(text):
            info.furniture.append((line, LineRole.LAMPIRAN_BLOCK))
            continue
        in_block = False
        info.lines.append(line)
    _split_closing(info)
    return block_no


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


def lampiran_references(pages: list[PageInfo]) -> dict[int, list[str]]:
    """Folded phrases that the text cites as the content of each lampiran."""
    text = " ".join(line.text for p in pages for line in p.lines)
    refs: dict[int, list[str]] = {}
    for m in LAMPIRAN_REF_RE.finditer(text):
        try:
            n = number_to_int(m.group(2))
        except ValueError:
            continue
        refs.setdefault(n, []).append(fold(m.group(1)))
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


def classify(pages: list[PageInfo], block_numbers: list[int | None]) -> None:
    """Set kind and lampiran number on every page, in place."""
    refs = lampiran_references(pages)
    current = 0
    closed = False
    for page, block_no in zip(pages, block_numbers, strict=True):
        start: int | None = None
        if block_no is not None:
            start = block_no if block_no > 0 else current + 1
        else:
            heading = _heading(page)
            if heading and len(heading.split()) >= MIN_HEADING_WORDS:
                for n, phrases in sorted(refs.items()):
                    if n > current and any(heading in ph for ph in phrases):
                        start = n
                        break
            tail_of_closing = bool(closing_lines(page)) and not page.lines and not page.table_tops
            if start is None and closed and not tail_of_closing and (page.lines or page.table_tops):
                start = current + 1
            if tail_of_closing:
                # A page holding only a closing block (e.g. "Salinan sesuai dengan
                # aslinya" after a signature) still belongs to the part it closes.
                page.kind = PageKind.LAMPIRAN if current else PageKind.BODY
                page.lampiran = current or None
                closed = True
                continue
        if start is not None and start != current:
            current = start
        if current:
            page.kind, page.lampiran = PageKind.LAMPIRAN, current
        closed = bool(closing_lines(page))
