"""Issue 19 item 3: the reviewers' follow-up file, tindak_lanjut.csv. Decisions are carried
by stable finding id across runs, shown in the report, and accepted galat leave --strict."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from pipeline.cli import EXIT_OK, EXIT_STRICT, main
from pipeline.models import Temuan
from pipeline.publish.tindak_lanjut import (
    COLUMNS,
    Keputusan,
    counted_galat,
    default_path,
    digest,
    load,
    update,
)
from tests.conftest import DEFAULT_PDF


def _t(n: int, tingkat: str = "galat", kode: str = "target-placeholder") -> Temuan:
    return Temuan(
        id=f"{kode}__r{n}", kode=kode, tingkat=tingkat, tabel="rencana_aksi",
        record_id=f"r{n}", kolom=None, halaman=n, kutipan=None, pesan=f"pesan {n}", saran=None,
    )  # fmt: skip


def _read(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8"))))


def _decide(path: Path, decisions: dict[str, tuple[str, str, str, str]]) -> None:
    """Edit the file as a reviewer would: fill status, catatan, oleh, tanggal by id."""
    rows = _read(path)
    for row in rows:
        if row["id_temuan"] in decisions:
            row["status"], row["catatan"], row["oleh"], row["tanggal"] = decisions[row["id_temuan"]]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_update_carries_decisions_by_id(tmp_path: Path) -> None:
    path = tmp_path / "tindak_lanjut.csv"
    update(path, {"dok-a": [_t(1), _t(2, "info"), _t(5)], "dok-b": [_t(3)]})
    rows = _read(path)
    assert list(rows[0]) == list(COLUMNS)
    assert [(r["dokumen_id"], r["id_temuan"], r["status"], r["aktif"]) for r in rows] == [
        ("dok-a", "target-placeholder__r1", "", "ya"),
        ("dok-a", "target-placeholder__r2", "", "ya"),
        ("dok-a", "target-placeholder__r5", "", "ya"),
        ("dok-b", "target-placeholder__r3", "", "ya"),
    ]
    _decide(path, {"target-placeholder__r1": ("diterima", "disengaja", "Budi", "2026-12-01"),
                   "target-placeholder__r2": ("sudah_diperbaiki", "", "Ani", "")})  # fmt: skip
    # Next run of dok-a: r1 still there, r2 (decided) and r5 (undecided) gone, r4 new;
    # dok-b not in this run.
    update(path, {"dok-a": [_t(4), _t(1)]})
    rows = _read(path)
    assert [
        (r["dokumen_id"], r["id_temuan"], r["status"], r["catatan"], r["aktif"]) for r in rows
    ] == [
        ("dok-a", "target-placeholder__r4", "", "", "ya"),
        ("dok-a", "target-placeholder__r1", "diterima", "disengaja", "ya"),
        ("dok-a", "target-placeholder__r2", "sudah_diperbaiki", "", "tidak"),
        ("dok-b", "target-placeholder__r3", "", "", "ya"),
    ]
    before = path.read_bytes()
    update(path, {"dok-a": [_t(4), _t(1)]})
    assert path.read_bytes() == before  # same findings and decisions, same bytes
    decisions, notices = load(path)
    assert decisions == {
        "dok-a": {
            "target-placeholder__r1": Keputusan("diterima", "disengaja", "Budi", "2026-12-01"),
            "target-placeholder__r2": Keputusan("sudah_diperbaiki", "", "Ani", ""),
        }
    }
    assert notices == []


def test_unknown_status_is_a_notice_and_counts_as_not_reviewed(tmp_path: Path) -> None:
    path = tmp_path / "tindak_lanjut.csv"
    update(path, {"d": [_t(1)]})
    _decide(path, {"target-placeholder__r1": ("diterma", "", "", "")})
    decisions, notices = load(path)
    assert decisions == {}
    assert len(notices) == 1 and "line 2" in notices[0] and "'diterma'" in notices[0]
    assert counted_galat([_t(1)], decisions.get("d", {})) == 1


def test_only_accepted_galat_leave_strict() -> None:
    temuan = [_t(1), _t(2), _t(3), _t(4, "peringatan")]
    decisions = {
        "target-placeholder__r1": Keputusan("diterima"),
        "target-placeholder__r2": Keputusan("bukan_masalah"),
        "target-placeholder__r3": Keputusan("akan_diperbaiki"),
        "target-placeholder__r4": Keputusan("diterima"),
    }
    assert counted_galat(temuan, decisions) == 1
    assert counted_galat(temuan, {}) == 3
    assert digest(decisions) != digest({}) and digest(decisions) == digest(dict(decisions))


def test_default_place(tmp_path: Path) -> None:
    default = Path("validations") / "reports"
    assert default_path(default, default) == Path("validations") / "tindak_lanjut.csv"
    assert default_path(tmp_path / "laporan", default) == tmp_path / "laporan" / "tindak_lanjut.csv"


def test_decisions_survive_a_rerun_show_in_the_report_and_leave_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / DEFAULT_PDF.name
    shutil.copy(DEFAULT_PDF, pdf)
    out = tmp_path / "hasil"
    assert main(["run", str(pdf), "--out", str(out), "--strict"]) == EXIT_STRICT  # 7 galat
    follow_up = out / "laporan" / "tindak_lanjut.csv"
    rows = _read(follow_up)
    galat = [r["id_temuan"] for r in rows if r["tingkat"] == "galat"]
    assert len(galat) == 7 and {r["status"] for r in rows} == {""}
    other = next(r["id_temuan"] for r in rows if r["tingkat"] == "peringatan")
    decisions = {
        g: ("diterima", f"catatan {k}", "Bagian Hukum", "2026-12-02") for k, g in enumerate(galat)
    }
    decisions[other] = ("akan_diperbaiki", "perbaiki di naskah perubahan", "Ani", "2026-12-02")
    _decide(follow_up, decisions)
    capsys.readouterr()

    # The next run carries the decisions (the report shows them) and --strict passes.
    assert main(["run", str(pdf), "--out", str(out), "--strict"]) == EXIT_OK
    printed = capsys.readouterr().out
    assert "follow-up: 8 reviewed, 7 galat accepted (not counted by --strict)" in printed
    assert "unchanged" not in printed  # decisions changed: the report is written again
    after = {
        r["id_temuan"]: (r["status"], r["catatan"], r["oleh"], r["tanggal"])
        for r in _read(follow_up)
    }
    assert {k: after[k] for k in decisions} == decisions
    assert len(after) == len(rows)
    report = (out / "laporan" / "perbup-magetan-14-2020.html").read_text("utf-8")
    assert report.count('class="tindak-lanjut" data-status="diterima"') == 7
    assert report.count('class="tindak-lanjut" data-status="akan_diperbaiki"') == 1
    assert "perbaiki di naskah perubahan" in report and "catatan 6" in report
    assert "7 temuan wajib diperbaiki diterima apa adanya" in report

    # Unchanged input and decisions: reused, decisions kept, still passing.
    assert main(["run", str(pdf), "--out", str(out), "--strict"]) == EXIT_OK
    assert "unchanged" in capsys.readouterr().out
    again = {
        r["id_temuan"]: (r["status"], r["catatan"], r["oleh"], r["tanggal"])
        for r in _read(follow_up)
    }
    assert again == after

    # validate reads the same file; one galat taken back makes --strict fail again.
    folder = out / "perbup-magetan-14-2020"
    reports = ["--reports", str(out / "laporan")]
    assert main(["validate", str(folder), "--strict", *reports]) == EXIT_OK
    _decide(follow_up, {galat[0]: ("akan_diperbaiki", "", "", "")})
    assert main(["validate", str(folder), "--strict", *reports]) == EXIT_STRICT
    assert _read(follow_up)[0]["id_temuan"] in after
