"""Metadata of the real regulations against hand-checked excerpts (tests/fixtures/real,
written from the rendered pages). Fields still read wrong are listed in KNOWN_WRONG with
the reason; they are strict xfails, so a fix shows up as a failure to be removed here."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import REAL_DIR, REAL_PDFS, RealCorpus

LAPAN = "perka_lapan_2015_08_road_map_reformasi_birokrasi_2015_2019"
BANJARNEGARA = "perda_kab_banjarnegara_2025_08_pajak_retribusi"
PERLEM_LAPAN = "perlem_lapan_2018_01_tunjangan_kinerja"
# The title and closing pages are scans inside a born-digital file (only their page numbers
# are a text layer); they are OCR'd now (extract/document.py, _image_without_text), and what
# OCR cannot read from them stays wrong:
_LAPAN_NOMOR = "the number '8' is handwritten; OCR reads '19' (p1)"
PP_BAPETEN = "pp_2014_56_tarif_pnbp_bapeten"
PERKA_BAPETEN_SIB = "perka_bapeten_2014_16_surat_izin_bekerja_petugas_tertentu"
PERBAN_BAPETEN = "perban_bapeten_2022_02_perubahan_uji_kesesuaian_pesawat_sinar_x"
PERBAN_BAPETEN_2024 = "perban_bapeten_2024_04_izin_bekerja_petugas_fasilitas_radiasi"
BALI_LAMPIRAN = "pergub_bali_2021_01_kelas_jabatan_lampiran_i_excel"
SULUT_4 = "pergub_sulut_2017_04_dana_bagi_hasil_pajak_lampiran_landscape"
TUBABA_SOP = "kepbup_tulang_bawang_barat_2018_sop_pembuatan_perda_lampiran"
SKB_2022 = "skb_menag_menaker_menpanrb_2022_375_libur_nasional_cuti_bersama_ocr_layer"
# A joint decree of three ministers, one NOMOR line per ministry (p1), read from the scanner's
# own OCR text layer (a text layer: the pipeline does not repair it).
_SKB_TENTANG = (
    "the scanner's OCR text layer misreads the subject (p1): 'MENTER! AGAMA', "
    "'KETENAGAKERJMN', 'PENDAYAGUNMN', 'HARi LIBUR'; the title grammar reads it whole"
)
# A file that holds a lampiran alone (as its JDIH publishes it, the body being another file):
# its header block (p1) names the regency but not its province.
_TUBABA_PROVINCE = (
    "a file holding a lampiran alone: its header block 'LAMPIRAN: KEPUTUSAN BUPATI TULANG BAWANG "
    "BARAT / NOMOR : B/ /I.02/HK/TUBABA/2018 / TENTANG ...' (p1) prints no province, and the "
    "pipeline has no table of regencies and their provinces: None"
)
KNOWN_WRONG: dict[tuple[str, str], str] = {
    (LAPAN, "nomor"): _LAPAN_NOMOR,
    (LAPAN, "dokumen_id"): _LAPAN_NOMOR + ", and the id carries the number",
    (LAPAN, "tentang"): "OCR reads the en dash of '2015 – 2019' as an em dash (p1)",
    (LAPAN, "penandatangan"): (
        "the signature and the seal cover the office and the name: OCR reads 'CPG A KANAN A, )' "
        "(p3)"
    ),
    (TUBABA_SOP, "provinsi"): _TUBABA_PROVINCE,
    (SKB_2022, "tentang"): _SKB_TENTANG,
}


def _expected(stem: str) -> dict[str, Any]:
    data = json.loads((REAL_DIR / f"{stem}.meta.json").read_text("utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _actual(value: Any, field: str) -> Any:
    if field == "relasi":
        return [{"status": r["status"], "dokumen_id": r["dokumen_id"]} for r in value]
    if field == "lampiran":
        return [{k: lam[k] for k in ("nomor", "judul", "halaman_awal")} for lam in value]
    return value


CASES = [
    pytest.param(
        stem, field,
        marks=[pytest.mark.xfail(strict=True, reason=KNOWN_WRONG[(stem, field)])]
        if (stem, field) in KNOWN_WRONG else [],
        id="-".join([*stem.split("_")[:4], field]),
    )
    for stem in REAL_PDFS
    for field in _expected(stem)
]  # fmt: skip


def test_every_real_pdf_has_an_expected_excerpt() -> None:
    assert REAL_PDFS, "no real PDFs in tests/fixtures/real"
    for stem in REAL_PDFS:
        assert (REAL_DIR / f"{stem}.meta.json").exists(), stem


@pytest.mark.parametrize(("stem", "field"), CASES)
def test_metadata_field(real_corpus: RealCorpus, stem: str, field: str) -> None:
    result, _ = real_corpus.get(stem)
    published = result.dokumen.model_dump(mode="json")
    published["dokumen_id"] = result.dokumen_id
    assert _actual(published[field], field) == _expected(stem)[field]
