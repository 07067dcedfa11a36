"""The slow probes of issue 18, as tests (`make reliability`; `make test` skips them):
kill -9 at points of a run and at seeded random times, then a rerun must give exactly the
clean result, byte for byte; several runs into one --out at once; a huge scanned page
under a memory limit; OCR inside Dask workers. Every run is a subprocess of its own."""

from __future__ import annotations

import contextlib
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from tests import hostile_pdfs as hp

ROOT = Path(__file__).resolve().parent.parent
KILLS = 20  # random kill times, seeded
SEED = 18


def huge_scan_pdf(path: Path, side_pt: float) -> Path:
    """A 2 KB PDF whose only page is side_pt x side_pt and holds one small image (a scan)."""
    image = Image.new("L", (64, 64), 255)
    ImageDraw.Draw(image).line((0, 0, 63, 63), fill=0)
    canvas = Canvas(str(path), pagesize=(side_pt, side_pt), invariant=1)
    canvas.drawImage(ImageReader(image), 0, 0, side_pt, side_pt)
    canvas.showPage()
    canvas.save()
    return path


def regulation_pdf(path: Path, nomor: int, pages: int = 3) -> Path:
    """PERATURAN BUPATI CONTOH NOMOR <nomor> TAHUN 2021 with a few pages of articles."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    for n in range(1, pages + 1):
        y = 800.0
        lines = (
            ["PERATURAN BUPATI CONTOH", f"NOMOR {nomor} TAHUN 2021", "TENTANG", f"UJI {nomor}"]
            if n == 1
            else [f"- {n} -"]
        )
        lines += [f"Pasal {n}", f"Ketentuan nomor {nomor} halaman {n} berlaku sejak diundangkan."]
        for line in lines:
            canvas.drawString(60, y, line)
            y -= 14
        canvas.showPage()
    canvas.save()
    return path


def corpus(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [
        hp.good_pdf(folder / "a.pdf"),
        regulation_pdf(folder / "b.pdf", 4),
        regulation_pdf(folder / "c.pdf", 5),
    ]


def start(
    pdfs: list[Path], out: Path, *extra: str, limit_bytes: int | None = None
) -> subprocess.Popen[str]:
    """`python -m pipeline run PDFS --out OUT` in a new session (its pool with it)."""

    def limits() -> None:
        if limit_bytes is not None:
            resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))

    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", "run", *map(str, pdfs), "--out", str(out), *extra],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True, preexec_fn=limits,
    )  # fmt: skip


def finish(proc: subprocess.Popen[str], timeout: float = 600) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def kill(proc: subprocess.Popen[str]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()


def tree(out: Path) -> dict[str, bytes]:
    """Every file under out, bookkeeping included, but the lock (it holds a pid)."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], dict[str, bytes], float]:
    """The corpus, the tree of one clean run and its wall time."""
    root = tmp_path_factory.mktemp("clean")
    pdfs = corpus(root / "in")
    began = time.monotonic()
    code, _, err = finish(start(pdfs, root / "out"))
    seconds = time.monotonic() - began
    assert code == 0, err
    result = tree(root / "out")
    assert sum(1 for k in result if k.endswith("/manifest.json")) == 3
    return pdfs, result, seconds


def rerun_matches(pdfs: list[Path], out: Path, expected: dict[str, bytes], what: str) -> None:
    code, _, err = finish(start(pdfs, out))
    assert code == 0, f"{what}: {err}"
    assert "Traceback" not in err
    got = tree(out)
    assert sorted(got) == sorted(expected), what
    differing = [k for k in expected if got[k] != expected[k]]
    assert differing == [], what


def wait_for(out: Path, seen: Callable[[Path], bool], proc: subprocess.Popen[str]) -> bool:
    """Poll until `seen(out)` or the process ends; True when seen while it runs."""
    while proc.poll() is None:
        try:
            if seen(out):
                return True
        except OSError:
            pass
        time.sleep(0.002)
    return False


def _any(pattern: str) -> Callable[[Path], bool]:
    return lambda out: any(True for _ in out.glob(pattern))


POINTS: dict[str, Callable[[Path], bool]] = {
    "staging a document": _any(".tmp-perbup-*"),
    "staging a report": _any("laporan/.tmp-*"),
    "after the first commit": _any("perbup-*/manifest.json"),
    "building the catalog": _any(".tmp-katalog*"),
}

pytestmark = pytest.mark.reliability


