"""`python -m tests.zoo [NAME ...]`: print the default regulation's published records through
real producers (LibreOffice, Chromium, WeasyPrint) into tests/fixtures/zoo/<NAME>.pdf (all variants, or
the named ones)."""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject, NameObject

from tests.zoo.paths import OUT, ROOT, STEM, pdf_path
from tests.zoo.source import document
from tests.zoo.variants import VARIANTS, Variant


def _reproducible(raw: Path, out: Path, v: Variant) -> None:
    """Rewrite with fixed metadata (no dates) and a file id derived from the variant name, so
    the same source and producer give the same bytes."""
    reader = PdfReader(raw)
    producer = str((reader.metadata or {}).get("/Producer", ""))
    # Pages only: Chromium tags its PDFs (a structure element per table cell, most of the
    # file), and the catalog's XMP metadata carries dates; the pipeline reads page content.
    writer = PdfWriter()
    for page in reader.pages:
        page.pop(NameObject("/StructParents"), None)
        writer.add_page(page)
    for page in writer.pages:
        page.compress_content_streams()
    writer.add_metadata({"/Producer": producer, "/Title": f"{STEM} ({v.name})"})
    digest = hashlib.sha256(v.name.encode()).digest()[:16]
    writer._ID = ArrayObject([ByteStringObject(digest), ByteStringObject(digest)])  # noqa: SLF001
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    with out.open("wb") as fh:
        writer.write(fh)


def make(v: Variant) -> float:
    """Produce one variant; returns the seconds it took."""
    start = time.perf_counter()
    doc = document(v)
    with tempfile.TemporaryDirectory(prefix="zoo-") as tmp:
        raw = Path(tmp) / "raw.pdf"
        # python-docx (and its lxml) live in the zoo's own virtualenv (make zoo): with lxml
        # installed, openpyxl writes other workbook bytes and the golden test fails.
        if v.producer == "chromium":
            from tests.zoo import html_producer

            html_producer.print_pdf(html_producer.render_html(doc, v), raw)
        elif v.producer == "weasyprint":
            from tests.zoo import html_producer, weasyprint_producer

            weasyprint_producer.print_pdf(html_producer.render_html(doc, v), raw)
        elif v.producer == "libreoffice":
            from tests.zoo import docx_producer

            docx_producer.convert(docx_producer.build_docx(doc, v), raw)
        else:
            raise ValueError(f"zoo: unknown producer {v.producer!r} in {v.name}")
        OUT.mkdir(parents=True, exist_ok=True)
        _reproducible(raw, pdf_path(v), v)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.zoo", description=__doc__)
    parser.add_argument("names", nargs="*", help="variant names (default: all)")
    args = parser.parse_args(argv)
    by_name = {v.name: v for v in VARIANTS}
    unknown = [n for n in args.names if n not in by_name]
    if unknown:
        print(f"error: unknown variant(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    for v in [by_name[n] for n in args.names] or list(VARIANTS):
        seconds = make(v)
        path = pdf_path(v)
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB  {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
