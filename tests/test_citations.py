from __future__ import annotations

from typing import Any, get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalize.citations import (
    JENIS_PERATURAN,
    JENIS_PUBLIKASI,
    CitationError,
    JenisPeraturan,
    JenisPublikasi,
    Publikasi,
    Sitasi,
    parse_dasar_hukum,
)
from pipeline.vocabulary import KINDS

LN: JenisPublikasi = "Lembaran Negara"
TLN: JenisPublikasi = "Tambahan Lembaran Negara"
BN: JenisPublikasi = "Berita Negara"
LD: JenisPublikasi = "Lembaran Daerah"
TLD: JenisPublikasi = "Tambahan Lembaran Daerah"


def pub(jenis: JenisPublikasi, tahun: int | None, nomor: str) -> Publikasi:
    return Publikasi(jenis=jenis, tahun=tahun, nomor=nomor)


def sitasi(
    jenis: JenisPeraturan,
    nomor: str,
    tahun: int,
    tentang: str,
    publikasi: list[Publikasi] | None = None,
    **extra: Any,
) -> Sitasi:
    extra.setdefault("jenis_lengkap", jenis)
    return Sitasi(
        jenis=jenis,
        nomor=nomor,
        tahun=tahun,
        tentang=tentang,
        publikasi=publikasi or [],
        **extra,
    )


