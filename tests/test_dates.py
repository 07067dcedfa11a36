from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalize.dates import BULAN, format_iso, parse_tanggal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("26 Maret 2020", datetime.date(2020, 3, 26)),
        ("26 MARET 2020", datetime.date(2020, 3, 26)),
        ("1 Januari 2019", datetime.date(2019, 1, 1)),
        ("tanggal 5 Agustus 2021", datetime.date(2021, 8, 5)),
        ("Ditetapkan di Magetan pada tanggal 26 Maret 2020", datetime.date(2020, 3, 26)),
        ("29 Pebruari 2020", datetime.date(2020, 2, 29)),
        ("3 Februari 2018", datetime.date(2018, 2, 3)),
        ("10 Nopember 2017", datetime.date(2017, 11, 10)),
        ("10 November 2017", datetime.date(2017, 11, 10)),
        ("07 desember 2016", datetime.date(2016, 12, 7)),
        ("31 Mei 2015", datetime.date(2015, 5, 31)),
        ("15 Juni 2014 dan 16 Juli 2014", datetime.date(2014, 6, 15)),
        # Not a real date: skipped, the next one is taken.
        ("31 Pebruari 2020 atau 1 April 2020", datetime.date(2020, 4, 1)),
        ("31 Pebruari 2020", None),
        ("Nomor 14 Tahun 2020", None),
        ("Maret 2020", None),
        ("26 Maret", None),
        ("126 Maret 2020", None),
        ("26 Maret 20201", None),
        ("26 Maretan 2020", None),
        ("", None),
    ],
)
def test_parse_tanggal(text: str, expected: datetime.date | None) -> None:
    assert parse_tanggal(text) == expected


def test_every_month_name_parses() -> None:
    for name, month in BULAN.items():
        assert parse_tanggal(f"1 {name.title()} 2000") == datetime.date(2000, month, 1)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (datetime.date(2020, 3, 26), "2020-03-26"),
        (datetime.date(2019, 1, 1), "2019-01-01"),
    ],
)
def test_format_iso(d: datetime.date, expected: str) -> None:
    assert format_iso(d) == expected


@given(st.text())
def test_parse_tanggal_never_raises(s: str) -> None:
    result = parse_tanggal(s)
    assert result is None or isinstance(result, datetime.date)


@given(
    st.integers(min_value=-5, max_value=40),
    st.sampled_from([*BULAN, "MARET", "Bulan"]),
    st.integers(min_value=0, max_value=9999),
)
def test_parse_tanggal_never_raises_on_date_shaped_text(day: int, month: str, year: int) -> None:
    result = parse_tanggal(f"tanggal {day} {month} {year:04d}")
    # A leading "-" reads as punctuation ("25-26 Maret 2020" gives the 26th).
    assert result is None or (result.day == abs(day) and result.year == year)


@given(st.dates(min_value=datetime.date(1000, 1, 1)))
def test_parse_tanggal_round_trip(d: datetime.date) -> None:
    name = next(n for n, m in BULAN.items() if m == d.month)
    assert parse_tanggal(f"{d.day} {name.upper()} {d.year}") == d
    assert format_iso(d) == d.isoformat()
