"""Repairs of OCR'd text from what the document itself says (no Tesseract needed)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.extract.ocr_repair import (
    CORROBORATED_CONFIDENCE,
    Corroboration,
    DecimalMarks,
    SelfLexicon,
    fill_sequence_gaps,
    repair_counts,
    repair_heading_numeral,
    repair_line_item,
    repair_list_separators,
    repair_percent,
    reread_item_number,
)
from pipeline.extract.tables.grid import ocr_words
from pipeline.vocabulary import successors


@pytest.mark.parametrize(
    ("printed", "previous", "expected"),
    [
        ("Cc.", "b", "c."),  # one glyph read in both cases
        ("l.", None, "1."),  # the first item of a sequence
        ("A,", "3", "4."),  # the next area number
        ("l.", "k", "l."),  # a real letter l after k stays
        ("c.", "b", "c."),  # already right
        ("a.", "f", "a."),  # a new sequence is no misreading
        ("(i)", None, "(1)"),
        ("8.", "f", "g."),  # a letter read as a digit
        ("e.,", "d", "e."),  # a stray comma after the stop
        ("Zz.", "b", "Zz."),  # resembles nothing expected: left as printed
        ("€.", "c", "e."),  # a look-alike of a later letter: the skip stays visible
        ("€.", None, "€."),  # no sequence to tell its kind
        ("B.", "3", "B."),  # a letter is a well-formed number of its own
        ("ll.", None, "1."),  # one glyph read twice
        ("ce.", "d", "e."),  # a stray glyph next to the expected letter
        ("ce.", "a", "ce."),  # ... but not next to an unexpected one
    ],
)
def test_reread_item_number(printed: str, previous: str | None, expected: str) -> None:
    assert reread_item_number(printed, successors(previous)) == expected


def test_successors() -> None:
    assert successors("9")[0] == "10"
    assert successors("b")[0] == "c"
    assert successors("B")[0] == "C"
    assert successors(None) == ("1", "a", "A")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(80 Yo (delapan puluh persen) aparatur", "(80 % (delapan puluh persen) aparatur"),
        ("vo(persen) SKPD", "%(persen) SKPD"),
        ("Y (persen) SKPD", "% (persen) SKPD"),
        ("‘Yo (persen) Kepala SKPD", "% (persen) Kepala SKPD"),
        # Digits are numbers, never a misread "%"; no "persen" after it: nothing to repair.
        ("96 (sembilan puluh enam persen)", "96 (sembilan puluh enam persen)"),
        ("Yo (tahun)", "Yo (tahun)"),
        ("(100 96 (seratus persen))", "(100 % (seratus persen))"),
        ("(10096 (seratus persen))", "(100% (seratus persen))"),
        ("(50 96 (seratus persen))", "(50 96 (seratus persen))"),  # words and digits differ
        ("(754 (tujuh puluh lima persen))", "(75% (tujuh puluh lima persen))"),
        ("(14 (empat belas persen))", "(14 (empat belas persen))"),  # a 4 that is a digit
        ("(10056 (seratus persen))", "(100% (seratus persen))"),
        ("(100 (seratus persen))", "(100 (seratus persen))"),  # nothing misread
    ],
)
def test_repair_percent(text: str, expected: str) -> None:
    assert repair_percent(text) == expected


def test_self_lexicon_reads_a_rare_misreading_as_the_common_word() -> None:
    texts = ["produk hukum daerah"] * 6 + ["peraturan dacrah", "Reformasi"] + ["Reformasi"] * 5
    lexicon = SelfLexicon([*texts, "Retormasi Birokrasi"])
    assert lexicon.correct("produk hukum dacrah") == "produk hukum daerah"
    assert lexicon.correct("Retormasi Birokrasi") == "Reformasi Birokrasi"
    short = SelfLexicon(["workshop dll bagi"] * 6)
    assert short.correct("budaya melayani dil.") == "budaya melayani dll."


def test_self_lexicon_leaves_words_the_document_uses_or_cannot_decide() -> None:
    lexicon = SelfLexicon(
        ["pelayanan"] * 6
        + ["pelayaran"] * 3  # both are words of the document
        + ["kolan"] * 6
        + ["kalon"] * 6  # "kalan" is one confusion from both
        + ["rapat"] * 9
        + ["dapat", "sistem"]
        + ["Sistem"] * 6  # fmt: skip
    )
    assert lexicon.correct("pelayaran") == "pelayaran"
    assert lexicon.correct("kalan") == "kalan"  # no way to choose: left as read
    assert lexicon.correct("dapat") == "dapat"  # d/r is no OCR confusion
    assert lexicon.correct("sistem Sistem") == "sistem Sistem"  # case is not a misreading
    # "dari" is one confusion (ri/n) from the far more common "dan", but common itself.
    common = SelfLexicon(["dan"] * 40 + ["dari"] * 6)
    assert common.correct("bebas dari Korupsi") == "bebas dari Korupsi"


def test_an_unsure_word_the_document_prints_surely_elsewhere_is_taken_as_read() -> None:
    # Donggala 10/2025 p5 (a scan): Pasal 12 ayat (1) huruf a ends "kepada masyarakat;",
    # read right but with "masyarakat," at 57, under the floor of the low-confidence
    # finding; its label "c." of another item read "Cc." at 45; LAPAN 8/2015 p1 a dash read
    # "-—" at 53. The document prints those words surely elsewhere (or they are a label,
    # a dash): the lines are as sure as their other words.
    sure = [("masyarakat", 95.0), ("masyarakat;", 80.0), ("pelayanan", 90.0)]
    corroboration = Corroboration(["kepada masyarakat Kabupaten"], sure, lambda w: w)
    line = (("rumah", 88.0), ("sakit", 91.0), ("kepada", 92.0), ("masyarakat,", 57.0))
    assert corroboration.confidence(line) == 88.0
    assert corroboration.confidence((("Cc.", 45.0), ("pelayanan", 70.0))) == 70.0
    assert corroboration.confidence((("periode", 90.0), ("-—", 53.0))) == CORROBORATED_CONFIDENCE
    # Junk ("raa", "“Oa"), a word misread ("Stastun"), an unsure word the document prints
    # only unsurely ("www" twice at 26), a stray stop, a label not opening its line: unsure.
    assert corroboration.confidence((("Daerah", 93.0), ("raa", 0.0))) == 0.0
    assert corroboration.confidence((("tarif", 93.0), ("“Oa", 30.0))) == 30.0
    assert corroboration.confidence((("Stastun", 45.0), ("Bumi", 96.0))) == 45.0
    unsure = Corroboration(["www"], [("www", 26.0)] * 3, lambda w: w)
    assert unsure.confidence((("www", 26.0),)) == 26.0
    assert corroboration.confidence((("pelayanan,", 95.0), (".", 42.0))) == 42.0
    assert corroboration.confidence((("pelayanan,", 95.0), ("Cc.", 45.0))) == 45.0
    # The word is checked as repaired: "inl." is the document's "ini.".
    repaired = Corroboration(["ini"] * 3, [], lambda w: w.replace("inl", "ini"))
    assert repaired.confidence((("inl.", 58.0), ("Pasal", 95.0))) == CORROBORATED_CONFIDENCE


def test_ocr_words_split_at_spaces_gaps_and_lines() -> None:
    def char(text: str, x0: float, top: float = 10.0, conf: float | None = 50.0) -> dict:
        return {"text": text, "x0": x0, "x1": x0 + 1.0, "top": top, "ocr_confidence": conf}

    chars = [char("a", 0), char("b", 1), char(" ", 2), char("c", 3, conf=70.0),
             char("d", 5), char("e", 6, top=20.0)]  # fmt: skip
    assert ocr_words(chars) == (("ab", 50.0), ("c", 70.0), ("d", 50.0), ("e", 50.0))
    assert ocr_words([char("a", 0, conf=None)]) == ()


@given(st.text(max_size=60))
def test_repairs_never_crash_and_are_stable(text: str) -> None:
    fixed = repair_percent(text)
    assert repair_percent(fixed) == fixed
    lexicon = SelfLexicon([text])
    assert lexicon.correct(lexicon.correct(text)) == lexicon.correct(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("daerah l(satu) kali", "daerah 1(satu) kali"),
        ("(SOP)(1 (satujkegiatan)", "(SOP)(1 (satu)kegiatan)"),
        ("I (satu) Peraturan", "1 (satu) Peraturan"),
        ("l (dua)", "l (dua)"),  # the words say 2: no reading of "l" fits, left as read
        ("1 (satu jam)", "1 (satu jam)"),  # not a number in words
        ("55 (lima puluh lima)", "55 (lima puluh lima)"),
        ("(lisatu) QuickWins", "(1(satu) QuickWins"),  # "(" read as "i"
        ("selama 5 lima) tahun", "selama 5 (lima) tahun"),  # "(" lost
        ("tahun 2020 dua)", "tahun 2020 dua)"),
        ("lelang (Lisatujdokumen", "lelang (1(satu)dokumen"),
        ("(O(sembilan)SKPD)", "(9(sembilan)SKPD)"),  # a lone letter: the words decide
        ("(0(sembilan)SKPD)", "(0(sembilan)SKPD)"),  # a digit stays: a finding, not a repair
        ("(3(delapan) kelompok)", "(3(delapan) kelompok)"),
        ("huruf O (sembilan)", "huruf O (sembilan)"),  # not glued to the words
        ("(1 Isatu) dokumen", "(1 (satu) dokumen"),  # "(" read as "I"
    ],
)
def test_repair_counts(text: str, expected: str) -> None:
    assert repair_counts(text) == expected


def test_fill_sequence_gaps() -> None:
    assert fill_sequence_gaps(["c", "d", "Lagi", "f", "4", "a"]) == ["c", "d", "e", "f", "4", "a"]
    assert fill_sequence_gaps(["3", "A,", "5"]) == ["3", "4", "5"]
    # A number that reads as one is left alone: program 2 may be missing, "a" is an item.
    assert fill_sequence_gaps(["1", "a", "3"]) == ["1", "a", "3"]
    assert fill_sequence_gaps(["a", "b", "d"]) == ["a", "b", "d"]  # a gap, not a misreading
    # The last of its sequence: before a new sequence starts, or at the column's end.
    assert fill_sequence_gaps(["e", "f", "&", "1", "a"]) == ["e", "f", "g", "1", "a"]
    assert fill_sequence_gaps(["2", "a", "b", "&"]) == ["2", "a", "b", "c"]
    assert fill_sequence_gaps(["a", "&", "b"]) == ["a", "&", "b"]  # no gap for it to fill
    # Before a group row's title in the column; the title itself is no number.
    assert fill_sequence_gaps(["f", "&", "Penataan Produk Hukum", "1"]) == [
        "f", "g", "Penataan Produk Hukum", "1"
    ]  # fmt: skip
    assert fill_sequence_gaps(["8", "QuickWins Reformasi", "1"]) == [
        "8",
        "QuickWins Reformasi",
        "1",
    ]


@pytest.mark.parametrize("misread", ["-D -", "_ 17 _"])
def test_a_page_number_misread_by_ocr_is_still_furniture(misread: str) -> None:
    from pipeline.extract.layout import TextLine
    from pipeline.extract.pages import LineRole, PageInfo, split_furniture

    info = PageInfo(number=2, width=600.0, height=900.0)
    lines = [
        TextLine(page=2, text=misread, x0=290, top=20, x1=310, bottom=30, bold=False),
        TextLine(page=2, text="Lembaran Negara", x0=90, top=60, x1=300, bottom=70, bold=False),
        TextLine(page=2, text="- x -", x0=290, top=400, x1=310, bottom=410, bold=False),
    ]
    split_furniture(info, lines, 0.08)
    assert [(ln.text, role) for ln, role in info.furniture] == [(misread, LineRole.PAGE_NUMBER)]
    assert info.label is None  # the printed label is not known


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("24, Aparat Pengawas Intern", "24. Aparat Pengawas Intern"),
        ("b, Peraturan Daerah", "b. Peraturan Daerah"),
        ("2020, Nomor 3", "2020, Nomor 3"),  # a year in running text, not an item
        ("12, 13 dan 14", "12, 13 dan 14"),  # a list of numbers
        ("Cc. prioritas peningkatan", "c. prioritas peningkatan"),
        ("Di. Jakarta", "Di. Jakarta"),  # two letters, not one read twice
        ("1,", "1."),  # a number cell on its own
        ("a;", "a."),
        ("10,5", "10,5"),  # a decimal number
        ("Jakarta,", "Jakarta,"),
    ],
)
def test_repair_line_item(line: str, expected: str) -> None:
    assert repair_line_item(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("BAB |", "BAB I"),
        ("BAB ll", "BAB II"),
        ("BAB Il", "BAB II"),
        ("LAMPIRAN |", "LAMPIRAN I"),
        ("BAB 1V", "BAB IV"),
        ("BAB 1", "BAB 1"),  # an arabic number is printed so
        ("BAB III", "BAB III"),
        ("BAB | tentang", "BAB | tentang"),  # not a heading line
    ],
)
def test_repair_heading_numeral(line: str, expected: str) -> None:
    assert repair_heading_numeral(line) == expected


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        ("259.74", "259,74"),  # a bold comma read as a stop
        ("1.424.0", "1.424,0"),
        ("1.424", "1.424"),  # thousands: three digits after the stop
        ("12.000", "12.000"),
        ("3,5", "3,5"),
        ("Rp 259.74", "Rp 259.74"),  # not a figure alone: left as read
    ],
)
def test_decimal_stop_read_for_the_documents_comma(read: str, expected: str) -> None:
    """Regression (Pergub Sulut 6/2016): the bold JUMLAH rows read "259,74" as "259.74"."""
    marks = DecimalMarks(["1,5", "2,25", "308,5", "3.315,0", "0,00", "259.74"])
    assert marks.correct(read) == expected


def test_decimal_stop_kept_where_the_document_writes_stops() -> None:
    marks = DecimalMarks(["1.5", "2.25", "308.5", "3,315.0", "0.00", "259,74"])
    assert marks.correct("259.74") == "259.74"


def test_an_article_line_opening_with_lampiran_is_not_a_header_block() -> None:
    # Perban BAPETEN 4/2024 p16: Pasal 23 ayat (3) wraps so that a line opens with
    # "Lampiran II yang merupakan bagian tidak terpisahkan"; the header of Lampiran II is
    # printed on p168 (file page), not there.
    from pipeline.extract.layout import TextLine
    from pipeline.extract.pages import LineRole, PageInfo, split_furniture

    info = PageInfo(number=16, width=600.0, height=900.0)
    text = "Lampiran II yang merupakan bagian tidak terpisahkan"
    lines = [
        TextLine(page=16, text="sebagaimana dimaksud pada ayat (2) tercantum dalam", x0=90,
                 top=150, x1=500, bottom=160, bold=False),
        TextLine(page=16, text=text, x0=90, top=165, x1=500, bottom=175, bold=False),
        TextLine(page=16, text="dari Peraturan Badan ini.", x0=90, top=180, x1=300, bottom=190,
                 bold=False),
    ]  # fmt: skip
    assert split_furniture(info, lines, 0.08) is None
    assert not [ln for ln, role in info.furniture if role is LineRole.LAMPIRAN_BLOCK]
    # A header block's first line is still one.
    head = PageInfo(number=168, width=600.0, height=900.0)
    lines = [TextLine(page=168, text="LAMPIRAN II", x0=300, top=60, x1=400, bottom=70, bold=False)]
    assert split_furniture(head, lines, 0.08) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 300-grey-q90 p23: the ";" before "3)" read as ":"
        (
            "untuk mengetahui: 1) Kesesuaian; 2) Mengukur jenjang organisasi: 3) Kemungkinan",
            "untuk mengetahui: 1) Kesesuaian; 2) Mengukur jenjang organisasi; 3) Kemungkinan",
        ),
        (
            "antara lain 1) rapat; 2) notulen:\n3) laporan",
            "antara lain 1) rapat; 2) notulen;\n3) laporan",
        ),
        ("a) satu; b) dua: c) tiga", "a) satu; b) dua; c) tiga"),
        # the ":" that opens the first item stays
        ("mengetahui: 1) satu; 2) dua", "mengetahui: 1) satu; 2) dua"),
        # a list that writes ":" throughout is left as written
        ("mengetahui: 1) satu: 2) dua", "mengetahui: 1) satu: 2) dua"),
        # an item that follows no earlier one of its sequence keeps its ":"
        ("a) satu; b) dua: 2) tiga", "a) satu; b) dua: 2) tiga"),
    ],
)
def test_repair_list_separators(text: str, expected: str) -> None:
    assert repair_list_separators(text) == expected
    assert repair_list_separators(expected) == expected
