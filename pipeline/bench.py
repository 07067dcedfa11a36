"""`make bench`: the pipeline on the default PDF against a bare pdfplumber pass.

Each side runs in its own child process (so peak memory is its own), REPEAT times; the
best wall time and the peak RSS are compared as ratios. The baseline is measured in the
same run on the same machine, so the ratio, not the seconds, is the number to watch.
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

_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
mode, pdf, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
if mode == "bare":
    import pdfplumber
    start = time.perf_counter()
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            page.extract_tables()
elif mode == "pipeline":
    from pipeline.publish.writer import publish
    from pipeline.run import process
    start = time.perf_counter()
    publish(process(pdf), out)
else:
    from pipeline.cli import main
    start = time.perf_counter()
    main(["run", str(pdf), "--out", str(out), "--reports", str(out / "reports")])
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_kib": peak}))
"""


def _measure(mode: str, pdf: Path) -> dict[str, float]:
    runs = []
    for _ in range(REPEAT):
        with tempfile.TemporaryDirectory() as out:
            proc = subprocess.run(
                [sys.executable, "-c", _CHILD, mode, str(pdf), out],
                check=True,
                capture_output=True,
                text=True,
            )
        runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    return {
        "seconds": min(r["seconds"] for r in runs),
        "peak_mib": max(r["peak_kib"] for r in runs) / 1024,
    }


def main(argv: list[str] | None = None) -> int:
    pdf = Path(argv[0]) if argv else DEFAULT_PDF
    bare = _measure("bare", pdf)
    ours = _measure("pipeline", pdf)
    full = _measure("full", pdf)
    print(f"input: {pdf} (best of {REPEAT} runs each)")
    rows = (
        ("bare pdfplumber extract_tables()", bare),
        ("extract + normalise + publish", ours),
        ("full run (+ validate + QA report)", full),
    )
    for label, m in rows:
        ratio = m["seconds"] / bare["seconds"]
        mem = m["peak_mib"] / bare["peak_mib"]
        print(
            f"{label:34} {m['seconds']:6.2f} s  {ratio:5.2f}x   peak {m['peak_mib']:4.0f} MiB  {mem:4.2f}x"
        )
    ratio = ours["seconds"] / bare["seconds"]
    verdict = "within" if ratio <= AIM else "OVER"
    print(f"extraction aim: {ratio:.2f}x the bare pass ({verdict} the {AIM}x aim)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
