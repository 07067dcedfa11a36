"""The default PDF (raw/perbup-magetan-14-2020.pdf). Expected values here were read off the
rendered PDF pages by eye (pages 20, 21, 22, 30, 40, 41), not copied from the output."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from pipeline.extract.pages import PageKind
from pipeline.models import Temuan
from pipeline.publish.report import write_report
from pipeline.publish.writer import publish
from pipeline.run import DocumentResult
from pipeline.version import pipeline_version
from tests.conftest import DEFAULT_PDF, GOLDEN_DIR, GOLDEN_REPORT, ROOT


def test_pages_are_classified_by_content(default_result: DocumentResult) -> None:
    from pipeline.extract.document import extract_document
    from tests.conftest import DEFAULT_PDF

    doc = extract_document(DEFAULT_PDF)
    kinds = [(p.kind, p.lampiran) for p in doc.pages]
    # shared/raw/README.md: 1-6 the body, 7-19 Lampiran I, 20-41 Lampiran II.
    assert (
        kinds
        == [(PageKind.BODY, None)] * 6
        + [(PageKind.LAMPIRAN, 1)] * 13
        + [(PageKind.LAMPIRAN, 2)] * 22
    )
    assert [p.label for p in doc.pages[1:]] == [str(n) for n in range(2, 42)]


def test_nothing_left_over(default_result: DocumentResult) -> None:
    # Tabel 3.1 (page 14), Tabel 3.2 (pages 15-17), Rencana Aksi (pages 20-41).
    assert [a.halaman for a in default_result.akuntansi] == [
        [14],
        [15, 16, 17],
        list(range(20, 42)),
    ]
    for acc in default_result.akuntansi:
        assert acc.sel_terlihat > 0
        assert acc.sel_sisa == 0 and acc.sel_ditempatkan == acc.sel_terlihat
    assert default_result.sisa == []
    for part in default_result.teks:
        # Counted from the printed page: nodes, tables and furniture hold every character.
        assert part.karakter_hilang == 0 and part.karakter_dalam_simpul > 0


def test_identity_and_ids(default_result: DocumentResult) -> None:
    recs = default_result.rencana_aksi
    assert default_result.dokumen_id == "perbup-magetan-14-2020"
    assert len({r.id for r in recs}) == len(recs)
    assert all(20 <= r.halaman_awal <= r.halaman_akhir <= 41 for r in recs)
    assert all(set(r.tahun_pelaksanaan) <= {2019, 2020, 2021, 2022, 2023} for r in recs)


def test_records_per_area_checked_against_the_pdf(default_result: DocumentResult) -> None:
    per_area = Counter((r.kelompok, r.area_no) for r in default_result.rencana_aksi)
    # Area 1: programs 1 (a-c), 2 (a-c), 3 (a-g), pages 20-21.
    assert per_area[("Manajemen Perubahan", 1)] == 13
    # Area 3: program 1 (a), program 2 (a, with two indicator lines), pages 23-24.
    assert per_area[("Penguatan Kelembagaan", 3)] == 3
    # QuickWins: items 1-7, items 5 and 6 with two indicator lines each, pages 40-41.
    assert per_area[("QuickWins Reformasi Birokasi", None)] == 9
    assert len(per_area) == 9  # 8 areas and the QuickWins group


def _by_id(result: DocumentResult, suffix: str):
    (rec,) = [r for r in result.rencana_aksi if r.id == f"lampiran_2__{suffix}"]
    return rec


def test_first_record(default_result: DocumentResult) -> None:
    r = _by_id(default_result, "area_1__program_1__aksi_a__indikator_1")
    assert r.area == "Mental Aparatur / Pola Pikir (Mind Set) dan Budaya Kerja (Culture Set)"
    assert r.hasil_indikator == (
        "Meningkatnya integritas aparatur (80 % (delapan puluh persen) aparatur "
        "integritasnya tinggi)"
    )
    assert (r.program_no, r.program) == ("1", "Tim Reformasi Birokrasi")
    assert r.rencana_aksi == "Pembentukan Tim Reformasi Birokrasi"
    assert (
        r.indikator_target
        == "Jumlah Keputusan Bupati yang disusun (1 (satu) Keputusan Bupati perubahan)"
    )
    assert r.tahun_pelaksanaan == [2020]
    assert r.penanggung_jawab_teks == "Bagian Organisasi"
    assert (r.halaman_awal, r.halaman_akhir) == (20, 20)


def test_row_broken_across_pages_21_22(default_result: DocumentResult) -> None:
    r = _by_id(default_result, "area_2__program_1__aksi_a__indikator_1")
    assert r.rencana_aksi == (
        "Melakukan evaluasi secara berkala terhadap produk hukum daerah yang masih berlaku"
    )
    assert r.kriteria_keberhasilan == (
        "Terlaksananya evaluasi secara berkala terhadap produk hukum daerah "
        "(rapat Tim secara rutin)"
    )
    assert r.indikator_target == (
        "Jumlah rapat Tim yang dilaksanakan (2 (dua) kegiatan/tahun dan rekomendasi/ dokumen "
        "hasil evaluasi produk hukum)"
    )
    assert r.area == "Peraturan Perundang-Undangan"
    assert r.hasil_indikator is not None and r.hasil_indikator.endswith(
        "(80 %(delapan puluh persen) produk hukum daerah yang berkualitas)"
    )
    assert (r.halaman_awal, r.halaman_akhir) == (21, 22)


def test_second_indicator_line_repeats_merged_cells(default_result: DocumentResult) -> None:
    r = _by_id(default_result, "kelompok_quickwins_reformasi_birokasi__aksi_5__indikator_2")
    assert r.rencana_aksi == "Terlaksananya Puskesmas Santun lansia"
    assert r.kriteria_keberhasilan == "Semua Lansia mendapatkan pelayanan kesehatan sesuai standar"
    assert r.indikator_target == "Cakupan pelayanan kesehatan pada usia lanjut (target SPM 100%)"
    assert r.tahun_pelaksanaan == []
    assert r.penanggung_jawab_teks == "Dinas Kesehatan"
    assert (r.halaman_awal, r.halaman_akhir) == (40, 41)


def test_block_printed_twice_keeps_unique_ids(default_result: DocumentResult) -> None:
    """Page 28 prints '3. Pengembangan Pegawai Berbasis Kompetensi / a.' twice."""
    ids = [r.id for r in default_result.rencana_aksi if "area_5__program_3__aksi_a" in r.id]
    assert ids == [
        "lampiran_2__area_5__program_3__aksi_a__indikator_1",
        "lampiran_2__area_5__program_3__aksi_a__indikator_1__ulang_2",
    ]


def test_golden_outputs(
    default_result: DocumentResult, default_temuan: list[Temuan], tmp_path: Path
) -> None:
    """The committed outputs equal a fresh run byte for byte (regenerate: make golden)."""
    folder = publish(default_result, tmp_path, default_temuan)

    def files(root: Path) -> list[str]:
        return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())

    fresh = files(folder)
    assert fresh == files(GOLDEN_DIR)
    for name in fresh:
        if name == "manifest.json":
            continue
        assert (folder / name).read_bytes() == (GOLDEN_DIR / name).read_bytes(), name
    # The manifest names the code that made the folder: this code's version in the fresh
    # one; apart from that line, the committed one is the same byte for byte.
    made = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert made["versi_pipeline"] == pipeline_version()
    committed = json.loads((GOLDEN_DIR / "manifest.json").read_text("utf-8"))
    assert re.fullmatch(r"\d+\.\d+\.\d+\+[0-9a-f]{16}", committed["versi_pipeline"])
    version_line = re.compile(r'"versi_pipeline": "[^"]*"')
    assert version_line.sub("", (folder / "manifest.json").read_text("utf-8")) == (
        version_line.sub("", (GOLDEN_DIR / "manifest.json").read_text("utf-8"))
    )


def test_golden_report(
    default_result: DocumentResult, default_temuan: list[Temuan], tmp_path: Path
) -> None:
    """The committed report is what this code writes, with the committed follow-up file's
    decisions; the pipeline version it names is masked (it changes with any code edit)."""
    from pipeline.publish.tindak_lanjut import load
    from pipeline.report.places import record_texts

    decisions, _ = load(ROOT / "validations" / "tindak_lanjut.csv")
    mine = decisions.get(default_result.dokumen_id, {})
    report = write_report(
        default_result.dokumen, default_temuan, DEFAULT_PDF, tmp_path, keputusan=mine,
        versi=pipeline_version(), rencana_aksi=default_result.rencana_aksi,
        texts=record_texts(
            default_result.simpul, default_result.lampiran_simpul, default_result.menimbang,
            default_result.dasar_hukum, default_result.definisi,
        ),
        kotak=default_result.kotak, glyphs=default_result.glyphs,
    )  # fmt: skip
    text = report.read_text("utf-8")
    assert f"<code>{pipeline_version()}</code>" in text
    version = re.compile(r"<code>\d+\.\d+\.\d+\+[0-9a-f]{16}</code>")
    committed = GOLDEN_REPORT.read_text("utf-8")
    assert len(version.findall(committed)) == 1
    assert version.sub("", text) == version.sub("", committed)
