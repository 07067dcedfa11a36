"""Where a lampiran starts (extract/pages.classify) and what its header block names
(normalize/regulation.header_block), on pages built by hand."""

from __future__ import annotations

from pipeline.extract.layout import TextLine
from pipeline.extract.pages import PageInfo, PageKind, classify, split_furniture
from pipeline.normalize.body import Body
from pipeline.normalize.regulation import dokumen_record, header_block, own_title
from tests.conftest import RealCorpus

WIDTH, HEIGHT = 595.0, 842.0


def _page(number: int, *texts: str, bold_first: bool = False) -> PageInfo:
    page = PageInfo(number=number, width=WIDTH, height=HEIGHT)
    for k, text in enumerate(texts):
        top = 150.0 + 20 * k
        bold = bold_first and k == 0
        page.lines.append(TextLine(number, text, 80.0, top, 500.0, top + 12, bold))
    return page


def test_a_page_before_the_citation_does_not_start_the_lampiran() -> None:
    """Perka BAPETEN 7/2017 (p1-2): the title page opens with the kind line "PERATURAN KEPALA
    BADAN PENGAWAS TENAGA NUKLIR", which the amending article on the next page repeats
    before "... sebagaimana tercantum dalam Lampiran I"; the title page is the body's."""
    pages = [
        _page(1, "PERATURAN KEPALA BADAN PENGAWAS TENAGA NUKLIR", "NOMOR 7 TAHUN 2017",
              "Menimbang : a. bahwa pemanfaatan tenaga nuklir perlu diatur;"),
        _page(2, "Pasal I", "Mengubah Lampiran I dalam Peraturan Kepala Badan Pengawas Tenaga",
              "Nuklir Nomor 7 Tahun 2013 sehingga menjadi sebagaimana tercantum dalam",
              "Lampiran I yang merupakan bagian tidak terpisahkan dari Peraturan ini."),
        _page(3, "PERATURAN KEPALA BADAN PENGAWAS TENAGA NUKLIR", "NILAI BATAS LEPASAN"),
    ]  # fmt: skip
    classify(pages, [None, None, None])
    assert [(p.kind, p.lampiran) for p in pages] == [
        (PageKind.BODY, None),
        (PageKind.BODY, None),
        (PageKind.LAMPIRAN, 1),
    ]


def test_the_penjelasan_is_its_own_part() -> None:
    """PP 56/2014 (p8-11): after the body's closing, a Penjelasan ("PENJELASAN / ATAS /
    PERATURAN PEMERINTAH ...", two pages), then the lampiran, whose header block opens with
    the bare word "LAMPIRAN". Banjarnegara 8/2025 (p12-13): a one-page Penjelasan, then a
    numbered header block. The Penjelasan is neither body nor lampiran."""
    pages = [
        _page(1, "PERATURAN PEMERINTAH REPUBLIK INDONESIA", "NOMOR 56 TAHUN 2014",
              "Pasal 1", "Peraturan Pemerintah ini mulai berlaku pada tanggal diundangkan."),
        _page(2, "PENJELASAN", "ATAS", "PERATURAN PEMERINTAH REPUBLIK INDONESIA",
              "I. UMUM", "Pasal 1", "Cukup jelas."),
        _page(3, "Pasal 2", "Cukup jelas.", "TAMBAHAN LEMBARAN NEGARA NOMOR 5553"),
        _page(4, "PERATURAN PEMERINTAH REPUBLIK INDONESIA", "JENIS DAN TARIF"),
        _page(5, "PENJELASAN ATAS PERATURAN DAERAH KABUPATEN X", "I. UMUM"),
        _page(6, "PERATURAN DAERAH KABUPATEN X", "TARIF RETRIBUSI JASA UMUM"),
    ]  # fmt: skip
    # split_furniture gives each header block's number: p4's bare "LAMPIRAN" 0, p6's 2.
    classify(pages, [None, None, None, 0, None, 2])
    assert [(p.kind, p.lampiran) for p in pages] == [
        (PageKind.BODY, None),
        (PageKind.PENJELASAN, None),
        (PageKind.PENJELASAN, None),
        (PageKind.LAMPIRAN, 1),
        (PageKind.PENJELASAN, None),
        (PageKind.LAMPIRAN, 2),
    ]


