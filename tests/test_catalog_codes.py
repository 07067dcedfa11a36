"""Every finding code of the catalog (pipeline/validate/catalog.py) fires on some small input
(issue 20). Each case below is the smallest dataset that shows its code: a clean base (the
default's Dokumen, nothing else) plus the few records the rule reads, made from printed text
through the normalisers where the rule reads normalised fields. The whole validator runs on
it (rules, schema check, expectation suites, manifest check), as a run does.

A code with no case fails by name: write its case, or, when no input can make it fire, the
code is a finding about the catalog (dead wording to delete, or a rule that lost its check).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from pipeline.models import (
    DasarHukum,
    Dokumen,
    RencanaAksi,
    Simpul,
    Sisa,
    Tabel,
    Temuan,
)
from pipeline.validate.catalog import CATALOG
from pipeline.validate.dataset import Dataset, load_folder
from pipeline.validate.engine import validate
from tests.golden import GOLDEN_DIR, ROOT


@cache
def _golden() -> Dataset:
    return load_folder(GOLDEN_DIR)


@cache
def _base_dokumen() -> Dokumen:
    """The default's Dokumen with its schedule header agreeing with the title's period, so
    that the base alone gives no finding at all."""
    dok = _golden().dokumen
    lampiran = [
        lamp.model_copy(
            update={"tahun_jadwal": list(range(2018, 2024))} if lamp.tahun_jadwal else {}
        )
        for lamp in dok.lampiran
    ]
    return dok.model_copy(update={"lampiran": lampiran})


def _base(**tables: Any) -> Dataset:
    return Dataset(dokumen=_base_dokumen(), **tables)


def _record(**changes: Any) -> RencanaAksi:
    """The default's first Rencana Aksi record (area 1, program 1, aksi a; page 20) with
    `changes`, its targets and units normalised again from the printed cells."""
    from pipeline.normalize.enrich import enrich
    from pipeline.normalize.units import Glossary

    record = _golden().rencana_aksi[0].model_copy(update=changes)
    (enriched,), _, _ = enrich([record], Glossary(_golden().definisi))
    return enriched


def _with_units(text: str) -> Dataset:
    """One record whose Penanggung Jawab cell is `text`, resolved against the default's
    definitions."""
    from pipeline.normalize.enrich import enrich
    from pipeline.normalize.units import Glossary

    record = _golden().rencana_aksi[0].model_copy(update={"penanggung_jawab_teks": text})
    recs, jadwal, pj = enrich([record], Glossary(_golden().definisi))
    return _base(rencana_aksi=recs, jadwal=jadwal, penanggung_jawab=pj)


def _node(table: str, id_: str, tingkat: str, teks: str | None, **changes: Any) -> Simpul:
    """A body (pasal) or lampiran node, shaped as the default's first node of that table."""
    first = getattr(_golden(), table)[0]
    fields = {"id": id_, "induk_id": None, "tingkat": tingkat, "nomor": None, "judul": None}
    return first.model_copy(update={**fields, "teks": teks, **changes})


def _numbered(n: int, printed: str, **changes: Any) -> RencanaAksi:
    """A record of area n, its area number printed as `printed`."""
    base = _golden().rencana_aksi[0]
    return base.model_copy(
        update={"id": f"lampiran_2__area_{n}__aksi_a", "area_no": n, "area_no_tercetak": printed,
                **changes}
    )  # fmt: skip


def _dasar_hukum(jenis: str) -> DasarHukum:
    (row,) = [r for r in _golden().dasar_hukum if r.jenis == jenis and r.mengubah_id is None][:1]
    return row


