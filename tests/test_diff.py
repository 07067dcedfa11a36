"""The amendment diff, on SYNTHETIC Rencana Aksi PDFs drawn from the default document's records.

An "original" PDF prints areas 1-2 of the default table (19 records); an "amended" one changes
a target, adds an action, removes one, renumbers a program and changes a responsible unit.
Both go through the whole pipeline (`process`), so the diff is tested on what a real run
publishes, not on hand-made records.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from pipeline.diff import Perubahan, diff_datasets, diff_folders, render_diff, write_diff
from pipeline.models import Dokumen, RencanaAksi
from pipeline.run import process
from pipeline.validate.dataset import Dataset
from pipeline.validate.engine import dataset_of
from tests.amendment_pdf import draw_rencana_aksi
from tests.conftest import GOLDEN_DIR
from tests.pdfgen import F4_LANDSCAPE

PREFIX = "lampiran_0__"  # no LAMPIRAN block in the synthetic PDFs: lampiran 0
TARGET_ID = f"{PREFIX}area_1__program_1__aksi_a__indikator_1"
REMOVED_ID = f"{PREFIX}area_1__program_1__aksi_c__indikator_1"
ADDED_ID = f"{PREFIX}area_1__program_3__aksi_h__indikator_1"
UNIT_ID = f"{PREFIX}area_2__program_1__aksi_b__indikator_1"
MOVED = [
    (f"{PREFIX}area_2__program_2__aksi_{x}__indikator_1",
     f"{PREFIX}area_2__program_3__aksi_{x}__indikator_1")
    for x in ("a", "b")
]  # fmt: skip
NEW_TARGET = "Jumlah Keputusan Bupati yang disusun (2 (dua) Keputusan Bupati perubahan)"


def subset() -> list[RencanaAksi]:
    """Areas 1-2 of the default document's published table, programs 1-2 of area 2."""
    rows = json.loads((GOLDEN_DIR / "rencana_aksi.json").read_text("utf-8"))
    records = [RencanaAksi.model_validate(r) for r in rows]
    return [r for r in records if r.area_no == 1 or (r.area_no == 2 and r.program_no in ("1", "2"))]


def amended(records: list[RencanaAksi]) -> list[RencanaAksi]:
    """The SYNTHETIC amendment: one change of each kind the diff reports."""
    out: list[RencanaAksi] = []
    for r in records:
        key = (str(r.area_no), r.program_no, r.aksi_no)
        if key == ("1", "1", "a"):
            r = r.model_copy(update={"indikator_target": NEW_TARGET})
        elif key == ("1", "1", "c"):
            continue  # removed
        elif key == ("2", "1", "b"):
            r = r.model_copy(update={"penanggung_jawab_teks": "Bagian Organisasi"})
        elif key[:2] == ("2", "2"):
            r = r.model_copy(update={"program_no": "3", "program_no_tercetak": "3."})
        out.append(r)
        if key == ("1", "3", "g"):
            out.append(
                r.model_copy(
                    update={
                        "aksi_no": "h",
                        "aksi_no_tercetak": "h.",
                        "rencana_aksi": "Penyusunan survei kepuasan masyarakat atas layanan",
                        "kriteria_keberhasilan": "Tersusunnya laporan survei tahunan",
                        "indikator_target": "Jumlah laporan survei (1 (satu) laporan/tahun)",
                        "tahun_pelaksanaan": [2021, 2022],
                        "penanggung_jawab_teks": "Bagian Umum",
                    }
                )
            )
    return out


@dataclass(frozen=True)
class Versions:
    asli: Dataset
    perubahan: Dataset
    cetak_ulang: Dataset  # the original records on another page size, other column widths


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> Versions:
    folder = tmp_path_factory.mktemp("sintetis")
    records = subset()
    asli = draw_rencana_aksi(folder / "sintetis-asli.pdf", records)
    ubah = draw_rencana_aksi(folder / "sintetis-perubahan.pdf", amended(records))
    ulang = draw_rencana_aksi(
        folder / "sintetis-cetak-ulang.pdf", records, scale=1.15, pagesize=F4_LANDSCAPE
    )
    return Versions(*(dataset_of(process(p)) for p in (asli, ubah, ulang)))


def summary(changes: list[Perubahan]) -> list[tuple[str, str | None, str | None, list[str]]]:
    return [(c.jenis, c.id_lama, c.id_baru, c.kolom) for c in changes]


def test_synthetic_original_round_trips(versions: Versions) -> None:
    """Guard for the fixture itself: the drawn table parses back to the records it came from."""
    got = versions.asli.rencana_aksi
    want = subset()
    assert len(got) == len(want) == 19
    for a, b in zip(want, got, strict=True):
        assert b.id == PREFIX + a.id.removeprefix("lampiran_2__")
        assert (b.indikator_target, b.rencana_aksi, b.area, b.hasil_indikator) == (
            a.indikator_target,
            a.rencana_aksi,
            a.area,
            a.hasil_indikator,
        )