# Items of the Mengingat list of Perbup Magetan 14/2020, spelling as printed.
MAGETAN_14_2020: list[tuple[str, list[Sitasi]]] = [
    (
        "Undang-Undang Nomor 28 Tahun 1999 tentang Penyelenggaraan Negara Yang Bersih dan "
        "Bebas dari Korupsi, Kolusi dan Nepotisme (Lembaran Negara Republik Indonesia Tahun "
        "1999 Nomor 75, Tambahan Lembaran Negara Republik Indonesia Nomor 3851);",
        [
            sitasi(
                "Undang-Undang",
                "28",
                1999,
                "Penyelenggaraan Negara Yang Bersih dan Bebas dari Korupsi, Kolusi dan Nepotisme",
                [pub(LN, 1999, "75"), pub(TLN, None, "3851")],
            )
        ],
    ),
    (
        "Undang-Undang Nomor 12 Tahun 2011 tentang Pembentukan Peraturan Perundang-Undangan "
        "(Lembaran Negara Republik Indonesia Tahun 2011 Nomor 82, Tambahan Lembaran Negara "
        "Republik Indonesia Nomor 5234) sebagaimana telah diubah dengan Undang-Undang Nomor 15 "
        "Tahun 2019 tentang Perubahan Atas Undang Undang Nomor 12 Tahun 2011 tentang "
        "Pembentukan Peraturan Perundang-Undangan (Lembaran Negara Republik Indonesia Tahun "
        "2015 Nomor 183, Tambahan Lembaran Negara Republik Indonesia Nomor 6398);",
        [
            sitasi(
                "Undang-Undang",
                "12",
                2011,
                "Pembentukan Peraturan Perundang-Undangan",
                [pub(LN, 2011, "82"), pub(TLN, None, "5234")],
            ),
            sitasi(
                "Undang-Undang",
                "15",
                2019,
                "Perubahan Atas Undang Undang Nomor 12 Tahun 2011 tentang Pembentukan "
                "Peraturan Perundang-Undangan",
                # "Tahun 2015" as printed (the Lembaran Negara of UU 15/2019 is of 2019).
                [pub(LN, 2015, "183"), pub(TLN, None, "6398")],
                mengubah=0,
                hubungan="diubah",
            ),
        ],
    ),
    (
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara "
        "Republik Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia "
        "Nomor 5587) sebagaimana telah beberapa kali diubah, terakhir dengan Undang-Undang "
        "Nomor 9 Tahun 2015 tentang Perubahan Kedua Atas Undang-Undang Nomor 23 Tahun 2014 "
        "tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2015 Nomor 58, "
        "Tambahan Lembaran Negara Republik Indonesia Nomor 5679);",
        [
            sitasi(
                "Undang-Undang",
                "23",
                2014,
                "Pemerintahan Daerah",
                [pub(LN, 2014, "244"), pub(TLN, None, "5587")],
            ),
            sitasi(
                "Undang-Undang",
                "9",
                2015,
                "Perubahan Kedua Atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan "
                "Daerah",
                [pub(LN, 2015, "58"), pub(TLN, None, "5679")],
                mengubah=0,
                hubungan="diubah_terakhir",
            ),
        ],
    ),
    (
        "Peraturan Presiden Nomor 81 Tahun 2010 tentang Grand Design Reformasi Birokrasi "
        "2010-2025;",
        [sitasi("Peraturan Presiden", "81", 2010, "Grand Design Reformasi Birokrasi 2010-2025")],
    ),
    (
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 37 "
        "Tahun 2013 tentang Pedoman Penyusunan Road Map Reformasi Birokrasi Pemerintah Daerah "
        "(Berita Negara Republik Indonesia Tahun 2013 Nomor 1538);",
        [
            sitasi(
                "Peraturan Menteri",
                "37",
                2013,
                "Pedoman Penyusunan Road Map Reformasi Birokrasi Pemerintah Daerah",
                [pub(BN, 2013, "1538")],
                jenis_lengkap=(
                    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"
                ),
            )
        ],
    ),
    (
        "Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015 tentang Pembentukan Produk Hukum "
        "Daerah (Berita Negara Republik Indonesia Tahun 2015 Nomor 2036) sebagaimana telah "
        "diubah dengan Peraturan Menteri Dalam Negeri Nomor 120 Tahun 2018 tentang Perubahan "
        "atas Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015 tentang Pembentukan Produk "
        "Hukum Daerah (Berita Negara Republik Indonesia Tahun 2019 Nomor 157);",
        [
            sitasi(
                "Peraturan Menteri",
                "80",
                2015,
                "Pembentukan Produk Hukum Daerah",
                [pub(BN, 2015, "2036")],
                jenis_lengkap="Peraturan Menteri Dalam Negeri",
            ),
            sitasi(
                "Peraturan Menteri",
                "120",
                2018,
                "Perubahan atas Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015 tentang "
                "Pembentukan Produk Hukum Daerah",
                [pub(BN, 2019, "157")],
                jenis_lengkap="Peraturan Menteri Dalam Negeri",
                mengubah=0,
                hubungan="diubah",
            ),
        ],
    ),
    (
        "Peraturan Daerah Kabupaten Magetan Nomor 15 Tahun 2016 tentang Pembentukan dan "
        "Susunan Perangkat Daerah Kabupaten Magetan (Lembaran Daerah Kabupaten Magetan Tahun "
        "2016 Nomor 12, Tambahan Lembaran Daerah Kabupaten Magetan Nomor 64);",
        [
            sitasi(
                "Peraturan Daerah",
                "15",
                2016,
                "Pembentukan dan Susunan Perangkat Daerah Kabupaten Magetan",
                [pub(LD, 2016, "12"), pub(TLD, None, "64")],
                jenis_lengkap="Peraturan Daerah Kabupaten Magetan",
            )
        ],
    ),
    (
        "Peraturan Daerah Kabupaten Magetan Nomor 1 Tahun 2019 tentang Rencana Pembangunan "
        "Jangka Menengah Daerah Kabupaten Magetan Tahun 2018-2023 (Lembaran Daerah Kabupaten "
        "Magetan Tahun 2019 Nomor 1, Tambahan Lembaran Daerah Kabupaten Magetan Nomor 6489);",
        [
            sitasi(
                "Peraturan Daerah",
                "1",
                2019,
                "Rencana Pembangunan Jangka Menengah Daerah Kabupaten Magetan Tahun 2018-2023",
                [pub(LD, 2019, "1"), pub(TLD, None, "6489")],
                jenis_lengkap="Peraturan Daerah Kabupaten Magetan",
            )
        ],
    ),
]

