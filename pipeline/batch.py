"""One document end to end (the unit a process pool or a Dask cluster runs), and the
summary of a batch. Workers return plain, picklable outcomes; the parent prints them in
input order, so the output of a batch does not depend on which worker finished first."""

from __future__ import annotations

import gc
import os
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import InputError, PipelineError
from pipeline.vocabulary import SEVERITIES

if TYPE_CHECKING:
    from collections.abc import Mapping

    from pipeline.models import Temuan
    from pipeline.publish.tindak_lanjut import Decisions, Keputusan
    from pipeline.report.pdf import Printing

PROCESSED, REUSED, FAILED = "diproses", "dilewati", "gagal"


@dataclass(frozen=True, slots=True)
class Outcome:
    path: str
    status: str  # diproses | dilewati (unchanged) | gagal
    lines: tuple[str, ...] = ()  # stdout lines
    error: str | None = None  # the one-line error, for a failure
    galat: int = 0
    trace: str | None = None  # the traceback, shown with --debug only
    dokumen_id: str | None = None
    sumber: str | None = None  # the source's sha256
    # A processed document is written complete into hidden staging places by the worker;
    # the parent puts them in place (`settle`), after checking the ids of the whole run.
    staged: str | None = None  # the staged folder
    final: str | None = None  # where it goes
    staged_report: str | None = None
    report: str | None = None
    # The report printed to PDF meanwhile (report/pdf.py), or why not (a notice); neither
    # when printing is off.
    staged_print: str | None = None
    print_notice: str | None = None
    temuan: tuple[Temuan, ...] = ()  # the findings, for the follow-up file
    keputusan_sha: str | None = None  # the digest of this document's decisions


def run_document(
    pdf: Path,
    out: Path,
    reports: Path,
    base_url: str | None = None,
    decisions: Decisions | None = None,
) -> Outcome:
    """Process (or reuse) one PDF: a processed document is staged under out/ and reports/,
    not yet in place (see `settle`). `base_url`: where the PDFs are served (the JDIHN
    feed's urlDownload); `decisions`: the reviewers' follow-up decisions (the report shows
    them, exempt galat are not counted). Never raises."""
    from pipeline.extract.pdf import check_file, sha256_of
    from pipeline.publish.reuse import reusable
    from pipeline.publish.tindak_lanjut import counted_galat, digest

    decisions = decisions or {}
    frozen = False
    try:
        check_file(pdf)
        source = sha256_of(pdf)
        folder = reusable(out, source, reports, base_url, decisions)
        if folder is not None:
            from pipeline.validate.dataset import load_temuan

            temuan = load_temuan(folder)
            mine = decisions.get(folder.name, {})
            line = (
                f"{pdf}: unchanged (same source and pipeline version): reused {folder}; "
                f"{findings_line(temuan, mine)}"
            )
            return Outcome(
                str(pdf), REUSED, (line,), galat=counted_galat(temuan, mine),
                dokumen_id=folder.name, sumber=source, temuan=tuple(temuan),
                keputusan_sha=digest(mine),
            )  # fmt: skip
        from pipeline.extract.background import Extraction
        from pipeline.settings import SETTINGS

        # The PDF is read in a helper process while this one loads the libraries of the
        # later steps: the two cores work at once (extract/background.py, pipeline/forked.py).
        extraction = Extraction(pdf, SETTINGS)
        from pipeline.publish.paths import document_path
        from pipeline.publish.report import stage_report
        from pipeline.publish.writer import stage
        from pipeline.report.places import record_texts
        from pipeline.run import preload, process
        from pipeline.validate.background import Expectations
        from pipeline.validate.engine import dataset_of, findings, rule_hits
        from pipeline.validate.expectations import PROJECT_ROOT
        from pipeline.version import pipeline_version

        preload()
        # What is loaded now lives for the whole run: the collector's full passes after
        # extraction need not walk it again (gen 2 passes: 0.5 -> 0.1 CPU-s on the default
        # PDF). Collected first, so no garbage is kept; thawed when the document is done.
        frozen = _freeze()
        result = process(pdf, SETTINGS, extraction.result())
        final = document_path(out, result.dokumen_id, pdf)
        data = dataset_of(result)
        # The expectation suites run in a helper process while the report is drawn from
        # the rules' findings; drawn again only if the suites add one (validate/background.py).
        expecting = Expectations(data, PROJECT_ROOT)
        staged_report: Path | None = None
        # Chromium prints the report in its own processes while the suites finish and the
        # folder is written. It starts from the rules' findings: the suites seldom add one
        # (none on the default PDF); when they do, the print is stopped and the report drawn
        # and printed again, so the PDF is the same either way.
        printing: Printing | None = None
        staged_print: str | None = None
        staged: Path | None = None
        try:
            try:
                hits = rule_hits(data)
                drafted = findings(data, hits, [])
                mine = decisions.get(result.dokumen_id, {})
                texts = record_texts(
                    result.simpul, result.lampiran_simpul, result.menimbang,
                    result.dasar_hukum, result.definisi,
                )  # fmt: skip

                def draw(temuan: list[Temuan]) -> tuple[Path, Path]:
                    return stage_report(
                        result.dokumen, temuan, pdf, reports, mine, pipeline_version(),
                        result.rencana_aksi, result.glyphs, result.kotak, texts,
                    )  # fmt: skip

                staged_report, report = draw(drafted)
                printing, staged_print = _start_print(staged_report, report)
                temuan = findings(data, hits, expecting.result())
                if temuan != drafted:
                    if printing is not None:
                        printing.cancel()
                    _remove(staged_print)
                    _remove(str(staged_report))
                    printing = staged_print = staged_report = None
                    staged_report, report = draw(temuan)
                    printing, staged_print = _start_print(staged_report, report)
            finally:
                expecting.cancel()
            staged = stage(result, out, temuan, base_url)
            notice = printing.wait() if printing is not None else None
        except BaseException:
            if printing is not None:
                printing.cancel()
            for path in (staged, staged_report, staged_print):
                _remove(str(path) if path is not None else None)
            raise
        if notice is not None:
            _remove(staged_print)
            staged_print = None
        lines = [summary_line(result, final, temuan, mine) + f"; report {report}"]
        lines += [f"notice: {pdf}: {n}" for n in result.notices]
        return Outcome(
            str(pdf), PROCESSED, tuple(lines), galat=counted_galat(temuan, mine),
            dokumen_id=result.dokumen_id, sumber=source, staged=str(staged), final=str(final),
            staged_report=str(staged_report), report=str(report), temuan=tuple(temuan),
            keputusan_sha=digest(mine), staged_print=staged_print, print_notice=notice,
        )  # fmt: skip
    except PipelineError as exc:
        return Outcome(str(pdf), FAILED, error=exc.one_line(), trace=traceback.format_exc())
    except Exception as exc:  # a bug, not bad input: still one line unless --debug
        err = InputError(pdf, f"internal error: {type(exc).__name__}: {exc}")
        return Outcome(str(pdf), FAILED, error=err.one_line(), trace=traceback.format_exc())
    finally:
        if frozen:
            gc.unfreeze()