def test_amendment_gives_exactly_the_expected_changes(versions: Versions) -> None:
    changes = diff_datasets(versions.asli, versions.perubahan)
    target_kolom = ["indikator_target", "target_teks", "target_nilai", "target_terbilang"]
    added = changes[2]
    assert summary(changes) == [
        ("diubah", TARGET_ID, TARGET_ID, target_kolom),
        ("dihapus", REMOVED_ID, None, changes[1].kolom),
        ("ditambah", None, ADDED_ID, added.kolom),
        ("diubah", UNIT_ID, UNIT_ID, ["penanggung_jawab_teks"]),
        ("dipindah", *MOVED[0], ["program_no", "program_no_tercetak"]),
        ("dipindah", *MOVED[1], ["program_no", "program_no_tercetak"]),
    ]
    assert {c.tabel for c in changes} == {"rencana_aksi"}
    # Added / removed rows list every filled content column with its value.
    assert "indikator_target" in changes[1].kolom and changes[1].nilai_baru == {}
    assert added.nilai_lama == {}
    assert added.nilai_baru["rencana_aksi"] == (
        "Penyusunan survei kepuasan masyarakat atas layanan"
    )
    assert added.nilai_baru["tahun_pelaksanaan"] == [2021, 2022]
    assert [c.id for c in changes] == [
        f"diubah__{TARGET_ID}",
        f"dihapus__{REMOVED_ID}",
        f"ditambah__{ADDED_ID}",
        f"diubah__{UNIT_ID}",
        f"dipindah__{MOVED[0][0]}",
        f"dipindah__{MOVED[1][0]}",
    ]


def test_target_change_shows_raw_and_normalised_values(versions: Versions) -> None:
    first = diff_datasets(versions.asli, versions.perubahan)[0]
    assert first.menyentuh_target
    assert first.nilai_lama["target_nilai"] == 1 and first.nilai_baru["target_nilai"] == 2
    assert first.nilai_baru["indikator_target"] == NEW_TARGET
    assert first.halaman_lama == [1] and first.halaman_baru == [1]
    assert "target_nilai: 1 -> 2" in first.ringkasan


def test_renumbered_program_is_a_move_not_delete_and_add(versions: Versions) -> None:
    changes = diff_datasets(versions.asli, versions.perubahan)
    moved = [c for c in changes if c.jenis == "dipindah"]
    assert [(c.nilai_lama, c.nilai_baru) for c in moved] == [
        ({"program_no": "2", "program_no_tercetak": "2."},
         {"program_no": "3", "program_no_tercetak": "3."}),
    ] * 2  # fmt: skip
    assert moved[0].ringkasan.startswith(f"rencana_aksi: dipindah dari {MOVED[0][0]} ke ")


def test_same_regulation_printed_again_diffs_to_nothing(versions: Versions) -> None:
    """Other widths, other paper size, other file: provenance differs, content does not."""
    again = versions.cetak_ulang
    assert again.dokumen.sumber_sha256 != versions.asli.dokumen.sumber_sha256
    assert again.dokumen.dokumen_id != versions.asli.dokumen.dokumen_id
    pages = [r.halaman_awal for r in versions.asli.rencana_aksi]
    assert pages != [r.halaman_awal for r in again.rencana_aksi]  # other page breaks
    assert diff_datasets(versions.asli, again) == []
    assert diff_datasets(again, versions.asli) == []


def test_provenance_alone_is_no_change(versions: Versions) -> None:
    moved_pages = [
        r.model_copy(
            update={
                "halaman_awal": r.halaman_awal + 40,
                "halaman_akhir": r.halaman_akhir + 41,
                "sumber_sha256": "0" * 64,
                "dokumen_id": "lain",
            }
        )
        for r in versions.asli.rencana_aksi
    ]
    other = Dataset(dokumen=versions.asli.dokumen, rencana_aksi=moved_pages)
    assert diff_datasets(versions.asli, other, ("rencana_aksi",)) == []


def test_dataset_with_itself_is_empty(versions: Versions) -> None:
    for data in (versions.asli, versions.perubahan):
        assert diff_datasets(data, data) == []
    assert diff_folders(GOLDEN_DIR, GOLDEN_DIR) == []


