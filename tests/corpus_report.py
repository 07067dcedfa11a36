"""`python -m tests.corpus_report [PDF ...]`: for each real regulation (tests/fixtures/real):
pages, tables, rows, columns, the words printed inside ruled table frames against the words
the published tables hold (recall and precision), findings by code, seconds.

The frames are found independently of the pipeline, by pdfplumber's own ruling-based table
finder, so a table the pipeline missed lowers recall instead of vanishing from the count.
Words are compared as lower-case alphanumeric tokens (a multiset per document): a frame's
words are the page's words whose centre lies inside it; the published words are every cell of
every published table plus its column names, counted once for each page the table spans.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

import pdfplumber

from pipeline.run import DocumentResult, process
from pipeline.validate.engine import dataset_of, validate

ROOT = Path(__file__).resolve().parent.parent
REAL_DIR = ROOT / "tests" / "fixtures" / "real"
TOKEN_RE = re.compile(r"[0-9a-z]+")
SKIP = ("id", "halaman_awal", "halaman_akhir")


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text.lower())


def frame_words(pdf: Path) -> Counter[str]:
    """The words printed inside the ruled tables pdfplumber finds, over the whole document."""
    out: Counter[str] = Counter()
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            frames = [t.bbox for t in page.find_tables()]
            if not frames:
                continue
            for w in page.extract_words():
                cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
                if any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in frames):
                    out.update(tokens(w["text"]))
            page.flush_cache()
    return out


def published_words(result: DocumentResult) -> Counter[str]:
    out: Counter[str] = Counter()
    for table in result.flat_tables:
        columns = [c for c in table.published_columns() if c not in SKIP and "__" not in c]
        printed = [c for c in columns if c in table.columns]
        pages = {p for r in table.rows for p in range(r["halaman_awal"], r["halaman_akhir"] + 1)}
        for _ in pages:
            for c in printed:
                if not (c == "kelompok" or c.endswith("_induk") or c.startswith("kolom_")):
                    out.update(tokens(c.replace("_", " ")))
        seen_parents: set[tuple[str, str]] = set()
        for r in table.rows:
            for c in printed:
                value = r.get(c)
                if value is None:
                    continue
                if c == "kelompok" or c.endswith("_induk"):  # one printed heading, many rows
                    if (c, str(value)) in seen_parents:
                        continue
                    seen_parents.add((c, str(value)))
                out.update(tokens(str(value)))
    return out


def measure(pdf: Path) -> dict[str, object]:
    start = time.perf_counter()
    result = process(pdf)
    findings = validate(dataset_of(result), ROOT)
    seconds = time.perf_counter() - start
    framed = frame_words(pdf)
    published = published_words(result)
    common = sum((framed & published).values())
    return {
        "name": pdf.stem,
        "pages": result.page_count,
        "tables": len(result.flat_tables),
        "rows": sum(len(t.rows) for t in result.flat_tables),
        "columns": sum(len(t.columns) for t in result.flat_tables),
        "framed": sum(framed.values()),
        "published": sum(published.values()),
        "recall": common / max(1, sum(framed.values())),
        "precision": common / max(1, sum(published.values())),
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
