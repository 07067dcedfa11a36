"""Where a lampiran starts (extract/pages.classify), on pages built by hand."""

from __future__ import annotations

from pipeline.extract.layout import TextLine
from pipeline.extract.pages import PageInfo, PageKind, classify

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
