"""Hostile and broken inputs, generated here (tests/hostile_pdfs.py), run through the CLI.

For every input the outcome is one of two: processed correctly, or one line
`error: <file>: <reason>` with exit code 1 and no output folder for it. Never a traceback,
never a leftover `.tmp-*` folder, never an "internal error" (a crash dressed as a reason),
and always within a wall-clock budget.
"""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.cli import main
from tests import hostile_pdfs as hp

# Generous: each case takes a few seconds; the budget catches hangs and blow-ups, not drift.
BUDGET_S = 60.0


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str
    seconds: float
    out_dir: Path

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.startswith("error:")]

    def documents(self) -> list[Path]:
        """Published document folders (not the catalog, not hidden bookkeeping)."""
        if not self.out_dir.exists():
            return []
        return sorted(p for p in self.out_dir.iterdir() if p.is_dir() and p.name[0] != ".")


def run(tmp: Path, pdfs: list[Path], capsys: pytest.CaptureFixture[str]) -> Outcome:
    out_dir = tmp / "out"
    argv = ["run", *map(str, pdfs), "--out", str(out_dir), "--reports", str(tmp / "reports")]
    start = time.perf_counter()
    code = main(argv)
    seconds = time.perf_counter() - start
    captured = capsys.readouterr()
    outcome = Outcome(code, captured.out, captured.err, seconds, out_dir)
    assert_clean(outcome)
    return outcome


def assert_clean(outcome: Outcome) -> None:
    """What holds whatever the outcome."""
    both = outcome.out + outcome.err
    assert "Traceback" not in both, both
    assert "internal error" not in both, both  # a crash reported as if it were bad input
    assert outcome.seconds < BUDGET_S, f"took {outcome.seconds:.1f} s"
    if outcome.out_dir.exists():
        leftovers = [p.name for p in outcome.out_dir.rglob(".tmp-*")]
        assert leftovers == [], leftovers
        assert not list(outcome.out_dir.glob(".old-*"))


def assert_failed(outcome: Outcome, pdf: Path, reason: str) -> None:
    """One line naming the file and the reason, exit 1, no document folder."""
    assert outcome.code == 1, outcome.out + outcome.err
    (line,) = outcome.error_lines
    assert line.startswith(f"error: {pdf}: "), line
    assert reason.lower() in line.lower(), line
    assert "\n" not in line
    assert outcome.documents() == []
    assert str(pdf) not in outcome.out  # no summary line for a file that failed


def assert_published(outcome: Outcome) -> Path:
    """Exit 0, no error line, exactly one complete document folder (every manifest file)."""
    assert outcome.code == 0, outcome.err
    assert outcome.error_lines == []
    (folder,) = outcome.documents()
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    for entry in manifest["berkas"]:
        assert (folder / entry["nama"]).is_file(), entry["nama"]
    for name in ("dokumen.json", "rencana_aksi.csv", "tabel.csv", "sisa.json", "temuan.csv"):
        assert (folder / name).is_file(), name
    return folder


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# --- 1-7: inputs that must be refused with a reason ----------------------------------------