@pytest.mark.parametrize("point", list(POINTS))
@pytest.mark.parametrize("over_existing", [False, True], ids=["empty-out", "over-existing"])
def test_kill_at_a_point_then_rerun_is_the_clean_result(
    clean: tuple[list[Path], dict[str, bytes], float],
    tmp_path: Path,
    point: str,
    over_existing: bool,
) -> None:
    pdfs, expected, _ = clean
    out = tmp_path / "out"
    if over_existing:
        # Published before, but not reusable (no stamps): every document is published
        # again over its folder, so the switch itself is under the kill.
        finish(start(pdfs, out))
        shutil.rmtree(out / ".reuse")
    proc = start(pdfs, out)
    hit = wait_for(out, POINTS[point], proc)
    kill(proc)
    assert hit, f"the run ended before {point}"
    rerun_matches(pdfs, out, expected, f"killed while {point}")


def test_kill_at_random_times_then_rerun_is_the_clean_result(
    clean: tuple[list[Path], dict[str, bytes], float], tmp_path: Path
) -> None:
    """KILLS seeded random kill times over the length of a clean run; every second one
    over a published --out whose stamps are gone (so the folders are switched again)."""
    pdfs, expected, seconds = clean
    rng = random.Random(SEED)
    out = tmp_path / "out"
    for n in range(KILLS):
        if n % 2 == 0:
            shutil.rmtree(out, ignore_errors=True)
        else:
            shutil.rmtree(out / ".reuse", ignore_errors=True)
        at = rng.uniform(0.0, seconds * 1.1)
        proc = start(pdfs, out)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=at)
        kill(proc)
        rerun_matches(pdfs, out, expected, f"kill {n} at {at:.2f} s")
        print(f"kill {n + 1}/{KILLS} at {at:.2f} s of {seconds:.1f} s: rerun identical", flush=True)


def test_concurrent_runs_into_one_out(
    clean: tuple[list[Path], dict[str, bytes], float], tmp_path: Path
) -> None:
    """Before: runs collided on a fixed .tmp-katalog.sqlite (5 of 6 ended in a traceback)
    and the publish race hit FileNotFoundError. Now they wait for each other."""
    pdfs, expected, _ = clean
    out = tmp_path / "out"
    procs = [start(pdfs, out) for _ in range(4)]
    results = [finish(p) for p in procs]
    for code, _, err in results:
        assert code == 0, err
        assert "Traceback" not in err
    waiting = [err for _, _, err in results if "waiting: " in err]
    assert waiting, "no run said it was waiting"
    assert "is in use by another run (pid " in waiting[0]
    assert tree(out) == expected


def test_huge_scanned_page_under_a_memory_limit(tmp_path: Path) -> None:
    """Before: a 3600 pt image page took 1.9 GB, a 14400 pt one would need ~30 GB."""
    for side in (3600, 14400):
        pdf = huge_scan_pdf(tmp_path / f"huge-{side}.pdf", side)
        assert pdf.stat().st_size < 4096
        code, out, err = finish(start([pdf], tmp_path / "out", limit_bytes=3 << 30))
        assert code == 1, err
        assert "Traceback" not in err and "MemoryError" not in err
        (line,) = [x for x in err.splitlines() if x.startswith("error:")]
        assert line.startswith(f"error: {pdf}: scanned page 1 is {side} x {side} pt"), line
        assert "over the OCR limit of 36 megapixels" in line
        assert not (tmp_path / "out" / "laporan").exists() or not any(
            p.name.endswith(".html") for p in (tmp_path / "out" / "laporan").iterdir()
        )


def test_ocr_inside_dask_workers(tmp_path: Path) -> None:
    """Before: "daemonic processes are not allowed to have children" (the OCR pool started
    inside a Dask worker)."""
    from pipeline.extract.ocr import ocr_available
    from tests.test_ocr import scan_of

    if not ocr_available():
        pytest.skip("Tesseract is not installed (make reliability installs it)")
    scan = scan_of(hp.good_pdf(tmp_path / "good.pdf"), tmp_path / "scan.pdf", dpi=300)
    out = tmp_path / "out"
    code, stdout, err = finish(start([scan], out, "--engine", "dask", "--jobs", "1"))
    assert code == 0, err
    assert "daemonic" not in err
    (folder,) = [p for p in out.iterdir() if (p / "dokumen.json").is_file()]
    import json

    assert json.loads((folder / "dokumen.json").read_text("utf-8"))["halaman_ocr"] == [1]
