"""A closing block (signature, certified-copy formula) that fills its page goes on at the top
of the next page (pipeline/extract/pages.py, CLOSING_AXIS_TOLERANCE): zoo ch-a4-default
prints "KEPALA BAGIAN HUKUM" / name / rank / NIP on a page of their own, after "Salinan
sesuai dengan aslinya" ended page 3; they are the body's closing block, not Lampiran I's
title."""

from __future__ import annotations

from pipeline.extract.layout import TextLine
from pipeline.extract.pages import PageInfo, PageKind, _split_closing, classify, closing_lines


def _centred(page: int, text: str, axis: float, top: float) -> TextLine:
    half = 3.0 * len(text)
    return TextLine(page=page, text=text, x0=axis - half, top=top, x1=axis + half,
                    bottom=top + 10, bold=False)  # fmt: skip


def _pages(*second: tuple[str, float], axis: float = 440.0) -> list[PageInfo]:
    body = PageInfo(number=1, width=600.0, height=900.0)
    body.lines = [
        TextLine(page=1, text="Pasal 6", x0=280, top=100, x1=320, bottom=110, bold=False),
        *(_centred(1, t, axis, 600.0 + 15 * k) for k, t in enumerate(
            ["Ditetapkan di Magetan", "BUPATI MAGETAN,", "TTD", "SUPRAWOTO",
             "Salinan sesuai dengan aslinya"]
        )),
    ]  # fmt: skip
    _split_closing(body)
    after = PageInfo(number=2, width=600.0, height=900.0)
    after.lines = [_centred(2, t, axis, 40.0 + 15 * k) for k, (t, axis) in enumerate(second)]
    lampiran = PageInfo(number=3, width=600.0, height=900.0)
    lampiran.lines = [_centred(3, "BAB I PENDAHULUAN", 300.0, 100.0)]
    pages = [body, after, lampiran]
    classify(pages, [None, None, 1])
    return pages


def test_the_rest_of_a_closing_block_on_the_next_page_closes_the_body() -> None:
    rest = [("KEPALA BAGIAN HUKUM", 440.0), ("JAKA RISDIYANTO, SH", 440.0), ("Pembina", 440.0)]
    pages = _pages(*rest)
    assert [ln.text for ln in closing_lines(pages[1])] == [t for t, _ in rest]
    assert pages[1].lines == []
    assert (pages[1].kind, pages[1].lampiran) == (PageKind.BODY, None)
    assert (pages[2].kind, pages[2].lampiran) == (PageKind.LAMPIRAN, 1)


def test_a_page_opening_on_another_axis_starts_the_next_part() -> None:
    pages = _pages(("ROAD MAP REFORMASI BIROKRASI", 300.0), ("Tabel 3.1", 440.0))
    assert closing_lines(pages[1]) == []
    assert [ln.text for ln in pages[1].lines] == ["ROAD MAP REFORMASI BIROKRASI", "Tabel 3.1"]
    assert (pages[1].kind, pages[1].lampiran) == (PageKind.LAMPIRAN, 1)


def test_a_block_centred_on_the_page_does_not_take_a_centred_title() -> None:
    pages = _pages(("ROAD MAP REFORMASI BIROKRASI", 300.0), axis=300.0)
    assert closing_lines(pages[1]) == []
    assert (pages[1].kind, pages[1].lampiran) == (PageKind.LAMPIRAN, 1)
