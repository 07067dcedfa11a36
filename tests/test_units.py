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
