"""The title grammar of every regulation kind (pipeline/vocabulary.py, one table)."""

from __future__ import annotations

import pytest

from pipeline.models import Pejabat
from pipeline.normalize.body import Body, Node
from pipeline.normalize.dates import parse_tanggal
from pipeline.normalize.dokumen import dokumen_id_from_title
from pipeline.normalize.regulation import _officials, lampiran_judul, relations, revoked
from pipeline.vocabulary import KINDS, parse_title, title_at_start


@pytest.mark.parametrize(
    ("text", "jenis", "region", "nomor", "tahun", "dokumen_id"),
    [
        ("UNDANG-UNDANG REPUBLIK INDONESIA\nNOMOR 1 TAHUN 2022\nTENTANG\nX", "Undang-Undang",
         None, "1", 2022, "uu-1-2022"),
        ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 35 TAHUN 2023 TENTANG X",
         "Peraturan Pemerintah", None, "35", 2023, "pp-35-2023"),
        ("PERATURAN PRESIDEN REPUBLIK INDONESIA NOMOR 81 TAHUN 2010", "Peraturan Presiden",
         None, "81", 2010, "perpres-81-2010"),
        ("PERATURAN MENTERI DALAM NEGERI NOMOR 77 TAHUN 2020", "Peraturan Menteri", None, "77",
         2020, "permen-dalam-negeri-77-2020"),
        ("PERATURAN\nKEPALA LEMBAGA PENERBANGAN DAN ANTARIKSA NASIONAL\nNOMOR 8 TAHUN 2015",
         "Peraturan Kepala", None, "8", 2015,
         "perka-lembaga-penerbangan-dan-antariksa-nasional-8-2015"),
        ("PERATURAN BADAN PUSAT STATISTIK NOMOR 5 TAHUN 2019", "Peraturan Badan", None, "5",
         2019, "perban-pusat-statistik-5-2019"),
        # The country printed after an agency is not part of its name.
        ("PERATURAN BADAN PENGAWAS TENAGA NUKLIR\nREPUBLIK INDONESIA\nNOMOR 2 TAHUN 2022",
         "Peraturan Badan", None, "2", 2022, "perban-pengawas-tenaga-nuklir-2-2022"),
        ("PERATURAN MENTERI KESEHATAN REPUBLIK INDONESIA NOMOR 3 TAHUN 2020",
         "Peraturan Menteri", None, "3", 2020, "permen-kesehatan-3-2020"),
        ("PERATURAN LEMBAGA KEBIJAKAN PENGADAAN BARANG/JASA PEMERINTAH NOMOR 12 TAHUN 2021",
         "Peraturan Lembaga", None, "12", 2021,
         "perlem-kebijakan-pengadaan-barang-jasa-pemerintah-12-2021"),
        ("PERATURAN DAERAH KABUPATEN BANJARNEGARA\nNOMOR 8 TAHUN 2025", "Peraturan Daerah",
         "Kabupaten Banjarnegara", "8", 2025, "perda-banjarnegara-8-2025"),
        ("PERATURAN GUBERNUR SULAWESI UTARA\nNOMOR  75  TAHUN 2017", "Peraturan Gubernur",
         "Provinsi Sulawesi Utara", "75", 2017, "pergub-sulawesi-utara-75-2017"),
        ("PERATURAN BUPATI DONGGALA NOMOR 24 TAHUN 2025", "Peraturan Bupati",
         "Kabupaten Donggala", "24", 2025, "perbup-donggala-24-2025"),
        ("PERATURAN WALI KOTA SURABAYA NOMOR 7 TAHUN 2019", "Peraturan Wali Kota",
         "Kota Surabaya", "7", 2019, "perwali-surabaya-7-2019"),
        # A number with separators is kept as printed; the id slugs it.
        ("KEPUTUSAN BUPATI MAGETAN NOMOR 188/2 TAHUN 2020", "Keputusan Bupati",
         "Kabupaten Magetan", "188/2", 2020, "kepbup-magetan-188-2-2020"),
        # Capital I for 1, only in the number slot.
        ("PERATURAN BUPATI INDRAMAYU NOMOR I TAHUN 2021 TENTANG X", "Peraturan Bupati",
         "Kabupaten Indramayu", "1", 2021, "perbup-indramayu-1-2021"),
    ],
)  # fmt: skip
def test_title_grammar(
    text: str, jenis: str, region: str | None, nomor: str | None, tahun: int, dokumen_id: str | None
) -> None:
    title = parse_title(text)
    assert title is not None
    assert (title.kind.jenis, title.region, title.nomor, title.tahun) == (
        jenis,
        region,
        nomor,
        tahun,
    )
    assert title.dokumen_id() == dokumen_id


