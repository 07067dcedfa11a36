"""Thin CLI: parse arguments, call the library, turn PipelineError into one line + exit code.

The command line speaks English (help, progress, errors); what Bagian Hukum reads (findings,
the QA report) is in Bahasa Indonesia. Exit codes are EXIT_* below and in the README.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.errors import InputError, PipelineError
from pipeline.settings import SETTINGS, from_environment
from pipeline.version import pipeline_version

if TYPE_CHECKING:
    from pipeline.models import Temuan
    from pipeline.publish.tindak_lanjut import Decisions

# The stages are imported where they are used: an unchanged document is reused without
# loading the PDF, NLP and validation libraries at all.

EXIT_OK = 0  # the pipeline worked, whatever the documents' findings
EXIT_FAILED = 1  # the pipeline failed on at least one input
EXIT_STRICT = 2  # --strict, and some finding is a galat
EXIT_USAGE = 2  # bad arguments: nothing to process, --out is a file, ... (as argparse)
REPORTS_UNDER_OUT = "laporan"  # with another --out, the reports go to <out>/laporan/
BASE_URL_ENV = "PIPELINE_BASE_URL"  # the default of run --base-url

DESCRIPTION = """\
Parse Indonesian regulations (Peraturan Bupati etc.) and their lampiran tables into
validated open datasets, one folder per document, a QA report per document for Bagian
Hukum, and one catalog (katalog.sqlite, katalog.csv) of everything published."""

EXAMPLES = """\
examples:
  python -m pipeline run                              every PDF in raw/ -> extracted/
  python -m pipeline run archive/ --jobs 4 --out /data/perbup
  python -m pipeline validate --strict                re-check every folder in extracted/
  python -m pipeline diff extracted/perbup-a-1-2020 perubahan.pdf

exit codes: 0 the pipeline worked (whatever the findings); 1 at least one input failed;
2 with --strict when a finding is a galat, or bad arguments (nothing to process, ...)."""

RUN_EXAMPLES = """\
examples:
  python -m pipeline run                                   every PDF in raw/
  python -m pipeline run raw/perbup.pdf --out /tmp/hasil   reports in /tmp/hasil/laporan/
  python -m pipeline run archive/ --jobs 4                 a folder, searched recursively
  python -m pipeline run archive/ --engine dask --scheduler tcp://host:8786
  python -m pipeline run --base-url https://jdih.example.go.id/files   JDIHN urlDownload

Runs into one --out wait for each other (a lock file, <out>/.lock)."""

VALIDATE_EXAMPLES = """\
examples:
  python -m pipeline validate                          every folder in extracted/
  python -m pipeline validate extracted/perbup-magetan-14-2020 --strict

