"""Responsible units resolved against a glossary built from definitions."""

from __future__ import annotations

import pytest

from pipeline.models import Definisi
from pipeline.normalize.units import Glossary


def _d(no: int, istilah: str, definisi: str, singkatan: str | None = None) -> Definisi:
    return Definisi(id=f"d{no}", dokumen_id="x", no=str(no), istilah=istilah, definisi=definisi,
                    singkatan=singkatan, halaman=1)  # fmt: skip


GLOSSARY = Glossary(
    [
        _d(1, "Satuan Kerja Perangkat Daerah", "Satuan Kerja Perangkat Daerah pada Pemerintah.", "SKPD"),
        _d(2, "Dinas Komunikasi dan Informatika",
           "Dinas Komunikasi dan Informatika Kabupaten Contoh.", "Dinas Kominfo"),
        _d(3, "Badan Kepegawaian Daerah", "Badan Kepegawaian Daerah Kabupaten Contoh.", "BKD"),
        _d(4, "Bagian Organisasi", "Bagian Organisasi Sekretariat Daerah Kabupaten Contoh."),
        _d(5, "Dinas Arpus", "Dinas Arsip dan Perpustakaan Kabupaten Contoh."),
        _d(6, "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
           "Badan Perencanaan Kabupaten Contoh.", "Bappeda Litbang"),
    ]
)  # fmt: skip


@pytest.mark.parametrize(
    ("cell", "units"),
    [
        ("BKD", ["Badan Kepegawaian Daerah"]),
        ("DinasKominfo", ["Dinas Komunikasi dan Informatika"]),
        ("dinas  kominfo", ["Dinas Komunikasi dan Informatika"]),
        ("BKD Dinas Kominfo", ["Badan Kepegawaian Daerah", "Dinas Komunikasi dan Informatika"]),
        ("Bappeda Litbang dan Dinas Kominfo",
         ["Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
          "Dinas Komunikasi dan Informatika"]),
        ("Bagian Organisasi dan seluruh SKPD", ["Bagian Organisasi", "Satuan Kerja Perangkat Daerah"]),
        # A curated alias resolves to the unit whose definition names it in full.
        ("Disarpus", ["Dinas Arpus"]),
        ("", []),
    ],
)  # fmt: skip
def test_resolve(cell: str, units: list[str]) -> None:
    assert [r.unit for r in GLOSSARY.resolve(cell)] == units


def test_unknown_name_is_kept_with_a_suggestion() -> None:
    (r,) = GLOSSARY.resolve("Disarplus")
    assert (r.teks, r.unit, r.cara, r.saran) == ("Disarplus", None, "tidak_dikenal", "Dinas Arpus")


def test_how_each_unit_was_found() -> None:
    assert [r.cara for r in GLOSSARY.resolve("Bagian Organisasi, BKD dan Disarpus")] == [
        "definisi", "singkatan", "alias",
    ]  # fmt: skip


# The tokenizer that adds its special cases on demand tokenizes as spaCy's own blank("id").
_SPECIAL_TEXTS = [
    "Dinas anak-anak (abang-abang) dll. °C. a.n. Kepala",
    "masing-masing SKPD/Unit Kerja; Bagian Hukum,Setda",
    "kupu-kupu\tbapak-bapak\nibu-ibu  jum’at Jum’at",
    "(°F.) -°k. hari-hari, sehari-hari.",
    "anak - anak anak-anakan anak-anak-anak",
]


@pytest.fixture(scope="module")
def full_tokenizer() -> object:
    import spacy

    return spacy.blank("id").tokenizer


def _tokens(doc: object) -> list[tuple[str, str]]:
    return [(t.text, t.whitespace_) for t in doc]  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", _SPECIAL_TEXTS)
def test_special_cases_on_demand_tokenize_as_spacy(text: str, full_tokenizer: object) -> None:
    from pipeline.normalize.units import SpecialCasesOnDemand, nlp

    fresh = SpecialCasesOnDemand(nlp())
    assert _tokens(fresh(text)) == _tokens(full_tokenizer(text))  # type: ignore[operator]
    # A special case added for an earlier text changes nothing for a later one.
    assert _tokens(nlp().make_doc(text)) == _tokens(full_tokenizer(text))  # type: ignore[operator]


def test_special_cases_on_demand_random_texts(full_tokenizer: object) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from spacy.lang.id import Indonesian

    from pipeline.normalize.units import SpecialCasesOnDemand, nlp

    keys = sorted(Indonesian.Defaults.tokenizer_exceptions)[::37]
    piece = st.one_of(
        st.sampled_from(keys),
        st.sampled_from(["(", ")", ",", ".", "-", "/", ";", "Dinas", "anak", "a", "n", "°"]),
    )
    blank = st.sampled_from(["", " ", "  ", "\n"])

    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(st.lists(st.tuples(piece, blank), min_size=1, max_size=8))
    def check(parts: list[tuple[str, str]]) -> None:
        text = "".join(p + b for p, b in parts)
        fresh = SpecialCasesOnDemand(nlp())
        assert _tokens(fresh(text)) == _tokens(full_tokenizer(text))  # type: ignore[operator]

    check()
