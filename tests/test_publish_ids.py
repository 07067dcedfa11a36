"""Ids and paths built from data (issue 18, item 1): an empty or reserved dokumen_id is
refused, a path from data never leaves its folder, and two inputs of one run with one id
are an error naming both files. Nothing published before is ever lost or replaced."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from pipeline.cli import main
from pipeline.normalize.dokumen import dokumen_id_problem
from tests import hostile_pdfs as hp


def untitled_pdf(path: Path, text: str = "Catatan rapat tanpa kepala peraturan.") -> Path:
    """A readable PDF with no title block: its dokumen_id comes from its file name."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.drawString(60, 800, text)
    canvas.drawString(60, 786, "Baris kedua dengan sedikit teks biasa.")
    canvas.showPage()
    canvas.save()
    return path


def titled_pdf(path: Path, tentang: str) -> Path:
    """PERATURAN BUPATI CONTOH NOMOR 3 TAHUN 2021: the id perbup-contoh-3-2021."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    y = 800.0
    for line in ["PERATURAN BUPATI CONTOH", "NOMOR 3 TAHUN 2021", "TENTANG", tentang]:
        canvas.drawString(60, y, line)
        y -= 14
    canvas.showPage()
    canvas.save()
    return path


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under root (hidden bookkeeping included), by relative path."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def cli(tmp: Path, *args: str) -> int:
    return main([*args, "--out", str(tmp / "out"), "--reports", str(tmp / "reports")])


@pytest.fixture()
def published(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """An --out that already holds one published document (and its catalog)."""
    assert cli(tmp_path, "run", str(hp.good_pdf(tmp_path / "good.pdf"))) == 0
    capsys.readouterr()
    assert (tmp_path / "out" / hp.GOOD_ID / "manifest.json").is_file()
    return tmp_path


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("", "empty"),
        ("perubahan", "reserved"),
        ("laporan", "reserved"),
        ("nul", "reserved"),
        ("..", "not a plain name"),
        ("../etc", "not a plain name"),
        ("a/b", "not a plain name"),
        (".tmp-x", "not a plain name"),
        ("-x", "not a plain name"),
        ("x" * 121, "not a plain name"),
        ("Perbup", "not a plain name"),
        ("perbup-magetan-14-2020", None),
        ("x" * 120, None),
    ],
)
def test_dokumen_id_rule(value: str, problem: str | None) -> None:
    found = dokumen_id_problem(value)
    assert (found is None) if problem is None else (found is not None and problem in found)


@pytest.mark.parametrize("name", ["___.pdf", "Постанова.pdf", "perubahan.pdf", "laporan.pdf"])
def test_hostile_file_name_is_refused_and_nothing_published_is_touched(
    published: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: `___.pdf` got the id "" and publish swapped the whole --out away
    ("internal error: FileNotFoundError"); `perubahan.pdf` replaced extracted/perubahan/."""
    before = snapshot(published / "out" / hp.GOOD_ID)
    pdf = untitled_pdf(published / name)
    code = cli(published, "run", str(pdf))
    err = capsys.readouterr().err
    assert code == 1, err
    (line,) = [x for x in err.splitlines() if x.startswith("error:")]
    assert line.startswith(f"error: {pdf}: dokumen_id "), line
    assert "internal error" not in err and "Traceback" not in err
    assert snapshot(published / "out" / hp.GOOD_ID) == before
    names = sorted(p.name for p in (published / "out").iterdir() if not p.name.startswith("."))
    assert names == sorted([hp.GOOD_ID, "katalog.csv", "katalog.metadata.json", "katalog.sqlite"])
    assert not list((published / "out").glob(".tmp-*"))
    reports = sorted(p.name for p in (published / "reports").iterdir() if p.name[0] != ".")
    assert reports == [f"{hp.GOOD_ID}.html", "tindak_lanjut.csv"]  # the follow-up file


def test_two_inputs_with_one_id_fail_naming_each_other(
    published: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: both were reported processed and the last silently won."""
    before = snapshot(published / "out" / hp.GOOD_ID)
    a = titled_pdf(published / "a.pdf", "PERATURAN PERTAMA")
    b = titled_pdf(published / "b.pdf", "PERATURAN KEDUA YANG LAIN")
    code = cli(published, "run", str(a), str(b))
    err = capsys.readouterr().err
    assert code == 1, err
    lines = [x for x in err.splitlines() if x.startswith("error:")]
    assert len(lines) == 2, err
    assert lines[0].startswith(f"error: {a}: dokumen_id '{hp.GOOD_ID}' is also the id of {b}")
    assert lines[1].startswith(f"error: {b}: dokumen_id '{hp.GOOD_ID}' is also the id of {a}")
    assert snapshot(published / "out" / hp.GOOD_ID) == before
    assert not list((published / "out").glob(".tmp-*"))
    assert not list((published / "reports").glob(".tmp-*"))


def test_a_file_named_twice_is_one_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = hp.good_pdf(tmp_path / "in" / "good.pdf") if (tmp_path / "in").mkdir() is None else None
    assert pdf is not None
    assert cli(tmp_path, "run", str(tmp_path / "in"), str(pdf)) == 0, capsys.readouterr().err


def test_replacing_a_document_from_another_source_says_so(
    published: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = titled_pdf(published / "other.pdf", "PERATURAN YANG DIPERBAIKI")
    assert cli(published, "run", str(other)) == 0
    out = capsys.readouterr().out
    assert f"notice: {other}: replaces {published / 'out' / hp.GOOD_ID}, published before" in out


def test_tampered_id_never_writes_outside(
    published: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: a dokumen.json id with ../ made validate and diff write outside their folders."""
    folder = published / "out" / hp.GOOD_ID
    dok = json.loads((folder / "dokumen.json").read_text("utf-8"))
    dok["dokumen_id"] = "../../evil"
    (folder / "dokumen.json").write_text(json.dumps(dok), encoding="utf-8")

    # The catalog is rebuilt from what is on disk (the tampered id is data there, not a path).
    def everything_but_the_catalog() -> dict[str, bytes]:
        return {k: v for k, v in snapshot(published).items() if "/katalog." not in k}

    everything = everything_but_the_catalog()
    code = main(["validate", str(folder), "--reports", str(published / "reports")])
    err = capsys.readouterr().err
    assert code == 1, err
    assert f"error: {folder / 'dokumen.json'}: dokumen_id '../../evil' is not a plain name" in err
    code = main(["diff", str(folder), str(folder), "--out", str(published / "d")])
    err = capsys.readouterr().err
    assert code == 1, err
    assert f"error: {folder / 'dokumen.json'}: dokumen_id '../../evil'" in err
    assert everything_but_the_catalog() == everything
    assert not (published.parent / "evil.html").exists()


def test_published_folders_follow_the_umask(tmp_path: Path) -> None:
    """Before: published folders got mode 0700 (mkdtemp's)."""
    old = os.umask(0o022)
    try:
        assert cli(tmp_path, "run", str(hp.good_pdf(tmp_path / "good.pdf"))) == 0
    finally:
        os.umask(old)
    folder = tmp_path / "out" / hp.GOOD_ID
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert stat.S_IMODE((folder / "dokumen.json").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "reports" / f"{hp.GOOD_ID}.html").stat().st_mode) == 0o644
