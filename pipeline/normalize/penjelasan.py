"""The Penjelasan (elucidation) of a regulation as records: its title, the general part
("I. UMUM"), each item of "II. PASAL DEMI PASAL" keyed to the provision it explains, and its
closing line ("TAMBAHAN LEMBARAN NEGARA ... NOMOR ...").

UU 12/2011 Lampiran II (C.1-C.3, items 174-191) sets its layout: the title "PENJELASAN ATAS
<the regulation's title>", "I. UMUM" with running text, "II. PASAL DEMI PASAL" where each
explained provision is named on a line of its own ("Pasal 4", "Ayat (2)", "Huruf a",
"Angka 1") and followed by its explanation ("Cukup jelas." when there is none). An amending
regulation's Penjelasan names its instructions ("Pasal I", "Angka 1") and, under each, the
amended articles. Structure is read from lines that hold a label alone, so a reference inside
a sentence ("sebagaimana dimaksud dalam Pasal 5") never starts an item. Every line lands in
exactly one record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.extract.layout import TextLine
from pipeline.models import Penjelasan
from pipeline.normalize.body import Node, lowest_confidence
from pipeline.normalize.text import join_lines, slug
from pipeline.roman import ROMAN_RE

# The two parts' headings, numbered with a roman numeral or not: "I. UMUM.", "II. PASAL DEMI
# PASAL".
PART_RE = re.compile(
    r"^(?:(?P<nomor>[IVX]+)\s*\.?\s*)?(?P<part>UMUM|PASAL\s+DEMI\s+PASAL)\s*\.?$", re.I
)
# The labels of explained provisions, each alone on its line.
LABELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("pasal", re.compile(r"^Pasal\s+(\d+[A-Z]?|[IVXLC]+)$")),
    ("ayat", re.compile(r"^Ayat\s+(\(\d{1,3}[a-z]?\))$", re.I)),
    ("huruf", re.compile(r"^Huruf\s+([a-z]{1,2})$", re.I)),
    ("angka", re.compile(r"^Angka\s+(\d{1,3}[a-z]?)$", re.I)),
)
RANK = {"pasal": 0, "ayat": 1, "huruf": 2, "angka": 3}
# The closing line: where the explanation is registered.
TRAILER_RE = re.compile(r"^TAMBAHAN\s+(?:LEMBARAN|BERITA)\b", re.I)
SENTENCE_END = (".", ";", ":")
ENOUGH_RE = re.compile(r"^cukup\s+jelas\s*\.?$", re.I)


@dataclass(eq=False, slots=True)
class _Part:
    tingkat: str
    judul: str = ""
    nomor: str = ""
    parent: _Part | None = None
    lines: list[str] = field(default_factory=list)
    pages: set[int] = field(default_factory=set)
    confidence: float | None = None
    repeat: int = 1

    def see(self, line: TextLine) -> None:
        self.pages.add(line.page)
        self.confidence = lowest_confidence(self.confidence, line)

    @property
    def bagian(self) -> str:
        top = self
        while top.parent is not None:
            top = top.parent
        return top.tingkat if top.tingkat in ("judul", "umum", "penutup") else "pasal_demi_pasal"

    @property
    def id(self) -> str:
        own = self.tingkat if self.tingkat not in RANK else f"{self.tingkat}_{_key(self.nomor)}"
        if self.repeat > 1:
            own += f"__ulang_{self.repeat}"
        return own if self.parent is None else f"{self.parent.id}__{own}"

    def path(self) -> tuple[tuple[str, str], ...]:
        """The explained provision as (level, number) pairs, outermost first."""
        up = self.parent.path() if self.parent is not None else ()
        return (*up, (self.tingkat, _key(self.nomor))) if self.tingkat in RANK else up


def _key(number: str) -> str:
    return slug(number.strip("“\"'().").strip())


def _inner(part: _Part, level: str) -> str | None:
    """The number of the innermost explained provision of `level` at or above `part`, without
    its brackets or stop ("(2)" -> "2")."""
    node: _Part | None = part
    while node is not None:
        if node.tingkat == level:
            return node.nomor.strip("().") or None
        node = node.parent
    return None


def body_paths(nodes: list[Node]) -> dict[tuple[tuple[str, str], ...], str]:
    """Each body provision's path ((level, number) pairs of its Pasal, ayat, huruf and angka,
    outermost first) -> its node id; the first printing wins."""
    out: dict[tuple[tuple[str, str], ...], str] = {}
    for node in nodes:
        if node.level not in RANK:
            continue
        path: list[tuple[str, str]] = []
        up: Node | None = node
        while up is not None:
            if up.level in RANK:
                path.append((up.level, _key(up.nomor)))
            up = up.parent
        out.setdefault(tuple(reversed(path)), node.id)
    return out


@dataclass(slots=True)
class ParsedPenjelasan:
    parts: list[_Part]  # document order
    chars_out: int


def _chars(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _parent_for(level: str, nomor: str, stack: list[_Part]) -> list[_Part]:
    """The open items left once an item of `level` opens: a roman Pasal (an amendment's
    article) closes everything; an arabic Pasal inside one nests under its open instruction
    (Angka); an item whose level is open becomes its sibling; else the items of its rank or
    deeper close."""
    items = [p for p in stack if p.tingkat in RANK]
    roman = next(
        (k for k, p in enumerate(items) if p.tingkat == "pasal" and ROMAN_RE.match(p.nomor)), None
    )
    if level == "pasal" and ROMAN_RE.match(nomor):
        return []
    if level == "pasal" and roman is not None:
        inner = [k for k, p in enumerate(items) if k > roman and p.tingkat == "angka"]
        return items[: (inner[0] + 1) if inner else roman + 1]
    same = [k for k, p in enumerate(items) if p.tingkat == level]
    if same:
        return items[: same[-1]]
    while items and RANK[items[-1].tingkat] >= RANK[level]:
        items.pop()
    return items


def parse_penjelasan(
    lines: list[TextLine], closing: frozenset[str] = frozenset()
) -> ParsedPenjelasan:
    """Parse the Penjelasan's lines in reading order. `closing` holds the keys of closing-block
    lines, which belong to its closing part."""
    parts: list[_Part] = []
    section: _Part | None = None  # judul, umum, pasal_demi_pasal or penutup
    stack: list[_Part] = []  # open items under pasal_demi_pasal
    prev, opened = "", True  # the last line's text, and whether it was a heading or label
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if section is None or section.tingkat != "penutup":
            if line.key in closing or (TRAILER_RE.match(text) and section is not None):
                section, stack = _Part("penutup"), []
                parts.append(section)
                section.lines.append(text)
                section.see(line)
                continue
            if section is None:
                section = _Part("judul")
                parts.append(section)
            m = PART_RE.match(text)
            label = next(((lv, lm) for lv, p in LABELS if (lm := p.match(text))), None)
            if m is not None:
                kind = "umum" if m.group("part").upper() == "UMUM" else "pasal_demi_pasal"
                section, stack = _Part(kind, judul=text, nomor=m.group("nomor") or ""), []
                parts.append(section)
                section.see(line)
                prev, opened = text, True
                continue
            # Mid-sentence ("... sebagaimana dimaksud dalam" / "Pasal 5"), a label is a
            # reference: an explanation ends with its stop before the next label.
            sentence_start = opened or prev.endswith(SENTENCE_END) or section.tingkat == "judul"
            if label is not None and sentence_start:
                if section.tingkat != "pasal_demi_pasal":
                    # Pasal demi pasal printed without its heading.
                    section, stack = _Part("pasal_demi_pasal"), []
                    section.see(line)
                    parts.append(section)
                level, lm = label
                stack = _parent_for(level, lm.group(1), stack)
                parent = stack[-1] if stack else section
                item = _Part(level, judul=text, nomor=lm.group(1), parent=parent)
                item.see(line)
                parts.append(item)
                stack.append(item)
                prev, opened = text, True
                continue
        target = stack[-1] if stack else section
        target.lines.append(text)
        target.see(line)
        prev, opened = text, False
    seen: dict[str, int] = {}
    for part in parts:
        seen[part.id] = seen.get(part.id, 0) + 1
        part.repeat = seen[part.id]
    chars = sum(_chars(p.judul) + sum(_chars(t) for t in p.lines) for p in parts)
    return ParsedPenjelasan(parts, chars)


def penjelasan_records(
    parsed: ParsedPenjelasan, dokumen_id: str, body_ids: dict[tuple[tuple[str, str], ...], str]
) -> list[Penjelasan]:
    """One record per part; `body_ids` maps a provision's path ((level, number) pairs of
    its Pasal, ayat, huruf and angka) to the id of the body node that prints it."""
    out = []
    for p in parsed.parts:
        teks = join_lines("\n".join(p.lines)) or None
        out.append(
            Penjelasan(
                id=p.id,
                dokumen_id=dokumen_id,
                induk_id=p.parent.id if p.parent else None,
                bagian=p.bagian,
                tingkat=p.tingkat,
                nomor=p.nomor or None,
                judul=p.judul or None,
                pasal=_inner(p, "pasal"),
                ayat=_inner(p, "ayat"),
                huruf=_inner(p, "huruf"),
                angka=_inner(p, "angka"),
                teks=teks,
                cukup_jelas=p.tingkat in RANK and teks is not None and bool(ENOUGH_RE.match(teks)),
                simpul_id=body_ids.get(p.path()) if p.tingkat in RANK else None,
                halaman_awal=min(p.pages, default=1),
                halaman_akhir=max(p.pages, default=1),
                keyakinan_ocr=p.confidence,
            )
        )
    return out
