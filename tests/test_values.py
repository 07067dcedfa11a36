from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalize.values import (
    COLUMN_KINDS,
    READERS,
    infer_column_type,
    is_blank,
    is_checkmark,
    parse_amount,
    parse_date,
    parse_number,
    parse_percent,
    parse_year,
    typed_value,
    unwrap_figure,
)


def _indonesian(n: int) -> str:
    """n with Indonesian thousands dots: 1500000 -> "1.500.000"."""
    return f"{n:,}".replace(",", ".")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Thousands dots, decimal comma.
        ("271.000", 271000),
        ("1.500", 1500),
        ("1.000.000", 1000000),
        ("1.500.000,50", 1500000.5),
        ("1.000,5", 1000.5),
        ("0,75", 0.75),
        ("2,5", 2.5),
        ("12", 12),
        ("0", 0),
        ("007", 7),
        ("1 500 000", 1500000),
        ("1\u00a0500\u00a0000", 1500000),
        ("1 500,25", 1500.25),
        ("  12  ", 12),
        # A lone dot: thousands when three digits follow, else a decimal point.
        ("1.5", 1.5),
        ("1.50", 1.5),
        ("1.5000", 1.5),
        ("12.345", 12345),
        ("0.500", 0.5),
        # Negative: minus sign or accounting parentheses.
        ("-3", -3),
        ("−3", -3),
        ("(3)", -3),
        ("( 3 )", -3),
        ("(1.250.000,00)", -1250000),
        ("-2,5", -2.5),
        ("-Rp 3.000", -3000),
        ("Rp -3.000", -3000),
        ("(Rp 3.000)", -3000),
        # Rupiah.
        ("Rp 25.000,-", 25000),
        ("Rp. 1.250.000,00", 1250000),
        ("25.000,-", 25000),
        ("Rp25.000", 25000),
        ("Rp 1.500.000,50", 1500000.5),
        ("RP 5.000", 5000),
        ("rp.5.000", 5000),
        ("Rp 25.000.-", 25000),
        ("Rp\u00a025.000,-", 25000),
        # A figure repeated in words must agree.
        ("12 (dua belas)", 12),
        ("Rp5.000.000.000,00 (lima milyar rupiah)", 5000000000),
        ("5.000 (lima ribu rupiah.)", 5000),
        ("12 (tiga belas)", None),
        ("2,5 (dua)", None),
        # Not a number.
        ("", None),
        ("   ", None),
        ("-", None),
        ("Rp", None),
        ("Rp -", None),
        ("271.000 jiwa", None),
        ("75%", None),
        ("75 persen", None),
        ("abc", None),
        ("1.500.5", None),
        ("1.50,5", None),
        # Thousands grouped by commas (a spreadsheet's English notation, Pergub Sulut 4/2017)
        # twice or more; a group of another length is no such figure.
        ("1,500,000", 1500000),
        ("27,744,564,654", 27744564654),
        ("1,881729,337", None),
        ("12,345,67", None),
        ("12.34.567", None),
        ("1 5", None),
        ("12 2020", None),
        (",5", None),
        ("5,", None),
        (".5", None),
        ("--3", None),
        ("-(3)", None),
        ("(3", None),
        ("3)", None),
        ("25.000,50,-", None),
        ("5.1.02.01", None),
        ("26/03/2020", None),
        ("١٢", None),  # Arabic-Indic digits are not printed in regulations
        ("1" * 60, None),
        # Scientific notation, the exponent a superscript (Perka BAPETEN 7/2017 p4, p8)
        ("6,9 × 10⁵", 690000),
        ("7 x 10⁰", 7),
        ("5,6 × 10⁻²", 0.056),
        ("4 x 10⁻⁵", 0.00004),
        ("6,9 × 105", None),  # a superscript read flat is another figure: not guessed
        ("6,9 × 10", None),
    ],
)
def test_parse_number(text: str, expected: int | float | None) -> None:
    result = parse_number(text)
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("75%", 75),
        ("75 %", 75),
        ("12,5%", 12.5),
        ("75 persen", 75),
        ("75 Persen", 75),
        ("0,5 %", 0.5),
        ("100%", 100),
        ("-2%", -2),
        ("80 % (delapan puluh persen)", 80),
        ("80% (delapan puluh)", 80),
        ("80% (tujuh puluh persen)", None),
        ("75", None),
        ("%", None),
        ("Rp 75%", None),
        ("75%%", None),
        ("75% penduduk", None),
        ("", None),
    ],
)
def test_parse_percent(text: str, expected: int | float | None) -> None:
    result = parse_percent(text)
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020", 2020),
        (" 2019 ", 2019),
        ("1900", 1900),
        ("2100", 2100),
        ("1899", None),
        ("2101", None),
        ("202", None),
        ("20201", None),
        ("2.020", None),
        ("Tahun 2020", None),
        ("2019/2020", None),
        ("", None),
    ],
)
def test_parse_year(text: str, expected: int | None) -> None:
    assert parse_year(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("26 Maret 2020", "2020-03-26"),
        ("26 MARET 2020", "2020-03-26"),
        ("10 Nopember 2017", "2017-11-10"),
        ("26/03/2020", "2020-03-26"),
        ("26-03-2020", "2020-03-26"),
        ("1/3/2020", "2020-03-01"),
        ("2020-03-26", "2020-03-26"),
        ("29/02/2020", "2020-02-29"),
        ("29/02/2019", None),
        ("31 Pebruari 2020", None),
        ("03/26/2020", None),  # day first: there is no month 26
        ("26/03-2020", None),
        ("26.03.2020", None),
        ("tanggal 26 Maret 2020", None),
        ("26 Maret 2020 s.d. 30 Maret 2020", None),
        ("26 Maret", None),
        ("01/01/1800", None),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("√", True),
        ("✓", True),
        ("✔", True),
        ("v", True),
        ("V", True),
        ("x", True),
        ("X", True),
        (" √ ", True),
        ("", False),
        ("-", False),
        ("vv", False),
        ("√ √", False),
        ("ya", False),
        ("v.", False),
    ],
)
def test_is_checkmark(text: str, expected: bool) -> None:
    assert is_checkmark(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", True), ("  ", True), ("-", True), (" – ", True), ("—", True), ("0", False)],
)
def test_is_blank(text: str, expected: bool) -> None:
    assert is_blank(text) is expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["271.000", "1.500", "", "12"], "bilangan"),
        (["1.000.000", "1.000,5", "0,75"], "bilangan"),
        (["Rp 25.000,-", "Rp 50.000,-"], "rupiah"),
        (["Rp 1.500.000,50", "Rp25.000", "30.000"], "rupiah"),
        (["25.000,-", "50.000,-", "-"], "rupiah"),
        (["75%", "12,5%", "80 persen"], "persen"),
        (["75%", "80%", "90"], "persen"),
        (["√", "", "√"], "centang"),
        (["v", "V", "x", ""], "centang"),
        (["2019", "2020"], "tahun"),
        (["2019", "2020", "2021", "2022", "12"], "tahun"),
        (["2019", "2020", "12"], "bilangan"),
        (["26 Maret 2020", "26/03/2020", "2020-03-26"], "tanggal"),
        # Exactly the 4/5 threshold fits; below it is text.
        (["1", "2", "3", "4", "lihat catatan"], "bilangan"),
        (["1", "2", "3", "lihat catatan"], "teks"),
        (["Desa Sukamaju", "Desa Karangrejo", "12"], "teks"),
        (["Rp 5.000", "75%", "Desa", "Kecamatan"], "teks"),
        # Figures with a unit are not numbers: the column is text.
        (["271.000 jiwa", "12.500 jiwa"], "teks"),
        (["", "  ", "-"], "teks"),
        ([], "teks"),
    ],
)
def test_infer_column_type(values: list[str], expected: str) -> None:
    assert infer_column_type(values) == expected


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("271.000", "bilangan", 271000),
        ("Rp 25.000,-", "bilangan", 25000),
        ("Rp 25.000,-", "rupiah", 25000),
        ("30.000", "rupiah", 30000),
        ("1.500.000,50", "rupiah", 1500000.5),
        ("12,5%", "persen", 12.5),
        ("90", "persen", 90),
        ("Rp 90", "persen", None),
        ("2020", "tahun", 2020),
        ("20", "tahun", None),
        ("26 Maret 2020", "tanggal", "2020-03-26"),
        ("√", "centang", True),
        ("ya", "centang", None),
        ("", "centang", False),
        ("-", "centang", False),
        ("  Desa   Sukamaju ", "teks", "Desa Sukamaju"),
        ("12", "teks", "12"),
        # A letter in a number column: no value, the caller reports it.
        ("12a", "bilangan", None),
        ("271.000 jiwa", "bilangan", None),
        # Blank cells carry no value.
        ("", "bilangan", None),
        ("-", "rupiah", None),
        ("", "teks", None),
    ],
)
def test_typed_value(text: str, kind: str, expected: int | float | str | bool | None) -> None:
    result = typed_value(text, kind)
    assert result == expected
    assert type(result) is type(expected)


