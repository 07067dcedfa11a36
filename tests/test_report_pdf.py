"""Issue 19 item 3: the report as a PDF beside its HTML, printed by headless Chromium and
byte-identical across prints; a run without Chromium still works and says so."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from pipeline.cli import EXIT_STRICT, main
from pipeline.report.pdf import print_report
from tests.conftest import DEFAULT_PDF, GOLDEN_REPORT
from tests.test_report import _chromium


def test_two_prints_are_byte_identical_and_undated(tmp_path: Path) -> None:
    _chromium()  # fails, saying how to install it, when there is none
    html = tmp_path / GOLDEN_REPORT.name
    shutil.copy(GOLDEN_REPORT, html)
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert print_report(html, first) is None
    assert print_report(html, second) is None
    assert first.read_bytes() == second.read_bytes()
    reader = PdfReader(first)
    assert reader.metadata is not None
    assert "/CreationDate" not in reader.metadata and "/ModDate" not in reader.metadata
    pages = reader.pages
    assert f"Halaman 1 dari {len(pages)}" in pages[0].extract_text()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_without_chromium_no_pdf_and_a_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PIPELINE_CHROMIUM", str(tmp_path / "tidak-ada"))
    html = tmp_path / "r.html"
    html.write_text("<p>x</p>", encoding="utf-8")
    reason = print_report(html, tmp_path / "r.pdf")
    assert reason is not None and "Chromium not found" in reason
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]


def test_a_run_prints_the_report_beside_it_or_says_why_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _chromium()
    pdf = tmp_path / DEFAULT_PDF.name
    shutil.copy(DEFAULT_PDF, pdf)
    out = tmp_path / "hasil"
    monkeypatch.setenv("PIPELINE_REPORT_PDF", "1")
    assert main(["run", str(pdf), "--out", str(out), "--strict"]) == EXIT_STRICT  # 7 galat
    laporan = out / "laporan"
    printed = laporan / "perbup-magetan-14-2020.pdf"
    assert printed.is_file()
    again = tmp_path / "lagi.pdf"
    assert print_report(laporan / "perbup-magetan-14-2020.html", again) is None
    assert again.read_bytes() == printed.read_bytes()
    assert "report PDF not made" not in capsys.readouterr().out

    # Without Chromium: the same run works, says why there is no PDF, and leaves none.
    printed.unlink()
    monkeypatch.setenv("PIPELINE_CHROMIUM", str(tmp_path / "tidak-ada"))
    folder = out / "perbup-magetan-14-2020"
    assert main(["validate", str(folder), "--reports", str(laporan)]) == 0
    assert "report PDF not made: Chromium not found" in capsys.readouterr().out
    assert not printed.exists()