Every file is first checked against the folder's manifest.json: an edited, missing or
unlisted file is a galat (berkas-tidak-cocok), and the folder is then left as it is."""

DIFF_EXAMPLES = """\
examples:
  python -m pipeline diff extracted/perbup-a-1-2020 extracted/perbup-a-2-2021
  python -m pipeline diff lama.pdf baru.pdf --out /tmp/perubahan"""


def _parser() -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="python -m pipeline", description=DESCRIPTION, epilog=EXAMPLES, formatter_class=fmt
    )
    parser.add_argument("--version", action="version", version=pipeline_version())
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = sub.add_parser(
        "run", help="parse PDFs into validated datasets", epilog=RUN_EXAMPLES, formatter_class=fmt
    )
    run.add_argument(
        "pdfs",
        nargs="*",
        type=Path,
        metavar="PDF",
        help=f"PDF files or folders of them (default: every PDF in {SETTINGS.raw_dir}/)",
    )
    run.add_argument(
        "--out", type=Path, default=SETTINGS.out_dir,
        help=f"output folder (default: {SETTINGS.out_dir}/)",
    )  # fmt: skip
    run.add_argument("--jobs", type=int, default=1, help="documents processed in parallel")
    run.add_argument(
        "--engine", choices=("local", "dask"), default="local",
        help="local: this machine (a process pool with --jobs); dask: a Dask cluster",
    )  # fmt: skip
    run.add_argument("--scheduler", help="Dask scheduler address (default: a local cluster)")
    run.add_argument(
        "--base-url", default=from_environment().base_url, metavar="URL",
        help="where the source PDFs are served, e.g. https://jdih.example.go.id/files: "
        "jdihn.json's urlDownload is URL/<file name> (default: $" + BASE_URL_ENV + "; "
        "without it urlDownload is \"-\")",
    )  # fmt: skip
    val = sub.add_parser(
        "validate", help="re-validate published document folders", epilog=VALIDATE_EXAMPLES,
        formatter_class=fmt,
    )  # fmt: skip
    val.add_argument(
        "folders",
        nargs="*",
        type=Path,
        metavar="FOLDER",
        help=f"published document folders (default: every one in {SETTINGS.out_dir}/)",
    )
    for p in (run, val):
        p.add_argument(
            "--reports", type=Path, default=None,
            help=f"folder of the QA reports (default: {SETTINGS.reports_dir}/; with another "
            f"--out, <out>/{REPORTS_UNDER_OUT}/)",
        )  # fmt: skip
        p.add_argument(
            "--tindak-lanjut", type=Path, default=None, metavar="FILE",
            help="the reviewers' follow-up file, kept up to date by every run (default: "
            f"{SETTINGS.reports_dir.parent}/tindak_lanjut.csv; with another reports folder, "
            "<reports>/tindak_lanjut.csv)",
        )  # fmt: skip
        p.add_argument(
            "--strict", action="store_true",
            help="exit 2 when any finding is a galat (except those tindak_lanjut.csv marks "
            "diterima or bukan_masalah)",
        )  # fmt: skip
        p.add_argument("--debug", action="store_true", help="show tracebacks")
    sub.add_parser("schemas", help="regenerate schemas/ and validations/expectations/")
    diff = sub.add_parser(
        "diff", help="what changed between two versions of a regulation", epilog=DIFF_EXAMPLES,
        formatter_class=fmt,
    )  # fmt: skip
    diff.add_argument("old", type=Path, help="published folder or PDF of the earlier version")
    diff.add_argument("new", type=Path, help="published folder or PDF of the later version")
    diff.add_argument(
        "--out", type=Path, help="output folder (default: extracted/perubahan/OLD__NEW)"
    )
    diff.add_argument("--debug", action="store_true", help="show tracebacks")
    return parser


def _each(items: Sequence[Path], debug: bool, work: Callable[[Path], int]) -> tuple[int, bool]:
    """Run `work` (which returns the galat --strict counts) on every item; (failed, any
    counted galat)."""
    failed, any_galat = 0, False
    for item in items:
        try:
            galat = work(item)
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
        any_galat = any_galat or galat > 0
    if failed:
        print(f"{failed} of {len(items)} input(s) failed", file=sys.stderr)
    return failed, any_galat


def _validate_one(
    folder: Path, reports: Path, decisions: Decisions, seen: dict[str, Sequence[Temuan]]
) -> int:
    """Re-validate a published folder. Its files are checked against manifest.json first;
    only an intact folder gets its findings rewritten (and only those entries of its
    manifest). A folder that fails the check is left exactly as it is: the manifest is
    never rewritten to match an edit. The report shows the findings (and the reviewers'
    decisions) either way. Returns the galat --strict counts; `seen` gets the findings."""
    import json

    from pipeline.batch import findings_line
    from pipeline.publish.files import write_atomically
    from pipeline.publish.manifest import MANIFEST_NAME, manifest
    from pipeline.publish.paths import checked_id
    from pipeline.publish.report import find_source, write_report
    from pipeline.publish.tindak_lanjut import counted_galat
    from pipeline.publish.writer import render_temuan
    from pipeline.report.pdf import enabled, print_report
    from pipeline.report.places import record_texts
    from pipeline.validate.dataset import load_folder
    from pipeline.validate.engine import INTEGRITY_CODE, validate

    if not folder.is_dir():
        raise PipelineError(folder, "no such folder")
    data = load_folder(folder)
    checked_id(data.dokumen.dokumen_id, folder / "dokumen.json")
    temuan = validate(data, folder=folder)
    intact = not any(t.kode == INTEGRITY_CODE for t in temuan)
    made_by: str | None = None
    if intact:
        made_by = json.loads((folder / MANIFEST_NAME).read_text("utf-8"))["versi_pipeline"]
        changed = False
        for name, text in render_temuan(temuan).items():
            path = folder / name
            if path.read_text("utf-8") != text:
                write_atomically(path, text)
                changed = True
        if changed:
            # The data were made by the pipeline version the manifest names; only the
            # findings are rewritten here.
            entries = manifest(folder, data.dokumen.sumber_sha256, str(made_by))
            write_atomically(
                folder / MANIFEST_NAME, json.dumps(entries, ensure_ascii=False, indent=2) + "\n"
            )
    report = write_report(
        data.dokumen,
        temuan,
        find_source(data.dokumen, SETTINGS.raw_dir),
        reports,
        source=folder / "dokumen.json",
        keputusan=decisions.get(data.dokumen.dokumen_id, {}),
        versi=made_by,
        rencana_aksi=data.rencana_aksi,
        texts=record_texts(
            data.pasal,
            data.lampiran,
            data.menimbang,
            data.dasar_hukum,
            data.definisi,
            data.rencana_aksi,
        ),  # fmt: skip
    )
    mine = decisions.get(data.dokumen.dokumen_id, {})
    seen[data.dokumen.dokumen_id] = temuan
    print(f"{folder}: {findings_line(temuan, mine)}; report {report}")
    if enabled() and (reason := print_report(report, report.with_suffix(".pdf"))):
        print(f"notice: {folder}: {reason}")
    if not intact:
        print(
            f"notice: {folder}: files differ from its manifest.json; left as they are "
            "(run the source PDF again to restore the folder)"
        )
    return counted_galat(temuan, mine)


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


def _diff(old: Path, new: Path, out: Path | None) -> int:
    from pipeline.diff import diff_datasets, write_diff

    for given in (old, new):
        if not given.exists():
            raise PipelineError(given, "no such file or folder")
    old_data, old_label = _dataset(old)
    new_data, new_label = _dataset(new)
    changes = diff_datasets(old_data, new_data)
    target = out or SETTINGS.out_dir / "perubahan" / f"{old_label}__{new_label}"
    if target.exists() and not target.is_dir():
        raise PipelineError(target, "--out is a file, not a folder")
    write_diff(changes, target, old_label, new_label)
    kinds = ", ".join(
        f"{k} {sum(1 for c in changes if c.jenis == k)}"
        for k in ("ditambah", "dihapus", "diubah", "dipindah")
    )
    spacing = sum(1 for c in changes if c.hanya_spasi)
    print(f"{old} -> {new}: {len(changes)} changes ({kinds}; spacing only {spacing}) -> {target}")
    return 0


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


def _run(
    items: Sequence[Path], args: argparse.Namespace, reports: Path, follow_up: Path
) -> tuple[int, bool]:
    from pipeline.batch import FAILED, run_batch
    from pipeline.publish.tindak_lanjut import update

    decisions = _decisions(follow_up)
    summary = run_batch(
        items, args.out, reports, args.jobs, args.engine, args.scheduler, args.base_url,
        decisions,
    )  # fmt: skip
    update(follow_up, {o.dokumen_id: o.temuan for o in summary.outcomes
                       if o.status != FAILED and o.dokumen_id})  # fmt: skip
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


def _decisions(follow_up: Path) -> Decisions:
    """The reviewers' decisions; a row with an unknown status is a notice line."""
    from pipeline.publish.tindak_lanjut import load

    decisions, notices = load(follow_up)
    for notice in notices:
        print(f"notice: {notice}", file=sys.stderr)
    return decisions