def test_keputusan_numbered_without_tahun() -> None:
    # Kepka BAPETEN p1: "NOMOR : 02/Ka-BAPETEN/V-99" and no TAHUN before TENTANG.
    text = (
        "KEPUTUSAN KEPALA BADAN PENGAWAS TENAGA NUKLIR\nNOMOR : 02/Ka-BAPETEN/V-99\nTENTANG\n"
        "BAKU TINGKAT RADIOAKTIVITAS DI LINGKUNGAN"
    )
    title = parse_title(text)
    assert title is not None
    assert (title.kind.jenis, title.nama, title.nomor, title.tahun) == (
        "Keputusan Kepala", "BADAN PENGAWAS TENAGA NUKLIR", "02/Ka-BAPETEN/V-99", None,
    )  # fmt: skip
    assert title.tentang == "BAKU TINGKAT RADIOAKTIVITAS DI LINGKUNGAN"
    # No id while the year is unknown; with the year of the date of enactment, the number slugged.
    assert title.dokumen_id() is None
    assert title.with_year(1999).dokumen_id() == (
        "kepka-badan-pengawas-tenaga-nuklir-02-ka-bapeten-v-99-1999"
    )
    # Without TENTANG after it, a number with no TAHUN is not a title.
    assert parse_title("KEPUTUSAN KEPALA BADAN X NOMOR 5 PADA TANGGAL") is None


def test_joint_decree_one_number_line_per_issuer() -> None:
    # Keputusan Bersama 375/2022 p1: three ministers, one NOMOR line each, then TENTANG.
    text = (
        "KEPUTUSAN BERSAMA\nMENTERI AGAMA, MENTERI KETENAGAKERJAAN,\nDAN MENTERI PENDAYAGUNAAN "
        "APARATUR NEGARA\nDAN REFORMASI BIROKRASI\nREPUBLIK INDONESIA\nNOMOR : 375 TAHUN 2022\n"
        "NOMOR 1 TAHUN 2022\nNOMOR 1 TAHUN 2022\nTENTANG\nPERUBAHAN ATAS KEPUTUSAN BERSAMA "
        "MENTERI AGAMA NOMOR 963 TAHUN 2021 TENTANG HARI LIBUR NASIONAL"
    )
    title = parse_title(text)
    assert title is not None
    assert (title.kind.jenis, title.nomor, title.tahun) == ("Keputusan Bersama", "375", 2022)
    assert title.nama == (
        "MENTERI AGAMA, MENTERI KETENAGAKERJAAN, DAN MENTERI PENDAYAGUNAAN APARATUR NEGARA DAN "
        "REFORMASI BIROKRASI"
    )
    assert title.tentang == (
        "PERUBAHAN ATAS KEPUTUSAN BERSAMA MENTERI AGAMA NOMOR 963 TAHUN 2021 TENTANG HARI LIBUR "
        "NASIONAL"
    )
    assert title.teks.endswith("NOMOR : 375 TAHUN 2022 NOMOR 1 TAHUN 2022 NOMOR 1 TAHUN 2022")
    # The first line is the registry of the issuer named first: the id names that one.
    assert title.dokumen_id() == "skb-menteri-agama-375-2022"


def test_joint_decree_read_from_a_scanners_text_layer() -> None:
    # The same title as the scanner's OCR text layer carries it (the fixture's p1): "!" for
    # I in the names, no blank after a comma. Before, "MENTER!" stopped the name: no title.
    text = (
        "KEPUTUSAN BERSAMA\nMENTERI AGAMA,MENTERI KETENAGAKERJMN,\nDAN MENTER! PENDAYAGUNMN "
        "APARATUR NEGARA\nDAN REFORMASI BIROKRASI\nREPUBLIK INDONESIA\nNOMOR : 375 TAHUN 2022\n"
        "NOMOR 1 TAHUN 2022\nNOMOR 1 TAHUN 2022\nTENTANG\nPERUBAHAN ATAS"
    )
    title = parse_title(text)
    assert title is not None
    assert (title.nomor, title.tahun, title.bersama) == ("375", 2022, True)
    assert title.nama is not None and "MENTER!" not in title.nama
    assert title.nama.startswith("MENTERI AGAMA,MENTERI KETENAGAKERJMN, DAN MENTERI PENDAYAGUNMN")
    assert title.dokumen_id() == "skb-menteri-agama-375-2022"


