"""Schedule: an action with no year, a year outside the regulation's period, a table whose
year columns differ from the period in the title."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.validate.dataset import Dataset
from pipeline.validate.rules.base import Hit

PERIOD_RE = re.compile(r"\bTAHUN\s+((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b", re.I)


def regulation_period(data: Dataset) -> tuple[int, int] | None:
    """The period the regulation's title names ("... TAHUN 2018-2023")."""
    m = PERIOD_RE.search(data.dokumen.tentang or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def schedule(data: Dataset) -> Iterator[Hit]:
    period = regulation_period(data)
    for r in data.rencana_aksi:
        if not r.tahun_pelaksanaan:
            yield Hit(
                "tanpa-tahun",
                "rencana_aksi",
                r.id,
                "tahun_pelaksanaan",
                r.halaman_awal,
                r.rencana_aksi,
            )
        if period:
            for year in r.tahun_pelaksanaan:
                if not period[0] <= year <= period[1]:
                    yield Hit(
                        "tahun-di-luar-periode",
                        "rencana_aksi",
                        r.id,
                        "tahun_pelaksanaan",
                        r.halaman_awal,
                        str(year),
                        {"tahun": year, "awal": period[0], "akhir": period[1]},
                    )
    if period is None:
        return
    for lamp in data.dokumen.lampiran:
        years = lamp.tahun_jadwal
        if years and (min(years), max(years)) != period:
            shown = f"{min(years)}-{max(years)}"
            printed = " ".join(str(y) for y in years)  # the header cells as printed
            yield Hit(
                "periode-tabel-berbeda",
                "rencana_aksi",
                None,
                "tahun_pelaksanaan",
                lamp.halaman_awal,
                printed,
                {"tahun_tabel": shown, "awal": period[0], "akhir": period[1]},
            )