def _follow_up(args: argparse.Namespace, reports: Path) -> Path:
    from pipeline.publish.tindak_lanjut import default_path

    if args.tindak_lanjut is not None:
        if args.tindak_lanjut.is_dir():
            raise UsageError(
                f"error: {args.tindak_lanjut}: --tindak-lanjut is a folder, not a file"
            )
        return Path(args.tindak_lanjut)
    return default_path(reports, SETTINGS.reports_dir)


class UsageError(Exception):
    """Bad arguments: one line, exit EXIT_USAGE."""


def _folder_arg(path: Path, what: str) -> Path:
    if path.exists() and not path.is_dir():
        raise UsageError(f"error: {path}: {what} is a file, not a folder")
    return path


def _reports(args: argparse.Namespace) -> Path:
    """--reports, or where the reports of --out go: validations/reports/ for the default
    output folder, <out>/laporan/ for any other (a run's outputs stay together)."""
    if args.reports is not None:
        return _folder_arg(args.reports, "--reports")
    out = getattr(args, "out", None)
    if out is None or out == SETTINGS.out_dir:
        return SETTINGS.reports_dir
    return out / REPORTS_UNDER_OUT


@contextmanager
def _session(*folders: Path) -> Iterator[None]:
    """The run lock on the output folders; then what an interrupted run left is swept."""
    from pipeline.publish.lock import locked
    from pipeline.publish.reuse import REUSE_DIR
    from pipeline.publish.writer import sweep

    with locked(*folders):
        for folder in folders:
            sweep(folder)
            sweep(folder / REUSE_DIR)
        yield


