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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import spacy
from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from pipeline.models import Definisi

# Words that join or quantify units in a cell and are not part of a unit's name.
CONNECTORS = frozenset(
    {"dan", "serta", "atau", "seluruh", "semua", "masing-masing", "para", ",", "/", "&", "-", ";"}
)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_TRAILING_REGION = re.compile(r"\s+(?:Kabupaten|Kota|Provinsi)\s+[A-Z][\w -]*\.?$")
SUGGESTION_CUTOFF = 0.6


@cache
def nlp() -> spacy.language.Language:
    """spaCy's blank Indonesian pipeline (its tokenizer), made once per process (about 1 s:
    some 16,000 tokenizer special cases)."""
    return spacy.blank("id")


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