def _generic_table(rows: list[dict[str, Any]]) -> Dataset:
    """A generic lampiran table (no known kind): No, Uraian, Jumlah (a number column)."""
    kolom = ["id", "no", "uraian", "jumlah", "jumlah__nilai", "halaman_awal", "halaman_akhir"]
    tipe = ["teks", "teks", "teks", "bilangan", "bilangan", "bilangan", "bilangan"]
    table = Tabel(
        id="lampiran_1__tabel_9", dokumen_id=_base_dokumen().dokumen_id, lampiran=1,
        judul="Tabel uji", jenis=None, halaman_awal=7, halaman_akhir=7, kolom=kolom,
        tipe_kolom=tipe, baris=len(rows), berkas="tabel/lampiran_1__tabel_9.csv",
    )  # fmt: skip
    full = [
        {"id": f"lampiran_1__tabel_9__{i}", "halaman_awal": 7, "halaman_akhir": 7, **r}
        for i, r in enumerate(rows, 1)
    ]
    data = _base(tabel=[table])
    data.tabel_isi[table.id] = full
    return data


def _scanned(data: Dataset) -> Dataset:
    """The dataset with its tables read by OCR."""
    data.tabel = [
        t.model_copy(update={"sumber_teks": "ocr", "keyakinan_ocr": 80.0}) for t in data.tabel
    ]
    return data


def _row(no: str, uraian: str, jumlah: str | None, nilai: float | None) -> dict[str, Any]:
    return {"no": no, "uraian": uraian, "jumlah": jumlah, "jumlah__nilai": nilai}


def _folder(tmp: Path, rows: dict[str, list[dict[str, Any]]]) -> Path:
    """A published folder holding dokumen.json and the given tables' JSON, nothing else."""
    folder = tmp / "dok"
    folder.mkdir()
    (folder / "dokumen.json").write_text(_base_dokumen().model_dump_json(), "utf-8")
    for name, content in rows.items():
        (folder / f"{name}.json").write_text(json.dumps(content), "utf-8")
    return folder


# ---- one case per code: (dataset, published folder or None) ----

Case = Callable[[Path], tuple[Dataset, Path | None]]


def _data(make: Callable[[], Dataset]) -> Case:
    return lambda _tmp: (make(), None)


