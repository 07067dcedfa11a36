"""The document as one record of the JDIHN integration feed (the JSON that JDIH member
sites publish), with exactly the feed's keys. Values the regulation does not have are "-",
as JDIH sites write them."""

from __future__ import annotations

from pipeline.models import Dokumen

MISSING = "-"
JDIHN_KEYS: tuple[str, ...] = (
    "idData", "tahun_pengundangan", "tanggal_penetapan", "tanggal_pengundangan", "jenis",
    "noPeraturan", "judul", "singkatanJenis", "tempatTerbit", "sumber", "subjek", "status",
    "bahasa", "bidangHukum", "teuBadan", "noPanggil", "penerbit", "deskripsiFisik", "isbn",
    "nomorIndukBuku", "fileDownload", "urlDownload", "urlDetailPeraturan", "operasi",
    "display",
)  # fmt: skip


def _or_missing(value: object) -> str:
    return MISSING if value in (None, "") else str(value)


def jdihn_record(dok: Dokumen, file_name: str, enters_into_force: bool) -> dict[str, str]:
    """Only what the document itself states; the feed's catalogue fields stay "-"."""
    judul = None
    if dok.jenis and dok.nomor and dok.tahun:
        region = (dok.daerah or "").split(" ", 1)[-1]
        judul = f"{dok.jenis} {region} Nomor {dok.nomor} Tahun {dok.tahun}".replace("  ", " ")
        if dok.tentang:
            judul += f" tentang {' '.join(w.capitalize() for w in dok.tentang.split())}"
    sumber = None
    if dok.berita_daerah_tahun and dok.daerah:
        sumber = (
            f"Berita Daerah {dok.daerah} Tahun {dok.berita_daerah_tahun} "
            f"Nomor {dok.berita_daerah_nomor}"
        )
    values: dict[str, object] = {
        "idData": dok.dokumen_id,
        "tahun_pengundangan": (dok.tanggal_pengundangan or "")[:4],
        "tanggal_penetapan": dok.tanggal_penetapan,
        "tanggal_pengundangan": dok.tanggal_pengundangan,
        "jenis": dok.jenis,
        "noPeraturan": dok.nomor,
        "judul": judul,
        "singkatanJenis": dok.singkatan_jenis.upper() if dok.singkatan_jenis else None,
        "tempatTerbit": dok.tempat_penetapan,
        "sumber": sumber,
        "status": "Berlaku" if enters_into_force else None,
        "bahasa": "Indonesia",
        "teuBadan": dok.daerah,
        "deskripsiFisik": f"{dok.jumlah_halaman} hlm.",
        "fileDownload": file_name,
    }
    return {key: _or_missing(values.get(key)) for key in JDIHN_KEYS}
