"""The body parser on regulations the tests draw: other kinds, Menimbang with points, a body
without Bagian, Pasal and ayat broken across pages, references that must not split a
Pasal, and an amending regulation quoting whole articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.normalize.body import ordinal_to_int
from pipeline.run import DocumentResult, process
from tests.textpdf import H, L, make_text_pdf

TITLE = [
    H("GUBERNUR JAWA TIMUR"),
    H("PERATURAN DAERAH PROVINSI JAWA TIMUR"),
    H("NOMOR 3 TAHUN 2021"),
    H("TENTANG"),
    H("PENGELOLAAN ARSIP DAERAH"),
    H("DENGAN RAHMAT TUHAN YANG MAHA ESA"),
    H("GUBERNUR JAWA TIMUR,"),
]
PREAMBLE = [
    L("Menimbang : a. bahwa arsip merupakan bukti;"),
    L("b. bahwa pengelolaan arsip perlu", 1),
    L("diatur;", 2),
    L("c. bahwa berdasarkan pertimbangan sebagaimana", 1),
    L("dimaksud dalam huruf a dan huruf b, perlu", 2),
    L("menetapkan Peraturan Daerah;", 2),
    L("Mengingat : 1. Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan"),
    L("(Lembaran Negara Republik Indonesia Tahun 2009", 2),
    L("Nomor 152);", 2),
    L("2. Peraturan Pemerintah Nomor 28 Tahun 2012 tentang", 1),
    L("Pelaksanaan Undang-Undang Nomor 43 Tahun 2009;", 2),
    H("MEMUTUSKAN:"),
    L("Menetapkan : PERATURAN DAERAH TENTANG PENGELOLAAN ARSIP DAERAH."),
]
CLOSING = [
    L("Ditetapkan di Surabaya", 8),
    L("pada tanggal 5 Pebruari 2021", 8),
    L("GUBERNUR JAWA TIMUR,", 8),
    L("ttd", 8),
    L("KHOFIFAH", 8),
    L("Diundangkan di Surabaya", 0),
    L("pada tanggal 8 Pebruari 2021", 0),
    L("SEKRETARIS DAERAH PROVINSI JAWA TIMUR,", 0),
    L("ttd", 0),
    L("HERU", 0),
    L("LEMBARAN DAERAH PROVINSI JAWA TIMUR TAHUN 2021 NOMOR 3"),
]


@pytest.fixture(scope="module")
def perda(tmp_path_factory: pytest.TempPathFactory) -> DocumentResult:
    page1 = (
        TITLE
        + PREAMBLE
        + [
            H("BAB I"),
            H("KETENTUAN UMUM"),
            H("Pasal 1"),
            L("Dalam Peraturan Daerah ini yang dimaksud dengan:"),
            L("1. Daerah adalah Provinsi Jawa Timur."),
            L("2. Arsip Daerah yang selanjutnya disebut Arsip adalah"),
            L("rekaman kegiatan.", 1),
            H("Pasal 2"),
            L("(1) Arsip dikelola oleh Dinas sebagaimana dimaksud"),
            L("dalam", 1),
        ]
    )
    page2 = [
        L("Pasal 1 angka 2.", 1),
        L("(2) Pengelolaan sebagaimana dimaksud pada ayat"),
        L("(1) meliputi:", 1),
        L("a. penciptaan;", 1),
        L("b. penggunaan; dan", 1),
        L("c. penyusutan.", 1),
        H("BAB II"),
        H("KETENTUAN PENUTUP"),
        H("Pasal 3"),
        L("Peraturan Daerah ini mulai berlaku pada tanggal diundangkan."),
    ] + CLOSING
    pdf = make_text_pdf(tmp_path_factory.mktemp("perda") / "perda.pdf", [page1, page2])
    return process(pdf)


def ids(result: DocumentResult) -> list[str]:
    return [n.id for n in result.simpul]


def node(result: DocumentResult, node_id: str):
    (found,) = [n for n in result.simpul if n.id == node_id]
    return found


def test_other_kind_of_regulation_metadata(perda: DocumentResult) -> None:
    d = perda.dokumen
    assert perda.dokumen_id == "perda-jawa-timur-3-2021"
    assert (d.jenis, d.daerah, d.nomor, d.tahun) == (
        "Peraturan Daerah",
        "Provinsi Jawa Timur",
        "3",
        2021,
    )
    assert d.tentang == "PENGELOLAAN ARSIP DAERAH"
    assert (d.tempat_penetapan, d.tanggal_penetapan) == ("Surabaya", "2021-02-05")
    assert (d.tempat_pengundangan, d.tanggal_pengundangan) == ("Surabaya", "2021-02-08")
    assert d.penandatangan is not None and d.penandatangan.nama == "KHOFIFAH"
    assert d.sekretaris_daerah is not None and d.sekretaris_daerah.nama == "HERU"


def test_menimbang_points(perda: DocumentResult) -> None:
    assert [(m.no, m.teks) for m in perda.menimbang] == [
        ("a", "bahwa arsip merupakan bukti;"),
        ("b", "bahwa pengelolaan arsip perlu diatur;"),
        (
            "c",
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, "
            "perlu menetapkan Peraturan Daerah;",
        ),
    ]


def test_dasar_hukum_rows(perda: DocumentResult) -> None:
    rows = [(r.id, r.jenis, r.nomor, r.tahun) for r in perda.dasar_hukum]
    assert rows == [
        ("mengingat__angka_1", "Undang-Undang", "43", 2009),
        ("mengingat__angka_2", "Peraturan Pemerintah", "28", 2012),
    ]
    assert perda.dasar_hukum[0].lembaran_negara_nomor == "152"


def test_tree_without_bagian_and_references_that_do_not_split(perda: DocumentResult) -> None:
    body = [i for i in ids(perda) if i.startswith("bab")]
    assert body == [
        "bab_1",
        "bab_1__pasal_1",
        "bab_1__pasal_1__angka_1",
        "bab_1__pasal_1__angka_2",
        "bab_1__pasal_2",
        "bab_1__pasal_2__ayat_1",
        "bab_1__pasal_2__ayat_2",
        "bab_1__pasal_2__ayat_2__huruf_a",
        "bab_1__pasal_2__ayat_2__huruf_b",
        "bab_1__pasal_2__ayat_2__huruf_c",
        "bab_2",
        "bab_2__pasal_3",
    ]
    # "Pasal 1 angka 2." and "(1) meliputi:" open lines but are references inside sentences.
    ayat1 = node(perda, "bab_1__pasal_2__ayat_1")
    assert ayat1.teks == "Arsip dikelola oleh Dinas sebagaimana dimaksud dalam Pasal 1 angka 2."
    assert (ayat1.halaman_awal, ayat1.halaman_akhir) == (1, 2)  # broken across the page
    ayat2 = node(perda, "bab_1__pasal_2__ayat_2")
    assert ayat2.teks == "Pengelolaan sebagaimana dimaksud pada ayat (1) meliputi:"
    assert node(perda, "bab_1").judul == "KETENTUAN UMUM"


def test_every_body_character_lands_in_a_node(perda: DocumentResult) -> None:
    (body, *_) = perda.teks
    assert body.bagian == "batang_tubuh"
    assert body.karakter_hilang == 0 and body.karakter_dalam_simpul > 0
    assert body.karakter_di_luar_simpul == len("-2-")  # the page number of page 2
    assert ids(perda)[:2] == ["judul", "menimbang"]
    assert ids(perda)[-1] == "penutup"


def test_definitions(perda: DocumentResult) -> None:
    assert [(d.no, d.istilah, d.singkatan, d.definisi) for d in perda.definisi] == [
        ("1", "Daerah", None, "Provinsi Jawa Timur."),
        ("2", "Arsip Daerah", "Arsip", "rekaman kegiatan."),
    ]


def test_amendment_quotes_articles_inside_its_instructions(tmp_path: Path) -> None:
    pages = [
        [
            H("BUPATI CONTOH"),
            H("PERATURAN BUPATI CONTOH"),
            H("NOMOR 9 TAHUN 2022"),
            H("TENTANG"),
            H("PERUBAHAN ATAS PERATURAN BUPATI CONTOH NOMOR 14 TAHUN 2020"),
            H("DENGAN RAHMAT TUHAN YANG MAHA ESA"),
            H("BUPATI CONTOH,"),
            L("Menimbang : bahwa perlu mengubah Peraturan Bupati;"),
            L("Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;"),
            H("MEMUTUSKAN:"),
            L("Menetapkan : PERATURAN BUPATI TENTANG PERUBAHAN."),
            H("Pasal I"),
            L("Beberapa ketentuan diubah sebagai berikut:"),
            L("1. Ketentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:"),
            H("Pasal 5"),
            L("(1) Road Map dapat diubah.", 1),
            L("(2) Perubahan dilakukan oleh Tim.", 1),
            L("2. Ketentuan Pasal 7 diubah sehingga berbunyi sebagai berikut:"),
            H("Pasal 7"),
            L("Rencana Aksi dilaksanakan oleh SKPD.", 1),
            H("Pasal II"),
            L("Peraturan Bupati ini mulai berlaku pada tanggal diundangkan."),
            L("Ditetapkan di Contoh", 8),
        ]
    ]
    result = process(make_text_pdf(tmp_path / "ubah.pdf", pages))
    tree = [i for i in ids(result) if i.startswith("pasal")]
    assert tree == [
        "pasal_i",
        "pasal_i__angka_1",
        "pasal_i__angka_1__pasal_5",
        "pasal_i__angka_1__pasal_5__ayat_1",
        "pasal_i__angka_1__pasal_5__ayat_2",
        "pasal_i__angka_2",
        "pasal_i__angka_2__pasal_7",
        "pasal_ii",
    ]
    assert node(result, "pasal_i__angka_2__pasal_7").teks == "Rencana Aksi dilaksanakan oleh SKPD."
    # The title names the regulation it amends: the relation is recorded.
    (rel,) = result.dokumen.relasi
    assert (rel.status, rel.dokumen_id) == ("Mengubah", "perbup-contoh-14-2020")


@pytest.mark.parametrize(
    ("word", "n"),
    [("Kesatu", 1), ("Pertama", 1), ("Kedua", 2), ("Kesepuluh", 10), ("Kedua Belas", 12),
     ("kelima  belas", 15), ("Kedua Puluh", 20)],
)  # fmt: skip
def test_ordinal_words(word: str, n: int) -> None:
    assert ordinal_to_int(word) == n


def test_ordinal_rejects_other_words() -> None:
    with pytest.raises(ValueError, match="not an ordinal word: 'Satu'"):
        ordinal_to_int("Satu")


def test_a_two_digit_number_glued_to_its_text_opens_an_item() -> None:
    """ "10.Pemanfaatan": a two-digit number leaves less than a space before the tab stop,
    and the text layer has no space there; it is item 10 all the same (not "1.500")."""
    from pipeline.extract.layout import TextLine
    from pipeline.normalize.body import parse_body

    texts = ["BAB I", "KETENTUAN UMUM", "Pasal 1", "Dalam Peraturan ini:", "9. Satu;",
             "10.Dua;", "11.Tiga bernilai", "1.500 rupiah."]  # fmt: skip
    lines = [
        TextLine(
            page=1, text=t, x0=72.0, top=100.0 + 14 * k, x1=300.0, bottom=110.0 + 14 * k, bold=k < 3
        )  # fmt: skip
        for k, t in enumerate(texts)
    ]
    pasal = next(n for n in parse_body(lines).nodes if n.level == "pasal")
    assert [(c.nomor, c.teks) for c in pasal.children] == [
        ("9.", "Satu;"), ("10.", "Dua;"), ("11.", "Tiga bernilai 1.500 rupiah."),
    ]  # fmt: skip
