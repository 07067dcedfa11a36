"""The options a user sets in the environment are read in one place (pipeline.settings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.settings import SETTINGS, from_environment


def test_defaults_without_variables() -> None:
    s = from_environment(environ={})
    assert (s.report_pdf, s.chromium, s.base_url) == (True, None, None)
    assert s == SETTINGS


@pytest.mark.parametrize(
    ("environ", "field", "value"),
    [
        ({"PIPELINE_REPORT_PDF": "0"}, "report_pdf", False),
        ({"PIPELINE_REPORT_PDF": "1"}, "report_pdf", True),
        ({"PIPELINE_REPORT_PDF": ""}, "report_pdf", True),
        ({"PIPELINE_CHROMIUM": "/opt/chrome"}, "chromium", "/opt/chrome"),
        ({"PIPELINE_CHROMIUM": ""}, "chromium", None),
        ({"PIPELINE_BASE_URL": "https://jdih.example.go.id/files"}, "base_url",
         "https://jdih.example.go.id/files"),
    ],
)  # fmt: skip
def test_each_variable_sets_its_field(environ: dict[str, str], field: str, value: object) -> None:
    assert getattr(from_environment(environ=environ), field) == value


def test_read_when_needed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A variable set after import holds: the printer and the CLI ask when they need it."""
    from pipeline.cli import _parser
    from pipeline.report.pdf import enabled, find_browser

    monkeypatch.setenv("PIPELINE_REPORT_PDF", "0")
    monkeypatch.setenv("PIPELINE_CHROMIUM", str(tmp_path / "tidak-ada"))
    monkeypatch.setenv("PIPELINE_BASE_URL", "https://contoh.go.id/berkas")
    assert not enabled()
    assert find_browser() is None
    assert _parser().parse_args(["run"]).base_url == "https://contoh.go.id/berkas"
    monkeypatch.setenv("PIPELINE_REPORT_PDF", "1")
    assert enabled()
