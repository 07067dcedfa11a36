"""Rencana Aksi records with normalised targets, schedule and responsible units. The raw
cells stay as printed; normalised values go into fields of their own."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.models import AreaPerubahan, HasilArea, Jadwal, PenanggungJawab, RencanaAksi
from pipeline.normalize.target import parse_target
from pipeline.normalize.units import Glossary


def enrich(
    records: Sequence[RencanaAksi], glossary: Glossary
) -> tuple[list[RencanaAksi], list[Jadwal], list[PenanggungJawab]]:
    out: list[RencanaAksi] = []
    jadwal: list[Jadwal] = []
    pj_rows: list[PenanggungJawab] = []
    for r in records:
        t = parse_target(r.indikator_target)
        h = parse_target(r.hasil_indikator)
        pieces = glossary.resolve(r.penanggung_jawab_teks)
        units = list(dict.fromkeys(p.unit for p in pieces if p.unit))
        suggested = list(dict.fromkeys(p.saran for p in pieces if not p.unit and p.saran))
        out.append(
            r.model_copy(
                update={
                    "indikator": t.indikator,
                    "target_teks": t.teks,
                    "target_nilai": t.nilai,
                    "target_nilai_maks": t.nilai_maks,
                    "target_terbilang": t.terbilang,
                    "target_terbilang_cocok": t.terbilang_cocok,
                    "target_satuan": t.satuan,
                    "target_periode": t.periode,
                    "target_pembanding": t.pembanding,
                    "target_catatan": t.catatan,
                    "target_status": t.status.value,
                    "hasil_target_teks": h.teks,
                    "hasil_target_nilai": h.nilai,
                    "hasil_target_terbilang": h.terbilang,
                    "hasil_target_terbilang_cocok": h.terbilang_cocok,
                    "hasil_target_satuan": h.satuan,
                    "hasil_target_pembanding": h.pembanding,
                    "hasil_target_catatan": h.catatan,
                    "hasil_target_status": h.status.value if r.hasil_indikator else None,
                    "penanggung_jawab": units,
                    "penanggung_jawab_saran": suggested,
                }
            )
        )
        jadwal.extend(Jadwal(record_id=r.id, tahun=y) for y in r.tahun_pelaksanaan)
        pj_rows.extend(
            PenanggungJawab(
                id=f"{r.id}__pj_{k}", record_id=r.id, urutan=k, teks=p.teks, unit=p.unit,
                cara=p.cara, saran=p.saran,
            )
            for k, p in enumerate(pieces, start=1)
        )  # fmt: skip
    return out, jadwal, pj_rows


# The id rencana_aksi.py gives the second (third, ...) printing of a block: the first
# printing's id plus "__ulang_<n>".
_REPEAT_RE = re.compile(r"^(?P<first>.+)__ulang_\d+$")


def mark_repeats_and_areas(
    records: Sequence[RencanaAksi], areas: Sequence[AreaPerubahan]
) -> list[RencanaAksi]:
    """Fields that help readers of the published data, from the records themselves:

    * `duplikat_dari`: for a block printed twice, the id of its first printing (a record
      whose id is that id plus "__ulang_<n>", when that record exists);
    * `area_cadangan`: for a record whose area cell is empty, the one area name of the
      document's area tables (Tabel 3.1) that its group row names as a whole word
      ("Penguatan Akuntabilitas" -> "Akuntabilitas"), and that no other record already has
      as its area; None when none or several fit.
    """
    ids = {r.id for r in records}
    used = {r.area.casefold() for r in records if r.area}
    names = list(dict.fromkeys(a.area for a in areas if a.area and a.area.casefold() not in used))
    out: list[RencanaAksi] = []
    for r in records:
        update: dict[str, str | None] = {}
        if (m := _REPEAT_RE.match(r.id)) and m.group("first") in ids:
            update["duplikat_dari"] = m.group("first")
        if not r.area and r.kelompok:
            fits = [n for n in names if _names(r.kelompok, n)]
            update["area_cadangan"] = fits[0] if len(fits) == 1 else None
        out.append(r.model_copy(update=update) if update else r)
    return out


def _names(text: str, name: str) -> bool:
    pattern = r"\b" + r"\s+".join(map(re.escape, name.split())) + r"\b"
    return re.search(pattern, text, re.IGNORECASE) is not None


# The area part of a Rencana Aksi record id: "lampiran_2__area_6" of
# "lampiran_2__area_6__program_1__aksi_a__indikator_1" (records outside an area have none).
_AREA_ID_RE = re.compile(r"^(?P<area>.+?__area_[0-9a-z]+)(?=__)")


def hasil_area_records(records: Sequence[RencanaAksi]) -> list[HasilArea]:
    """Each area's Hasil once, in document order: the records of one area (by the area part
    of their id) grouped by their printed Hasil cell; a block printed twice (duplikat_dari)
    is not counted again. Records outside an area, or with no Hasil printed, give none."""
    groups: dict[tuple[str, str], list[RencanaAksi]] = {}
    for r in records:
        m = _AREA_ID_RE.match(r.id)
        if m is None or r.duplikat_dari is not None or not r.hasil_indikator:
            continue
        groups.setdefault((m.group("area"), r.hasil_indikator), []).append(r)
    out: list[HasilArea] = []
    seen: dict[str, int] = {}
    for (area_id, _), rows in groups.items():
        seen[area_id] = seen.get(area_id, 0) + 1
        first = rows[0]
        confidences = [r.keyakinan_ocr for r in rows if r.keyakinan_ocr is not None]
        out.append(
            HasilArea(
                id=f"{area_id}__hasil_{seen[area_id]}", dokumen_id=first.dokumen_id,
                lampiran=first.lampiran, kelompok=first.kelompok, area_no=first.area_no,
                area=first.area, area_cadangan=first.area_cadangan, hasil_ke=seen[area_id],
                hasil_indikator=first.hasil_indikator,
                hasil_target_teks=first.hasil_target_teks,
                hasil_target_nilai=first.hasil_target_nilai,
                hasil_target_terbilang=first.hasil_target_terbilang,
                hasil_target_terbilang_cocok=first.hasil_target_terbilang_cocok,
                hasil_target_satuan=first.hasil_target_satuan,
                hasil_target_pembanding=first.hasil_target_pembanding,
                hasil_target_status=first.hasil_target_status,
                jumlah_indikator=len(rows), record_pertama=first.id,
                halaman_awal=min(r.halaman_awal for r in rows),
                halaman_akhir=max(r.halaman_akhir for r in rows),
                keyakinan_ocr=min(confidences) if confidences else None,
            )
        )  # fmt: skip
    return out