def test_joint_decree_cited_with_its_number_lines_joined_by_commas() -> None:
    # Keputusan Bersama 375/2022 p1 cites the decree it amends in its subject: the number
    # lines run on, joined by commas; the cited decree is named by its first line.
    cited = title_at_start(
        "KEPUTUSAN BERSAMA MENTERI AGAMA, MENTERI KETENAGAKERJAAN, DAN MENTERI PENDAYAGUNAAN "
        "APARATUR NEGARA DAN REFORMASI BIROKRASI NOMOR 963 TAHUN 2021, NOMOR 3 TAHUN 2021, "
        "NOMOR 4 TAHUN 2021 TENTANG HARI LIBUR NASIONAL"
    )
    assert cited is not None and cited.bersama
    assert (cited.nomor, cited.tahun, cited.tentang) == ("963", 2021, "HARI LIBUR NASIONAL")
    assert cited.dokumen_id() == "skb-menteri-agama-963-2021"
    # One regulation with one number line is no joint decree: its whole issuer is named.
    single = parse_title("PERATURAN MENTERI KESEHATAN REPUBLIK INDONESIA NOMOR 2 TAHUN 2020")
    assert single is not None and not single.bersama
    assert single.dokumen_id() == "permen-kesehatan-2-2020"


def test_every_kind_of_the_table_parses() -> None:
    for kind in KINDS:
        title = parse_title(f"{kind.cetak[0]} CONTOH NOMOR 3 TAHUN 2020 TENTANG UJI")
        assert title is not None and title.kind is kind, kind.jenis


def test_blank_number_keeps_the_rest_and_never_takes_the_cited_id() -> None:
    text = (
        "PERATURAN BUPATI DONGGALA\nNOMOR      TAHUN 2025\nTENTANG\nPERUBAHAN ATAS PERATURAN "
        "BUPATI DONGGALA NOMOR 33 TAHUN 2024 TENTANG ALOKASI DANA DESA"
    )
    title = parse_title(text)
    assert title is not None
    assert (title.kind.jenis, title.nomor, title.tahun) == ("Peraturan Bupati", None, 2025)
    assert title.tentang and title.tentang.startswith("PERUBAHAN ATAS")
    assert dokumen_id_from_title(text) is None


def test_roman_i_in_subject_is_not_a_number() -> None:
    title = parse_title("PERATURAN BUPATI X NOMOR 4 TAHUN 2021 TENTANG LAMPIRAN I DAN II")
    assert title is not None and title.nomor == "4" and title.tentang == "LAMPIRAN I DAN II"


def test_relation_region_implied_by_the_issuer() -> None:
    own = parse_title("PERATURAN BUPATI DONGGALA NOMOR 24 TAHUN 2025")
    rel = relations("PERUBAHAN ATAS PERATURAN BUPATI NOMOR 33 TAHUN 2024 TENTANG ADD", own)
    assert [(r.status, r.dokumen_id) for r in rel] == [("Mengubah", "perbup-donggala-33-2024")]
    own = parse_title("PERATURAN DAERAH KABUPATEN BANJARNEGARA NOMOR 8 TAHUN 2025")
    rel = relations("PERUBAHAN KEDUA ATAS PERATURAN DAERAH NOMOR 8 TAHUN 2023 TENTANG PAJAK", own)
    assert [r.dokumen_id for r in rel] == ["perda-banjarnegara-8-2023"]


@pytest.mark.parametrize(
    ("text", "iso"),
    [("pada tanggal 30-12-2025", "2025-12-30"), ("30/12/2025", "2025-12-30"),
     ("31-02-2020", None), ("Nomor 12.3.2020.1", None)],
)  # fmt: skip
def test_numeric_dates(text: str, iso: str | None) -> None:
    d = parse_tanggal(text)
    assert (d.isoformat() if d else None) == iso