REFUSED: dict[str, tuple[Callable[[Path], Path], str]] = {
    "zero-bytes": (hp.zero_bytes, "empty file"),
    "random-bytes": (hp.random_bytes, "not a PDF"),
    "html": (hp.html_page, "not a PDF (starts with HTML"),
    "truncated": (hp.truncated_pdf, "truncated PDF"),
    # the cheap %%EOF check is fooled; the parser must still refuse it cleanly
    "truncated-with-eof": (hp.truncated_pdf_with_eof, "PDF"),
    "encrypted": (hp.encrypted_pdf, "password"),
    "blank-scan": (hp.blank_image_pdf, "no text layer"),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_refused_with_one_line_and_no_output(
    tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    make, reason = REFUSED[case]
    pdf = make(tmp_path / f"{case}.pdf")
    outcome = run(tmp_path, [pdf], capsys)
    assert_failed(outcome, pdf, reason)


# --- 5: broken xref: refused cleanly or recovered and processed correctly ------------------


def test_broken_xref_is_refused_or_recovered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = hp.broken_xref_pdf(tmp_path / "xref.pdf")
    outcome = run(tmp_path, [pdf], capsys)
    if outcome.code == 1:
        assert_failed(outcome, pdf, "corrupt PDF")
        return
    folder = assert_published(outcome)
    assert folder.name == hp.GOOD_ID
    dokumen = json.loads((folder / "dokumen.json").read_text("utf-8"))
    assert dokumen["jumlah_halaman"] == 2
    pasal = (folder / "pasal.csv").read_text("utf-8")
    assert "Halaman uji nomor 1 " in pasal and "Halaman uji nomor 2 " in pasal


# --- 8: turned pages -----------------------------------------------------------------------


def test_rotated_pages_give_their_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Page 1 drawn sideways (no /Rotate), page 2 upright with /Rotate 90 (pypdf)."""
    pdf = hp.rotated_pages_pdf(tmp_path / "rotated.pdf")
    folder = assert_published(run(tmp_path, [pdf], capsys))
    records = json.loads((folder / "rencana_aksi.json").read_text("utf-8"))
    assert [
        (r["aksi_no"], r["rencana_aksi"], r["indikator_target"], r["tahun_pelaksanaan"])
        for r in records
    ] == [
        ("a", hp.ROTATED_AKSI[0], "Jumlah dokumen (1 (satu) dokumen)", [2020]),
        ("b", hp.ROTATED_AKSI[1], "Jumlah dokumen (1 (satu) dokumen)", [2020]),
    ]
    assert [(r["halaman_awal"], r["penanggung_jawab_teks"]) for r in records] == [
        (1, "BKD"),
        (2, "BKD"),
    ]


# --- 9: a long document --------------------------------------------------------------------


def test_thousand_pages_within_budget(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = hp.many_pages_pdf(tmp_path / "seribu.pdf", pages=1000)
    outcome = run(tmp_path, [pdf], capsys)
    folder = assert_published(outcome)
    dokumen = json.loads((folder / "dokumen.json").read_text("utf-8"))
    assert dokumen["jumlah_halaman"] == 1000
    pasal = (folder / "pasal.csv").read_text("utf-8")
    assert "Halaman uji nomor 1000 " in pasal
    assert "- 1000 -" not in pasal  # page numbers are furniture, not text


# --- 10: an extra, unknown column in the Rencana Aksi table --------------------------------


def test_extra_column_is_kept_not_dropped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = hp.extra_column_pdf(tmp_path / "anggaran.pdf")
    folder = assert_published(run(tmp_path, [pdf], capsys))
    records = json.loads((folder / "rencana_aksi.json").read_text("utf-8"))
    assert [
        (r["aksi_no"], r["rencana_aksi"], r["penanggung_jawab_teks"], r["tahun_pelaksanaan"])
        for r in records
    ] == [("a", "Aksi pertama", "BKD", [2019]), ("b", "Aksi kedua", "Bagian Hukum", [2020, 2021])]
    # The extra column is published in the generic table, indexed by tabel.csv.
    (tabel,) = read_csv(folder / "tabel.csv")
    assert tabel["jenis"] == "rencana_aksi"
    assert "anggaran_rp" in tabel["kolom"].split(";")
    rows = read_csv(folder / tabel["berkas"])
    assert [r["anggaran_rp"] for r in rows] == list(hp.EXTRA_VALUES)
    # Whatever the Rencana Aksi layer did not take is in the leftovers, and nothing else is.
    sisa = {s["teks"] for s in json.loads((folder / "sisa.json").read_text("utf-8"))}
    assert sisa <= set(hp.EXTRA_VALUES)


# --- 11: a table without a header row ------------------------------------------------------


def test_headerless_table_loses_no_cell(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = hp.headerless_table_pdf(tmp_path / "tanpa-kepala.pdf")
    folder = assert_published(run(tmp_path, [pdf], capsys))
    (tabel,) = read_csv(folder / "tabel.csv")
    rows = read_csv(folder / tabel["berkas"])
    printed = [
        c for c in tabel["kolom"].split(";") if c not in ("id", "halaman_awal", "halaman_akhir")
    ]
    printed = [c for c in printed if not c.endswith("__nilai")]
    published = sorted(r[c] for r in rows for c in printed if r[c])
    drawn = sorted(text for row in hp.HEADERLESS_ROWS for text in row if text)
    assert published == drawn
    assert json.loads((folder / "sisa.json").read_text("utf-8")) == []


# --- a batch: the bad ones fail one line each, the good one is published -------------------


def test_batch_of_hostile_files_and_one_good(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = [
        hp.zero_bytes(tmp_path / "kosong.pdf"),
        hp.html_page(tmp_path / "halaman.pdf"),
        hp.encrypted_pdf(tmp_path / "terkunci.pdf"),
        hp.blank_image_pdf(tmp_path / "pindaian.pdf"),
        hp.truncated_pdf_with_eof(tmp_path / "terpotong.pdf"),
    ]
    good = hp.good_pdf(tmp_path / "baik.pdf")
    outcome = run(tmp_path, [*bad[:2], good, *bad[2:]], capsys)
    assert outcome.code == 1
    assert len(outcome.error_lines) == len(bad)
    for pdf, line in zip(bad, outcome.error_lines, strict=True):
        assert line.startswith(f"error: {pdf}: "), line
    assert f"{len(bad)} of {len(bad) + 1} input(s) failed" in outcome.err
    assert [p.name for p in outcome.documents()] == [hp.GOOD_ID]
    folder = outcome.out_dir / hp.GOOD_ID
    assert (folder / "rencana_aksi.json").read_text("utf-8") == "[]\n"
    assert f"{good}: {hp.GOOD_ID} -> " in outcome.out
