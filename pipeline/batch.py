"""One document end to end (the unit a process pool or a Dask cluster runs), and the
summary of a batch. Workers return plain, picklable outcomes; the parent prints them in
input order, so the output of a batch does not depend on which worker finished first."""

from __future__ import annotations

import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import InputError, PipelineError

PROCESSED, REUSED, FAILED = "diproses", "dilewati", "gagal"


@dataclass(frozen=True, slots=True)
class Outcome:
    path: str
    status: str  # diproses | dilewati (unchanged) | gagal
    lines: tuple[str, ...] = ()  # stdout lines
    error: str | None = None  # the one-line error, for a failure
    galat: int = 0
    trace: str | None = None  # the traceback, shown with --debug only


def run_document(pdf: Path, out: Path, reports: Path) -> Outcome:
    """Process (or reuse) one PDF into out/ and reports/. Never raises."""
    from pipeline.extract.pdf import check_file, sha256_of
    from pipeline.publish.reuse import remember, reusable

    try:
        check_file(pdf)
        source = sha256_of(pdf)
        folder = reusable(out, source, reports)
        if folder is not None:
            from pipeline.validate.dataset import load_temuan

            temuan = load_temuan(folder)
            line = (
                f"{pdf}: unchanged (same source and pipeline version): reused {folder}; "
                f"{findings_line(temuan)}"
            )
            return Outcome(str(pdf), REUSED, (line,), galat=_galat(temuan))
        from pipeline.publish.report import write_report
        from pipeline.publish.writer import publish
        from pipeline.run import process
        from pipeline.validate.engine import dataset_of, validate

        result = process(pdf)
        temuan = validate(dataset_of(result))
        folder = publish(result, out, temuan)
        report = write_report(result.dokumen, temuan, pdf, reports)
        remember(out, source, result.dokumen_id)
        lines = [summary_line(result, folder, temuan) + f"; report {report}"]
        lines += [f"notice: {pdf}: {n}" for n in result.notices]
        return Outcome(str(pdf), PROCESSED, tuple(lines), galat=_galat(temuan))
    except PipelineError as exc:
        return Outcome(str(pdf), FAILED, error=exc.one_line(), trace=traceback.format_exc())
    except Exception as exc:  # a bug, not bad input: still one line unless --debug
        err = InputError(pdf, f"internal error: {type(exc).__name__}: {exc}")
        return Outcome(str(pdf), FAILED, error=err.one_line(), trace=traceback.format_exc())


def _galat(temuan: Sequence[object]) -> int:
    return sum(1 for t in temuan if getattr(t, "tingkat", None) == "galat")


def findings_line(temuan: Sequence[object]) -> str:
    by = {
        level: sum(1 for t in temuan if getattr(t, "tingkat", None) == level)
        for level in ("galat", "peringatan", "info")
    }
    return "temuan " + ", ".join(f"{k} {v}" for k, v in by.items())


def summary_line(result: object, folder: Path, temuan: Sequence[object]) -> str:
    from pipeline.publish.writer import tables
    from pipeline.run import DocumentResult

    assert isinstance(result, DocumentResult)
    seen = sum(a.sel_terlihat for a in result.akuntansi)
    placed = sum(a.sel_ditempatkan for a in result.akuntansi)
    chars_in = sum(t.karakter_terlihat for t in result.teks)
    chars_out = sum(t.karakter_dalam_simpul for t in result.teks)
    chars_lost = sum(t.karakter_hilang for t in result.teks)
    counts = ", ".join(f"{name} {len(records)}" for name, records, _ in tables(result))
    return (
        f"{result.path}: {result.dokumen_id} -> {folder}: {counts}; "
        f"table cells seen {seen} / placed {placed} / left over {seen - placed}; "
        f"text chars printed {chars_in} / in nodes {chars_out} / lost {chars_lost}; "
        f"leftover items {len(result.sisa)}; "
        f"{findings_line(temuan)}"
    )


@dataclass(slots=True)
class BatchSummary:
    outcomes: list[Outcome] = field(default_factory=list)

    def line(self) -> str:
        count = {
            s: sum(1 for o in self.outcomes if o.status == s) for s in (PROCESSED, REUSED, FAILED)
        }
        return (
            f"ringkasan: {len(self.outcomes)} berkas: {count[PROCESSED]} diproses, "
            f"{count[REUSED]} dilewati (tidak berubah), {count[FAILED]} gagal"
        )


def run_batch(
    pdfs: Sequence[Path],
    out: Path,
    reports: Path,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> BatchSummary:
    """Every PDF through run_document: in this process, a process pool, or on Dask."""
    if engine == "dask":
        outcomes = _on_dask(pdfs, out, reports, scheduler, jobs)
    elif jobs > 1 and len(pdfs) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(run_document, p, out, reports) for p in pdfs]
            outcomes = [f.result() for f in futures]
    else:
        outcomes = [run_document(p, out, reports) for p in pdfs]
    return BatchSummary(outcomes)


def _on_dask(
    pdfs: Sequence[Path], out: Path, reports: Path, scheduler: str | None, jobs: int
) -> list[Outcome]:
    from distributed import Client, LocalCluster

    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=max(jobs, 1), threads_per_worker=1, processes=True,
                               dashboard_address=None)  # fmt: skip
        client = Client(cluster)
    try:
        futures = client.map(run_document, list(pdfs), out=out, reports=reports, pure=False)
        return list(client.gather(futures))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
