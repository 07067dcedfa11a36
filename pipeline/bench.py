"""`make bench`: the pipeline on the default PDF against a bare pdfplumber pass.

Each measurement runs in its own child process (so peak memory is its own), REPEAT times;
the best wall time and the peak RSS are compared as ratios. The baseline is measured in the
same run on the same machine, so the ratios, not the seconds, are the numbers to watch.

Peak memory is reported twice: the measured process's own peak RSS, and the peak of its
whole process tree (the process, the extract and expectations helpers it forks, Chromium
printing the report) sampled every SAMPLE_SECONDS as the sum of the processes' proportional
set sizes (PSS: a page shared by a forked helper and its parent is counted once, split
between them), so memory moved into a helper is not hidden.

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
import time
from pathlib import Path

import psutil

DEFAULT_PDF = Path("raw/perbup-magetan-14-2020.pdf")
REPEAT = 3
AIM = 1.5
REUSE_AIM = 0.10
SAMPLE_SECONDS = 0.05

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
    with tempfile.TemporaryFile("w+") as stdout:
        proc = subprocess.Popen(
            [sys.executable, "-c", _CHILD, mode, str(pdf), str(out)],
            stdout=stdout,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        tree_peak = 0
        while proc.poll() is None:
            tree_peak = max(tree_peak, _tree_memory(proc.pid))
            time.sleep(SAMPLE_SECONDS)
        if proc.returncode != 0:
            raise subprocess.CalledProcessError(proc.returncode, proc.args)
        stdout.seek(0)
        measured = json.loads(stdout.read().strip().splitlines()[-1])
    measured["tree_kib"] = max(tree_peak // 1024, measured["peak_kib"])
    return measured


def _tree_memory(pid: int) -> int:
    """Bytes held by process `pid` and its descendants now: the sum of their PSS (their RSS
    where PSS cannot be read); 0 once it has ended."""
    try:
        root = psutil.Process(pid)
        family = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for member in family:
        try:
            info = member.memory_full_info()
            total += getattr(info, "pss", info.rss)
        except psutil.Error:  # ended meanwhile, or not ours to read
            continue
    return total


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
        "tree_mib": max(r["tree_kib"] for r in runs) / 1024,
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
        tree = m["tree_mib"] / bare["tree_mib"]
        line = f"{label:34} {m['seconds']:6.2f} s {ratio:5.2f}x  peak {m['peak_mib']:4.0f} MiB"
        print(f"{line} {mem:4.2f}x  tree {m['tree_mib']:4.0f} MiB {tree:4.2f}x")
    with tempfile.TemporaryDirectory() as tmp:
        long_pdf = long_document(Path(tmp) / "panjang.pdf")
        long_run = _measure("pipeline", long_pdf)
    pages_default = _page_count(pdf)
    for label, m, n in (
        ("long document, extract + publish", long_run, LONG_PAGES),
        ("default PDF, extract + publish", ours, pages_default),
    ):
        rate = n / m["seconds"]
        line = f"{label:34} {m['seconds']:6.2f} s {rate:5.1f} pages/s"
        print(f"{line}  peak {m['peak_mib']:4.0f} MiB  tree {m['tree_mib']:4.0f} MiB")
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