def test_diff_is_deterministic(versions: Versions, tmp_path: Path) -> None:
    one = diff_datasets(versions.asli, versions.perubahan)
    two = diff_datasets(versions.asli, versions.perubahan)
    assert one == two
    write_diff(one, tmp_path / "a", "asli", "perubahan")
    write_diff(two, tmp_path / "b", "asli", "perubahan")
    for name in ("perubahan.csv", "perubahan_kolom.csv", "perubahan.json", "perubahan.html"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_reverse_diff_mirrors_the_forward_one(versions: Versions) -> None:
    forward = diff_datasets(versions.asli, versions.perubahan)
    back = diff_datasets(versions.perubahan, versions.asli)
    flip = {"ditambah": "dihapus", "dihapus": "ditambah", "diubah": "diubah"}
    flip["dipindah"] = "dipindah"
    assert sorted((flip[c.jenis], c.id_baru, c.id_lama) for c in forward) == sorted(
        (c.jenis, c.id_lama, c.id_baru) for c in back
    )


def test_write_diff_files(versions: Versions, tmp_path: Path) -> None:
    changes = diff_datasets(versions.asli, versions.perubahan)
    write_diff(changes, tmp_path / "out", "Perbup 14/2020 (sintetis)", "Perubahan (sintetis)")
    csv = (tmp_path / "out" / "perubahan.csv").read_bytes().decode("utf-8")
    assert "\r" not in csv
    header = csv.split("\n", 1)[0]
    assert header == ",".join(f for f in Perubahan.model_fields if not f.startswith("nilai_"))
    frame = pd.read_csv(tmp_path / "out" / "perubahan.csv", dtype=str, keep_default_na=False)
    assert list(frame["id"]) == [c.id for c in changes]
    assert frame["kolom"][3] == "penanggung_jawab_teks"
    # The changed values in long form: one row per changed column, no JSON in any cell.
    long = pd.read_csv(tmp_path / "out" / "perubahan_kolom.csv", dtype=str, keep_default_na=False)
    assert list(long.columns) == ["perubahan_id", "tabel", "kolom", "nilai_lama", "nilai_baru"]
    first = long[long["perubahan_id"] == changes[0].id]
    row = first[first["kolom"] == "target_nilai"].iloc[0]
    assert (row["nilai_lama"], row["nilai_baru"]) == ("1", "2")
    assert not long.map(lambda v: v.startswith("{")).any().any()
    expected = sum(len(set(c.nilai_lama) | set(c.nilai_baru)) for c in changes)
    assert len(long) == expected
    text = (tmp_path / "out" / "perubahan.json").read_text("utf-8")
    assert text.endswith("]\n")
    assert [Perubahan.model_validate(x) for x in json.loads(text)] == changes


def test_html_summarises_and_is_self_contained(versions: Versions) -> None:
    changes = diff_datasets(versions.asli, versions.perubahan)
    page = render_diff(changes, "asli <v1>", "perubahan & v2")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="id">' in page
    for jenis, n in (("ditambah", 1), ("dihapus", 1), ("diubah", 2), ("dipindah", 2)):
        assert f'data-jenis="{jenis}">{n}</td>' in page
    assert 'data-jenis="jumlah">6</td>' in page
    # The added and the removed row carry a target too: three rows touch targets.
    assert 'data-jenis="target">3</td>' in page
    assert 'data-tabel="rencana_aksi" data-jenis="dipindah">2</td>' in page
    assert "asli &lt;v1&gt;" in page and "perubahan &amp; v2" in page
    # Target changes come first, in their own section.
    assert page.index("Perubahan target") < page.index(TARGET_ID) < page.index(UNIT_ID)
    assert page.index(TARGET_ID) < page.index("Perubahan lainnya")
    lowered = page.lower()
    for remote in ("http://", "https://", "<script", "<link", "src=", "url(", "@import"):
        assert remote not in lowered


def test_html_escapes_values() -> None:
    change = Perubahan(
        id="diubah__x",
        tabel="definisi",
        jenis="diubah",
        id_lama="x",
        id_baru="x",
        kolom=["definisi"],
        nilai_lama={"definisi": "<b>lama</b>"},
        nilai_baru={"definisi": 'baru "&"'},
        halaman_lama=[3],
        halaman_baru=[4],
        ringkasan="definisi x diubah",
    )
    page = render_diff([change], "a", "b")
    assert "<b>lama</b>" not in page and "&lt;b&gt;lama&lt;/b&gt;" in page
    assert "baru &quot;&amp;&quot;" in page
    assert "Tidak ada perubahan" in render_diff([], "a", "b")


# Matching rules on records in memory (no PDF): quick and exact.


def _dataset(records: list[RencanaAksi]) -> Dataset:
    dokumen = Dokumen.model_validate(json.loads((GOLDEN_DIR / "dokumen.json").read_text("utf-8")))
    return Dataset(dokumen=dokumen, rencana_aksi=records)


def test_moved_and_changed_record_lists_its_changed_fields() -> None:
    old = subset()[:3]
    c = old[2]
    moved = c.model_copy(
        update={"id": c.id.replace("aksi_c", "aksi_d"), "aksi_no": "d", "aksi_no_tercetak": "d.",
                "penanggung_jawab_teks": "Bagian Organisasi Setda"}
    )  # fmt: skip
    changes = diff_datasets(_dataset(old), _dataset([*old[:2], moved]))
    assert summary(changes) == [
        ("dipindah", c.id, moved.id, ["aksi_no", "penanggung_jawab_teks", "aksi_no_tercetak"])
    ]


def test_dissimilar_records_are_removed_and_added_not_moved() -> None:
    old = subset()[:3]
    c = old[2]
    other = c.model_copy(
        update={"id": c.id.replace("aksi_c", "aksi_d"), "aksi_no": "d",
                "rencana_aksi": "Pengadaan kendaraan dinas operasional",
                "indikator_target": "Jumlah kendaraan (3 (tiga) unit)"}
    )  # fmt: skip
    changes = diff_datasets(_dataset(old), _dataset([*old[:2], other]))
    assert [(x.jenis, x.id_lama, x.id_baru) for x in changes] == [
        ("dihapus", c.id, None),
        ("ditambah", None, other.id),
    ]


def test_similarity_pairs_best_match_first() -> None:
    """Two removed, two added near-copies: each pairs with its closest, not the first seen."""
    base = subset()[3:5]
    renumbered = [
        r.model_copy(update={"id": r.id.replace("program_2", "program_9"), "program_no": "9"})
        for r in reversed(base)
    ]
    changes = diff_datasets(_dataset(base), _dataset(renumbered))
    assert sorted((x.id_lama, x.id_baru) for x in changes) == sorted(
        (r.id, r.id.replace("program_2", "program_9")) for r in base
    )
    assert {x.jenis for x in changes} == {"dipindah"}


def test_unknown_table_is_an_error() -> None:
    data = _dataset([])
    with pytest.raises(ValueError, match="unknown table"):
        diff_datasets(data, data, ("rencana_aksi", "tidak_ada"))


def test_a_change_in_spacing_only_is_flagged_and_listed_last() -> None:
    """A line broken elsewhere by another print joins or spaces two words ('95 % (sembilan'
    / '95 %(sembilan'): still a change (the print cannot say which text was meant), flagged
    `hanya_spasi` and shown apart; a change of wording beside it is not flagged."""
    old = subset()[:2]
    a, b = old
    assert a.indikator_target and " " in a.indikator_target
    spaced = a.model_copy(update={"indikator_target": a.indikator_target.replace(" ", "", 1)})
    worded = b.model_copy(update={"penanggung_jawab_teks": "Bagian Organisasi Setda"})
    changes = diff_datasets(_dataset(old), _dataset([spaced, worded]))
    flags = {c.id_baru: (c.kolom, c.hanya_spasi) for c in changes}
    assert flags == {a.id: (["indikator_target"], True), b.id: (["penanggung_jawab_teks"], False)}
    spacing = next(c for c in changes if c.hanya_spasi)
    assert spacing.ringkasan.endswith("(hanya beda spasi)")
    page = render_diff(changes, "a", "b")
    assert 'data-jenis="spasi">1<' in page
    # The spacing-only change comes after the worded one, in its own section.
    assert page.index(b.id) < page.index("Hanya beda spasi (1)") < page.index(f'id="{spacing.id}"')


def test_a_change_of_spacing_and_wording_is_not_spacing_only() -> None:
    old = subset()[:1]
    a = old[0]
    assert a.indikator_target and a.rencana_aksi and " " in a.rencana_aksi
    both = a.model_copy(
        update={
            "rencana_aksi": a.rencana_aksi.replace(" ", "", 1),
            "indikator_target": a.indikator_target + " lagi",
        }
    )
    changes = diff_datasets(_dataset(old), _dataset([both]))
    assert [(sorted(c.kolom), c.hanya_spasi) for c in changes] == [
        (["indikator_target", "rencana_aksi"], False)
    ]


def test_how_a_record_was_read_is_no_change() -> None:
    """A scan and a text-layer print of one regulation differ in how their records were
    read (OCR confidence, text source, an item number repaired from its sequence), not in
    what they say: no change; a changed text beside it still is one."""
    old = subset()[:2]
    a, b = old
    scanned = a.model_copy(
        update={
            "sumber_teks": "ocr",
            "keyakinan_ocr": 41.0,
            "keyakinan_rencana_aksi": 41.0,
            "nomor_diperbaiki": ["aksi_no=Cc."],
        }
    )
    reworded = b.model_copy(update={"sumber_teks": "ocr", "rencana_aksi": "Teks lain"})
    changes = diff_datasets(_dataset(old), _dataset([scanned, reworded]))
    assert [(c.id_baru, c.kolom) for c in changes] == [(b.id, ["rencana_aksi"])]
