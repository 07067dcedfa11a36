"""`make bench`: the pipeline on the default PDF against a bare pdfplumber pass.

Each measurement runs in its own child process (so peak memory is its own), REPEAT times;
the best wall time and the peak RSS are compared as ratios. The baseline is measured in the
same run on the same machine, so the ratios, not the seconds, are the numbers to watch.

Rows: the bare pass (open, extract_tables() on every page); the pipeline's extraction
(extract, normalise, publish); the full `run` (plus validation, QA report, catalog) from a
cold start; and a second, unchanged `run` into the same folders, which should reuse the
first run's work (aim: under 10% of the first run's time).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT_PDF = Path("raw/perbup-magetan-14-2020.pdf")
REPEAT = 3
AIM = 1.5
REUSE_AIM = 0.10

_CHILD = r"""
import time
start = time.perf_counter()
import json, resource, sys
from pathlib import Path
mode, pdf, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
if mode == "bare":
    import pdfplumber
    start = time.perf_counter()
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            page.extract_tables()
elif mode == "extract":
    from pipeline.extract.document import extract_document
    start = time.perf_counter()
    extract_document(pdf)
elif mode == "pipeline":
    from pipeline.publish.writer import publish
    from pipeline.run import process
    start = time.perf_counter()
    publish(process(pdf), out)
else:  # "full": the CLI as a user runs it, imports included
    from pipeline.cli import main
    main(["run", str(pdf), "--out", str(out), "--reports", str(out / "reports")])
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_kib": peak}))
"""


def _child(mode: str, pdf: Path, out: Path) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, mode, str(pdf), str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _measure(mode: str, pdf: Path) -> dict[str, float]:
    runs = []
    for _ in range(REPEAT):
        with tempfile.TemporaryDirectory() as out:
            runs.append(_child(mode, pdf, Path(out)))
    return _best(runs)


def _measure_rerun(pdf: Path) -> dict[str, float]:
    runs = []
    for _ in range(REPEAT):
        with tempfile.TemporaryDirectory() as out:
            _child("full", pdf, Path(out))  # the first run, not measured here
            runs.append(_child("full", pdf, Path(out)))
    return _best(runs)


def _best(runs: list[dict[str, float]]) -> dict[str, float]:
    return {
        "seconds": min(r["seconds"] for r in runs),
        "peak_mib": max(r["peak_kib"] for r in runs) / 1024,
    }


LONG_PAGES = 400


def long_document(path: Path, pages: int = LONG_PAGES) -> Path:
    """A generated document of `pages` pages, each with a ruled 5 x 20 table (a long lampiran):
    for memory that must stay flat with document length."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    xs = [40 + k * 100 for k in range(6)]
    for n in range(1, pages + 1):
        canvas.setFont("Helvetica", 10)
        canvas.drawCentredString(width / 2, height - 30, f"- {n} -")
        top = height - 60
        for r in range(21):
            canvas.line(xs[0], top - r * 30, xs[-1], top - r * 30)
        for x in xs:
            canvas.line(x, top, x, top - 600)
        canvas.setFont("Helvetica", 8)
        for r in range(20):
            for c in range(5):
                canvas.drawString(
                    xs[c] + 3, top - r * 30 - 12, f"baris {r + 1} kolom {c + 1} hlm {n}"
                )
        canvas.showPage()
    canvas.save()
    return path


def main(argv: list[str] | None = None) -> int:
    pdf = Path(argv[0]) if argv else DEFAULT_PDF
    bare = _measure("bare", pdf)
    extract = _measure("extract", pdf)
    ours = _measure("pipeline", pdf)
    full = _measure("full", pdf)
    again = _measure_rerun(pdf)
    print(f"input: {pdf} (best of {REPEAT} runs each)")
    rows = (
        ("bare pdfplumber extract_tables()", bare),
        ("extract stage (tables, pages)", extract),
        ("extract + normalise + publish", ours),
        ("full run (cold, imports included)", full),
        ("second run, unchanged input", again),
    )
    for label, m in rows:
        ratio = m["seconds"] / bare["seconds"]
        mem = m["peak_mib"] / bare["peak_mib"]
        line = f"{label:34} {m['seconds']:6.2f} s {ratio:5.2f}x  peak {m['peak_mib']:4.0f} MiB"
        print(f"{line} {mem:4.2f}x")
    with tempfile.TemporaryDirectory() as tmp:
        long_pdf = long_document(Path(tmp) / "panjang.pdf")
        long_run = _measure("pipeline", long_pdf)
    pages_default = _page_count(pdf)
    for label, m, n in (
        ("long document, extract + publish", long_run, LONG_PAGES),
        ("default PDF, extract + publish", ours, pages_default),
    ):
        rate = n / m["seconds"]
        print(
            f"{label:34} {m['seconds']:6.2f} s {rate:5.1f} pages/s  peak {m['peak_mib']:4.0f} MiB"
        )
    ratio = extract["seconds"] / bare["seconds"]
    reuse = again["seconds"] / full["seconds"]
    print(
        f"extract stage: {ratio:.2f}x the bare pass ({'within' if ratio <= AIM else 'OVER'} {AIM}x)"
    )
    verdict = "within" if reuse <= REUSE_AIM else "OVER"
    print(f"second run: {reuse:.1%} of the first ({verdict} the {REUSE_AIM:.0%} aim)")
    return 0


def _page_count(pdf: Path) -> int:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return len(doc.pages)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
