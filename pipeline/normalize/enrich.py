"""Rencana Aksi records with normalised targets, schedule and responsible units. The raw
cells stay as printed; normalised values go into fields of their own."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.models import Jadwal, PenanggungJawab, RencanaAksi
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
                }
            )
        )
        jadwal.extend(
            Jadwal(id=f"{r.id}__tahun_{y}", record_id=r.id, tahun=y) for y in r.tahun_pelaksanaan
        )
        pj_rows.extend(
            PenanggungJawab(
                id=f"{r.id}__pj_{k}", record_id=r.id, urutan=k, teks=p.teks, unit=p.unit,
                cara=p.cara, saran=p.saran,
            )
            for k, p in enumerate(pieces, start=1)
        )  # fmt: skip
    return out, jadwal, pj_rows