CASES: dict[str, Case] = {
    # Page 20's first record with the target cells rewritten as drafters get them wrong.
    "target-placeholder": _data(lambda: _base(rencana_aksi=[
        _record(indikator_target="Jumlah layanan (... (.....) layanan)")])),
    "target-kosong": _data(lambda: _base(rencana_aksi=[
        _record(indikator_target="Jumlah Keputusan Bupati yang disusun")])),
    "target-tidak-konsisten": _data(lambda: _base(rencana_aksi=[
        _record(indikator_target="Jumlah dokumen (3 (dua) dokumen)")])),
    "target-format-rusak": _data(lambda: _base(rencana_aksi=[
        _record(indikator_target="Jumlah dokumen ((satu) dokumen)")])),
    "target-persen-lebih-100": _data(lambda: _base(rencana_aksi=[
        _record(indikator_target="% SKPD (120% (seratus dua puluh persen))")])),
    "satuan-tidak-dikenal": _data(lambda: _base(rencana_aksi=[
        _record(indikator_target="Jumlah pusaka (2 (dua) keris pusaka)")])),
    # Numbering: aksi a then c; one aksi printed twice with other content, or the same.
    "nomor-terlewat": _data(lambda: _base(rencana_aksi=[
        _record(), _record(id="lampiran_2__area_1__program_1__aksi_c__indikator_1",
                           aksi_no="c", aksi_no_tercetak="c.")])),
    "nomor-ganda": _data(lambda: _base(pasal=[
        _node("pasal", "bab_1__pasal_1", "pasal", "Satu.", nomor="1"),
        _node("pasal", "bab_1__pasal_1__ulang_2", "pasal", "Dua.", nomor="1")])),
    "blok-tercetak-dua-kali": _data(lambda: _base(rencana_aksi=[
        _record(), _record(id=_golden().rencana_aksi[0].id + "__ulang_2")])),
    "nomor-tanpa-titik": _data(lambda: _base(rencana_aksi=[
        _numbered(1, "1."), _numbered(2, "2."), _numbered(3, "3")])),
    # Schedule.
    "tanpa-tahun": _data(lambda: _base(rencana_aksi=[_record(tahun_pelaksanaan=[])])),
    "tahun-di-luar-periode": _data(lambda: _base(rencana_aksi=[
        _record(tahun_pelaksanaan=[2024])])),
    "periode-tabel-berbeda": _data(lambda: Dataset(dokumen=_golden().dokumen)),  # 2019-2023
    # Responsible units: a name no definition or alias knows. Abbreviations: one the
    # lampiran uses and never defines.
    "unit-tidak-dikenal": _data(lambda: _with_units("Dinas Entah Berantah")),
    "singkatan-tidak-didefinisikan": _data(lambda: _base(lampiran=[
        _node("lampiran", "lampiran_1__bab_1", "bab", "Disusun oleh TKPRB setiap tahun.")])),
    # Cross-table.
    "jumlah-teks-vs-tabel": _data(lambda: _base(
        lampiran=[_node("lampiran", "lampiran_1__bab_3", "bab", "Terdiri atas 3 (tiga) program.")],
        program=[p for p in _golden().program if p.no == "1"][:1])),
    "area-tidak-cocok": _data(lambda: _base(
        rencana_aksi=[_record(area="Pengelolaan Pusaka Daerah")],
        area_perubahan=_golden().area_perubahan[:1])),
    "area-tanpa-nama": _data(lambda: _base(rencana_aksi=[_record(area=None)])),
    "sistematika-tidak-cocok": _data(lambda: _base(
        pasal=[_node("pasal", "bab_3__pasal_4", "pasal",
                     "BAB I : PENDAHULUAN BAB II : PENUTUP", nomor="4")],
        lampiran=[_node("lampiran", "lampiran_1__bab_1", "bab", None, nomor="I",
                        judul="PENDAHULUAN"),
                  _node("lampiran", "lampiran_1__bab_2", "bab", None, nomor="II",
                        judul="GAMBARAN UMUM")])),
    # Dasar hukum: a Perda before a UU; a UU of 2011 before one of 1999; a Lembaran
    # Negara year before the law's own year; an item the citation grammar cannot read.
    "urutan-hierarki": _data(lambda: _base(dasar_hukum=[
        _dasar_hukum("Peraturan Daerah"), _dasar_hukum("Undang-Undang")])),
    "urutan-kronologis": _data(lambda: _base(dasar_hukum=sorted(
        [r for r in _golden().dasar_hukum if r.jenis == "Undang-Undang" and not r.mengubah_id],
        key=lambda r: -r.tahun)[:2])),
    "tahun-publikasi-sebelum-peraturan": _data(lambda: _base(dasar_hukum=[
        _dasar_hukum("Undang-Undang").model_copy(update={"lembaran_negara_tahun": 1990})])),
    "perubahan-sitasi-tidak-konsisten": _data(lambda: Dataset(
        dokumen=_base_dokumen().model_copy(update={
            "tentang": "PERUBAHAN ATAS PERATURAN BUPATI MAGETAN NOMOR 14 TAHUN 2020 TENTANG "
                       "ROAD MAP REFORMASI BIROKRASI"}),
        pasal=[_node("pasal", "mengingat__angka_9", "angka",
                     "Peraturan Bupati Magetan Nomor 41 Tahun 2020 tentang Road Map Reformasi "
                     "Birokrasi;")])),
    "sitasi-tidak-terurai": _data(lambda: _base(sisa=[Sisa(
        halaman=1, teks="Undang-Undang Tahun 2011 tentang Pembentukan;",
        alasan="dasar hukum tidak terurai: tanpa nomor", lokasi="mengingat__angka_1")])),
    # Definitions: a term nothing else uses.
    "istilah-tidak-digunakan": _data(lambda: _base(definisi=_golden().definisi[:1])),
    # Scans: a record OCR read with confidence 40.
    "ocr-butir-tergabung": _data(lambda: _base(pasal=[
        _node("pasal", "pasal_1", "pasal", None, nomor="1"),
        *(_node("pasal", f"pasal_1__huruf_{no}", "huruf", teks, nomor=no, induk_id="pasal_1",
                keyakinan_ocr=90.0, sumber_teks="ocr")
          for no, teks in (("a", "satu;"), ("b", "dua, c. tiga;"), ("d", "empat.")))])),
    "ocr-keyakinan-rendah": _data(lambda: _base(area_perubahan=[
        _golden().area_perubahan[0].model_copy(update={"keyakinan_ocr": 40.0,
                                                        "sumber_teks": "ocr"})])),
    # Generic lampiran tables.
    "tabel-tipe-tidak-cocok": _data(lambda: _generic_table([
        _row("1.", "Rawat jalan", "25.000", 25000), _row("2.", "Niaga", "1O.000", None)])),
    "tabel-jumlah-tidak-cocok": _data(lambda: _generic_table([
        _row("1.", "Rawat jalan", "25.000", 25000), _row("2.", "Rawat inap", "5.000", 5000),
        _row("", "Jumlah", "40.000", 40000)])),
    "tabel-nomor-terlewat": _data(lambda: _generic_table([
        _row("1.", "Rawat jalan", "25.000", 25000), _row("3.", "Rawat inap", "5.000", 5000)])),
    "tabel-nomor-ganda": _data(lambda: _generic_table([
        _row(f"{i}.", f"Desa {i}", "1.000", 1000) for i in (1, 2, 3, 4, 5, 3)])),
    "tabel-sel-kosong": _data(lambda: _generic_table([
        _row(f"{i}.", f"Desa {i}", "1.000", 1000) for i in range(1, 6)
    ] + [_row("6.", "Desa 6", None, None)])),
    # A scanned table whose total differs from its rows only as read: a row's figure OCR
    # read as letters ("li" for 11).
    "ocr-perlu-diperiksa": _data(lambda: _scanned(_generic_table([
        _row("1.", "Rawat jalan", "25.000", 25000), _row("2.", "Rawat inap", "li", None),
        _row("", "Jumlah", "40.000", 40000)]))),
    "tabel-baris-berulang": _data(lambda: _generic_table([
        _row("", name, "4.662.000", 4662000)
        for name in ("Kabupaten Lebak", "Kota Cilegon", "Kota Serang") * 2])),
    # A published folder: no manifest.json; a jadwal row whose year is words.
    "berkas-tidak-cocok": lambda tmp: (_base(), _folder(tmp, {})),
    "skema-tidak-valid": lambda tmp: (
        load_folder(_folder(tmp, {"jadwal": [{"record_id": "x", "tahun": "dua ribu"}]})), None),
    # Expectations: a page past the document's 41.
    "ekspektasi-gagal": _data(lambda: _base(rencana_aksi=[_record(halaman_akhir=99)])),
}  # fmt: skip


def _findings(code: str, tmp: Path) -> list[Temuan]:
    data, folder = CASES[code](tmp)
    return validate(data, ROOT, folder=folder)


def test_the_base_gives_no_finding() -> None:
    """What each case adds is what fires: the base dataset alone is clean."""
    assert validate(_base(), ROOT) == []


@pytest.mark.parametrize("code", sorted(CATALOG))
def test_every_catalog_code_fires_on_some_input(code: str, tmp_path: Path) -> None:
    assert code in CASES, (
        f"no input makes {code!r} fire: add a case here, or the catalog holds a code no "
        "rule gives (a finding about the catalog)"
    )
    found = [t for t in _findings(code, tmp_path) if t.kode == code]
    assert found, f"{code}: the case gave no such finding"
    assert all(t.tingkat == CATALOG[code].tingkat and t.pesan for t in found)


def test_every_case_names_a_catalog_code() -> None:
    assert set(CASES) <= set(CATALOG), set(CASES) - set(CATALOG)