def test_lampiran_title_under_its_header() -> None:
    page = ["LAMPIRAN II", "PERATURAN BUPATI X", "NOMOR 2 TAHUN 2025", "TENTANG",
            "ALOKASI DANA", "DESA", "PAGU ALOKASI DANA DESA", "TAHUN 2025", "1. Besaran ..."]  # fmt: skip
    assert lampiran_judul([page], "ALOKASI DANA DESA") == "PAGU ALOKASI DANA DESA TAHUN 2025"
    opens_with_item = [*page[:6], "A. FORMAT SURAT"]
    assert lampiran_judul([opens_with_item], "ALOKASI DANA DESA") is None


_HEAD = ["LAMPIRAN I", "PERATURAN BADAN PENGAWAS TENAGA", "NUKLIR", "REPUBLIK INDONESIA",
         "NOMOR 2 TAHUN 2022", "TENTANG", "UJI KESESUAIAN PESAWAT", "SINAR-X."]  # fmt: skip


@pytest.mark.parametrize(
    ("page", "judul"),
    [
        # A letterhead above the block; the issuer over three lines before NOMOR.
        (["KEPALA BADAN", "REPUBLIK INDONESIA", *_HEAD, "FORMULIR PERMOHONAN", "Formulir ..."],
         "FORMULIR PERMOHONAN"),
        # A label before the title.
        ([*_HEAD, "Contoh:", "SURAT PERNYATAAN", "Yang bertandatangan di bawah ini :"],
         "SURAT PERNYATAAN"),
        # The lampiran's contents start after its title.
        ([*_HEAD, "STANDAR KOMPETENSI", "KERJA", "DAFTAR ISI", "I. PENDAHULUAN ....... 3"],
         "STANDAR KOMPETENSI KERJA"),
        # The header's TENTANG names the lampiran's own subject, not the regulation's.
        (["LAMPIRAN : PERATURAN GUBERNUR X", "NOMOR : 4 TAHUN 2017",
          "TENTANG : TATA CARA PERHITUNGAN BAGI", "HASIL PAJAK TAHUN 2017",
          "Diundangkan di Manado"], "TATA CARA PERHITUNGAN BAGI HASIL PAJAK TAHUN 2017"),
        # A joint decree's long block: TENTANG on its ninth line; no title under it.
        (["LAMPIRAN", "KEPUTUSAN BERSAMA MENTERI AGAMA, MENTERI", "KETENAGAKERJAAN, DAN MENTERI",
          "APARATUR NEGARA", "REPUBLIK INDONESIA", "NOMOR 375 TAHUN 2022", "NOMOR 1 TAHUN 2022",
          "NOMOR 1 TAHUN 2022", "TENTANG", "UJI KESESUAIAN PESAWAT SINAR-X", "A. HARI LIBUR"],
         None),
        # The header names the regulation's subject misread: its end cannot be found.
        ([*_HEAD[:6], "UJI KESESUAIAN PESAWAT", "SINAR-K", "TABEL SATU"], None),
    ],
)  # fmt: skip
def test_lampiran_title_after_the_header_grammar(page: list[str], judul: str | None) -> None:
    assert lampiran_judul([page], "UJI KESESUAIAN PESAWAT SINAR-X") == judul


def _pasal(text: str, *items: str) -> Body:
    pasal = Node(level="pasal", label="Pasal 9", nomor="9", text_lines=[text])
    for k, item in enumerate(items, 1):
        pasal.children.append(
            Node(level="angka", label=f"{k}.", nomor=f"{k}.", parent=pasal, text_lines=[item])
        )
    return Body(nodes=[pasal, *pasal.children], chars_in=0, chars_out=0)


def test_revocation_formula_is_a_relation() -> None:
    own = parse_title("PERATURAN LEMBAGA PENERBANGAN DAN ANTARIKSA NASIONAL NOMOR 1 TAHUN 2018")
    body = _pasal(
        "Pada saat Peraturan Lembaga ini mulai berlaku, Peraturan Kepala Lembaga Penerbangan "
        "dan Antariksa Nasional Nomor 1 Tahun 2016 tentang X sebagaimana diubah dengan "
        "Peraturan Kepala Lembaga Penerbangan dan Antariksa Nasional Nomor 2 Tahun 2017 "
        "dicabut dan dinyatakan tidak berlaku."
    )
    assert [(r.status, r.dokumen_id) for r in revoked(body, own)] == [
        ("Mencabut", "perka-lembaga-penerbangan-dan-antariksa-nasional-1-2016")
    ]


