"""Never bless bad data (issue 18, items 2, 4, 6): the manifest check of `validate`, reuse
only of verified folders, atomic publishing, dot-folders never read as documents, torn
cache entries treated as misses, and the one-line errors of the CLI. These are fast and run
in `make test`; the slow probes (kill -9, concurrency, memory limits) are in
tests/test_reliability_crash.py (`make reliability`)."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline.cli import main
from pipeline.publish.manifest import verify
from pipeline.publish.writer import _exchange, commit
from tests import hostile_pdfs as hp
from tests.test_publish_ids import snapshot


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One run of a small regulation: out/ (with out/laporan/) and the PDF, made once."""
    root = tmp_path_factory.mktemp("pristine")
    pdf = hp.good_pdf(root / "good.pdf")
    assert main(["run", str(pdf), "--out", str(root / "out")]) == 0
    return root


@pytest.fixture()
def published(pristine: Path, tmp_path: Path) -> Path:
    """A private copy of the pristine run (the PDF at the same path, so reuse applies)."""
    shutil.copytree(pristine / "out", tmp_path / "out")
    return tmp_path


def folder_of(root: Path) -> Path:
    return root / "out" / hp.GOOD_ID


def run_again(root: Path, pristine: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["run", str(pristine / "good.pdf"), "--out", str(root / "out")]) == 0
    return capsys.readouterr().out


def test_reports_follow_out(pristine: Path) -> None:
    assert (pristine / "out" / "laporan" / f"{hp.GOOD_ID}.html").is_file()


# --- tamper, then validate -----------------------------------------------------------------


def test_edited_csv_is_a_galat_and_the_manifest_is_not_rewritten(
    published: Path, pristine: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: validate rewrote manifest.json from the edited files and the next run served
    them as "unchanged: reused"."""
    folder = folder_of(published)
    csv_path = folder / "menimbang.csv"
    csv_path.write_text(csv_path.read_text("utf-8") + "x,diubah tangan\n", encoding="utf-8")
    manifest_before = (folder / "manifest.json").read_bytes()
    temuan_before = (folder / "temuan.json").read_bytes()
    reports = published / "out" / "laporan"
    code = main(["validate", str(folder), "--strict", "--reports", str(reports)])
    captured = capsys.readouterr()
    assert code == 2, captured.err
    assert "galat 1" in captured.out
    assert f"notice: {folder}: files differ from its manifest.json" in captured.out
    assert (folder / "manifest.json").read_bytes() == manifest_before
    assert (folder / "temuan.json").read_bytes() == temuan_before
    assert "menimbang.csv" in (reports / f"{hp.GOOD_ID}.html").read_text("utf-8")
    # The next run does not trust the folder: it is processed again and restored.
    out = run_again(published, pristine, capsys)
    assert "reused" not in out
    assert snapshot(published / "out") == snapshot(pristine / "out")


@pytest.mark.parametrize("victim", ["rencana_aksi.json", "manifest.json"])
def test_missing_file_fails_strict(
    published: Path, victim: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: with rencana_aksi.json deleted, validate --strict exited 0."""
    folder = folder_of(published)
    (folder / victim).unlink()
    reports = published / "out" / "laporan"
    assert main(["validate", str(folder), "--strict", "--reports", str(reports)]) == 2
    assert "galat 1" in capsys.readouterr().out
    assert not (folder / victim).exists()  # nothing rewritten to make it pass


def test_intact_folder_validates_clean_and_stays_byte_identical(
    published: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # (The report is rewritten: without the source PDF in raw/ it has no page images.)
    before = snapshot(folder_of(published))
    reports = published / "out" / "laporan"
    assert main(["validate", str(folder_of(published)), "--strict", "--reports", str(reports)]) == 0
    assert "galat 0" in capsys.readouterr().out
    assert snapshot(folder_of(published)) == before


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda f: (f / "pasal.csv").write_text("x\n"), "berubah"),
        (lambda f: (f / "pasal.csv").unlink(), "hilang"),
        (lambda f: (f / "tambahan.csv").write_text("x\n"), "tidak-terdaftar"),
        (lambda f: (f / "manifest.json").write_text('{"berkas": [ '), "manifest-rusak"),
    ],
)
def test_verify_names_each_problem(published: Path, change: object, problem: str) -> None:
    folder = folder_of(published)
    assert verify(folder) == []
    change(folder)  # type: ignore[operator]
    assert [p for _, p in verify(folder)] == [problem]