# Generated forms that the Magetan items do not cover.
GENERATED: list[tuple[str, list[Sitasi]]] = [
    (
        "Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah (Lembaran Negara "
        "Republik Indonesia Tahun 2016 Nomor 114, Tambahan Lembaran Negara Republik Indonesia "
        "Nomor 5887) sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 72 Tahun 2019 "
        "tentang Perubahan atas Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat "
        "Daerah (Lembaran Negara Republik Indonesia Tahun 2019 Nomor 187, Tambahan Lembaran "
        "Negara Republik Indonesia Nomor 6402); dan",
        [
            sitasi(
                "Peraturan Pemerintah",
                "18",
                2016,
                "Perangkat Daerah",
                [pub(LN, 2016, "114"), pub(TLN, None, "5887")],
            ),
            sitasi(
                "Peraturan Pemerintah",
                "72",
                2019,
                "Perubahan atas Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah",
                [pub(LN, 2019, "187"), pub(TLN, None, "6402")],
                mengubah=0,
                hubungan="diubah",
            ),
        ],
    ),
    (
        "Peraturan Gubernur Jawa Timur Nomor 48 Tahun 2018 tentang Pedoman Reformasi "
        "Birokrasi (Berita Daerah Provinsi Jawa Timur Tahun 2018 Nomor 48 Seri E).",
        [
            sitasi(
                "Peraturan Gubernur",
                "48",
                2018,
                "Pedoman Reformasi Birokrasi",
                [Publikasi(jenis="Berita Daerah", tahun=2018, nomor="48 Seri E")],
                jenis_lengkap="Peraturan Gubernur Jawa Timur",
            )
        ],
    ),
    # No publication reference, trailing " dan".
    (
        "Peraturan Bupati Magetan Nomor 60 Tahun 2016 tentang Kedudukan, Susunan Organisasi, "
        "Tugas dan Fungsi serta Tata Kerja Inspektorat; dan",
        [
            sitasi(
                "Peraturan Bupati",
                "60",
                2016,
                "Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Inspektorat",
                jenis_lengkap="Peraturan Bupati Magetan",
            )
        ],
    ),
    # Upper case, "Undang Undang" without hyphen, "Republik Indonesia" after the kind.
    (
        "UNDANG UNDANG REPUBLIK INDONESIA NOMOR 5 TAHUN 2014 TENTANG APARATUR SIPIL NEGARA.",
        [
            sitasi(
                "Undang-Undang",
                "5",
                2014,
                "APARATUR SIPIL NEGARA",
                jenis_lengkap="UNDANG UNDANG REPUBLIK INDONESIA",
            )
        ],
    ),
    # Perppu, comma before the amendment, amendment without its own tentang.
    (
        "Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 Tahun 2014 tentang Pemilihan "
        "Gubernur, Bupati, dan Walikota (Lembaran Negara Republik Indonesia Tahun 2014 "
        "Nomor 245), sebagaimana telah diubah dengan Undang-Undang Nomor 1 Tahun 2015;",
        [
            sitasi(
                "Peraturan Pemerintah Pengganti Undang-Undang",
                "1",
                2014,
                "Pemilihan Gubernur, Bupati, dan Walikota",
                [pub(LN, 2014, "245")],
            ),
            sitasi("Undang-Undang", "1", 2015, "", mengubah=0, hubungan="diubah"),
        ],
    ),
    # "diubah terakhir dengan", Keputusan, Nomor with slashes.
    (
        "Keputusan Menteri Dalam Negeri Nomor 050-3708 Tahun 2020 tentang Hasil Verifikasi "
        "sebagaimana telah diubah terakhir dengan Keputusan Menteri Dalam Negeri Nomor "
        "050/5889 Tahun 2021 tentang Hasil Verifikasi Kedua;",
        [
            sitasi(
                "Keputusan Menteri",
                "050-3708",
                2020,
                "Hasil Verifikasi",
                jenis_lengkap="Keputusan Menteri Dalam Negeri",
            ),
            sitasi(
                "Keputusan Menteri",
                "050/5889",
                2021,
                "Hasil Verifikasi Kedua",
                jenis_lengkap="Keputusan Menteri Dalam Negeri",
                mengubah=0,
                hubungan="diubah_terakhir",
            ),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), MAGETAN_14_2020 + GENERATED)
def test_parse_dasar_hukum(text: str, expected: list[Sitasi]) -> None:
    assert parse_dasar_hukum(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ; ",
        "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;",
        "Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;",
        "Peraturan Presiden tentang Grand Design Reformasi Birokrasi;",
        "Undang-Undang Nomor 28 tentang Penyelenggaraan Negara;",
        "Surat Edaran Menteri Nomor 3 Tahun 2020 tentang Sesuatu;",
        "Undang-Undang Nomor 28 Tahun 1999 Penyelenggaraan Negara;",
        # Unreadable publication reference.
        "Undang-Undang Nomor 28 Tahun 1999 tentang X (Lembaran Negara Tahun 1999);",
        # Text after the publication reference without an amendment phrase.
        "Undang-Undang Nomor 28 Tahun 1999 tentang X (Lembaran Negara Tahun 1999 Nomor 75) "
        "yang diganti dengan Undang-Undang Nomor 1 Tahun 2000;",
        # Unreadable amendment.
        "Undang-Undang Nomor 12 Tahun 2011 tentang X sebagaimana telah diubah dengan "
        "Undang-Undang tentang Y;",
    ],
)
def test_parse_dasar_hukum_rejects(text: str) -> None:
    with pytest.raises(CitationError) as info:
        parse_dasar_hukum(text)
    assert repr(text) in str(info.value)
    assert info.value.text == text


