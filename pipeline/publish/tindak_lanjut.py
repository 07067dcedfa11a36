"""Follow-up of findings: `tindak_lanjut.csv`, the one file a reviewer (Bagian Hukum) edits.

Each run keeps it up to date: a row per finding of every document it processed or
validated (dokumen_id, id_temuan, and the finding's severity, code, page and message for the
reader), with the reviewer's columns `status`, `catatan`, `oleh`, `tanggal` carried over
unchanged by (dokumen_id, id_temuan); a finding id is stable (its code and the record or
table it points at), so a decision survives a rerun. `aktif` says whether the finding is
still there: a finding that is gone keeps its row only when a reviewer wrote something in
it (nothing a reviewer wrote is lost; undecided rows of gone findings are dropped). The QA
report shows each decision; galat whose status is in EXEMPT are not counted by --strict.

Default place: validations/tindak_lanjut.csv beside the default reports folder; with another
reports folder, <reports>/tindak_lanjut.csv.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.digest import sha256_text
from pipeline.models import Temuan
from pipeline.publish.files import write_atomically

FILE_NAME = "tindak_lanjut.csv"
COLUMNS = ("dokumen_id", "id_temuan", "tingkat", "kode", "halaman", "pesan",
           "status", "catatan", "oleh", "tanggal", "aktif")  # fmt: skip
DECISION_COLUMNS = ("status", "catatan", "oleh", "tanggal")
# status -> label shown in the report (Bahasa Indonesia). "" is no decision yet.
STATUSES: dict[str, str] = {
    "": "Belum ditinjau",
    "diterima": "Diterima apa adanya",
    "bukan_masalah": "Bukan masalah (temuan keliru)",
    "akan_diperbaiki": "Akan diperbaiki",
    "sudah_diperbaiki": "Sudah diperbaiki di naskah",
}
# Decisions that take a galat out of --strict: the reviewer accepted it as it stands.
EXEMPT = frozenset({"diterima", "bukan_masalah"})
ACTIVE, INACTIVE = "ya", "tidak"


@dataclass(frozen=True, slots=True)
class Keputusan:
    """A reviewer's decision on one finding."""

    status: str = ""
    catatan: str = ""
    oleh: str = ""
    tanggal: str = ""

    @property
    def label(self) -> str:
        return STATUSES.get(self.status, self.status)

    @property
    def exempt(self) -> bool:
        return self.status in EXEMPT


# dokumen_id -> id_temuan -> decision
Decisions = Mapping[str, Mapping[str, Keputusan]]


def default_path(reports_dir: Path, default_reports: Path) -> Path:
    """Where the follow-up file of `reports_dir` lives (see the module docstring)."""
    if reports_dir == default_reports:
        return default_reports.parent / FILE_NAME
    return reports_dir / FILE_NAME


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    text = path.read_text("utf-8-sig")  # a spreadsheet may save it with a BOM
    return [
        {c: (row.get(c) or "").strip() for c in COLUMNS}
        for row in csv.DictReader(io.StringIO(text))
    ]


def load(path: Path) -> tuple[dict[str, dict[str, Keputusan]], list[str]]:
    """The decisions in `path` (none when it does not exist), and a notice per row whose
    status is not in STATUSES (that row counts as undecided, and is kept as written)."""
    decisions: dict[str, dict[str, Keputusan]] = {}
    notices: list[str] = []
    for line, row in enumerate(_rows(path), start=2):
        status = row["status"].lower()
        if status not in STATUSES:
            notices.append(
                f"{path}: line {line}: unknown status {row['status']!r} for "
                f"{row['id_temuan']} (known: {', '.join(s for s in STATUSES if s)}); "
                "counted as not reviewed"
            )
            status = ""
        decision = Keputusan(status, row["catatan"], row["oleh"], row["tanggal"])
        if decision != Keputusan():
            decisions.setdefault(row["dokumen_id"], {})[row["id_temuan"]] = decision
    return decisions, notices


def digest(decisions: Mapping[str, Keputusan]) -> str:
    """A hash of one document's decisions (its report shows them: a changed decision means
    the report must be written again)."""
    text = "\n".join(
        "\t".join((key, d.status, d.catatan, d.oleh, d.tanggal))
        for key, d in sorted(decisions.items())
    )
    return sha256_text(text)


def counted_galat(temuan: Iterable[Temuan], decisions: Mapping[str, Keputusan]) -> int:
    """The galat that --strict counts: those no decision exempts."""
    return sum(
        1 for t in temuan if t.tingkat == "galat" and not decisions.get(t.id, Keputusan()).exempt
    )


def update(path: Path, findings: Mapping[str, Sequence[Temuan]]) -> None:
    """Bring `path` up to date with the findings of the documents in `findings`: a row for
    every finding (the reviewer's columns carried over, new ones empty), rows of findings
    that are gone kept with aktif "tidak" when they carry a decision (dropped when they do
    not); rows of other documents untouched. Rows sorted by
    document, then the findings' own order, then gone findings by id. Written atomically;
    the same findings and decisions give the same bytes. Nothing is written when nothing
    changes, nor when the file does not exist and `findings` is empty."""
    old = _rows(path)
    by_key = {(r["dokumen_id"], r["id_temuan"]): r for r in old}
    out: list[dict[str, str]] = []
    documents = sorted({r["dokumen_id"] for r in old} | set(findings))
    for dokumen_id in documents:
        if dokumen_id not in findings:
            out.extend(r for r in old if r["dokumen_id"] == dokumen_id)
            continue
        current = set()
        for t in findings[dokumen_id]:
            current.add(t.id)
            before = by_key.get((dokumen_id, t.id), {})
            row = {
                "dokumen_id": dokumen_id, "id_temuan": t.id, "tingkat": t.tingkat,
                "kode": t.kode, "halaman": "" if t.halaman is None else str(t.halaman),
                "pesan": t.pesan, "aktif": ACTIVE,
            }  # fmt: skip
            row.update({c: before.get(c, "") for c in DECISION_COLUMNS})
            out.append(row)
        gone = sorted(
            (
                r
                for r in old
                if r["dokumen_id"] == dokumen_id
                and r["id_temuan"] not in current
                and any(r[c] for c in DECISION_COLUMNS)
            ),
            key=lambda r: r["id_temuan"],
        )
        out.extend({**r, "aktif": INACTIVE} for r in gone)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(out)
    text = buffer.getvalue()
    if not path.is_file() and not findings:
        return  # a run that published nothing leaves no empty follow-up file behind
    if path.is_file() and path.read_text("utf-8-sig") == text:
        return
    write_atomically(path, text)
