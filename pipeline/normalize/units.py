"""Responsible units: resolve the printed "Penanggung Jawab" cell to defined units.

The glossary comes from the document's own definitions article (each term, its
abbreviation, and the institution name its definition gives), plus the curated aliases in
data/alias_unit.csv. Matching uses spaCy's PhraseMatcher on a blank Indonesian pipeline,
case- and space-insensitive ("DinasKominfo" == "Dinas Kominfo"); the longest match wins.
Compounds split on the matches ("BKD Dinas Kominfo", "Bappeda Litbang dan Dinas
Kominfo"); connector and quantifier words between them are dropped. A piece that matches
nothing stays unresolved, with the closest known name as a suggestion.
"""

from __future__ import annotations

import csv
import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, filter_spans

from pipeline.models import Definisi

# Words that join or quantify units in a cell and are not part of a unit's name.
CONNECTORS = frozenset(
    {"dan", "serta", "atau", "seluruh", "semua", "masing-masing", "para", ",", "/", "&", "-", ";"}
)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_TRAILING_REGION = re.compile(r"\s+(?:Kabupaten|Kota|Provinsi)\s+[A-Z][\w -]*\.?$")
SUGGESTION_CUTOFF = 0.6


class SpecialCasesOnDemand:
    """spaCy's Indonesian tokenizer (the one `spacy.blank("id")` makes: the same prefix,
    suffix, infix, token and URL patterns and special cases) whose special cases are added
    when first needed: adding all of them (some 16,000, mostly reduplicated words such as
    "anak-anak") took about 1.3 CPU-seconds per process, and a document's cells need a few.

    Before a text is tokenized, every special case that could touch it is added: one whose
    text, blanks removed, occurs in the text with its blanks removed. A special case changes
    a tokenization only where its text is printed (as one piece of the text, or as tokens
    matched one after the other, whatever the blanks between them), so the tokens are those
    of the tokenizer holding them all (tests/test_units.py compares them)."""

    def __init__(self, language: spacy.language.Language) -> None:
        defaults = language.Defaults
        self.tokenizer = Tokenizer(
            language.vocab,
            rules={},
            prefix_search=compile_prefix_regex(defaults.prefixes).search
            if defaults.prefixes else None,
            suffix_search=compile_suffix_regex(defaults.suffixes).search
            if defaults.suffixes else None,
            infix_finditer=compile_infix_regex(defaults.infixes).finditer
            if defaults.infixes else None,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )  # fmt: skip
        # Special cases by their text without blanks; those that are all blank (" ", "\n")
        # can touch any text and are added at once.
        self._waiting: dict[str, list[tuple[str, Any]]] = {}
        for text, tokens in defaults.tokenizer_exceptions.items():
            key = "".join(text.split())
            if key:
                self._waiting.setdefault(key, []).append((text, tokens))
            else:
                self.tokenizer.add_special_case(text, tokens)
        self._lengths = sorted({len(k) for k in self._waiting})

    def __call__(self, text: str) -> Doc:
        self._admit(text)
        return self.tokenizer(text)

    def _admit(self, text: str) -> None:
        solid = "".join(text.split())
        for start in range(len(solid)):
            for length in self._lengths:
                if start + length > len(solid):
                    break
                found = self._waiting.pop(solid[start : start + length], None)
                for special, tokens in found or ():
                    self.tokenizer.add_special_case(special, tokens)


TOKENIZER = "pipeline.special_cases_on_demand.v1"


@spacy.registry.tokenizers(TOKENIZER)
def _special_cases_on_demand() -> Callable[[spacy.language.Language], SpecialCasesOnDemand]:
    return SpecialCasesOnDemand


@cache
def nlp() -> spacy.language.Language:
    """spaCy's blank Indonesian pipeline (its tokenizer), made once per process; its
    tokenizer adds its special cases as texts need them (SpecialCasesOnDemand)."""
    return spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})


def normalise(text: str) -> str:
    """Split glued words at case changes, collapse spaces: 'DinasKominfo' -> 'Dinas Kominfo'."""
    return " ".join(_CAMEL.sub(" ", text).split())


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit the document defines: its canonical name (the defined term) and how found."""

    nama: str
    singkatan: str | None


@dataclass(frozen=True, slots=True)
class Resolved:
    teks: str  # the piece of the cell as printed
    unit: str | None  # canonical name, None when unresolved
    cara: str  # definisi | singkatan | nama_lengkap | alias | tidak_dikenal
    saran: str | None  # closest known name for an unresolved piece


@cache
def curated_aliases() -> tuple[tuple[str, str], ...]:
    text = resources.files("pipeline.data").joinpath("alias_unit.csv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple((r["alias"], r["nama"]) for r in csv.DictReader(lines))


class Glossary:
    """Names -> units, built from a document's definitions and the curated aliases."""

    def __init__(self, definitions: Sequence[Definisi]) -> None:
        self.names: dict[str, tuple[str, str]] = {}  # lower name -> (canonical, how)
        for d in definitions:
            self._add(d.istilah, d.istilah, "definisi")
            if d.singkatan:
                self._add(d.singkatan, d.istilah, "singkatan")
            full = _TRAILING_REGION.sub("", d.definisi.rstrip(". "))
            if full and len(full.split()) <= 12:
                self._add(full, d.istilah, "nama_lengkap")
        for alias, full in curated_aliases():
            target = self._lookup_full(full)
            if target is not None:
                self._add(alias, target, "alias")
        language = nlp()
        self.matcher = PhraseMatcher(language.vocab, attr="LOWER")
        for name in self.names:
            self.matcher.add(name, [language.make_doc(name)])

    def _add(self, name: str, canonical: str, how: str) -> None:
        key = normalise(name).lower()
        if key and key not in self.names:
            self.names[key] = (canonical, how)

    def _lookup_full(self, full: str) -> str | None:
        """The defined unit whose name or definition starts with `full`."""
        key = normalise(full).lower()
        if key in self.names:
            return self.names[key][0]
        for name, (canonical, how) in self.names.items():
            if how == "nama_lengkap" and name.startswith(key):
                return canonical
        return None

    def resolve(self, cell: str | None) -> list[Resolved]:
        """The units named in a cell, in order; unresolved pieces kept with a suggestion."""
        if not cell or not cell.strip():
            return []
        doc = nlp().make_doc(normalise(cell))
        spans = filter_spans([doc[s:e] for _, s, e in self.matcher(doc)])
        out: list[Resolved] = []
        cursor = 0
        for span in sorted(spans, key=lambda s: s.start):
            out.extend(self._gap(doc[cursor : span.start].text))
            canonical, how = self.names[span.text.lower()]
            out.append(Resolved(span.text, canonical, how, None))
            cursor = span.end
        out.extend(self._gap(doc[cursor:].text))
        return out

    def _gap(self, text: str) -> list[Resolved]:
        words = [w for w in text.split() if w.lower() not in CONNECTORS]
        if not words:
            return []
        piece = " ".join(words)
        close = difflib.get_close_matches(
            piece.lower(), list(self.names), n=1, cutoff=SUGGESTION_CUTOFF
        )
        suggestion = self.names[close[0]][0] if close else None
        return [Resolved(piece, None, "tidak_dikenal", suggestion)]