def test_edited_report_is_not_reused(
    published: Path, pristine: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = published / "out" / "laporan" / f"{hp.GOOD_ID}.html"
    report.write_text("<html>diubah</html>", encoding="utf-8")
    assert "reused" not in run_again(published, pristine, capsys)
    assert snapshot(published / "out") == snapshot(pristine / "out")


def test_unchanged_run_is_reused(
    published: Path, pristine: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "unchanged (same source and pipeline version): reused" in run_again(
        published, pristine, capsys
    )


# --- crash leftovers -----------------------------------------------------------------------


def test_leftovers_are_swept_and_never_read_as_documents(
    published: Path, pristine: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: a kill during publish left .tmp-<id>-* / .old-<id> folders that the catalog
    and validate read as documents (rows duplicated for good)."""
    out = published / "out"
    shutil.copytree(folder_of(published), out / f".tmp-{hp.GOOD_ID}-abc")
    shutil.copytree(folder_of(published), out / f".old-{hp.GOOD_ID}")
    (out / ".tmp-katalog.sqlite-xyz").write_bytes(b"torn")
    (out / ".reuse" / ".tmp-x.json-1").write_bytes(b"{")
    run_again(published, pristine, capsys)
    assert snapshot(out) == snapshot(pristine / "out")


def test_hidden_folders_are_not_documents(published: Path) -> None:
    from pipeline.publish.paths import document_folders

    out = published / "out"
    shutil.copytree(folder_of(published), out / f".tmp-{hp.GOOD_ID}-abc")
    assert document_folders(out) == [folder_of(published)]


def test_commit_never_leaves_the_folder_missing(tmp_path: Path) -> None:
    """Before: during the swap the published folder was missing (rename away, rename in)."""
    final = tmp_path / "doc"
    final.mkdir()
    (final / "dokumen.json").write_text("0")
    missing: list[int] = []
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            if not (final / "dokumen.json").exists():
                missing.append(1)

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for n in range(200):
            staged = tmp_path / f".tmp-doc-{n}"
            staged.mkdir()
            (staged / "dokumen.json").write_text(str(n))
            commit(staged, final)
    finally:
        stop.set()
        thread.join()
    assert (final / "dokumen.json").read_text() == "199"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc"]
    assert missing == []


def test_exchange_is_available_here(tmp_path: Path) -> None:
    """The atomic switch needs renameat2(RENAME_EXCHANGE); the test machine has it."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x").touch()
    assert _exchange(tmp_path / "a", tmp_path / "b")
    assert (tmp_path / "b" / "x").exists() and not (tmp_path / "a" / "x").exists()


# --- the OCR cache -------------------------------------------------------------------------


def test_torn_ocr_cache_entry_is_a_miss(tmp_path: Path) -> None:
    """Before: a cache entry torn by a kill made every later run fail until deleted."""
    import hashlib

    from PIL import Image, ImageDraw

    from pipeline.extract import ocr

    if not ocr.ocr_available():
        pytest.skip("Tesseract is not installed (make test installs it)")
    image = Image.new("L", (300, 60), 255)
    ImageDraw.Draw(image).text((10, 20), "Pasal 1", fill=0)
    fresh = ocr._tesseract(image, tmp_path / "clean")
    settings = f"{ocr.LANG} {ocr.TESSERACT_CONFIG}".encode()
    key = hashlib.sha256(settings + image.tobytes() + repr(image.size).encode()).hexdigest()
    torn = tmp_path / "torn"
    torn.mkdir()
    (torn / f"{key}.json").write_text('{"text": ["Pas', encoding="utf-8")
    assert ocr._tesseract(image, torn) == fresh
    assert json.loads((torn / f"{key}.json").read_text("utf-8")) == fresh
    assert [p.name for p in torn.iterdir()] == [f"{key}.json"]  # no temp file left


def test_huge_scanned_page_is_refused_before_rendering(tmp_path: Path) -> None:
    from pipeline.errors import InputError
    from pipeline.extract.ocr import check_page_sizes
    from tests.test_reliability_crash import huge_scan_pdf

    pdf = huge_scan_pdf(tmp_path / "huge.pdf", 14400)
    with pytest.raises(InputError, match=r"scanned page 1 is 14400 x 14400 pt, 3600 megapixels"):
        check_page_sizes(pdf, [0])
    check_page_sizes(huge_scan_pdf(tmp_path / "a4.pdf", 842), [0])  # A4-sized: fine


def test_a_declared_font_is_not_a_text_layer(tmp_path: Path) -> None:
    """Before: reportlab declares a font on every page, so its one-image page was taken for a
    text-layer page: never OCR'd, never checked against the pixel cap ("no text layer")."""
    from reportlab.pdfgen.canvas import Canvas

    from pipeline.extract.ocr import scan_pages
    from tests.test_reliability_crash import huge_scan_pdf

    assert scan_pages(huge_scan_pdf(tmp_path / "scan.pdf", 842)) == [0]
    texted = tmp_path / "texted.pdf"
    canvas = Canvas(str(texted), invariant=1)
    canvas.drawString(72, 72, "Pasal 1")
    canvas.showPage()
    canvas.save()
    assert scan_pages(texted) == []  # text and no image: not a scan
    in_form = tmp_path / "form.pdf"
    canvas = Canvas(str(in_form), invariant=1)
    canvas.beginForm("kop")
    canvas.drawString(72, 72, "Pasal 1")
    canvas.endForm()
    canvas.doForm("kop")
    canvas.showPage()
    canvas.save()
    assert scan_pages(in_form) == []  # the text is painted by a form XObject


# --- one-line errors, the README's exit codes ----------------------------------------------


def one_error(err: str) -> str:
    assert "Traceback" not in err, err
    (line,) = [x for x in err.splitlines() if x.startswith("error:")]
    return line


def test_out_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: a traceback."""
    (tmp_path / "out").write_text("x")
    pdf = hp.good_pdf(tmp_path / "good.pdf")
    assert main(["run", str(pdf), "--out", str(tmp_path / "out")]) == 2
    line = one_error(capsys.readouterr().err)
    assert line == f"error: {tmp_path / 'out'}: --out is a file, not a folder"


def test_validate_outside_the_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: a traceback (extracted/ does not exist there)."""
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 2
    assert one_error(capsys.readouterr().err).startswith("error: extracted: no such folder")


def test_empty_input_folder_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: exit 2 naming raw/, not the folder given."""
    (tmp_path / "kosong").mkdir()
    assert main(["run", str(tmp_path / "kosong"), "--out", str(tmp_path / "out")]) == 2
    line = one_error(capsys.readouterr().err)
    assert line == f"error: {tmp_path / 'kosong'}: no PDF files found"


def test_diff_blames_the_missing_old(pristine: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: a missing OLD was reported against NEW."""
    missing = pristine / "tidak-ada"
    code = main(["diff", str(missing), str(folder_of(pristine)), "--out", str(pristine / "d")])
    assert code == 1
    assert one_error(capsys.readouterr().err) == f"error: {missing}: no such file or folder"


def test_validate_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "x"), "--reports", str(tmp_path / "r")]) == 1
    assert one_error(capsys.readouterr().err) == f"error: {tmp_path / 'x'}: no such folder"


