from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalize.dokumen import dokumen_id_from_title
from pipeline.normalize.text import join_lines, slug, strip_number
from pipeline.roman import number_to_int, roman_to_int


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Peraturan\nPerundang-\nUndangan", "Peraturan Perundang-Undangan"),
        ("rapat-\nrapat untuk", "rapat-rapat untuk"),
        ("Tahun 2018 -\n2023", "Tahun 2018 - 2023"),
        # A range broken after its en dash (a renderer breaks lines there) reads as printed
        # unbroken; one with spaces around the dash keeps them.
        ("tahun 2018\u2013\n2023 merupakan", "tahun 2018\u20132023 merupakan"),
        ("tahun 2018 \u2013\n2023", "tahun 2018 \u2013 2023"),
        ("  a  \n\n b ", "a b"),
        (
            "(12 (dua\nbelas) kegiatan/tahun+\nrekomendasi)",
            "(12 (dua belas) kegiatan/tahun+ rekomendasi)",
        ),
        ("", ""),
    ],
)
def test_join_lines(raw: str, expected: str) -> None:
    assert join_lines(raw) == expected


@given(st.text())
def test_join_lines_is_idempotent_and_single_line(s: str) -> None:
    once = join_lines(s)
    assert join_lines(once) == once
    assert "\n" not in once and "  " not in once


@pytest.mark.parametrize(("raw", "expected"), [("1.", "1"), ("e", "e"), ("(a)", "a"), ("8", "8")])
def test_strip_number(raw: str, expected: str) -> None:
    assert strip_number(raw) == expected


def test_slug() -> None:
    assert slug("QuickWins Reformasi Birokasi") == "quickwins_reformasi_birokasi"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "BUPATI MAGETAN\nPERATURAN BUPATI MAGETAN\nNOMOR 14 TAHUN 2020\nTENTANG",
            "perbup-magetan-14-2020",
        ),
        ("PERATURAN WALIKOTA SURABAYA\nNOMOR 7 TAHUN 2019", "perwali-surabaya-7-2019"),
        ("PERATURAN DAERAH KABUPATEN PONOROGO\nNOMOR 03 TAHUN 2021", "perda-ponorogo-3-2021"),
        ("no title here", None),
    ],
)
def test_dokumen_id_from_title(text: str, expected: str | None) -> None:
    assert dokumen_id_from_title(text) == expected


@pytest.mark.parametrize(("roman", "n"), [("I", 1), ("II", 2), ("IV", 4), ("IX", 9), ("XIV", 14)])
def test_roman(roman: str, n: int) -> None:
    assert roman_to_int(roman) == n
    assert number_to_int(str(n)) == n


def test_roman_rejects_other_text() -> None:
    with pytest.raises(ValueError, match="not a roman numeral: 'A'"):
        roman_to_int("A")
