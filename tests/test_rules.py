"""Every rule: the findings it gives on the default PDF (checked against the printed pages),
and, for rules that find nothing there, a mutated dataset that makes it fire."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.models import Temuan
from pipeline.normalize.enrich import enrich
from pipeline.normalize.units import Glossary
from pipeline.run import DocumentResult
from pipeline.validate.catalog import CATALOG
from pipeline.validate.dataset import Dataset, load_folder
from pipeline.validate.engine import dataset_of, validate
from tests.conftest import GOLDEN_DIR, ROOT


def codes(temuan: list[Temuan]) -> dict[str, list[Temuan]]:
    out: dict[str, list[Temuan]] = {}
    for t in temuan:
        out.setdefault(t.kode, []).append(t)
    return out


@pytest.fixture(scope="module")
def base(default_result: DocumentResult) -> Dataset:
    return dataset_of(default_result)


def revalidate(data: Dataset, **changes: object) -> dict[str, list[Temuan]]:
    return codes(validate(dataclasses.replace(data, **changes), ROOT))


# ---- findings on the default PDF, each checked against the page it names ----


def test_default_findings(default_temuan: list[Temuan]) -> None:
    found = codes(default_temuan)
    # Pages 27 and 40: "(Indeks Profesionalitas aparatur...%)", "(... (.....) layanan)",
    # "(... (.....) struktur Organisasi Perangkat Daerah)".
    assert sorted(t.halaman for t in found["target-placeholder"]) == [27, 40, 40]
    # Page 14: "9 (sembilan) program", while Tabel 3.2 numbers 8 programs.
    (count,) = found["jumlah-teks-vs-tabel"]
    assert (count.halaman, count.kutipan) == (14, "9 (sembilan) program")
    # Page 1: UU 15/2019 published in "Lembaran Negara ... Tahun 2015".
    (pub,) = found["tahun-publikasi-sebelum-peraturan"]
    assert (
        pub.record_id == "mengingat__angka_2__perubahan_1"
        and pub.kutipan == "Lembaran Negara Republik Indonesia Tahun 2015"
    )
    # Page 28: "3. Pengembangan Pegawai Berbasis Kompetensi / a. ..." printed twice.
    (twice,) = found["blok-tercetak-dua-kali"]
    assert twice.halaman == 28
    # Page 35: area 7 has no name.
    (noname,) = found["area-tanpa-nama"]
    assert (noname.halaman, noname.pesan) == (35, "Baris area nomor 7 tidak memuat nama area.")
    # Pages 37-38: items a, b, c then e under "2. Budaya Pelayanan Prima".
    (skip,) = found["nomor-terlewat"]
    assert (skip.halaman, skip.kutipan) == (38, "e.")
    # Page 27: "Disarplus" (twice), no such unit; the definitions have "Dinas Arpus".
    assert [(t.halaman, t.kutipan) for t in found["unit-tidak-dikenal"]] == [(27, "Disarplus")] * 2
    assert "Dinas Arpus" in (found["unit-tidak-dikenal"][0].saran or "")
    # Page 20: the table's years are 2019-2023, the title says 2018-2023.
    (period,) = found["periode-tabel-berbeda"]
    assert period.kutipan == "2019 2020 2021 2022 2023"
    # Page 34: program "8" and page 35: aksi "e" printed without a dot.
    assert sorted(t.kutipan for t in found["nomor-tanpa-titik"]) == ["8", "e"]
    # Page 40-41: QuickWins 4 and the second lines of 5 and 6 have no year checked.
    assert len(found["tanpa-tahun"]) == 3
    assert all(t.tingkat == CATALOG[t.kode].tingkat for t in default_temuan)


def test_findings_are_in_a_fixed_order_with_unique_ids(default_temuan: list[Temuan]) -> None:
    assert len({t.id for t in default_temuan}) == len(default_temuan)
    pages = [t.halaman if t.halaman is not None else 10**6 for t in default_temuan]
    assert pages == sorted(pages)


# ---- rules that find nothing on the default PDF, made to fire ----


def test_digits_and_words_disagree(base: Dataset) -> None:
    r = base.rencana_aksi[0].model_copy(
        update={"indikator_target": "Jumlah dokumen (3 (dua) dokumen)"}
    )
    recs, _, _ = enrich([r], Glossary(base.definisi))
    (t,) = revalidate(base, rencana_aksi=recs)["target-tidak-konsisten"]
    assert t.pesan == 'Angka dan terbilang target tidak sama: 3 ditulis "dua".'


def test_percentage_over_100(base: Dataset) -> None:
    r = base.rencana_aksi[0].model_copy(
        update={"indikator_target": "% SKPD (120% (seratus dua puluh persen))"}
    )
    recs, _, _ = enrich([r], Glossary(base.definisi))
    found = revalidate(base, rencana_aksi=recs)
    assert [t.kode for t in found["target-persen-lebih-100"]] == ["target-persen-lebih-100"]
    # The expectation suite checks the same bound; it does not repeat the rule's finding.
    assert "ekspektasi-gagal" not in found


def test_year_outside_the_period(base: Dataset) -> None:
    r = base.rencana_aksi[0].model_copy(update={"tahun_pelaksanaan": [2024]})
    (t,) = revalidate(base, rencana_aksi=[r])["tahun-di-luar-periode"]
    assert t.pesan == "Tahun pelaksanaan 2024 di luar periode peraturan 2018-2023."


def test_repeated_number_with_other_content(base: Dataset) -> None:
    first = base.rencana_aksi[0]
    again = first.model_copy(update={"id": first.id + "__ulang_2", "rencana_aksi": "Lain"})
    assert "nomor-ganda" in revalidate(base, rencana_aksi=[first, again])


def test_sistematika_against_lampiran_headings(base: Dataset) -> None:
    nodes = [
        n.model_copy(update={"judul": "PENUTUP DAN SARAN"}) if n.id == "lampiran_1__bab_5" else n
        for n in base.lampiran
    ]
    (t,) = revalidate(base, lampiran=nodes)["sistematika-tidak-cocok"]
    assert t.kutipan == "BAB V : PENUTUP" and t.record_id == "bab_3__pasal_4__ayat_2"


def test_dasar_hukum_order(base: Dataset) -> None:
    rows = [r for r in base.dasar_hukum if r.mengubah_id is None]
    perda, uu = rows[-1], rows[0]
    found = revalidate(base, dasar_hukum=[perda, uu])
    (t,) = found["urutan-hierarki"]
    assert t.record_id == uu.id
    newer, older = rows[1], rows[0]  # UU 12/2011 then UU 28/1999
    (k,) = revalidate(base, dasar_hukum=[newer, older])["urutan-kronologis"]
    assert k.record_id == older.id


def test_a_keputusan_bersama_ranks_with_a_ministers_regulation(base: Dataset) -> None:
    """A joint decree of ministers (SKB 375/2022) stands where a minister's regulation does
    (UU 12/2011 Pasal 8 ayat (1); data/jenis_peraturan.csv `hierarki`): above a Perda."""
    rows = [r for r in base.dasar_hukum if r.mengubah_id is None]
    perda, uu = rows[-1], rows[0]
    assert perda.jenis == "Peraturan Daerah"
    skb = uu.model_copy(
        update={"id": "mengingat__angka_99", "jenis": "Keputusan Bersama",
                "jenis_lengkap": "Keputusan Bersama Menteri Agama, Menteri Ketenagakerjaan"}
    )  # fmt: skip
    (t,) = revalidate(base, dasar_hukum=[perda, skb])["urutan-hierarki"]
    assert t.record_id == skb.id
    assert not revalidate(base, dasar_hukum=[skb, perda]).get("urutan-hierarki")


def test_unparsed_citation(default_result: DocumentResult, base: Dataset) -> None:
    from pipeline.models import Sisa

    left = Sisa(halaman=1, teks="Undang-Undang Tahun 2011 tentang Pembentukan;", alasan="dasar "
                "hukum tidak terurai: no nomor", lokasi="mengingat__angka_1")  # fmt: skip
    (t,) = revalidate(base, sisa=[left])["sitasi-tidak-terurai"]
    assert (t.halaman, t.kutipan) == (1, "Undang-Undang Tahun 2011 tentang Pembentukan;")


def test_sound_citations_the_grammar_does_not_structure(base: Dataset) -> None:
    """The Constitution (no number) and laws joined by 'jo' are cited correctly: they stay
    in sisa, but are not reported as citations to fix (Donggala p2, Sulut p1)."""
    from pipeline.models import Sisa

    items = [
        "Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;",
        "Undang-undang Nomor 47 Prp Tahun 1960 jo Undang-Undang Nomor 13 Tahun 1964 tentang "
        "Pembentukan Propinsi Daerah Tingkat I Sulawesi Utara;",
    ]
    left = [Sisa(halaman=1, teks=t, alasan="dasar hukum tidak terurai: x", lokasi=f"m_{i}")
            for i, t in enumerate(items)]  # fmt: skip
    assert "sitasi-tidak-terurai" not in revalidate(base, sisa=left)


def test_expectation_failure_names_the_row(base: Dataset) -> None:
    r = base.rencana_aksi[0].model_copy(update={"halaman_akhir": 99})
    (t,) = revalidate(base, rencana_aksi=[r])["ekspektasi-gagal"]
    assert (t.record_id, t.kolom, t.kutipan) == (r.id, "halaman_akhir", "99")


# ---- published folders: re-validation, schema failures, exit codes ----


def test_validate_published_folder_and_exit_codes(tmp_path: Path) -> None:
    folder = tmp_path / "perbup-magetan-14-2020"
    shutil.copytree(GOLDEN_DIR, folder)
    reports = tmp_path / "reports"
    assert main(["validate", str(folder), "--reports", str(reports)]) == 0
    assert (folder / "temuan.json").read_bytes() == (GOLDEN_DIR / "temuan.json").read_bytes()
    assert main(["validate", str(folder), "--reports", str(reports), "--strict"]) == 2
    assert (reports / "perbup-magetan-14-2020.html").exists()


def test_row_failing_its_model_becomes_a_finding(tmp_path: Path) -> None:
    folder = tmp_path / "doc"
    shutil.copytree(GOLDEN_DIR, folder)
    rows = json.loads((folder / "jadwal.json").read_text())
    rows[0]["tahun"] = "dua ribu"
    (folder / "jadwal.json").write_text(json.dumps(rows))
    data = load_folder(folder)
    assert len(data.jadwal) == len(rows) - 1
    (t,) = codes(validate(data, ROOT))["skema-tidak-valid"]
    assert (
        t.tabel == "jadwal" and t.record_id == rows[0]["record_id"] and "baris 1" in t.pesan.lower()
    )


def test_not_a_published_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path), "--reports", str(tmp_path / "r")]) == 1
    assert "not a published document folder" in capsys.readouterr().err


@pytest.mark.parametrize("table", ["rencana_aksi", "pasal", "definisi", "dasar_hukum", "program"])
def test_low_ocr_confidence(base: Dataset, table: str) -> None:
    first = base.table(table)[0]
    low = first.model_copy(update={"sumber_teks": "ocr", "keyakinan_ocr": 31.0})
    sure = base.table(table)[1].model_copy(update={"sumber_teks": "ocr", "keyakinan_ocr": 60.0})
    (t,) = revalidate(base, **{table: [low, sure]})["ocr-keyakinan-rendah"]
    assert t.pesan == "Teks ini berasal dari OCR dengan keyakinan rendah (31)."
    assert (t.tabel, t.record_id, t.kolom) == (table, first.id, "keyakinan_ocr")
    assert t.halaman == (first.halaman if table == "definisi" else first.halaman_awal)


def test_low_ocr_confidence_once_per_printed_passage(base: Dataset) -> None:
    """A passage published in two datasets (a definition is a `definisi` record and a
    `pasal` node of the same id; an amendment named in a Mengingat item is a part of it
    quoting the same text) is one low-confidence finding, not two or three (Perbup
    Donggala 10/2025 p1-2, a scanned document: Mengingat 2 was reported three times)."""
    low = {"sumber_teks": "ocr", "keyakinan_ocr": 31.0}
    term = base.definisi[0].model_copy(update=low)
    (node,) = [n.model_copy(update=low) for n in base.pasal if n.id == term.id]
    item = base.dasar_hukum[0].model_copy(update=low)
    part = item.model_copy(update={"id": item.id + "__perubahan_1"})
    found = revalidate(base, definisi=[term], pasal=[node], dasar_hukum=[item, part])
    assert sorted(t.record_id or "" for t in found["ocr-keyakinan-rendah"]) == sorted(
        [term.id, item.id]
    )
    # Two different items of one page are two findings.
    other = base.dasar_hukum[1].model_copy(update=low)
    found = revalidate(base, dasar_hukum=[item, other])
    assert len(found["ocr-keyakinan-rendah"]) == 2


def test_a_term_used_in_a_table_by_an_abbreviation_or_a_curly_apostrophe(base: Dataset) -> None:
    """A defined term counts as used where a lampiran table cell prints it (Perka BAPETEN
    16/2014: "nilai batas dosis" in a table of training material), where it is written
    with the typographic apostrophe ("INA-CBG’s" for the defined "INA-CBG's", Perbup
    Donggala 10/2025), and where a term inside it is written by its own abbreviation."""
    first = base.definisi[0]
    term = first.model_copy(update={"id": "t1", "istilah": "Nilai Batas Dosis", "singkatan": None})
    apostrophe = first.model_copy(
        update={"id": "t2", "istilah": "Indonesia Case Base Groups", "singkatan": "INA-CBG's"}
    )
    inner = first.model_copy(
        update={"id": "t3", "istilah": "Kartu Izin Khusus", "singkatan": "KIK"}
    )
    outer = first.model_copy(
        update={"id": "t4", "istilah": "Pemegang Kartu Izin Khusus", "singkatan": None}
    )
    node = base.pasal[-1]
    pasal = [node.model_copy(update={"teks": "tarif paket INA-CBG\u2019s; setiap Pemegang KIK."})]
    table = base.tabel[0]
    cell = {"id": "r1", table.kolom[1]: "menjelaskan nilai batas dosis radiasi"}
    kinds = list(table.tipe_kolom)
    kinds[1] = "teks"
    tabel = [table.model_copy(update={"jenis": None, "tipe_kolom": kinds})]
    changes = {"definisi": [term, apostrophe, inner, outer], "pasal": pasal, "tabel": tabel,
               "tabel_isi": {table.id: [cell]}}  # fmt: skip
    found = revalidate(base, **changes).get("istilah-tidak-digunakan", [])
    assert found == []


def test_a_gap_whose_item_is_glued_to_the_one_above_is_no_finding(base: Dataset) -> None:
    """Perbup Donggala 10/2025 p6 (a scan) prints Pasal 12 huruf a. to t.; OCR read "l." as
    "I." and the reading glued it to k.: "k. menolak ... perundang-undangan, I. memberikan
    informasi ...". The item was printed, so "m. after k." is no gap. A gap with no such
    text above it stays a finding."""
    (node,) = [n for n in base.pasal if n.tingkat == "ayat"][:1]

    def item(no: str, text: str) -> object:
        return node.model_copy(update={"id": f"{node.id}__huruf_{no}", "nomor": f"{no}.",
                                       "tingkat": "huruf", "induk_id": node.id,
                                       "teks": text})  # fmt: skip

    glued = [item("j", "melaksanakan sistem rujukan;"),
             item("k", "menolak keinginan pasien, I. memberikan informasi yang benar;"),
             item("m", "menghormati hak-hak pasien;")]  # fmt: skip

    def body_gaps(pasal: list[object]) -> list[Temuan]:
        found = revalidate(base, pasal=pasal).get("nomor-terlewat", [])
        return [t for t in found if t.tabel == "pasal"]

    assert body_gaps(glued) == []
    # Pergub Sulut 6/2016 p3 (OCR): a speck read as "@" between the item's end and the next
    # label ("... dengan luasan tertentu: @ 9. Petambak adalah ...").
    speck = [item("g", "Petani adalah perorangan dengan luasan tertentu: @ h. Petambak adalah"),
             item("i", "Pupuk Organik adalah pupuk;")]  # fmt: skip
    assert body_gaps(speck) == []
    apart = [glued[0], item("k", "menolak keinginan pasien;"), glued[2]]
    (gap,) = body_gaps(apart)
    assert gap.kutipan == "m."


def test_a_term_read_with_the_next_item_glued_is_not_reported(base: Dataset) -> None:
    """Perka BAPETEN 16/2014 p3: the catchword "Petugas…" at the page foot and definition
    13 glued into one term "Petugas… 13. Petugas Perawatan": a misreading of the list, not
    a term left unused. A term that reads cleanly and is unused is still reported."""
    first = base.definisi[0]
    glued = first.model_copy(update={"id": "t1", "istilah": "Petugas… 13. Petugas Perawatan"})
    clean = first.model_copy(update={"id": "t2", "istilah": "Petugas Perawatan Khusus Xyz"})
    found = revalidate(base, definisi=[glued, clean])["istilah-tidak-digunakan"]
    assert [t.record_id for t in found] == ["t2"]


def test_low_ocr_confidence_names_the_least_sure_value(base: Dataset) -> None:
    """A Rencana Aksi record carries each value's confidence: the finding names the least
    sure value below the floor and quotes it, not the record's first text."""
    first = base.table("rencana_aksi")[0]
    low = first.model_copy(update={
        "sumber_teks": "ocr", "keyakinan_ocr": 31.0, "keyakinan_area": 88.0,
        "keyakinan_program": 31.0, "keyakinan_rencana_aksi": 45.0,
    })  # fmt: skip
    (t,) = revalidate(base, rencana_aksi=[low])["ocr-keyakinan-rendah"]
    assert (t.kolom, t.kutipan) == ("keyakinan_program", first.program)
    assert t.pesan == "Teks ini berasal dari OCR dengan keyakinan rendah (31)."


def test_low_ocr_confidence_in_a_generic_table_names_its_unsure_cells(base: Dataset) -> None:
    """A generic table read by OCR carries each value's confidence (<kolom>__keyakinan):
    each row with a value below the floor is one finding naming its least sure value and
    quoting it (so the report outlines that cell), instead of one for the whole table; a
    merged cell repeated on the rows below is reported once; an unsure part no row holds
    (a header cell) keeps the table's own finding."""
    table = base.tabel[0]
    kolom = ["id", "no", "no__keyakinan", "uraian", "uraian__keyakinan", "halaman_awal",
             "halaman_akhir"]  # fmt: skip
    scanned = table.model_copy(update={
        "jenis": None, "sumber_teks": "ocr", "keyakinan_ocr": 31.0, "kolom": kolom,
        "tipe_kolom": ["teks", "teks", "keyakinan", "teks", "keyakinan", "teks", "teks"],
    })  # fmt: skip

    def row(k: int, no: float | None, uraian: float | None, text: str = "Rawat inap") -> object:
        return {"id": f"r{k}", "no": f"{k}.", "no__keyakinan": no, "uraian": text,
                "uraian__keyakinan": uraian, "halaman_awal": 3, "halaman_akhir": 3}  # fmt: skip

    # Rows 5 and 6 repeat one merged cell ("Rawat jalun" at 31): reported once, on row 5;
    # row 2's equal cell, printed apart (row 3 between), is reported too.
    rows = [row(1, 96.0, 91.0), row(2, 45.0, 31.0, "Rawat jalun"), row(3, 58.0, 88.0),
            row(4, 97.0, 60.0), row(5, 97.0, 31.0, "Rawat jalun"),
            row(6, 97.0, 31.0, "Rawat jalun")]  # fmt: skip
    found = revalidate(base, tabel=[scanned], tabel_isi={table.id: rows})
    got = [(t.tabel, t.record_id, t.kolom, t.kutipan, t.halaman, t.pesan)
           for t in found["ocr-keyakinan-rendah"]]  # fmt: skip
    assert got == [
        (table.id, "r2", "uraian", "Rawat jalun", 3,
         "Teks ini berasal dari OCR dengan keyakinan rendah (31)."),
        (table.id, "r3", "no", "3.", 3, "Teks ini berasal dari OCR dengan keyakinan rendah (58)."),
        (table.id, "r5", "uraian", "Rawat jalun", 3,
         "Teks ini berasal dari OCR dengan keyakinan rendah (31)."),
    ]  # fmt: skip
    # The header read at 20, lower than every row: the table's own finding stays too.
    header = scanned.model_copy(update={"keyakinan_ocr": 20.0})
    found = revalidate(base, tabel=[header], tabel_isi={table.id: rows})
    assert [t.record_id for t in found["ocr-keyakinan-rendah"]] == ["r2", "r3", "r5", table.id]
