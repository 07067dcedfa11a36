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
from pipeline.settings import SETTINGS

if TYPE_CHECKING:
    from pipeline.models import Temuan

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
        "pdfs",
        nargs="*",
        type=Path,
        help=f"PDF files or folders of them (default: every PDF in {SETTINGS.raw_dir}/)",
    )
    run.add_argument("--out", type=Path, default=SETTINGS.out_dir, help="output folder")
    run.add_argument("--jobs", type=int, default=1, help="documents processed in parallel")
    run.add_argument(
        "--engine", choices=("local", "dask"), default="local",
        help="local: this machine (a process pool with --jobs); dask: a Dask cluster",
    )  # fmt: skip
    run.add_argument("--scheduler", help="Dask scheduler address (default: a local cluster)")
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


def _findings(temuan: Sequence[Temuan]) -> str:
    from pipeline.batch import findings_line

    return findings_line(temuan)


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


def _validate_one(folder: Path, reports: Path) -> Sequence[Temuan]:
    from pipeline.publish.manifest import manifest
    from pipeline.publish.paths import checked_id
    from pipeline.publish.report import find_source, write_report
    from pipeline.publish.writer import write_json, write_temuan
    from pipeline.validate.dataset import load_folder
    from pipeline.validate.engine import validate

    data = load_folder(folder)
    checked_id(data.dokumen.dokumen_id, folder / "dokumen.json")
    temuan = validate(data)
    write_temuan(folder, temuan)
    write_json(folder / "manifest.json", manifest(folder, data.dokumen.sumber_sha256, __version__))
    report = write_report(
        data.dokumen,
        temuan,
        find_source(data.dokumen, SETTINGS.raw_dir),
        reports,
        source=folder / "dokumen.json",
    )
    print(f"{folder}: {_findings(temuan)}; report {report}")
    return temuan


def _dataset(source: Path) -> tuple[Any, str]:
    """A published folder, or a PDF processed in memory, as a Dataset and its label."""
    from pipeline.publish.paths import checked_id
    from pipeline.validate.dataset import load_folder
    from pipeline.validate.engine import dataset_of

    if source.is_dir():
        data = load_folder(source)
    else:
        from pipeline.run import process

        data = dataset_of(process(source))
    label = data.dokumen.dokumen_id
    checked_id(label, source / "dokumen.json" if source.is_dir() else source)
    return data, label


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


def _pdfs(given: Sequence[Path]) -> list[Path]:
    """The PDFs to process: files as given, folders searched for *.pdf (an archive)."""
    if not given:
        return sorted(SETTINGS.raw_dir.glob("*.pdf"))
    out: list[Path] = []
    for path in given:
        out.extend(sorted(path.rglob("*.pdf")) if path.is_dir() else [path])
    # A file named twice (itself and inside a folder given too) is one input.
    seen: set[Path] = set()
    unique = []
    for path in out:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def _run(items: Sequence[Path], args: argparse.Namespace) -> tuple[int, bool]:
    from pipeline.batch import FAILED, run_batch

    summary = run_batch(items, args.out, args.reports, args.jobs, args.engine, args.scheduler)
    for outcome in summary.outcomes:
        for line in outcome.lines:
            print(line)
        if outcome.error:
            print(outcome.error, file=sys.stderr)
            if args.debug and outcome.trace:
                print(outcome.trace, file=sys.stderr)
    failed = sum(1 for o in summary.outcomes if o.status == FAILED)
    if len(items) > 1 or failed:
        print(summary.line(), file=sys.stderr if failed else sys.stdout)
    if failed:
        print(f"{failed} of {len(items)} input(s) failed", file=sys.stderr)
    return failed, any(o.galat for o in summary.outcomes)


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
        items: list[Path] = _pdfs(args.pdfs)
        where = SETTINGS.raw_dir
        failed, any_galat = _run(items, args) if items else (0, False)
    else:
        from pipeline.publish.paths import document_folders

        items = args.folders or document_folders(SETTINGS.out_dir)
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
