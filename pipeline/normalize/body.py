"""The regulation body as one tree, text-first: every printed character of the body pages
lands in exactly one node.

Top-level parts, in the order regulations print them (Akoma Ntoso: preface, preamble,
body, conclusions): `judul` (the title block), `menimbang`, `mengingat`, `memperhatikan`,
`menetapkan` (the enacting formula: "Dengan Persetujuan Bersama DEWAN PERWAKILAN RAKYAT
DAERAH ... dan BUPATI ...", "MEMUTUSKAN:", then "Menetapkan : ..."), the batang tubuh
(BAB > Bagian > Paragraf > Pasal > ayat > huruf > angka) and `penutup` (from "Ditetapkan
di" on: dates, signatures, Berita Daerah, certified-copy block).

Structure is read from line starts only, so a reference inside a sentence ("sebagaimana
dimaksud pada ayat (1)", "Pasal 5") never starts a node: headings must stand alone on their
line, and a numbered item starts a node only where a sentence can start (the line before
ended with ".", ";" or ":", or was a heading) or where it is aligned with the open item of
its level (wrapped text is indented further) and numbered after it. A line after one ending
in a reference word ("... dimaksud pada ayat" / "(1) berlaku ...") continues the sentence,
even where wrapped lines come back to the item's own margin.

In an amendment ("Pasal I" lists numbered instructions, "... sehingga berbunyi sebagai
berikut:"), the articles quoted after an instruction are content of that instruction: they
nest under it until the next instruction or the next roman Pasal.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from pipeline.extract.layout import TextLine
from pipeline.extract.ocr_repair import repair_item_end
from pipeline.normalize.text import join_lines, slug
from pipeline.roman import ROMAN_RE, roman_to_int
from pipeline.vocabulary import next_item

QUOTE = "[“\"']?"
# Headings: (level, pattern); a heading stands alone on its line.
HEADING_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("bab", re.compile(rf"^({QUOTE}BAB\s+([IVXLC]+))$")),
    ("bagian", re.compile(rf"^({QUOTE}Bagian\s+(Ke[a-z]+(?:\s+[A-Za-z]+)?))$")),
    ("paragraf", re.compile(rf"^({QUOTE}Paragraf\s+(\d+))$")),
    ("pasal", re.compile(rf"^({QUOTE}Pasal\s+(\d+[A-Z]?|[IVXLC]+))$")),
)
# After a number's stop: a space, or none before a capital ("10.Pemanfaatan": a two-digit
# number leaves little room before the tab stop, less than a space).
AFTER_NUMBER = r"(?:\s+|(?=[A-Z(]))"
# Numbered items: (level, pattern with the printed label and the text after it).
ITEM_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ayat", re.compile(r"^(\((\d{1,3}[a-z]?)\))\s*(.*)$")),
    ("huruf", re.compile(r"^(([a-z])\.)\s+(.*)$")),
    ("angka", re.compile(rf"^((\d{{1,3}})\.){AFTER_NUMBER}(.*)$")),
)
# The preamble's parts, each opened by its printed label.
PART_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("menimbang", re.compile(r"^(Menimbang\s*:?)\s*(.*)$")),
    ("mengingat", re.compile(r"^(Mengingat\s*:?)\s*(.*)$")),
    ("memperhatikan", re.compile(r"^(Memperhatikan\s*:?)\s*(.*)$")),
    # Older texts space its letters out: "M E M U T U S K A N :".
    ("menetapkan", re.compile(r"^(" + r"\s?".join("MEMUTUSKAN") + r"\s*:?)\s*()$")),
)
MENETAPKAN_RE = re.compile(r"^(Menetapkan\s*:?)\s*(.*)$")
# A Perda's (or a law's) joint approval opens the enacting formula before "MEMUTUSKAN:".
APPROVAL_RE = re.compile(r"^Dengan\s+Persetujuan\s+Bersama\b", re.I)
BODY_END_RE = re.compile(r"^(?:Ditetapkan|Diundangkan)\s+di\b", re.I)
RANK = {
    "bab": 0, "bagian": 1, "paragraf": 2, "pasal": 3, "ayat": 4, "huruf": 5, "angka": 6,
    "subbagian": 2,
}  # fmt: skip
PARTS = ("judul", "menimbang", "mengingat", "memperhatikan", "menetapkan", "penutup")
# Which open levels an item may hang under, nearest first.
ITEM_PARENTS = {
    "ayat": ("pasal",),
    "huruf": ("angka", "ayat", "pasal", "menimbang", "mengingat", "memperhatikan"),
    "angka": ("huruf", "ayat", "pasal", "menimbang", "mengingat", "memperhatikan"),
}
BATANG_TUBUH_HEADINGS = ("bab", "bagian", "paragraf", "pasal")
SENTENCE_END = (".", ";", ":")
# A line ending in one of these words cites the number that opens the next line.
REFERENCE_END_RE = re.compile(r"\b(?:ayat|pasal|huruf|angka|butir)$", re.I)
INDENT_TOLERANCE = 2.0
# The x0 of an item opened on its part's label line, whose number's own position is unknown.
INLINE_X0 = math.inf
ORDINALS = {
    "kesatu": 1, "pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5,
    "keenam": 6, "ketujuh": 7, "kedelapan": 8, "kesembilan": 9, "kesepuluh": 10,
    "kesebelas": 11, "kedua belas": 12, "ketiga belas": 13, "keempat belas": 14,
    "kelima belas": 15, "keenam belas": 16, "ketujuh belas": 17, "kedelapan belas": 18,
    "kesembilan belas": 19, "kedua puluh": 20,
}  # fmt: skip


@dataclass(frozen=True)
class Grammar:
    """What opens nodes in one kind of text: headings, numbered items and their parents."""

    headings: tuple[tuple[str, re.Pattern[str]], ...]
    items: tuple[tuple[str, re.Pattern[str]], ...]
    item_parents: dict[str, tuple[str, ...]]
    bold_items: frozenset[str] = frozenset()  # item levels that only a bold line opens
    with_preamble: bool = True


BODY_GRAMMAR = Grammar(HEADING_PATTERNS, ITEM_PATTERNS, ITEM_PARENTS)
# Lampiran narrative: BAB headings, bold "A." sections and bold "1." subsections, plain
# numbered lists "1." and "a.".
LAMPIRAN_GRAMMAR = Grammar(
    headings=(HEADING_PATTERNS[0],),
    items=(
        ("bagian", re.compile(r"^(([A-Z])\.)\s+(.*)$")),
        ("subbagian", re.compile(rf"^((\d{{1,2}})\.){AFTER_NUMBER}(.*)$")),
        ("angka", re.compile(rf"^((\d{{1,3}})\.){AFTER_NUMBER}(.*)$")),
        ("huruf", re.compile(r"^(([a-z])\.)\s+(.*)$")),
    ),
    item_parents={
        "bagian": ("bab",),
        "subbagian": ("bagian", "bab"),
        "angka": ("huruf", "subbagian", "bagian", "bab", "judul"),
        "huruf": ("angka", "subbagian", "bagian", "bab", "judul"),
    },
    bold_items=frozenset({"bagian", "subbagian"}),
    with_preamble=False,
)


def ordinal_to_int(word: str) -> int:
    """'Kesatu' -> 1, 'Kedua Belas' -> 12. Raises ValueError for other words."""
    key = " ".join(word.lower().split())
    if key not in ORDINALS:
        raise ValueError(f"not an ordinal word: {word!r}")
    return ORDINALS[key]


def lowest_confidence(known: float | None, line: TextLine) -> float | None:
    """The lower of a node's OCR confidence so far and `line`'s (None: a text layer)."""
    if line.confidence is None:
        return known
    return line.confidence if known is None else min(known, line.confidence)


@dataclass(eq=False, slots=True)
class Node:
    level: str
    label: str  # the printed label: "BAB III", "Pasal 4", "(2)", "a.", "Menimbang :"
    nomor: str  # the number as printed: "III", "4", "(2)", "a.", ""
    parent: Node | None = None
    x0: float = 0.0
    judul_lines: list[str] = field(default_factory=list)
    text_lines: list[str] = field(default_factory=list)
    pages: set[int] = field(default_factory=set)
    children: list[Node] = field(default_factory=list)
    expects_heading: bool = False
    quote_root: bool = False
    repeat: int = 1
    confidence: float | None = None  # lowest OCR confidence of its lines; None: text layer

    def see(self, line: TextLine) -> None:
        """Record that `line` went into this node: its page and its OCR confidence."""
        self.pages.add(line.page)
        self.confidence = lowest_confidence(self.confidence, line)

    @property
    def id(self) -> str:
        own = self.level if self.level in PARTS else f"{self.level}_{_id_number(self)}"
        if self.repeat > 1:
            own += f"__ulang_{self.repeat}"
        return own if self.parent is None else f"{self.parent.id}__{own}"

    @property
    def judul(self) -> str:
        return join_lines("\n".join(self.judul_lines))

    @property
    def teks(self) -> str:
        return join_lines("\n".join(self.text_lines))


def _comes_after(number: str, previous: str) -> bool:
    """Whether item `number` ("3", "c", "3a") may follow the printed item `previous` ("(2)",
    "b."): a higher number or letter of the same kind; True where they cannot be compared."""
    a, b = number.strip("().").lower(), previous.strip("().").lower()
    da, db = re.match(r"\d+", a), re.match(r"\d+", b)
    if da and db:
        return (int(da.group()), a) > (int(db.group()), b)
    if a.isalpha() and b.isalpha() and len(a) == len(b) == 1:
        return a > b
    return True


def _id_number(node: Node) -> str:
    bare = node.nomor.strip("“\"'().").strip()
    if node.level == "bagian":
        try:
            return str(ordinal_to_int(bare))
        except ValueError:
            return slug(bare)
    if node.level == "bab" and ROMAN_RE.match(bare):
        return str(roman_to_int(bare))
    return slug(bare)


def _unique_ids(nodes: list[Node]) -> None:
    """A number printed again under the same parent (a second list, a repeated item) gets
    `__ulang_N` on its own id part, so ids stay unique and stable."""
    seen: dict[str, int] = {}
    for node in nodes:
        key = node.id
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            node.repeat = seen[key]


@dataclass(slots=True)
class Body:
    nodes: list[Node]  # document order
    chars_in: int
    chars_out: int

    def find(self, level: str) -> list[Node]:
        return [n for n in self.nodes if n.level == level]


def _chars(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


class _Builder:
    def __init__(self, grammar: Grammar) -> None:
        self.grammar = grammar
        self.roots: list[Node] = []
        self.open: list[Node] = []
        self.prev_text = ""
        self.prev_heading = True

    @property
    def current(self) -> Node | None:
        return self.open[-1] if self.open else None

    def open_part(self, level: str, label: str, line: TextLine) -> Node:
        node = Node(level=level, label=label, nomor="", x0=line.x0)
        node.see(line)
        self.roots.append(node)
        self.open = [node]
        self.prev_heading = True
        return node

    def heading(self, level: str, label: str, nomor: str, line: TextLine) -> None:
        node = Node(level=level, label=label, nomor=nomor, x0=line.x0)
        node.expects_heading = level != "pasal"
        node.see(line)
        quote = next((n for n in reversed(self.open) if n.quote_root), None)
        roman_pasal = level == "pasal" and ROMAN_RE.match(nomor) is not None
        if quote is not None and not roman_pasal:
            # A quoted article: nest under the instruction that quotes it.
            while self.open[-1] is not quote and RANK.get(self.open[-1].level, -1) >= RANK[level]:
                self.open.pop()
        else:
            while self.open and (
                self.open[-1].level in PARTS or RANK[self.open[-1].level] >= RANK[level]
            ):
                self.open.pop()
        node.parent = self.current
        (node.parent.children if node.parent else self.roots).append(node)
        self.open.append(node)
        self.prev_text, self.prev_heading = line.text, True

    def item(self, line: TextLine, text: str) -> bool:
        """Open a numbered item if `text` starts one here; return whether it did."""
        g = self.grammar
        found = next(
            (
                (lv, m)
                for lv, p in g.items
                if (line.bold or lv not in g.bold_items) and (m := p.match(text))
            ),
            None,
        )
        if found is None:
            return False
        level, m = found
        same = next((n for n in reversed(self.open) if n.level == level), None)
        aligned = same is not None and line.x0 <= same.x0 + INDENT_TOLERANCE
        if not self.prev_heading and REFERENCE_END_RE.search(self.prev_text):
            return False
        sentence_start = self.prev_heading or self.prev_text.endswith(SENTENCE_END)
        # Mid-sentence, only the next number of an aligned list opens an item.
        follows = aligned and same is not None and _comes_after(m.group(2), same.nomor)
        if not (sentence_start or follows):
            return False
        inner = self.open[-1] if self.open else None
        if (
            same is not None
            and not aligned
            and inner is not None
            and inner is not same
            and inner.level in LIST_ITEMS
            and inner.level != level
            and line.x0 > inner.x0 + INDENT_TOLERANCE
        ):
            # Indented past the innermost open item, under a list of another level: a
            # sub-item deeper than the grammar's levels ("(1) kamera gamma" under "b)" under
            # angka 1, PP 56/2014 p4), text of that item, not the next item of its
            # shallower namesake list (ayat (1) of the Pasal).
            return False
        quote = next((n for n in reversed(self.open) if n.quote_root), None)
        if (
            quote is not None
            and quote.level == level
            and abs(line.x0 - quote.x0) <= INDENT_TOLERANCE
        ):
            # The next amendment instruction closes the quote.
            while self.open and self.open[-1] is not quote:
                self.open.pop()
            self.open.pop()
        parents = g.item_parents[level]
        if same is not None and aligned and same.parent is not None and same.parent in self.open:
            parent: Node | None = same.parent  # the next item of an open list
        else:
            parent = next((n for n in reversed(self.open) if n.level in parents), None)
        if parent is None:
            return False
        while self.open and self.open[-1] is not parent:
            self.open.pop()
        node = Node(level=level, label=m.group(1), nomor=m.group(1), parent=parent, x0=line.x0)
        node.see(line)
        if m.group(3):
            # A bold section item carries its title on its line; other items their text.
            (node.judul_lines if level in g.bold_items else node.text_lines).append(m.group(3))
        parent.children.append(node)
        self.open.append(node)
        self._maybe_quote(node, text)
        # After a section title, a list may start whatever the title's last character.
        self.prev_text, self.prev_heading = text, level in g.bold_items
        return True

    def text(self, line: TextLine, text: str) -> None:
        node = self.current
        assert node is not None
        node.text_lines.append(text)
        node.see(line)
        self.prev_text, self.prev_heading = text, False
        self._maybe_quote(node, text)

    def _maybe_quote(self, node: Node, text: str) -> None:
        """An instruction of an amendment ("... berbunyi sebagai berikut:") quotes what
        follows it."""
        in_roman_pasal = any(n.level == "pasal" and ROMAN_RE.match(n.nomor) for n in self.open)
        if in_roman_pasal and node.level in ("angka", "huruf") and text.endswith(":"):
            node.quote_root = True


LIST_ITEMS = ("huruf", "angka")
SEMICOLON_PARTS = ("menimbang", "mengingat")  # every point of these ends with ";"


def _repair_ocr_item_ends(nodes: list[Node]) -> None:
    """OCR'd list items that open no list of their own end with ";" (see repair_item_end)
    when the next item of their list follows ("4." after "3.", not a new "1."), and every
    point of Menimbang and Mengingat does. Text-layer items are left as printed."""
    for node in nodes:
        if node.confidence is None or node.level not in LIST_ITEMS or node.children:
            continue
        parent = node.parent
        siblings = parent.children if parent is not None else []
        after = siblings[siblings.index(node) + 1 :]
        number = node.nomor.strip("().")
        continued = bool(after) and after[0].nomor.strip("().") == next_item(number)
        preamble = parent is not None and parent.level in SEMICOLON_PARTS
        if (continued or preamble) and node.text_lines:
            node.text_lines[-1] = repair_item_end(node.text_lines[-1])


def parse_body(
    lines: list[TextLine],
    grammar: Grammar = BODY_GRAMMAR,
    closing: frozenset[str] = frozenset(),
) -> Body:
    """Parse lines in reading order. `closing` holds the keys of the lines of closing blocks
    (signatures, certified-copy formula): the first of them opens `penutup`, if the closing
    formula ("Ditetapkan di ...") has not opened it already."""
    b = _Builder(grammar)
    in_penutup = False
    parts_seen: set[str] = set()
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if not b.roots and line.key not in closing:
            b.open_part("judul", "", line)
        if not in_penutup and line.key in closing:
            in_penutup = True
            b.open_part("penutup", "", line)
        if in_penutup:
            b.text(line, text)
            continue
        in_batang_tubuh = any(n.level in BATANG_TUBUH_HEADINGS for n in b.open)
        # A Keputusan's decree runs as diktum (KESATU, KEDUA ...) inside Menetapkan, with no
        # Pasal: its closing formula ends it there too.
        decreed = in_batang_tubuh or "menetapkan" in parts_seen
        if BODY_END_RE.match(text) and decreed:
            in_penutup = True
            b.open_part("penutup", "", line)
            b.text(line, text)
            continue
        part = next(
            ((lv, m) for lv, p in PART_PATTERNS if lv not in parts_seen and (m := p.match(text))),
            None,
        )
        if part is not None and not in_batang_tubuh and grammar.with_preamble:
            level, m = part
            parts_seen.add(level)
            node = b.open_part(level, m.group(1), line)
            rest = m.group(2)
            if rest and b.item(line, rest):
                # Its first item shares the label's line ("Mengingat : 1. ..."): where its
                # number stands is not known, so the next number of the list is taken as
                # aligned with it even after a line without a stop.
                b.open[-1].x0 = INLINE_X0
            elif rest:
                b.text(line, rest)
            if level == "menetapkan":
                node.expects_heading = False
            continue
        cur = b.current
        if (
            APPROVAL_RE.match(text)
            and "menetapkan" not in parts_seen
            and not in_batang_tubuh
            and grammar.with_preamble
        ):
            # The formula's lines up to "Menetapkan" are its heading, "MEMUTUSKAN:" included.
            parts_seen.add("menetapkan")
            node = b.open_part("menetapkan", "", line)
            node.judul_lines.append(text)
            continue
        if cur is not None and cur.level == "menetapkan" and (m := MENETAPKAN_RE.match(text)):
            if cur.label:
                cur.judul_lines.append(cur.label)
            cur.label = m.group(1)
            b.text(line, m.group(2))
            continue
        heading = next(((lv, m) for lv, p in grammar.headings if (m := p.match(text))), None)
        if cur is not None and cur.level == "menetapkan" and not cur.label and heading is None:
            cur.judul_lines.append(text)
            cur.see(line)
            continue
        if heading is not None:
            level, m = heading
            b.heading(level, m.group(1), m.group(2), line)
            continue
        if cur is not None and cur.expects_heading and cur.level in RANK:
            opens_item = any(p.match(text) for _, p in grammar.items)
            if not opens_item and (cur.level != "bab" or line.bold or text.isupper()):
                cur.judul_lines.append(text)
                cur.see(line)
                # A BAB title may wrap over several bold/upper-case lines; others take one.
                cur.expects_heading = cur.level == "bab"
                b.prev_text, b.prev_heading = text, True
                continue
        if cur is not None:
            cur.expects_heading = False
        if (
            cur is not None
            and cur.level not in ("judul", "penutup", "menetapkan")
            and b.item(line, text)
        ):
            continue
        b.text(line, text)

    nodes: list[Node] = []

    def visit(n: Node) -> None:
        nodes.append(n)
        for c in n.children:
            visit(c)

    for r in b.roots:
        visit(r)
    _unique_ids(nodes)
    _repair_ocr_item_ends(nodes)
    chars_in = sum(_chars(ln.text) for ln in lines)
    chars_out = sum(
        _chars(n.label) + sum(_chars(t) for t in n.judul_lines + n.text_lines) for n in nodes
    )
    return Body(nodes=nodes, chars_in=chars_in, chars_out=chars_out)