def test_typed_value_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown column kind 'uang'"):
        typed_value("12", "uang")


def test_every_kind_has_a_reader() -> None:
    assert set(READERS) == set(COLUMN_KINDS)


def test_inferred_kind_reads_every_cell() -> None:
    column = ["Rp 25.000,-", "Rp 1.500.000,50", "", "Rp25.000"]
    kind = infer_column_type(column)
    assert [typed_value(v, kind) for v in column] == [25000, 1500000.5, None, 25000]


@given(st.text())
def test_parsers_never_raise(text: str) -> None:
    parse_number(text)
    parse_percent(text)
    parse_year(text)
    parse_date(text)
    is_checkmark(text)
    is_blank(text)
    for kind in COLUMN_KINDS:
        typed_value(text, kind)


@given(st.lists(st.text(max_size=20), max_size=10))
def test_infer_column_type_is_a_kind(values: list[str]) -> None:
    assert infer_column_type(values) in COLUMN_KINDS


@given(st.text(alphabet="0123456789.,- ()Rp%", max_size=30))
def test_parse_number_never_raises_on_numberlike_text(text: str) -> None:
    result = parse_number(text)
    assert result is None or isinstance(result, int | float)


@given(st.integers(min_value=-(10**18), max_value=10**18))
def test_int_with_thousands_dots_round_trips(n: int) -> None:
    assert parse_number(_indonesian(n)) == n
    assert parse_number(f"Rp {_indonesian(n)},-") == n