def _line(text: str, x0: float, top: float) -> TextLine:
    return TextLine(1, text, x0, top, x0 + 6 * len(text), top + 10, False)


def test_a_lampiran_alone_is_titled_by_its_header_block() -> None:
    """Pergub Bali 1/2021 Lampiran I (p1), a file with no body: the header block is printed
    aligned at the right half; the lampiran's own title follows centred, after a gap."""
    lines = [
        _line("LAMPIRAN I", 287.5, 64.5),
        _line("PERATURAN GUBERNUR BALI", 287.5, 76.3),
        _line("NOMOR I TAHUN 2021", 287.5, 88.1),
        _line("TENTANG", 287.5, 99.7),
        _line("PERUBAHAN ATAS PERATURAN GUBERNUR BALI", 287.5, 111.5),
        _line("NOMOR 29 TAHUN 2019 TENTANG KELAS DAN", 287.5, 123.3),
        _line("NILAI JABATAN DI LINGKUNGAN PEMERINTAH", 287.5, 134.9),
        _line("PROVINSI BALI", 287.5, 146.7),
        _line("DAFTAR NAMA DAN KELAS JABATAN PIMPINAN TINGGI, JABATAN ADMINISTRATOR", 95.2, 183.9),
    ]
    header = header_block(list(reversed(lines)))
    assert header[0] == "PERATURAN GUBERNUR BALI" and header[-1] == "PROVINSI BALI"
    title = own_title(Body([], 0, 0), header)
    assert title is not None
    assert (title.kind.jenis, title.region, title.nomor, title.tahun) == (
        "Peraturan Gubernur", "Provinsi Bali", "1", 2021,
    )  # fmt: skip
    assert title.tentang == (
        "PERUBAHAN ATAS PERATURAN GUBERNUR BALI NOMOR 29 TAHUN 2019 TENTANG KELAS DAN NILAI "
        "JABATAN DI LINGKUNGAN PEMERINTAH PROVINSI BALI"
    )
    # A page that does not open with a header block names nothing.
    assert header_block(lines[1:]) == []


def test_a_lampiran_alone_is_signed_by_its_closing_block() -> None:
    """Pergub Bali 1/2021 Lampiran I (p46), a file with no body: the signature block under
    the last table ("GUBERNUR BALI, / ttd / WAYAN KOSTER") names the signatory; it prints no
    place or date of enactment. A body's own closing, when it prints one, comes first."""
    header = ["PERATURAN GUBERNUR BALI", "NOMOR 1 TAHUN 2021", "TENTANG", "KELAS JABATAN"]
    closing = ["GUBERNUR BALI,", "ttd", "WAYAN KOSTER"]
    dokumen = dokumen_record(Body([], 0, 0), "pergub-bali-1-2021", "0" * 64, 46, [], header,
                             closing)  # fmt: skip
    assert dokumen.penandatangan is not None
    assert (dokumen.penandatangan.jabatan, dokumen.penandatangan.nama) == (
        "GUBERNUR BALI", "WAYAN KOSTER",
    )  # fmt: skip
    assert (dokumen.tempat_penetapan, dokumen.tanggal_penetapan) == (None, None)


def test_a_lampiran_keeps_its_printed_number() -> None:
    """Perban BAPETEN 2/2022 (p16, p45, p47): Lampiran I, then "LAMPIRAN IA" inserted by the
    amendment, then Lampiran IV; IA is published as printed and takes the next place in
    order (its ids), never Lampiran I's nor IV's."""
    blocks = ("LAMPIRAN I", "LAMPIRAN IA", "LAMPIRAN IA", "LAMPIRAN IV")
    pages, numbers = [], []
    for k, block in enumerate(blocks, start=1):
        page = PageInfo(number=k, width=WIDTH, height=HEIGHT)
        lines = [
            TextLine(k, block, 300.0, 60.0, 400.0, 72.0, False),
            TextLine(k, "PERATURAN BADAN PENGAWAS TENAGA NUKLIR", 300.0, 74.0, 500.0, 86.0, False),
            TextLine(k, "Isi lampiran.", 80.0, 200.0, 300.0, 212.0, False),
        ]
        numbers.append(split_furniture(page, lines, 0.1))
        pages.append(page)
    classify(pages, numbers)
    assert [(p.lampiran, p.lampiran_label) for p in pages] == [
        (1, "I"), (2, "IA"), (2, "IA"), (4, "IV"),
    ]  # fmt: skip