def _freeze() -> bool:
    """Collect, then move every object alive into the collector's permanent generation
    (gc.freeze), unless the collector is off or another caller has frozen objects already;
    whether it froze (the caller then thaws them with gc.unfreeze)."""
    if not gc.isenabled() or gc.get_freeze_count():
        return False
    gc.collect()
    gc.freeze()
    return True


def _start_print(staged_report: Path, report: Path) -> tuple[Printing | None, str | None]:
    """The staged report printing to a staged PDF (a hidden sibling of the report's PDF,
    swept like the staged report when a run is interrupted); (None, None) when printing is
    off."""
    import tempfile

    from pipeline.publish.files import TMP_PREFIX
    from pipeline.report.pdf import Printing, enabled

    if not enabled():
        return None, None
    target = report.with_suffix(".pdf")
    fd, name = tempfile.mkstemp(prefix=f"{TMP_PREFIX}{target.name}-", dir=target.parent)
    os.close(fd)
    return Printing(staged_report, Path(name)), name


def _remove(path: str | None) -> None:
    import shutil

    if path is None:
        return
    target = Path(path)
    if target.is_dir():
        shutil.rmtree(target, ignore_errors=True)
    else:
        target.unlink(missing_ok=True)


def _failed(outcome: Outcome, error: str) -> Outcome:
    _remove(outcome.staged)
    _remove(outcome.staged_report)
    _remove(outcome.staged_print)
    return Outcome(outcome.path, FAILED, error=error, dokumen_id=outcome.dokumen_id)


