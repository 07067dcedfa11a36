"""Bad input: one line naming the file and the reason, non-zero exit, no output folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen.canvas import Canvas

from pipeline.cli import main
from tests.conftest import DEFAULT_PDF


def _text_pdf(path: Path, lines: list[str], encrypt: StandardEncryption | None = None) -> Path:
    canvas = Canvas(str(path), pagesize=A4, invariant=1, encrypt=encrypt)
    y = 800
    for line in lines:
        canvas.drawString(60, y, line)
        y -= 14
    canvas.showPage()
    canvas.save()
    return path


def _image_only_pdf(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.rect(100, 100, 300, 300, fill=1)
    canvas.showPage()
    canvas.save()
    return path


def _bad_files(tmp: Path) -> dict[str, tuple[Path, str]]:
    good = DEFAULT_PDF.read_bytes()
    files = {
        "empty": (b"", "empty file"),
        "random": (bytes(range(256)) * 8, "not a PDF"),
        "html": (b"<!DOCTYPE html><html><body>404</body></html>", "not a PDF (starts with HTML"),
        "truncated": (good[: len(good) // 2], "truncated PDF"),
        "corrupt": (b"%PDF-1.4\n1 0 obj garbage\n%%EOF\n", "corrupt PDF"),
    }
    out = {}
    for name, (data, reason) in files.items():
        path = tmp / f"{name}.pdf"
        path.write_bytes(data)
        out[name] = (path, reason)
    enc = _text_pdf(tmp / "encrypted.pdf", ["secret"], StandardEncryption("user", "owner"))
    out["encrypted"] = (enc, "password-protected PDF")
    out["scan"] = (_image_only_pdf(tmp / "scan.pdf"), "no text layer")
    return out


@pytest.mark.parametrize(
    "name", ["empty", "random", "html", "truncated", "corrupt", "encrypted", "scan"]
)
def test_bad_input_one_line_error_and_no_output(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path, reason = _bad_files(tmp_path)[name]
    out = tmp_path / "out"
    code = main(["run", str(path), "--out", str(out), "--reports", str(tmp_path / "r")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert err[0].startswith(f"error: {path}: {reason}")
    assert "Traceback" not in "\n".join(err)
    # (the run's hidden lock file, <out>/.lock, is bookkeeping, not output)
    assert not out.exists() or [p for p in out.iterdir() if not p.name.startswith(".")] == []


def test_batch_continues_after_a_bad_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"")
    plain = _text_pdf(tmp_path / "plain.pdf", ["PERATURAN BUPATI CONTOH", "NOMOR 3 TAHUN 2021"])
    out = tmp_path / "out"
    code = main(["run", str(bad), str(plain), "--out", str(out), "--reports", str(tmp_path / "r")])
    captured = capsys.readouterr()
    assert code == 1
    assert "error: " in captured.err and "1 of 2 input(s) failed" in captured.err
    # The good file was processed: a regulation without a Rencana Aksi table is not broken.
    assert (out / "perbup-contoh-3-2021" / "rencana_aksi.json").read_text() == "[]\n"
    assert "notice: " in captured.out and "no Rencana Aksi table" in captured.out


def test_failed_run_leaves_previous_output_intact(tmp_path: Path) -> None:
    plain = _text_pdf(tmp_path / "doc.pdf", ["PERATURAN BUPATI CONTOH", "NOMOR 3 TAHUN 2021"])
    out = tmp_path / "out"
    assert main(["run", str(plain), "--out", str(out), "--reports", str(tmp_path / "r")]) == 0
    before = sorted(p.name for p in (out / "perbup-contoh-3-2021").iterdir())
    plain.write_bytes(plain.read_bytes()[:100])  # now truncated
    assert main(["run", str(plain), "--out", str(out), "--reports", str(tmp_path / "r")]) == 1
    assert sorted(p.name for p in (out / "perbup-contoh-3-2021").iterdir()) == before
    assert [p.name for p in out.iterdir() if not p.name.startswith((".", "katalog"))] == [
        "perbup-contoh-3-2021"
    ]