def test_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["run", "--help"], ["validate", "--help"], ["diff", "--help"]):
        with pytest.raises(SystemExit):
            main(argv)
        text = capsys.readouterr().out
        assert "examples:" in text and "python -m pipeline" in text, argv
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "exit codes: 0" in capsys.readouterr().out


# --- spreadsheets --------------------------------------------------------------------------


def test_csv_keeps_formula_like_text_and_the_workbook_stores_it_as_text(tmp_path: Path) -> None:
    """Policy: CSV and JSON keep a cell as printed, "=", "+", "-", "@" included (data, not
    escaped); the workbook stores every text as text, so a spreadsheet never runs it."""
    from pipeline.models import Menimbang
    from pipeline.publish.writer import write_csv
    from pipeline.publish.xlsx import write_xlsx

    texts = ['=HYPERLINK("http://x")', "+62 351", "-1 (satu)", "@SUM(A1)"]
    records = [
        Menimbang(id=f"m{i}", dokumen_id="d", no="a", teks=t, halaman_awal=1, halaman_akhir=1)
        for i, t in enumerate(texts)
    ]
    write_csv(tmp_path / "m.csv", records, Menimbang)
    import csv

    with (tmp_path / "m.csv").open(encoding="utf-8", newline="") as fh:
        assert [r["teks"] for r in csv.DictReader(fh)] == texts
    write_xlsx(tmp_path / "m.xlsx", [("menimbang", records, Menimbang)], [])
    sheet = load_workbook(tmp_path / "m.xlsx")["menimbang"]
    column = [c.value for c in sheet[1]].index("teks") + 1
    cells = [sheet.cell(row=r, column=column) for r in range(2, 2 + len(texts))]
    assert [c.value for c in cells] == texts
    assert {c.data_type for c in cells} == {"s"}


def test_overlong_cell_is_cut_visibly_in_the_workbook_only(tmp_path: Path) -> None:
    """Before: a cell over 32,767 characters was cut in the .xlsx silently."""
    from pipeline.models import Menimbang
    from pipeline.publish.xlsx import CUT_MARK, XLSX_CELL_LIMIT, write_xlsx

    long = "kata " * 10_000
    record = Menimbang(id="m", dokumen_id="d", no="a", teks=long, halaman_awal=1, halaman_akhir=1)
    write_xlsx(tmp_path / "m.xlsx", [("menimbang", [record], Menimbang)], [])
    sheet = load_workbook(tmp_path / "m.xlsx")["menimbang"]
    column = [c.value for c in sheet[1]].index("teks") + 1
    value = sheet.cell(row=2, column=column).value
    assert len(value) == XLSX_CELL_LIMIT and value.endswith(CUT_MARK)
    assert long.startswith(value[: -len(CUT_MARK)])
