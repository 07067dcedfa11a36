"""`python -m tests.zoo.report [PDF ...]`: for each rendering (tests/fixtures/renderings) and
zoo PDF (tests/fixtures/zoo): Rencana Aksi records given, how many of the default's are given
identically, which compared datasets changed (with their diff summary), seconds."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tests.zoo.compare import DATASETS, default_dataset, outcome, summary
from tests.zoo.paths import ROOT

FOLDERS = (ROOT / "tests" / "fixtures" / "renderings", ROOT / "tests" / "fixtures" / "zoo")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.zoo.report", description=__doc__)
    parser.add_argument("pdfs", nargs="*", type=Path, help="PDFs (default: every rendering)")
    parser.add_argument("--details", action="store_true", help="each changed dataset's diff")
    args = parser.parse_args(argv)
    pdfs = args.pdfs or [p for f in FOLDERS for p in sorted(f.glob("*.pdf"))]
    default = default_dataset()
    total_ra = len(default.rencana_aksi)
    print(f"compared on: {', '.join(DATASETS)}")
    print(
        f"| file | records | identical Rencana Aksi (of {total_ra}) | datasets changed "
        "| changes (spacing only) | seconds |"
    )
    print("|---|---:|---:|---|---:|---:|")
    details: list[str] = []
    for pdf in pdfs:
        name = pdf.name.removeprefix("perbup-magetan-14-2020.")
        try:
            o = outcome(pdf, default)
        except Exception as exc:  # a crash is a result here, reported like the others
            print(f"| {name} | error: {type(exc).__name__}: {exc} | | | | |", flush=True)
            details.append(f"{name} error: {type(exc).__name__}: {exc}")
            continue
        changed = ", ".join(o.changed) or "none"
        every = [c for d in o.changed for c in o.changes[d]]
        spacing = sum(c.hanya_spasi for c in every)
        print(
            f"| {name} | {o.counts['rencana_aksi']} | {o.identical_ra} | {changed} | "
            f"{len(every)} ({spacing}) | {o.seconds:.1f} |",
            flush=True,
        )
        for d in o.changed:
            details.append(f"{name} {d}: {summary(o.changes[d])}")
        details += [f"{name} notice: {n}" for n in o.notices]
    if args.details and details:
        print()
        print("\n".join(details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
