"""`python -m tests.corpus_report [PDF ...]`: for each real regulation (tests/fixtures/real):
pages, tables, rows, columns, the words printed inside ruled table frames against the words
the published tables hold (recall and precision), findings by code, seconds.

The frames are found independently of the pipeline, by pdfplumber's own ruling-based table
finder, so a table the pipeline missed lowers recall instead of vanishing from the count;
only text a reader sees counts (not white on white paper, not a glyph printed over by
another). Words are compared per page as lower-case alphanumeric tokens (multisets): a
frame's words are the page's words whose centre lies inside it; the published words are the
values of every published table, each put back on the page its cell was printed on
(`FlatTable.sources`): a merged cell repeated on the rows it covers counts once, a cell
copied into a further column counts again (a phantom column), a parent heading once, and
the header words on each page that prints the header (a table going on without its header
prints none; a header cell over two columns is one cell). A word broken at a cell's line end
and published joined matches its two printed pieces.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

import pdfplumber

from pipeline.extract.tables.grid import Cell, _without_overprinted
from pipeline.extract.visible import visible_page
from pipeline.normalize.generic_table import NOTE_SUFFIX, PARENT_RE
from pipeline.run import DocumentResult, process
from pipeline.validate.engine import dataset_of, validate

ROOT = Path(__file__).resolve().parent.parent
REAL_DIR = ROOT / "tests" / "fixtures" / "real"
TOKEN_RE = re.compile(r"[0-9a-z]+")
SKIP = ("id", "halaman_awal", "halaman_akhir")


def tokens(text: str) -> list[str]:
    """Lower-case alphanumeric tokens, compatibility forms folded: a superscript published
    as such ("10⁵") is the digits a page's text layer gives for it ("105")."""
    return TOKEN_RE.findall(unicodedata.normalize("NFKD", text).lower())


def page_frame_words(page: pdfplumber.page.Page) -> Counter[str]:
    """The words printed inside the ruled tables pdfplumber finds on one page; only text a
    reader sees (Donggala 24/2025 p8 and p16 carry white digits "1 2 3 ... 9" on white paper
    inside the table's frame; Banjarnegara p100 prints a list number under the "T" of
    "Tarif", which pdfplumber reads as "T2arif")."""
    out: Counter[str] = Counter()
    frames = [t.bbox for t in page.find_tables()]
    if not frames:
        return out
    seen = visible_page(page)
    kept = {id(c) for c in _without_overprinted(seen.chars)}
    if len(kept) < len(seen.chars):
        seen = seen.filter(lambda o: o.get("object_type") != "char" or id(o) in kept)
    for w in seen.extract_words(extra_attrs=["size"]):
        cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
        if any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in frames):
            out.update(tokens(w["text"]))
    return out


def frame_words(pdf: Path, pages: set[int] | None = None) -> dict[int, Counter[str]]:
    """Per page (all, or those given), the words printed inside its ruled tables."""
    out: dict[int, Counter[str]] = {}
    with pdfplumber.open(pdf) as doc:
        for number, page in enumerate(doc.pages, 1):
            if pages is None or number in pages:
                out[number] = page_frame_words(page)
            page.flush_cache()
    return out


def matched(framed: Counter[str], published: Counter[str]) -> tuple[int, int]:
    """How many framed words the published ones hold, and how many published words are
    framed. A word broken at a cell's line end is two printed words and one published
    ("organis" / "asi": "organisasi"): a published word that is two unmatched printed words
    joined matches both."""
    common = framed & published
    missing, extra = framed - common, published - common
    found, shown = sum(common.values()), sum(common.values())
    for word in sorted(extra.elements()):
        for k in range(1, len(word)):
            head, tail = word[:k], word[k:]
            if missing[head] and missing[tail] and (head != tail or missing[head] > 1):
                missing[head] -= 1
                missing[tail] -= 1
                found, shown = found + 2, shown + 1
                break
    return found, shown


def _spread(left: Counter[str], cells: tuple[Cell, ...], fallback: int) -> Counter[tuple[int, str]]:
    """A published value's words, each on the page of the printed piece that holds it (a
    cell broken by a page end has a piece on each page); words no piece prints as such (a
    word joined back from a line break) go to the first page."""
    out: Counter[tuple[int, str]] = Counter()
    parts = [p for c in cells for p in c.parts]
    for part in parts:
        taken = Counter(tokens(part.text)) & left
        left -= taken
        out.update({(part.page, w): n for w, n in taken.items()})
    first = parts[0].page if parts else fallback
    out.update({(first, w): n for w, n in left.items()})
    return out


