"""An archive: a folder of PDFs through a process pool or a Dask cluster, one failure not
stopping the rest, a summary, and unchanged documents skipped on a second run."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli import main
from tests.pdfgen import PageSpec, make_pdf
from tests.ra_builder import RA

TITLE = "RENCANA AKSI REFORMASI BIROKRASI TAHUN 2019-2021"


def _ra_pdf(path: Path, aksi: str) -> Path:
    ra = RA((2019, 2020, 2021))
    rows = ra.one_aksi(
        aksi=aksi, indikator="Jumlah dokumen (1 (satu) dokumen)", marks="2020", pj="BKD"
    )
    return make_pdf(path, ra.widths, [PageSpec(rows=rows, title=TITLE)])


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("arsip")
    _ra_pdf(folder / "dokumen-a.pdf", "Aksi pertama")
    (folder / "sub").mkdir()
    _ra_pdf(folder / "sub" / "dokumen-b.pdf", "Aksi kedua")
    (folder / "rusak.pdf").write_bytes(b"")
    return folder


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".reuse" not in p.parts
    }


def _run(archive: Path, out: Path, *extra: str) -> int:
    return main(["run", str(archive), "--out", str(out / "x"), "--reports", str(out / "r"), *extra])


def test_pool_processes_the_archive_and_skips_unchanged(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(archive, tmp_path, "--jobs", "2") == 1  # one file is broken
    captured = capsys.readouterr()
    assert "summary: 3 file(s): 2 processed, 0 skipped (unchanged), 1 failed" in captured.err
    assert captured.err.count("error: ") == 1 and "rusak.pdf: empty file" in captured.err
    assert sorted(p.name for p in (tmp_path / "x").iterdir() if p.is_dir() and p.name[0] != ".") == [
        "dokumen-a", "dokumen-b",
    ]  # fmt: skip
    assert _run(archive, tmp_path, "--jobs", "2") == 1
    assert "0 processed, 2 skipped (unchanged), 1 failed" in capsys.readouterr().err


def test_pool_and_sequential_and_dask_give_the_same_files(archive: Path, tmp_path: Path) -> None:
    seq, pool, dask = tmp_path / "seq", tmp_path / "pool", tmp_path / "dask"
    assert _run(archive, seq) == 1
    assert _run(archive, pool, "--jobs", "2") == 1
    assert _run(archive, dask, "--engine", "dask", "--jobs", "2") == 1
    assert _files(seq / "x") == _files(pool / "x") == _files(dask / "x")
    assert _files(seq / "r") == _files(dask / "r")