def _catalog(out_dir: Path) -> None:
    """Rebuild the catalog of out_dir, unless there is nothing to catalog (a run whose every
    input failed leaves no output but the hidden lock)."""
    from pipeline.publish.katalog import CATALOG_DB, build_catalog
    from pipeline.publish.paths import document_folders

    if not document_folders(out_dir) and not (out_dir / CATALOG_DB).exists():
        return
    db, csv_path = build_catalog(out_dir)
    print(f"catalog: {db}, {csv_path}")


def _command(args: argparse.Namespace) -> int:
    if args.command == "schemas":
        from pipeline.validate.expectations import write_suites
        from pipeline.validate.schemas import write_schemas

        for path in [*write_schemas(), *write_suites()]:
            print(f"wrote {path}")
        return EXIT_OK
    if args.command == "diff":
        failed, _ = _each([args.new], args.debug, lambda new: _diff(args.old, new, args.out))
        return EXIT_FAILED if failed else EXIT_OK
    reports = _reports(args)
    follow_up = _follow_up(args, reports)
    if args.command == "run":
        out = _folder_arg(args.out, "--out")
        items: list[Path] = _pdfs(args.pdfs)
        if not items:
            where = ", ".join(map(str, args.pdfs)) if args.pdfs else SETTINGS.raw_dir
            raise UsageError(f"error: {where}: no PDF files found")
        with _session(out, reports):
            failed, any_galat = _run(items, args, reports, follow_up)
            _catalog(out)
    else:
        from pipeline.publish.paths import document_folders

        if args.folders:
            items = list(args.folders)
        elif not SETTINGS.out_dir.is_dir():
            raise UsageError(
                f"error: {SETTINGS.out_dir}: no such folder (name the folders to validate, "
                "or run `python -m pipeline run` first)"
            )
        else:
            items = document_folders(SETTINGS.out_dir)
        if not items:
            raise UsageError(f"error: {SETTINGS.out_dir}: no published document folders found")
        parents = sorted({f.parent for f in items if f.is_dir()})
        with _session(*parents, reports):
            from pipeline.publish.tindak_lanjut import update

            decisions = _decisions(follow_up)
            seen: dict[str, Sequence[Temuan]] = {}
            failed, any_galat = _each(
                items, args.debug, lambda f: _validate_one(f, reports, decisions, seen)
            )
            update(follow_up, seen)
            for parent in parents:
                if (parent / "katalog.sqlite").exists():
                    _catalog(parent)
    if failed:
        return EXIT_FAILED
    return EXIT_STRICT if args.strict and any_galat else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _command(args)
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return EXIT_FAILED
    except PipelineError as exc:
        print(exc.one_line(), file=sys.stderr)
        if getattr(args, "debug", False):
            traceback.print_exc()
        return EXIT_FAILED
    except OSError as exc:  # the output folder itself: not writable, disk full, ...
        if getattr(args, "debug", False):
            traceback.print_exc()
        where = exc.filename or getattr(args, "out", None) or "."
        print(f"error: {where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