def settle(outcomes: Sequence[Outcome], out: Path, base_url: str | None = None) -> list[Outcome]:
    """Put the staged documents of a run in place, in input order.

    Two inputs of one run with the same dokumen_id are both failures naming each other;
    nothing is published for either and a folder published before stays as it was. A
    folder replaced by a document from another source gets a notice, never silently."""
    from pipeline.publish.reuse import previous_source, remember
    from pipeline.publish.writer import commit

    inputs: dict[str, list[str]] = {}
    for o in outcomes:
        if o.status != FAILED and o.dokumen_id:
            inputs.setdefault(o.dokumen_id, []).append(o.path)
    settled: list[Outcome] = []
    for o in outcomes:
        if o.status == FAILED or not o.dokumen_id:
            settled.append(o)
            continue
        others = [p for p in inputs[o.dokumen_id] if p != o.path]
        if others:
            error = (
                f"error: {o.path}: dokumen_id {o.dokumen_id!r} is also the id of "
                f"{', '.join(others)} in this run; nothing published for either "
                "(give each regulation its own title block or file name)"
            )
            settled.append(_failed(o, error))
            continue
        if o.status != PROCESSED or o.staged is None or o.final is None:
            settled.append(o)
            continue
        lines = list(o.lines)
        before = previous_source(Path(o.final))
        if before is not None and before != o.sumber:
            lines.append(
                f"notice: {o.path}: replaces {o.final}, published before from another "
                f"source (sha256 {before[:12]}...)"
            )
        try:
            commit(Path(o.staged), Path(o.final))
            if o.staged_report and o.report:
                os.replace(o.staged_report, o.report)
                if o.staged_print:
                    os.replace(o.staged_print, Path(o.report).with_suffix(".pdf"))
                elif o.print_notice:
                    lines.append(f"notice: {o.path}: {o.print_notice}")
            remember(
                out, o.sumber or "", o.dokumen_id, Path(o.report) if o.report else None,
                base_url, o.keputusan_sha,
            )  # fmt: skip
        except OSError as exc:
            settled.append(_failed(o, f"error: {o.final}: cannot publish: {exc.strerror}"))
            continue
        settled.append(
            replace(o, lines=tuple(lines), staged=None, staged_report=None, staged_print=None)
        )
    return settled


def findings_line(
    temuan: Sequence[Temuan], decisions: Mapping[str, Keputusan] | None = None
) -> str:
    """'findings (temuan): galat 7, peringatan 29, info 21', and with reviewers' decisions
    '; follow-up: 5 reviewed, 2 galat accepted (not counted by --strict)'."""
    by = {
        level: sum(1 for t in temuan if getattr(t, "tingkat", None) == level)
        for level in SEVERITIES
    }
    line = "findings (temuan): " + ", ".join(f"{k} {v}" for k, v in by.items())
    if decisions:
        from pipeline.publish.tindak_lanjut import counted_galat

        reviewed = sum(1 for t in temuan if t.id in decisions)
        accepted = by["galat"] - counted_galat(temuan, decisions)
        line += f"; follow-up: {reviewed} reviewed, {accepted} galat accepted"
        line += " (not counted by --strict)" if accepted else ""
    return line


def summary_line(
    result: object,
    folder: Path,
    temuan: Sequence[Temuan],
    decisions: Mapping[str, Keputusan] | None = None,
) -> str:
    from pipeline.publish.writer import tables
    from pipeline.result import DocumentResult

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
        f"{findings_line(temuan, decisions)}"
    )


@dataclass(slots=True)
class BatchSummary:
    outcomes: list[Outcome] = field(default_factory=list)

    def line(self) -> str:
        count = {
            s: sum(1 for o in self.outcomes if o.status == s) for s in (PROCESSED, REUSED, FAILED)
        }
        return (
            f"summary: {len(self.outcomes)} file(s): {count[PROCESSED]} processed, "
            f"{count[REUSED]} skipped (unchanged), {count[FAILED]} failed"
        )


def run_batch(
    pdfs: Sequence[Path],
    out: Path,
    reports: Path,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    base_url: str | None = None,
    decisions: Decisions | None = None,
) -> BatchSummary:
    """Every PDF through run_document: in this process, a process pool, or on Dask."""
    if engine == "dask":
        outcomes = _on_dask(pdfs, out, reports, scheduler, jobs, base_url, decisions)
    elif jobs > 1 and len(pdfs) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [
                pool.submit(run_document, p, out, reports, base_url, decisions) for p in pdfs
            ]
            outcomes = [f.result() for f in futures]
    else:
        outcomes = [run_document(p, out, reports, base_url, decisions) for p in pdfs]
    return BatchSummary(settle(outcomes, out, base_url))


def _on_dask(
    pdfs: Sequence[Path],
    out: Path,
    reports: Path,
    scheduler: str | None,
    jobs: int,
    base_url: str | None = None,
    decisions: Decisions | None = None,
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
        futures = client.map(
            run_document,
            list(pdfs),
            out=out,
            reports=reports,
            base_url=base_url,
            decisions=decisions,
            pure=False,
        )
        return list(client.gather(futures))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
