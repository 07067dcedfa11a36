"""Thin CLI: parse arguments, call the library, turn PipelineError into one line + exit code.

Exit codes: 0 the pipeline worked (whatever the documents' findings); 1 the pipeline failed
on at least one input; 2 with --strict when any finding is a `galat`.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline import __version__
from pipeline.errors import InputError, PipelineError
from pipeline.extract.pdf import check_file, sha256_of
from pipeline.publish.reuse import remember, reusable
from pipeline.settings import SETTINGS

if TYPE_CHECKING:
    from pipeline.models import Temuan
    from pipeline.run import DocumentResult

# The stages are imported where they are used: an unchanged document is reused without
# loading the PDF, NLP and validation libraries at all.

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_STRICT = 2
EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__)
    parser.add_argument("--version", action="version", version=__version__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="parse PDFs into validated datasets under extracted/")
    run.add_argument(
        "pdfs", nargs="*", type=Path, help=f"PDF files (default: every PDF in {SETTINGS.raw_dir}/)"
    )
    run.add_argument("--out", type=Path, default=SETTINGS.out_dir, help="output folder")
    val = sub.add_parser("validate", help="re-validate published document folders")
    val.add_argument(
        "folders",
        nargs="*",
        type=Path,
        help=f"folders (default: every folder in {SETTINGS.out_dir}/)",
    )
    for p in (run, val):
        p.add_argument(
            "--reports", type=Path, default=SETTINGS.reports_dir, help="folder of the QA reports"
        )
        p.add_argument("--strict", action="store_true", help="exit 2 when any finding is a galat")
        p.add_argument("--debug", action="store_true", help="show tracebacks")
    sub.add_parser("schemas", help="regenerate schemas/ and validations/expectations/")
    diff = sub.add_parser("diff", help="what changed between two versions of a regulation")
    diff.add_argument("old", type=Path, help="published folder or PDF of the earlier version")
    diff.add_argument("new", type=Path, help="published folder or PDF of the later version")
    diff.add_argument(
        "--out", type=Path, help="output folder (default: extracted/perubahan/OLD__NEW)"
    )
    diff.add_argument("--debug", action="store_true", help="show tracebacks")
    return parser


def _summary(result: DocumentResult, folder: Path, temuan: Sequence[Temuan]) -> str:
    from pipeline.publish.writer import tables

    seen = sum(a.sel_terlihat for a in result.akuntansi)
    placed = sum(a.sel_ditempatkan for a in result.akuntansi)
    chars_in = sum(t.karakter_terlihat for t in result.teks)
    chars_out = sum(t.karakter_dalam_simpul for t in result.teks)
    counts = ", ".join(f"{name} {len(records)}" for name, records, _ in tables(result))
    return (
        f"{result.path}: {result.dokumen_id} -> {folder}: {counts}; "
        f"table cells seen {seen} / placed {placed} / left over {seen - placed}; "
        f"text chars seen {chars_in} / in nodes {chars_out}; leftover items {len(result.sisa)}; "
        f"{_findings(temuan)}"
    )


def _findings(temuan: Sequence[Temuan]) -> str:
    by = {t: sum(1 for x in temuan if x.tingkat == t) for t in ("galat", "peringatan", "info")}
    return "temuan " + ", ".join(f"{k} {v}" for k, v in by.items())


def _each(
    items: Sequence[Path], debug: bool, work: Callable[[Path], Sequence[Temuan]]
) -> tuple[int, bool]:
    failed, any_galat = 0, False
    for item in items:
        try:
            temuan = work(item)
        except PipelineError as exc:
            failed += 1
            print(exc.one_line(), file=sys.stderr)
            if debug:
                traceback.print_exc()
            continue
        except Exception as exc:  # a bug, not bad input: still one line unless --debug
            failed += 1
            if debug:
                traceback.print_exc()
            print(
                InputError(item, f"internal error: {type(exc).__name__}: {exc}").one_line(),
                file=sys.stderr,
            )
            continue
        any_galat = any_galat or any(t.tingkat == "galat" for t in temuan)
    if failed:
        print(f"{failed} of {len(items)} input(s) failed", file=sys.stderr)
    return failed, any_galat


def _run_one(pdf: Path, out: Path, reports: Path) -> Sequence[Temuan]:
    check_file(pdf)
    source = sha256_of(pdf)
    folder = reusable(out, source, reports)
    if folder is not None:
        from pipeline.validate.dataset import load_temuan

        temuan = load_temuan(folder)
        print(f"{pdf}: unchanged (same source and pipeline version): reused {folder}; "
              f"{_findings(temuan)}")  # fmt: skip
        return temuan
    from pipeline.publish.report import write_report
    from pipeline.publish.writer import publish
    from pipeline.run import process
    from pipeline.validate.engine import dataset_of, validate

    result = process(pdf)
    temuan = validate(dataset_of(result))
    folder = publish(result, out, temuan)
    report = write_report(result.dokumen, temuan, pdf, reports)
    remember(out, source, result.dokumen_id)
    print(_summary(result, folder, temuan) + f"; report {report}")
    for notice in result.notices:
        print(f"notice: {pdf}: {notice}")
    return temuan


def _validate_one(folder: Path, reports: Path) -> Sequence[Temuan]:
    from pipeline.publish.manifest import manifest
    from pipeline.publish.report import find_source, write_report
    from pipeline.publish.writer import write_json, write_temuan
    from pipeline.validate.dataset import load_folder
    from pipeline.validate.engine import validate

    data = load_folder(folder)
    temuan = validate(data)
    write_temuan(folder, temuan)
    write_json(folder / "manifest.json", manifest(folder, data.dokumen.sumber_sha256, __version__))
    report = write_report(
        data.dokumen, temuan, find_source(data.dokumen, SETTINGS.raw_dir), reports
    )
    print(f"{folder}: {_findings(temuan)}; report {report}")
    return temuan


def _dataset(source: Path) -> tuple[Any, str]:
    """A published folder, or a PDF processed in memory, as a Dataset and its label."""
    from pipeline.validate.dataset import load_folder
    from pipeline.validate.engine import dataset_of

    if source.is_dir():
        data = load_folder(source)
    else:
        from pipeline.run import process

        data = dataset_of(process(source))
    return data, data.dokumen.dokumen_id


def _diff(old: Path, new: Path, out: Path | None) -> Sequence[Temuan]:
    from pipeline.diff import diff_datasets, write_diff

    old_data, old_label = _dataset(old)
    new_data, new_label = _dataset(new)
    changes = diff_datasets(old_data, new_data)
    target = out or SETTINGS.out_dir / "perubahan" / f"{old_label}__{new_label}"
    write_diff(changes, target, old_label, new_label)
    kinds = {
        k: sum(1 for c in changes if c.jenis == k)
        for k in ("ditambah", "dihapus", "diubah", "dipindah")
    }
    print(f"{old} -> {new}: {len(changes)} perubahan ({kinds}) -> {target}")
    return []


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "schemas":
        from pipeline.validate.expectations import write_suites
        from pipeline.validate.schemas import write_schemas

        for path in [*write_schemas(), *write_suites()]:
            print(f"wrote {path}")
        return EXIT_OK
    if args.command == "diff":
        failed, _ = _each([args.new], args.debug, lambda new: _diff(args.old, new, args.out))
        return EXIT_FAILED if failed else EXIT_OK
    if args.command == "run":
        items: list[Path] = args.pdfs or sorted(SETTINGS.raw_dir.glob("*.pdf"))
        where = SETTINGS.raw_dir
        failed, any_galat = (
            _each(items, args.debug, lambda p: _run_one(p, args.out, args.reports))
            if items
            else (0, False)
        )
    else:
        items = args.folders or sorted(
            p for p in SETTINGS.out_dir.iterdir() if (p / "dokumen.json").exists()
        )
        where = SETTINGS.out_dir
        failed, any_galat = (
            _each(items, args.debug, lambda f: _validate_one(f, args.reports))
            if items
            else (0, False)
        )
    if not items:
        print(f"error: {where}: nothing to process", file=sys.stderr)
        return EXIT_USAGE
    out_dir = args.out if args.command == "run" else SETTINGS.out_dir
    if out_dir.exists():
        from pipeline.publish.katalog import build_catalog

        db, csv_path = build_catalog(out_dir)
        print(f"catalog: {db}, {csv_path}")
    if failed:
        return EXIT_FAILED
    return EXIT_STRICT if args.strict and any_galat else EXIT_OK
