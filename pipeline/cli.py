"""Thin CLI: parse arguments, call the library, turn PipelineError into one line + exit code."""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from pipeline import __version__
from pipeline.errors import InputError, PipelineError
from pipeline.publish.writer import publish, tables
from pipeline.run import DocumentResult, process
from pipeline.settings import SETTINGS

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__)
    parser.add_argument("--version", action="version", version=__version__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="parse PDFs into datasets under extracted/")
    run.add_argument(
        "pdfs", nargs="*", type=Path, help=f"PDF files (default: every PDF in {SETTINGS.raw_dir}/)"
    )
    run.add_argument("--out", type=Path, default=SETTINGS.out_dir, help="output folder")
    run.add_argument("--debug", action="store_true", help="show tracebacks")
    return parser


def _summary(result: DocumentResult, folder: Path) -> str:
    seen = sum(a.sel_terlihat for a in result.akuntansi)
    placed = sum(a.sel_ditempatkan for a in result.akuntansi)
    chars_in = sum(t.karakter_terlihat for t in result.teks)
    chars_out = sum(t.karakter_dalam_simpul for t in result.teks)
    counts = ", ".join(f"{name} {len(records)}" for name, records, _ in tables(result))
    return (
        f"{result.path}: {result.dokumen_id} -> {folder}: {counts}; "
        f"table cells seen {seen} / placed {placed} / left over {seen - placed}; "
        f"text chars seen {chars_in} / in nodes {chars_out}; leftover items {len(result.sisa)}"
    )


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    pdfs: list[Path] = args.pdfs or sorted(SETTINGS.raw_dir.glob("*.pdf"))
    if not pdfs:
        print(f"error: {SETTINGS.raw_dir}: no PDF files to process", file=sys.stderr)
        return EXIT_USAGE
    failed = 0
    for pdf in pdfs:
        try:
            result = process(pdf)
            folder = publish(result, args.out)
        except PipelineError as exc:
            failed += 1
            print(exc.one_line(), file=sys.stderr)
            if args.debug:
                traceback.print_exc()
            continue
        except Exception as exc:  # a bug, not bad input: still one line unless --debug
            failed += 1
            if args.debug:
                traceback.print_exc()
            err = InputError(pdf, f"internal error: {type(exc).__name__}: {exc}")
            print(err.one_line(), file=sys.stderr)
            continue
        print(_summary(result, folder))
        for notice in result.notices:
            print(f"notice: {pdf}: {notice}")
    if failed:
        print(f"{failed} of {len(pdfs)} file(s) failed", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK
