"""The Penjelasan published as its own dataset (normalize/penjelasan.py): on the real
regulations that print one (expected values from the rendered pages) and on lines built by
hand for the layouts those two do not print (ayat/huruf/angka items, an amendment's
instructions)."""

from __future__ import annotations

from pipeline.extract.layout import TextLine
from pipeline.normalize.body import parse_body
from pipeline.normalize.penjelasan import body_paths, parse_penjelasan, penjelasan_records
from pipeline.result import DocumentResult
from tests.conftest import RealCorpus

PP56 = "pp_2014_56_tarif_pnbp_bapeten"
BANJARNEGARA = "perda_kab_banjarnegara_2025_08_pajak_retribusi"


def test_pp_56_2014_penjelasan(real_corpus: RealCorpus) -> None:
    # p9: "PENJELASAN / ATAS / PERATURAN PEMERINTAH REPUBLIK INDONESIA / NOMOR 56 TAHUN 2014 /
    # TENTANG / JENIS DAN TARIF ...", "I. UMUM." (two paragraphs), "II. PASAL DEMI PASAL",
    # Pasal 1-3 "Cukup jelas."; p10: Pasal 4-6 "Cukup jelas.", then "TAMBAHAN LEMBARAN NEGARA
    # REPUBLIK INDONESIA NOMOR 5553".
    result, _ = real_corpus.get(PP56)
    rows = {r.id: r for r in result.penjelasan}
    assert rows["judul"].teks is not None
    assert rows["judul"].teks.startswith("PENJELASAN ATAS PERATURAN PEMERINTAH REPUBLIK")
    assert rows["judul"].teks.endswith("BERLAKU PADA BADAN PENGAWAS TENAGA NUKLIR")
    umum = rows["umum"]
    assert (umum.judul, umum.halaman_awal, umum.halaman_akhir) == ("I. UMUM.", 9, 9)
    assert umum.teks is not None
    assert umum.teks.startswith("Untuk mengoptimalkan Penerimaan Negara Bukan Pajak guna")
    assert umum.teks.endswith("Tenaga Nuklir dengan Peraturan Pemerintah.")
    items = [r for r in result.penjelasan if r.tingkat == "pasal"]
    got = [(r.pasal, r.cukup_jelas, r.simpul_id, r.halaman_awal) for r in items]
    assert got == [(str(n), True, f"pasal_{n}", 9 if n <= 3 else 10) for n in range(1, 7)]
    assert all(r.induk_id == "pasal_demi_pasal" for r in items)
    assert rows["penutup"].teks == "TAMBAHAN LEMBARAN NEGARA REPUBLIK INDONESIA NOMOR 5553"
    # Its text is published, neither left over nor lost.
    assert not [s for s in result.sisa if s.lokasi and s.lokasi.startswith("penjelasan")]
    (account,) = [t for t in result.teks if t.bagian == "penjelasan"]
    assert account.karakter_hilang == 0


def test_banjarnegara_penjelasan_of_an_amendment(real_corpus: RealCorpus) -> None:
    # p12: "I. UMUM" ("Dalam rangka mengalokasikan ... tentang Cipta Kerja."), "II. PASAL DEMI
    # PASAL", "Pasal I / Cukup jelas.", "Pasal II / Cukup jelas.", "TAMBAHAN LEMBARAN DAERAH
    # KABUPATEN BANJARNEGARA NOMOR 321".
    result, _ = real_corpus.get(BANJARNEGARA)
    rows = {r.id: r for r in result.penjelasan}
    assert list(rows) == [
        "judul", "umum", "pasal_demi_pasal", "pasal_demi_pasal__pasal_i",
        "pasal_demi_pasal__pasal_ii", "penutup",
    ]  # fmt: skip
    assert rows["umum"].teks is not None
    assert rows["umum"].teks.startswith("Dalam rangka mengalokasikan sumber daya nasional")
    assert rows["umum"].teks.endswith("Undang-Undang Nomor 11 Tahun 2020 tentang Cipta Kerja.")
    assert [(r.pasal, r.simpul_id, r.cukup_jelas) for r in result.penjelasan if r.pasal] == [
        ("I", "pasal_i", True), ("II", "pasal_ii", True)
    ]  # fmt: skip
    assert rows["penutup"].teks == "TAMBAHAN LEMBARAN DAERAH KABUPATEN BANJARNEGARA NOMOR 321"


def test_the_default_pdf_prints_no_penjelasan(default_result: DocumentResult) -> None:
    assert default_result.penjelasan == []


def _lines(*texts: str, page: int = 1) -> list[TextLine]:
    return [
        TextLine(page, t, 80.0, 100.0 + 14 * k, 500.0, 110.0 + 14 * k, False)
        for k, t in enumerate(texts)
    ]


def test_items_nest_and_references_inside_sentences_open_none() -> None:
    body = parse_body(_lines(
        "Pasal 1", "Dalam Peraturan ini yang dimaksud dengan:", "1. Daerah adalah Kabupaten.",
        "Pasal 2", "(1) Tarif ditetapkan.", "(2) Tarif terdiri atas:", "a. jasa; dan",
        "b. barang.",
    ))  # fmt: skip
    parsed = parse_penjelasan(_lines(
        "PENJELASAN", "ATAS", "PERATURAN BUPATI X", "I. UMUM", "Teks umum.",
        "II. PASAL DEMI PASAL", "Pasal 1", "Cukup jelas.", "Pasal 2", "Ayat (1)",
        "Yang dimaksud dengan tarif adalah sebagaimana dimaksud dalam", "Pasal 1",
        "angka 1.", "Ayat (2)", "Huruf a", "Cukup jelas.", "Huruf b", "Angka 1", "Penjelasan angka.",
        "Pasal 9", "Cukup jelas.",
    ))  # fmt: skip
    records = penjelasan_records(parsed, "x", body_paths(body.nodes))
    got = [(r.id, r.induk_id, r.pasal, r.ayat, r.huruf, r.angka, r.simpul_id) for r in records]
    pdp = "pasal_demi_pasal"
    # "Pasal 1" alone on a line after "... dimaksud dalam" is a reference, not a label.
    assert got[:4] == [
        ("judul", None, None, None, None, None, None),
        ("umum", None, None, None, None, None, None),
        (pdp, None, None, None, None, None, None),
        (f"{pdp}__pasal_1", pdp, "1", None, None, None, "pasal_1"),
    ]
    by_id = {r.id: r for r in records}
    assert len(by_id) == len(records)
    assert by_id[f"{pdp}__pasal_2__ayat_1"].teks == (
        "Yang dimaksud dengan tarif adalah sebagaimana dimaksud dalam Pasal 1 angka 1."
    )
    a2 = f"{pdp}__pasal_2__ayat_2"
    assert by_id[a2].simpul_id == "pasal_2__ayat_2"
    assert by_id[f"{a2}__huruf_a"].simpul_id == "pasal_2__ayat_2__huruf_a"
    assert by_id[f"{a2}__huruf_a"].cukup_jelas
    assert by_id[f"{a2}__huruf_b__angka_1"].teks == "Penjelasan angka."
    assert by_id[f"{a2}__huruf_b__angka_1"].simpul_id is None  # the body prints no such angka
    assert by_id[f"{pdp}__pasal_9"].simpul_id is None
    assert parsed.chars_out == sum(
        sum(1 for ch in ln.text if not ch.isspace()) for ln in _lines(
            "PENJELASAN", "ATAS", "PERATURAN BUPATI X", "I. UMUM", "Teks umum.",
            "II. PASAL DEMI PASAL", "Pasal 1", "Cukup jelas.", "Pasal 2", "Ayat (1)",
            "Yang dimaksud dengan tarif adalah sebagaimana dimaksud dalam", "Pasal 1",
            "angka 1.", "Ayat (2)", "Huruf a", "Cukup jelas.", "Huruf b", "Angka 1", "Penjelasan angka.",
            "Pasal 9", "Cukup jelas.",
        )
    )  # fmt: skip


def test_an_amendments_instructions_hold_the_amended_articles() -> None:
    # UU 12/2011 Lampiran II item 191: "Pasal I / Angka 1 / Pasal 5 / Cukup jelas. /
    # Angka 2 / Pasal 7 / Ayat (1) ... / Pasal II / Cukup jelas."
    parsed = parse_penjelasan(_lines(
        "PENJELASAN", "II. PASAL DEMI PASAL", "Pasal I", "Angka 1", "Pasal 5", "Cukup jelas.",
        "Angka 2", "Pasal 7", "Ayat (1)", "Cukup jelas.", "Ayat (2)", "Cukup jelas.",
        "Pasal II", "Cukup jelas.", "TAMBAHAN BERITA DAERAH NOMOR 3",
    ))  # fmt: skip
    records = penjelasan_records(parsed, "x", {})
    ids = [r.id for r in records]
    base = "pasal_demi_pasal__pasal_i"
    assert ids == [
        "judul", "pasal_demi_pasal", base, f"{base}__angka_1", f"{base}__angka_1__pasal_5",
        f"{base}__angka_2", f"{base}__angka_2__pasal_7", f"{base}__angka_2__pasal_7__ayat_1",
        f"{base}__angka_2__pasal_7__ayat_2", "pasal_demi_pasal__pasal_ii", "penutup",
    ]  # fmt: skip
    ayat = records[ids.index(f"{base}__angka_2__pasal_7__ayat_1")]
    assert (ayat.pasal, ayat.ayat, ayat.angka, ayat.bagian) == ("7", "1", "2", "pasal_demi_pasal")
