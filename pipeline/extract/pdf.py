"""Open a PDF safely: every way an input can be unusable becomes one typed InputError."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.digest import sha256_of as sha256_of
from pipeline.errors import InputError

PDF_MAGIC = b"%PDF-"
# A complete PDF ends with an %%EOF marker; writers may append a little padding after it.
EOF_MARKER = b"%%EOF"
EOF_SEARCH_BYTES = 2048


def check_file(path: Path) -> None:
    """Raise InputError unless `path` looks like a complete PDF file (cheap byte checks)."""
    if not path.exists():
        raise InputError(path, "file not found")
    if not path.is_file():
        raise InputError(path, "not a file")
    size = path.stat().st_size
    if size == 0:
        raise InputError(path, "empty file (0 bytes)")
    with path.open("rb") as fh:
        head = fh.read(1024)
        fh.seek(max(0, size - EOF_SEARCH_BYTES))
        tail = fh.read()
    if PDF_MAGIC not in head:
        kind = "HTML" if b"<html" in head.lower() or b"<!doctype" in head.lower() else "data"
        raise InputError(path, f"not a PDF (starts with {kind}, no %PDF- header)")
    if EOF_MARKER not in tail:
        raise InputError(path, "truncated PDF (no %%EOF marker at the end of the file)")


@contextmanager
def open_pdf(path: Path) -> Iterator[pdfplumber.PDF]:
    """Open `path` with pdfplumber; raise InputError for corrupt or encrypted files."""
    check_file(path)
    try:
        pdf = pdfplumber.open(path)
    except PdfminerException as exc:
        raise _as_input_error(path, exc) from exc
    except Exception as exc:  # pdfminer raises a wide range of errors on broken files
        raise InputError(path, f"corrupt PDF ({type(exc).__name__}: {exc})") from exc
    try:
        if len(pdf.pages) == 0:
            raise InputError(path, "PDF has no pages")
        yield pdf
    except PdfminerException as exc:
        raise _as_input_error(path, exc) from exc
    finally:
        pdf.close()


def _as_input_error(path: Path, exc: PdfminerException) -> InputError:
    inner = exc.args[0] if exc.args else exc
    if isinstance(inner, PDFPasswordIncorrect | PDFEncryptionError):
        return InputError(
            path, "password-protected PDF", hint="decrypt it first, e.g. qpdf --decrypt"
        )
    return InputError(path, f"corrupt PDF ({type(inner).__name__}: {inner})")