def test_a_bare_lampiran_word_over_the_kind_line_opens_a_block() -> None:
    """PP 56/2014 p11 and the Keputusan Bersama 375/2022 p4 print their header block's first
    line as the bare word "LAMPIRAN", over "PERATURAN PEMERINTAH ..." / "KEPUTUSAN BERSAMA
    ..."; in running text the word is followed by anything else. The block's lines stand in
    its column (PP 56 p11: x0 287, line under line); the lampiran's content starts at the
    margin after a gap (x0 97)."""

    def split(*texts: str) -> tuple[int | None, list[str]]:
        page = PageInfo(number=1, width=WIDTH, height=HEIGHT)
        lines = [TextLine(1, t, 300.0, 60.0 + 14 * k, 500.0, 72.0 + 14 * k, False)
                 for k, t in enumerate(texts)]  # fmt: skip
        lines.append(TextLine(1, "A. HARI LIBUR", 80.0, 200.0, 300.0, 212.0, False))
        return split_furniture(page, lines, 0.05), [ln.text for ln in page.lines]

    assert split("LAMPIRAN", "KEPUTUSAN BERSAMA MENTERI AGAMA,") == (0, ["A. HARI LIBUR"])
    assert split("LAMPIRAN", "yang merupakan bagian tidak terpisahkan") == (
        None, ["LAMPIRAN", "yang merupakan bagian tidak terpisahkan", "A. HARI LIBUR"],
    )  # fmt: skip


def test_a_block_without_colons_keeps_its_fields() -> None:
    """Perbup Donggala 24/2025 p6 (and p18, p25, p43): "LAMPIRAN I / PERATURAN BUPATI
    DONGGALA / NOMOR 24 TAHUN 2025 / TENTANG / PERUBAHAN ATAS PERATURAN ..." in one column,
    line under line, no colons; then, after a gap, the lampiran's own title centred. The
    block's lines are its own (they were running heads, repeated on every lampiran)."""
    block = ["LAMPIRAN I", "PERATURAN BUPATI DONGGALA", "NOMOR 24 TAHUN 2025", "TENTANG",
             "PERUBAHAN ATAS PERATURAN", "ANGGARAN 2025"]  # fmt: skip
    lines = [TextLine(6, t, 340.0, 60.0 + 12 * k, 560.0, 70.0 + 12 * k, False)
             for k, t in enumerate(block)]  # fmt: skip
    title = "PERHITUNGAN TATA CARA PENGALOKASIAN ALOKASI DANA DESA"
    lines.append(TextLine(6, title, 110.0, 160.0, 500.0, 170.0, False))
    page = PageInfo(number=6, width=WIDTH, height=HEIGHT)
    assert split_furniture(page, lines, 0.05) == 1
    assert [ln.text for ln, _ in page.furniture] == block
    assert [ln.text for ln in page.lines] == [title]


def test_donggala_lampiran_header_blocks(real_corpus: RealCorpus) -> None:
    # p6, p18, p25, p43: "LAMPIRAN I".."IV" / "PERATURAN BUPATI DONGGALA" / "NOMOR 24 TAHUN
    # 2025" / "TENTANG" / "PERUBAHAN ATAS PERATURAN BUPATI DONGGALA NOMOR 33 TAHUN 2024 ...".
    result, _ = real_corpus.get("perbup_donggala_2025_24_alokasi_dana_desa")
    got = [(lam.nomor, lam.kepala_peraturan, lam.kepala_nomor, lam.kepala_tahun)
           for lam in result.dokumen.lampiran]  # fmt: skip
    assert got == [(n, "PERATURAN BUPATI DONGGALA", "24", 2025) for n in ("I", "II", "III", "IV")]