def test_vocabularies_cover_their_types() -> None:
    # Every kind of the one table of kinds (pipeline/data/jenis_peraturan.csv), and only those.
    assert set(JENIS_PERATURAN) == {k.jenis for k in KINDS}
    assert set(JENIS_PUBLIKASI) == set(get_args(JenisPublikasi))


def test_models_are_frozen() -> None:
    (s,) = parse_dasar_hukum(MAGETAN_14_2020[0][0])
    with pytest.raises(ValueError):
        s.nomor = "1"


FRAGMENTS = [
    "Undang-Undang",
    "Peraturan Menteri Dalam Negeri",
    "Peraturan Daerah Kabupaten Magetan",
    "Nomor",
    "12",
    "Tahun",
    "2011",
    "tentang",
    "Pemerintahan Daerah",
    "(",
    ")",
    "Lembaran Negara Republik Indonesia",
    "Tambahan Lembaran Daerah",
    "Berita Negara",
    ",",
    ";",
    ".",
    "dan",
    "sebagaimana telah diubah dengan",
    "sebagaimana telah beberapa kali diubah, terakhir dengan",
    "Seri",
    "D",
]


@given(st.text())
def test_parse_dasar_hukum_raises_only_citation_error(s: str) -> None:
    try:
        result = parse_dasar_hukum(s)
    except CitationError:
        return
    assert result and result[0].mengubah is None
    assert all(c.mengubah == 0 for c in result[1:])


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30).map(" ".join))
def test_parse_dasar_hukum_raises_only_citation_error_on_citation_like_text(s: str) -> None:
    try:
        result = parse_dasar_hukum(s)
    except CitationError:
        return
    for c in result:
        assert c.tentang == c.tentang.strip()
        assert not c.tentang.endswith((";", ".", " dan"))


@pytest.mark.parametrize("tail", [";", " dan", "; dan", "."])
def test_long_trailing_runs_are_linear(tail: str) -> None:
    text = "Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara" + tail * 20000
    (s,) = parse_dasar_hukum(text)
    assert s.tentang == "Aparatur Sipil Negara"