@given(st.integers(min_value=-(2**53) + 1, max_value=2**53 - 1))
def test_two_decimal_amount_round_trips(cents: int) -> None:
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    text = f"{sign}{_indonesian(whole)},{frac:02d}"
    result = parse_number(text)
    assert result == cents / 100
    assert isinstance(result, int) == (frac == 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Tariffs with the unit they are counted in (Banjarnegara Perda 8/2025 pp113-116).
        ("600.000/pemakaian", (600000, "pemakaian")),
        ("1.300.000/pemakaian", (1300000, "pemakaian")),
        ("11.000.000/ha/tahun", (11000000, "ha/tahun")),
        ("25.000/m²/tahun", (25000, "m²/tahun")),
        ("35/m2/hari", (35, "m2/hari")),
        ("600.000 / pemakaian", (600000, "pemakaian")),
        ("Rp 25.000,-/orang/hari", (25000, "orang/hari")),
        ("5.000 per kg", (5000, "kg")),
        # Bare amounts: the value, no unit.
        ("Rp 1.500.000,00", (1500000, None)),
        ("1.500.000,50", (1500000.5, None)),
        # Not an amount with a unit.
        ("271.000 jiwa", (None, None)),  # a plain word after the figure stays text
        ("26/03/2020", (None, None)),
        ("2019/2020", (None, None)),
        ("Sesuai SSH (standar satuan harga)", (None, None)),
        ("/pemakaian", (None, None)),
        ("", (None, None)),
    ],
)
def test_parse_amount(text: str, expected: tuple[int | float | None, str | None]) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # A figure wrapped inside a narrow cell (Donggala Perbup 24/2025 pp12-15).
        ("24,0\n2", "24,02"),
        ("135.380.43\n5", "135.380.435"),
        ("21.078.\n706", "21.078.706"),
        ("1.53\n9", "1.539"),
        ("35,9\n4", "35,94"),
        ("0,5\n5%", "0,55%"),
        # Reads as printed, or two figures, or words: not joined.
        ("0,07\n%", None),  # "0,07 %" is a percentage already
        ("473.156.408", None),
        ("12\n13", None),
        ("30.000\n60.000", None),
        ("Rp\n5.000", None),
        ("abc\n1", None),
    ],
)
def test_unwrap_figure(raw: str, expected: str | None) -> None:
    assert unwrap_figure(raw) == expected


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("600.000/pemakaian", "bilangan", 600000),
        ("Rp 1.500.000,00/bulan", "rupiah", 1500000),
        ("271.000 jiwa", "bilangan", None),
    ],
)
def test_typed_value_of_an_amount_with_a_unit(text: str, kind: str, expected: int | None) -> None:
    assert typed_value(text, kind) == expected


def test_a_column_of_amounts_with_units_is_numeric() -> None:
    assert infer_column_type(["600.000/pemakaian", "1.300.000/pemakaian", "-"]) == "bilangan"
