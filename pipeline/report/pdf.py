"""The report printed to PDF by headless Chromium, beside its HTML, byte-identical across runs.

Chromium stamps each print with its time (/CreationDate, /ModDate) and a random file /ID;
those are removed or replaced (the /ID by a digest of the printed pages) with pypdf, so the
same HTML printed twice gives the same bytes. Without Chromium no PDF is made and the caller
says so in a notice; the run itself goes on.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from pipeline.settings import from_environment

BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome")
BROWSER_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
    "--virtual-time-budget=10000",
)
PRINT_TIMEOUT_S = 180
# Info entries that change with every print.
VOLATILE_INFO = ("/CreationDate", "/ModDate")


def find_browser() -> str | None:
    """The Chromium to print with: the settings' `chromium` ($PIPELINE_CHROMIUM), else the
    first of BROWSER_NAMES on the PATH; None when there is none."""
    named = from_environment().chromium
    if named:
        return shutil.which(named) or (named if Path(named).is_file() else None)
    for name in BROWSER_NAMES:
        if path := shutil.which(name):
            return path
    return None


# The classic cross-reference layout Chromium (Skia) writes: "trailer << ... /Info N 0 R >>".
TRAILER_RE = re.compile(rb"trailer\s*<<(?P<body>(?:(?!>>).)*)>>", re.S)
INFO_REF_RE = re.compile(rb"/Info\s+(\d+)\s+0\s+R")
DATE_ENTRY_RE = re.compile(rb"/(?:CreationDate|ModDate)\s*\((?:[^()\\]|\\.)*\)")


def reproducible(data: bytes) -> bytes:
    """The PDF `data` without its print times, with an /ID that is a digest of the file.

    Edited in place, not rewritten: the Info dictionary's date entries become spaces of the
    same length, and the /ID goes into the trailer, after the cross-reference table, so no
    object moves and every offset stays right. (Rewriting the 3 MB file with pypdf took
    about 1 s.) A file of another layout is rewritten with pypdf."""
    trailers = list(TRAILER_RE.finditer(data))
    trailer = trailers[-1] if trailers else None
    info = INFO_REF_RE.search(trailer.group("body")) if trailer else None
    if trailer is None or info is None or b"/ID" in trailer.group("body"):
        return _rewritten(data)
    start = data.find(b"\n" + info.group(1) + b" 0 obj")
    end = data.find(b"endobj", start)
    if start < 0 or end < 0:
        return _rewritten(data)
    undated = DATE_ENTRY_RE.sub(lambda m: b" " * len(m.group()), data[start:end])
    blanked = data[:start] + undated + data[end:]
    ident = hashlib.sha256(blanked).hexdigest()[:32].upper().encode()
    at = trailer.start("body")
    return blanked[:at] + b"/ID [<" + ident + b"> <" + ident + b">]\n" + blanked[at:]


def _rewritten(data: bytes) -> bytes:
    """`data` rewritten by pypdf without its print times, with an /ID that is a digest of
    its pages."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject, DictionaryObject, NameObject

    # Chromium's trailer /Size is short of its object count; pypdf says so and copes.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    info = writer._info  # the trailer's /Info dictionary, cloned from the print
    document_info = info.get_object() if info is not None else None
    if isinstance(document_info, DictionaryObject):
        for key in VOLATILE_INFO:
            document_info.pop(NameObject(key), None)
    digest = hashlib.sha256()
    for page in reader.pages:
        contents = page.get_contents()
        digest.update(contents.get_data() if contents is not None else b"")
    ident = ByteStringObject(digest.digest()[:16])
    writer._ID = ArrayObject([ident, ident])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def enabled() -> bool:
    """Whether runs print the report: the settings' `report_pdf` (yes unless
    $PIPELINE_REPORT_PDF is "0")."""
    return from_environment().report_pdf


def print_report(html: Path, pdf: Path) -> str | None:
    """Print `html` to `pdf` (written atomically). None when printed, else why not (for a
    notice); never raises for a missing or failing browser."""
    return Printing(html, pdf).wait()


class Printing:
    """`html` printed to `pdf` by Chromium, started at once and running in its own processes
    while the caller goes on (a run writes the document's folder meanwhile); `wait()` ends it:
    None when printed (`pdf` written atomically), else why not. Never raises for a missing
    or failing browser.

    Chromium reads the page from a link named .html in its own hidden work folder beside
    `pdf`, so a staged report (a hidden name without the suffix, not read as HTML) prints
    as the same bytes as the report in place."""

    def __init__(self, html: Path, pdf: Path) -> None:
        self.pdf = pdf
        self._reason: str | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._work: tempfile.TemporaryDirectory[str] | None = None
        browser = find_browser()
        self._browser = browser or ""
        if browser is None:
            self._reason = (
                "report PDF not made: Chromium not found (" + ", ".join(BROWSER_NAMES) + ")"
            )
            return
        self._work = tempfile.TemporaryDirectory(prefix=".print-", dir=pdf.parent)
        work = Path(self._work.name)
        page = work / "laporan.html"
        try:
            os.link(html, page)
        except OSError:  # another file system, or no hard links there
            try:
                shutil.copyfile(html, page)
            except OSError as exc:
                self._reason = f"report PDF not made: {html}: {exc.strerror or exc}"
                self._work.cleanup()
                return
        command = [
            browser, *BROWSER_FLAGS, f"--user-data-dir={work / 'profile'}",
            f"--print-to-pdf={work / 'report.pdf'}", page.resolve().as_uri(),
        ]  # fmt: skip
        try:
            self._proc = subprocess.Popen(
                command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
        except OSError as exc:
            self._reason = f"report PDF not made: {browser}: {type(exc).__name__}"
            self._work.cleanup()

    def wait(self) -> str | None:
        if self._proc is None or self._work is None:
            return self._reason
        work = Path(self._work.name)
        try:
            try:
                code = self._proc.wait(timeout=PRINT_TIMEOUT_S)
            except subprocess.TimeoutExpired as exc:
                self._proc.kill()
                self._proc.wait()
                return f"report PDF not made: {self._browser}: {type(exc).__name__}"
            printed = work / "report.pdf"
            if code != 0 or not printed.is_file():
                return f"report PDF not made: {self._browser} exited with {code}"
            staged = work / "final.pdf"
            staged.write_bytes(reproducible(printed.read_bytes()))
            os.chmod(staged, 0o666 & ~_umask())
            os.replace(staged, self.pdf)
            return None
        finally:
            self._work.cleanup()

    def cancel(self) -> None:
        """Stop the print (the caller's document failed); no PDF is written."""
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        if self._work is not None:
            self._work.cleanup()
        self._proc = None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
