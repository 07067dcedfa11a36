"""Body patterns met in real regulations (issue 16), on regulations the tests draw: a Perda's
joint-approval formula before "MEMUTUSKAN:", e-sign footers and running footers that must
not land in the text of the article they interrupt."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from pipeline.extract.layout import TextLine
from pipeline.run import DocumentResult, process
from tests.textpdf import H, L, make_text_pdf

ESIGN = [
    "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang",
    "diterbitkan oleh Balai Besar Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara.",
]
TITLE = [
    H("BUPATI CONTOH"),
    H("PERATURAN DAERAH KABUPATEN CONTOH"),
    H("NOMOR 8 TAHUN 2025"),
    H("TENTANG"),
    H("PAJAK DAERAH"),
    H("DENGAN RAHMAT TUHAN YANG MAHA ESA"),
    H("BUPATI CONTOH,"),
    L("Menimbang : bahwa pajak daerah perlu diatur;"),
    L("Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;"),
    L("2. Undang-Undang Nomor 1 Tahun 2022 tentang Hubungan Keuangan", 1),
    L("antara Pemerintah Pusat dan Pemerintahan Daerah;", 2),
    H("Dengan Persetujuan Bersama"),
    H("DEWAN PERWAKILAN RAKYAT DAERAH KABUPATEN CONTOH"),
    H("dan"),
    H("BUPATI CONTOH"),
    H("MEMUTUSKAN:"),
    L("Menetapkan : PERATURAN DAERAH TENTANG PAJAK DAERAH."),
]
CLOSING = [
    L("Ditetapkan di Contoh", 8),
    L("pada tanggal 5 Februari 2025", 8),
    L("BUPATI CONTOH,", 8),
    L("ttd", 8),
    L("AMIR", 8),
]


def _lines(rows: Sequence[tuple[float, str, bool]]) -> list[TextLine]:
    """Printed lines (x0, text, bold) one under another on page 1, 20 pt apart."""
    return [
        TextLine(page=1, text=t, x0=x, top=20.0 * k, x1=500, bottom=20.0 * k + 10, bold=b)
        for k, (x, t, b) in enumerate(rows)
    ]


def _pasal(result: DocumentResult, node_id: str) -> str:
    (found,) = [n for n in result.simpul if n.id == node_id]
    return found.teks or ""


@pytest.fixture(scope="module")
def perda(tmp_path_factory: pytest.TempPathFactory) -> DocumentResult:
    """Three pages, the e-sign footer on each; Pasal 1 and Pasal 2 broken across pages."""
    pages = [
        TITLE
        + [
            H("Pasal 1"),
            L("Pajak daerah dipungut oleh Bupati sesuai dengan"),
        ],
        [
            L("ketentuan peraturan perundang-undangan."),
            H("Pasal 2"),
            L("(1) Tarif pajak ditetapkan sebesar 10% (sepuluh"),
            L("persen).", 1),
            L("(2) Tarif sebagaimana dimaksud pada ayat"),
        ],
        [
            L("(1) berlaku sejak tahun 2026.", 1),
            H("Pasal 3"),
            L("Peraturan Daerah ini mulai berlaku pada tanggal diundangkan."),
        ]
        + CLOSING,
    ]
    path = tmp_path_factory.mktemp("perda") / "perda.pdf"
    return process(make_text_pdf(path, pages, footer=ESIGN))


def test_approval_formula_is_not_part_of_the_last_mengingat_item(perda: DocumentResult) -> None:
    assert [(d.id, d.teks) for d in perda.dasar_hukum][-1] == (
        "mengingat__angka_2",
        "Undang-Undang Nomor 1 Tahun 2022 tentang Hubungan Keuangan antara Pemerintah Pusat "
        "dan Pemerintahan Daerah;",
    )
    (menetapkan,) = [n for n in perda.simpul if n.id == "menetapkan"]
    assert menetapkan.judul == (
        "Dengan Persetujuan Bersama DEWAN PERWAKILAN RAKYAT DAERAH KABUPATEN CONTOH dan "
        "BUPATI CONTOH MEMUTUSKAN:"
    )
    assert menetapkan.teks == "PERATURAN DAERAH TENTANG PAJAK DAERAH."


def test_esign_footer_stays_out_of_the_articles(perda: DocumentResult) -> None:
    assert _pasal(perda, "pasal_1") == (
        "Pajak daerah dipungut oleh Bupati sesuai dengan ketentuan peraturan perundang-undangan."
    )
    assert _pasal(perda, "pasal_2__ayat_2") == (
        "Tarif sebagaimana dimaksud pada ayat (1) berlaku sejak tahun 2026."
    )
    assert not any("BSrE" in (n.teks or "") + (n.judul or "") for n in perda.simpul)
    # The footer after the signature is not part of the closing block either.
    assert perda.dokumen.penandatangan is not None
    assert perda.dokumen.penandatangan.nama == "AMIR"


def test_footer_is_furniture_not_lost_text(perda: DocumentResult) -> None:
    (body,) = [t for t in perda.teks if t.bagian == "batang_tubuh"]
    footers = sum(len("".join(line.split())) for line in ESIGN) * 3
    page_numbers = len("-2-") + len("-3-")
    assert body.karakter_di_luar_simpul == footers + page_numbers
    assert body.karakter_hilang == 0 and body.karakter_dalam_simpul > 0


def test_esign_footer_on_one_page_only(tmp_path: Path) -> None:
    """An e-sign footer printed once (on the signed page) is furniture too: it names the
    certificate authority."""
    pages = [
        TITLE + [H("Pasal 1"), L("Pajak daerah dipungut oleh Bupati sesuai dengan")],
        [L("ketentuan peraturan perundang-undangan.")] + CLOSING,
    ]
    pdf = make_text_pdf(tmp_path / "once.pdf", pages, footer=ESIGN, footer_pages=[1])
    result = process(pdf)
    assert _pasal(result, "pasal_1") == (
        "Pajak daerah dipungut oleh Bupati sesuai dengan ketentuan peraturan perundang-undangan."
    )


def test_a_line_recurring_on_two_pages_only_is_content(tmp_path: Path) -> None:
    """A running footer recurs on at least three pages; a last line that two pages happen to
    share stays in its article."""
    shared = "Pajak ini dipungut setiap tahun."
    pages = [
        TITLE + [H("Pasal 1"), L(shared)],
        [H("Pasal 2"), L(shared)],
        [H("Pasal 3"), L("Peraturan Daerah ini mulai berlaku pada tanggal diundangkan.")] + CLOSING,
    ]
    # The shared line is drawn as each page's footer, at the bottom edge, on pages 1 and 2.
    pdf = make_text_pdf(tmp_path / "two.pdf", pages, footer=[shared], footer_pages=[1, 2])
    result = process(pdf)
    assert _pasal(result, "pasal_1") == f"{shared} {shared}"
    assert _pasal(result, "pasal_2") == f"{shared} {shared}"


def test_reference_at_a_flush_line_start_opens_no_ayat(tmp_path: Path) -> None:
    """Wrapped lines that come back to the ayat's own margin (no hanging indent): a cited
    "(1)" after "... dimaksud pada ayat", or a "(2)" that does not follow the open "(3)",
    continues the sentence instead of opening a fake ayat that cuts the real one off."""
    pages = [
        TITLE
        + [
            H("Pasal 1"),
            L("(1) Tarif pajak ditetapkan sebesar 10% (sepuluh persen)."),
            L("(2) Tarif sebagaimana dimaksud pada ayat"),
            L("(1) berlaku sejak tahun 2026 dan dapat ditinjau"),
            L("kembali setiap tahun."),
            L("(3) Ketentuan lebih lanjut mengenai tarif sebagaimana dimaksud pada ayat (1) dan"),
            L("(2) diatur dengan Peraturan Bupati."),
            L("(4) Peraturan Bupati ditetapkan paling lambat tahun 2026."),
            H("Pasal 2"),
            L("Peraturan Daerah ini mulai berlaku pada tanggal diundangkan."),
        ]
        + CLOSING
    ]
    result = process(make_text_pdf(tmp_path / "flush.pdf", pages))
    assert [n.id for n in result.simpul if n.id.startswith("pasal_1__")] == [
        "pasal_1__ayat_1",
        "pasal_1__ayat_2",
        "pasal_1__ayat_3",
        "pasal_1__ayat_4",
    ]
    assert _pasal(result, "pasal_1__ayat_2") == (
        "Tarif sebagaimana dimaksud pada ayat (1) berlaku sejak tahun 2026 dan dapat ditinjau "
        "kembali setiap tahun."
    )
    assert _pasal(result, "pasal_1__ayat_3") == (
        "Ketentuan lebih lanjut mengenai tarif sebagaimana dimaksud pada ayat (1) dan (2) "
        "diatur dengan Peraturan Bupati."
    )


def test_headings_opening_several_pages_are_not_running_heads(tmp_path: Path) -> None:
    """ "Pasal 2", "Pasal 3", "Pasal 4" each opening a page differ only in their number: a
    running head recurs word for word."""
    pages = [TITLE + [H("Pasal 1"), L("Pajak daerah dipungut oleh Bupati.")]]
    pages += [[H(f"Pasal {k}"), L(f"Ketentuan ke-{k} berlaku.")] for k in (2, 3, 4)]
    pages[-1] = pages[-1] + CLOSING
    result = process(make_text_pdf(tmp_path / "heads.pdf", pages))
    assert [n.id for n in result.simpul if n.id.startswith("pasal")] == [
        "pasal_1",
        "pasal_2",
        "pasal_3",
        "pasal_4",
    ]


def test_first_mengingat_item_on_the_label_line_and_spaced_memutuskan() -> None:
    # Kepka BAPETEN 02/Ka-BAPETEN/V-99 p1-2: item 1 shares the line of "Mengingat :" and ends
    # without ";", item 8 is the last, and "M E M U T U S K A N :" is printed letter-spaced.
    from pipeline.normalize.body import parse_body

    rows = [
        (72, "KEPUTUSAN KEPALA BADAN PENGAWAS TENAGA NUKLIR", True),
        (72, "Menimbang : a. bahwa kegiatan pemanfaatan tenaga nuklir harus berwawasan;", False),
        (72, "Mengingat : 1. Undang-undang Nomor 23 Tahun 1997", False),
        (190, "2. Undang-undang Nomor 10 Tahun 1997;", False),
        (190, "3. Keputusan Kepala Badan Pengawas Tenaga Nuklir Nomor", False),
        (220, "01/K-OTK/VIII-98.", False),
        (240, "M E M U T U S K A N :", True),
        (72, "Menetapkan : KEPUTUSAN KEPALA BADAN PENGAWAS TENAGA NUKLIR.", False),
    ]
    body = parse_body(_lines(rows))
    (mengingat,) = body.find("mengingat")
    assert [(c.nomor, c.teks) for c in mengingat.children] == [
        ("1.", "Undang-undang Nomor 23 Tahun 1997"),
        ("2.", "Undang-undang Nomor 10 Tahun 1997;"),
        ("3.", "Keputusan Kepala Badan Pengawas Tenaga Nuklir Nomor 01/K-OTK/VIII-98."),
    ]
    assert body.find("menetapkan")


def test_a_decree_in_diktum_ends_at_its_closing_formula() -> None:
    # Keputusan Bersama 375/2022 p3: the decree is printed as diktum (KESATU, KEDUA) under
    # Menetapkan, no Pasal; "Ditetapkan di Jakarta / pada tanggal 7 April 2022" opens the
    # closing (penutup), where the place and date of enactment are read.
    from pipeline.normalize.body import parse_body

    rows = [
        "KEPUTUSAN BERSAMA MENTERI AGAMA",
        "Menimbang : bahwa cuti bersama perlu ditetapkan kembali;",
        "MEMUTUSKAN:",
        "Menetapkan : KEPUTUSAN BERSAMA TENTANG CUTI BERSAMA.",
        "KESATU Menambahkan cuti bersama tahun 2022.",
        "KEDUA Keputusan Bersama ini mulai berlaku pada tanggal ditetapkan.",
        "Ditetapkan di Jakarta",
        "pada tanggal 7 April 2022",
    ]
    body = parse_body(_lines([(72, t, False) for t in rows]))
    (penutup,) = body.find("penutup")
    assert penutup.text_lines == rows[-2:]
    (menetapkan,) = body.find("menetapkan")
    assert "Ditetapkan" not in menetapkan.teks


def test_a_sub_item_deeper_than_the_grammar_opens_no_ayat() -> None:
    # PP 56/2014 p3-5: under ayat (2) huruf a angka 1, the sub-items "a)", "(b)" and their
    # "(1) kamera gamma; dan" / "(2) pencacah gamma" are indented past angka 1: they stay its
    # text, so huruf b and its own list 1. to 3. follow huruf a under ayat (2), and neither
    # ayat (1)/(2) nor angka 2./3. is read twice.
    from pipeline.normalize.body import parse_body

    rows = [
        (240, "Pasal 2", True),
        (72, "(1) Tarif tidak termasuk biaya transportasi.", False),
        (72, "(2) Jenis penerimaan tertentu meliputi:", False),
        (100, "a. perizinan yang meliputi:", False),
        (120, "1. pemanfaatan sumber radiasi pengion:", False),
        (140, "a) untuk keperluan medik:", False),
        (160, "(b) operasi kedokteran nuklir meliputi:", False),
        (180, "(1) kamera gamma; dan", False),
        (180, "(2) pencacah gamma;", False),
        (120, "2. pembangunan instalasi nuklir;", False),
        (100, "b. penerbitan ketetapan meliputi:", False),
        (120, "1. pernyataan pembebasan tapak;", False),
        (120, "2. pernyataan pembebasan fasilitas.", False),
        (72, "(3) Tarif ujian ditetapkan.", False),
    ]
    body = parse_body(_lines(rows))
    (pasal,) = body.find("pasal")
    assert [c.nomor for c in pasal.children] == ["(1)", "(2)", "(3)"]
    ayat_2 = pasal.children[1]
    assert [c.nomor for c in ayat_2.children] == ["a.", "b."]
    assert [[g.nomor for g in c.children] for c in ayat_2.children] == [["1.", "2."], ["1.", "2."]]
    angka_1 = ayat_2.children[0].children[0]
    assert angka_1.teks.endswith("(1) kamera gamma; dan (2) pencacah gamma;")