def published_words(result: DocumentResult) -> dict[int, Counter[str]]:
    """Per page, the words the published tables hold, each where it was printed: a cell's
    value once for the rows a merged cell covers (repeated on each row by design), but again
    for each further column it is copied into (a phantom column); a parent heading once;
    the column names where the header is printed (once per page that prints it), from the
    header cells that name a column; the column numbers printed under the header (tabel.csv's
    `nomor_kolom`) on each page that prints them, when the table publishes them; a
    footnote mark published beside its value (`<column>__catatan_kaki`) where its cell is."""
    out: Counter[tuple[int, str]] = Counter()
    for table in result.flat_tables:
        printed = [c for c in table.columns if c not in SKIP]
        printed += [c + NOTE_SUFFIX for c in table.columns if c in table.notes]
        numbers = table.number_cells if table.column_numbers else []
        for cell in [*table.header, *numbers]:
            if cell.text.strip():
                for part in cell.parts:
                    out.update((part.page, w) for w in tokens(part.text))
        seen: set[tuple[str, tuple[int, ...]]] = set()
        counted: dict[int, Cell] = {}
        for row, sources in zip(table.rows, table.sources, strict=True):
            for c in printed:
                value = row.get(c)
                if value is None:
                    continue
                cells = sources.get(c.removesuffix(NOTE_SUFFIX), ())
                key = (c, tuple(id(x) for x in cells))
                if cells and key in seen:
                    continue
                seen.add(key)
                words = Counter(tokens(str(value)))
                if c == "kelompok" or PARENT_RE.search(c):
                    # A heading's number printed in a merged "No" cell that the rows
                    # below also publish as their own number is printed once.
                    old = [x for x in cells if id(x) in counted]
                    words -= Counter(w for x in old for w in tokens(x.text))
                    cells = tuple(x for x in cells if id(x) not in counted)
                counted.update((id(x), x) for x in cells)
                out.update(_spread(words, cells, row["halaman_awal"]))
    pages: dict[int, Counter[str]] = {}
    for (page, word), n in out.items():
        pages.setdefault(page, Counter())[word] += n
    return pages


def measure(pdf: Path) -> dict[str, object]:
    start = time.perf_counter()
    result = process(pdf)
    findings = validate(dataset_of(result), ROOT)
    seconds = time.perf_counter() - start
    framed_pages = frame_words(pdf)
    published_pages = published_words(result)
    framed: Counter[str] = sum(framed_pages.values(), Counter())
    published: Counter[str] = sum(published_pages.values(), Counter())
    pairs = [
        matched(framed_pages.get(p, Counter()), published_pages.get(p, Counter()))
        for p in set(framed_pages) | set(published_pages)
    ]
    found, shown = sum(f for f, _ in pairs), sum(s for _, s in pairs)
    return {
        "name": pdf.stem,
        "pages": result.page_count,
        "tables": len(result.flat_tables),
        "rows": sum(len(t.rows) for t in result.flat_tables),
        "columns": sum(len(t.columns) for t in result.flat_tables),
        "framed": sum(framed.values()),
        "published": sum(published.values()),
        "recall": found / max(1, sum(framed.values())),
        "precision": shown / max(1, sum(published.values())),
        "findings": Counter(f.kode for f in findings),
        "seconds": seconds,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.corpus_report", description=__doc__)
    parser.add_argument("pdfs", nargs="*", type=Path, help="PDFs (default: tests/fixtures/real)")
    args = parser.parse_args(argv)
    pdfs = args.pdfs or sorted(REAL_DIR.glob("*.pdf"))
    print(
        "| document | pages | tables | rows | columns | words in frames | words in tables "
        "| recall | precision | findings | seconds |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|")
    for pdf in pdfs:
        try:
            m = measure(pdf)
        except Exception as exc:  # a crash is a result here, reported like the others
            print(f"| {pdf.stem} | error: {type(exc).__name__}: {exc} |", flush=True)
            continue
        counts = m["findings"]
        assert isinstance(counts, Counter)
        found = ", ".join(f"{k} {n}" for k, n in sorted(counts.items())) or "none"
        print(
            f"| {m['name']} | {m['pages']} | {m['tables']} | {m['rows']} | {m['columns']} | "
            f"{m['framed']} | {m['published']} | {m['recall']:.2f} | {m['precision']:.2f} | "
            f"{sum(counts.values())}: {found} | {m['seconds']:.1f} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