@pytest.mark.parametrize(
    ("text", "jenis", "jenis_lengkap", "nomor", "tahun"),
    [
        # Perban BAPETEN 4/2024 p2, Mengingat item 4.
        ("Peraturan Badan Pengawas Tenaga Nuklir Nomor 9 Tahun 2020 tentang Organisasi dan "
         "Tata Kerja Badan Pengawas Tenaga Nuklir (Berita Negara Republik Indonesia Tahun 2020 "
         "Nomor 1452);", "Peraturan Badan", "Peraturan Badan Pengawas Tenaga Nuklir", "9", 2020),
        # Kepka BAPETEN 02/Ka-BAPETEN/V-99 p1, Mengingat items 3 and 7: "RI" for the country.
        ("Peraturan Pemerintah RI Nomor 11 Tahun 1975;", "Peraturan Pemerintah",
         "Peraturan Pemerintah RI", "11", 1975),
        ("Keputusan Presiden RI Nomor 161/M Tahun 1998;", "Keputusan Presiden",
         "Keputusan Presiden RI", "161/M", 1998),
        ("Peraturan Kepala Badan Pengawas Tenaga Nuklir Nomor 16 Tahun 2014 tentang Surat Izin "
         "Bekerja", "Peraturan Kepala", "Peraturan Kepala Badan Pengawas Tenaga Nuklir", "16",
         2014),
        ("Peraturan Lembaga Penerbangan dan Antariksa Nasional Nomor 1 Tahun 2018 tentang X",
         "Peraturan Lembaga", "Peraturan Lembaga Penerbangan dan Antariksa Nasional", "1", 2018),
    ],
)  # fmt: skip
def test_agency_kinds_and_ri_from_the_one_table(
    text: str, jenis: str, jenis_lengkap: str, nomor: str, tahun: int
) -> None:
    (s,) = parse_dasar_hukum(text)
    assert (s.jenis, s.jenis_lengkap, s.nomor, s.tahun) == (jenis, jenis_lengkap, nomor, tahun)


def test_a_register_number_without_tahun() -> None:
    # Kepka BAPETEN 02/Ka-BAPETEN/V-99 p1, Mengingat 8: a Keputusan numbered with its
    # register code, no Tahun; plain digits without Tahun stay unreadable.
    (s,) = parse_dasar_hukum(
        "Keputusan Kepala Badan Pengawas Tenaga Nuklir Nomor 01/K-OTK/VIII-98."
    )
    assert (s.jenis, s.nomor, s.tahun) == ("Keputusan Kepala", "01/K-OTK/VIII-98", None)
    with pytest.raises(CitationError):
        parse_dasar_hukum("Undang-Undang Nomor 23 tentang Lingkungan Hidup;")
    # Sulut 6/2016 p2, Mengingat 11 and 15: a ministry's register number broken over a
    # line end after a separator, joined with a space there.
    (s,) = parse_dasar_hukum(
        "Peraturan Menteri Pertanian Nomor 43/Permentan/ SR.140/8/2011 tentang Syarat dan "
        "Tatacara Pendaftaran Pupuk An-Organik;"
    )
    assert (s.jenis, s.nomor, s.tentang) == (
        "Peraturan Menteri", "43/Permentan/SR.140/8/2011",
        "Syarat dan Tatacara Pendaftaran Pupuk An-Organik",
    )  # fmt: skip
    (s,) = parse_dasar_hukum(
        "Keputusan Menteri Pertanian Nomor 669/Kpts/OT.160/ 2/2012 tentang Pembentukan Kelompok "
        "Kerja Perumusan Kebijakan Pupuk;"
    )
    assert s.nomor == "669/Kpts/OT.160/2/2012"


def test_a_stray_quote_on_the_kind() -> None:
    # Donggala 10/2025 p2 (a scan), Mengingat 3: a speck after "Undang-Undang" read as an
    # apostrophe; a kind never prints one, so it is read without it.
    (s,) = parse_dasar_hukum(
        "Undang-Undang' Nomor 124 Tahun 2024 tentang Kabupaten Donggala di Provinsi Sulawesi "
        "Tengah (Lembaran Negara Republik Indonesia Tahun 2024 Nomor 310, Tambahan Lembaran "
        "Negara Republik Indonesia Nomor 7061);"
    )
    assert (s.jenis, s.jenis_lengkap, s.nomor, s.tahun) == (
        "Undang-Undang",
        "Undang-Undang",
        "124",
        2024,
    )