def test_revoked_list_items_and_region_implied() -> None:
    own = parse_title("PERATURAN BUPATI DONGGALA NOMOR 4 TAHUN 2025")
    body = _pasal(
        "Pada saat Peraturan Bupati ini mulai berlaku:",
        "Peraturan Bupati Nomor 3 Tahun 2019 tentang X; dan",
        "Peraturan Pemerintah Nomor 27 Tahun 2009 tentang Y (Lembaran Negara Republik "
        "Indonesia Tahun 2009 Nomor 56),",
    )
    assert revoked(body, own) == []  # no revocation formula, no relation
    body.nodes[-1].text_lines.append("dicabut dan dinyatakan tidak berlaku.")
    assert [r.dokumen_id for r in revoked(body, own)] == ["perbup-donggala-3-2019", "pp-27-2009"]


def test_revoked_licence_is_not_a_relation() -> None:
    body = _pasal("Izin berdasarkan Peraturan Bupati X Nomor 3 Tahun 2019 dicabut oleh Bupati.")
    assert revoked(body) == []


def test_office_printed_over_two_lines() -> None:
    # Perlem LAPAN 1/2018 p10: the office wraps before its comma; the promulgating office
    # (four lines) follows under "Diundangkan di".
    lines = [
        "Ditetapkan di Jakarta", "pada tanggal 16 Januari 2018",
        "KEPALA LEMBAGA PENERBANGAN DAN", "ANTARIKSA NASIONAL REPUBLIK INDONESIA,", "ttd",
        "THOMAS DJAMALUDDIN",
        "Diundangkan di Jakarta", "pada tanggal 24 Januari 2018",
        "DIREKTUR JENDERAL", "PERATURAN PERUNDANG-UNDANGAN",
        "KEMENTERIAN HUKUM DAN HAK ASASI MANUSIA", "REPUBLIK INDONESIA,", "ttd",
        "WIDODO EKATJAHJANA",
    ]  # fmt: skip
    found = _officials(lines)
    assert found["penandatangan"] == Pejabat(
        jabatan="KEPALA LEMBAGA PENERBANGAN DAN ANTARIKSA NASIONAL REPUBLIK INDONESIA",
        nama="THOMAS DJAMALUDDIN",
    )
    assert found["sekretaris_daerah"] == Pejabat(
        jabatan="DIREKTUR JENDERAL PERATURAN PERUNDANG-UNDANGAN KEMENTERIAN HUKUM DAN HAK "
        "ASASI MANUSIA REPUBLIK INDONESIA",
        nama="WIDODO EKATJAHJANA",
    )
    # An office printed without a comma is one line, and the next capitalised line its name.
    lines = ["Diundangkan di Manado", "pada tanggal 27 November 2017",
             "SEKRETARIS DAERAH PROVINSI SULAWESI UTARA", "NAMA PEJABAT"]  # fmt: skip
    assert _officials(lines)["sekretaris_daerah"] == Pejabat(
        jabatan="SEKRETARIS DAERAH PROVINSI SULAWESI UTARA", nama="NAMA PEJABAT"
    )


def test_registry_number_with_a_blank_part() -> None:
    # Kepbup Tulang Bawang Barat 2018 (lampiran header p1): the sequence number is left blank
    # inside the registry number, which ends with the year; no TAHUN is printed.
    text = (
        "KEPUTUSAN BUPATI TULANG BAWANG BARAT NOMOR : B/ /I.02/HK/TUBABA/2018 TENTANG STANDAR "
        "OPERASIONAL PROSEDUR"
    )
    title = parse_title(text)
    assert title is not None
    assert (title.kind.jenis, title.region, title.nomor, title.tahun, title.tentang) == (
        "Keputusan Bupati", "Kabupaten Tulang Bawang Barat", None, 2018,
        "STANDAR OPERASIONAL PROSEDUR",
    )  # fmt: skip
    assert title.dokumen_id() is None
    # Blanks printed around the separators are not part of the number.
    spaced = parse_title("KEPUTUSAN BUPATI X NOMOR 188/ 12 /KPTS/2018 TENTANG Y")
    assert spaced is not None and (spaced.nomor, spaced.tahun) == ("188/12/KPTS/2018", 2018)
    # Placeholder dots stay an unknown number, and a long run of them is read at once.
    dots = parse_title("PERATURAN BUPATI X NOMOR ... TAHUN 2025 TENTANG Y")
    assert dots is not None and (dots.nomor, dots.tahun) == (None, 2025)
    assert parse_title("PERATURAN BUPATI X NOMOR " + ". " * 300 + "PADA") is None
