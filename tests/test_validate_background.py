"""The expectation suites in a helper process (pipeline/validate/background.py): the helper
returns what the suites give in this process, a dead helper or a failing suite is met again
here, and a run whose suites add a finding draws its report again with it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import pipeline.forked as forked
import pipeline.validate.expectations as expectations
from pipeline.errors import PipelineError
from pipeline.validate.background import Expectations
from pipeline.validate.dataset import load_folder
from pipeline.validate.engine import findings, rule_hits, validate
from pipeline.validate.expectations import PROJECT_ROOT, run_expectations
from pipeline.validate.rules import Hit
from tests.golden import GOLDEN_DIR

# A failed expectation on a cell no rule reports (a made-up one: the suites fail nowhere on
# the default PDF).
EXTRA = Hit(
    "ekspektasi-gagal", "rencana_aksi", "lampiran_2__area_1__program_1__aksi_a__indikator_1",
    "kelompok", None, "kosong", {"ekspektasi": "column_values_to_not_be_null", "kolom": "kelompok"},
)  # fmt: skip


def _one_more(data: object, root: Path = PROJECT_ROOT) -> Iterator[Hit]:
    yield EXTRA


@pytest.fixture
def forkable(monkeypatch: pytest.MonkeyPatch) -> None:
    """A helper is forked, as in a run: the tests before leave threads in this process (tqdm's
    monitor after Great Expectations ran here, Dask's offload thread), and a process with a
    thread forks none (pipeline.forked.may_fork); they hold no lock here."""
    monkeypatch.setattr(forked, "may_fork", lambda: True)


@pytest.mark.usefixtures("forkable")
def test_the_helper_returns_the_suites_hits(monkeypatch: pytest.MonkeyPatch) -> None:
    data = load_folder(GOLDEN_DIR)
    assert Expectations(data, PROJECT_ROOT).result() == list(run_expectations(data))
    monkeypatch.setattr(expectations, "run_expectations", _one_more)
    helper = Expectations(data, PROJECT_ROOT)
    assert helper._proc is not None  # a helper process ran them (forked: it has the patch)
    assert helper.result() == [EXTRA]


@pytest.mark.usefixtures("forkable")
def test_a_dead_helper_is_replaced_by_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    data = load_folder(GOLDEN_DIR)
    monkeypatch.setattr(forked, "_child", lambda *args: os._exit(1))
    helper = Expectations(data, PROJECT_ROOT)
    assert helper._proc is not None
    assert helper.result() == list(run_expectations(data))


def test_a_missing_suite_is_met_in_this_process(tmp_path: Path) -> None:
    data = load_folder(GOLDEN_DIR)
    with pytest.raises(PipelineError, match="Great Expectations suite missing"):
        Expectations(data, tmp_path).result()


def test_findings_in_two_steps_are_validate() -> None:
    data = load_folder(GOLDEN_DIR)
    assert findings(data, rule_hits(data), run_expectations(data)) == validate(data)


@pytest.mark.usefixtures("forkable")
@pytest.mark.parametrize("printed", [False, True], ids=["html", "html+pdf"])
def test_a_finding_of_the_suites_is_in_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, printed: bool
) -> None:
    """The report drawn from the rules' findings is drawn again when the suites add one;
    its print, started from the first drawing, is stopped and the second one printed."""
    from pipeline.batch import PROCESSED, run_document
    from tests.conftest import DEFAULT_PDF

    monkeypatch.setattr(expectations, "run_expectations", _one_more)
    if printed:
        from tests.test_report import _chromium

        _chromium()
        monkeypatch.setenv("PIPELINE_REPORT_PDF", "1")
    outcome = run_document(DEFAULT_PDF, tmp_path / "out", tmp_path / "laporan")
    assert outcome.status == PROCESSED, outcome.error
    ids = [t.id for t in outcome.temuan if t.kode == "ekspektasi-gagal"]
    assert ids == [f"ekspektasi-gagal__{EXTRA.record_id}__kelompok"]
    assert outcome.staged_report is not None
    assert ids[0] in Path(outcome.staged_report).read_text("utf-8")
    staged = [p.name for p in (tmp_path / "laporan").iterdir()]
    # The first drawing, without it, was removed (and its print, with its work folder).
    assert len(staged) == (2 if printed else 1), staged
    if printed:
        from pypdf import PdfReader

        assert outcome.print_notice is None and outcome.staged_print is not None
        pages = PdfReader(outcome.staged_print).pages
        text = " ".join(" ".join(page.extract_text().split()) for page in pages)
        # The label of the suites' finding, which the first drawing does not print.
        assert "Ekspektasi gagal" in text
