"""Repairs of OCR'd text from what the document itself says (no Tesseract needed)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.extract.ocr_repair import (
    SelfLexicon,
    repair_counts,
    repair_percent,
    reread_item_number,
    successors,
)


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
        ("Zz.", "b", "Zz."),  # resembles nothing expected: left as printed
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
    ],
)
def test_repair_counts(text: str, expected: str) -> None:
    assert repair_counts(text) == expected
