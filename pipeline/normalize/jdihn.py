"""The document as the JDIHN integration feed serves it: `jdihn.json` is the JSON array a
JDIH member site's `/integrasi` endpoint returns (one object per regulation), with exactly
the feed's keys, every value a string. Values the regulation does not state are "-", as JDIH
sites write them."""

from __future__ import annotations

import re
from urllib.parse import quote

from pipeline.models import Dokumen

MISSING = "-"
JDIHN_KEYS: tuple[str, ...] = (
    "idData", "tahun_pengundangan", "tanggal_penetapan", "tanggal_pengundangan", "jenis",
    "noPeraturan", "judul", "singkatanJenis", "tempatTerbit", "sumber", "subjek", "status",
    "bahasa", "bidangHukum", "teuBadan", "noPanggil", "penerbit", "deskripsiFisik", "isbn",
    "nomorIndukBuku", "fileDownload", "urlDownload", "urlDetailPeraturan", "operasi",
    "display",
)  # fmt: skip
# What a member site sends for a record it publishes: operasi "4" (the record as it stands,
# to be taken into the national database) and display "1" (shown).
OPERASI = "4"
DISPLAY = "1"
# Words kept lower case inside a title, as Indonesian titles print them ("Tata Cara
# Pengelolaan Keuangan dan Aset Daerah", "Perubahan atas ...").
SMALL_WORDS = frozenset(
    {
        "dan", "atau", "atas", "di", "ke", "dari", "yang", "untuk", "pada", "dalam", "serta",
        "terhadap", "oleh", "dengan", "bagi", "sebagai", "tentang", "antara", "melalui",
        "tanpa", "per",
    }
)  # fmt: skip


def title_case(text: str) -> str:
    """A title printed in capitals ("ROAD MAP REFORMASI BIROKRASI ... DAN ...") in title
    case with Indonesian small words lower case (except first), Roman numerals, words with
    digits and an abbreviation alone in brackets as printed; a title already printed in
    mixed case is returned unchanged."""
    if any(ch.islower() for ch in text):
        return text
    words = text.split()
    out = []
    for i, word in enumerate(words):
        bare = word.strip("(),.;:\"'")
        if i and bare.lower() in SMALL_WORDS:
            out.append(word.lower())
        elif any(ch.isdigit() for ch in word) or _is_roman(bare) or _abbreviation(word):
            out.append(word)
        else:
            out.append(re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), word.lower()))
    return " ".join(out)


# Roman numerals as titles print them ("Tahap II", "Bab IV"), I to XXXIX.
_ROMAN_RE = re.compile(r"X{0,3}(IX|IV|VI{0,3}|I{1,3})|X{1,3}")


def _is_roman(word: str) -> bool:
    return len(word) > 1 and _ROMAN_RE.fullmatch(word) is not None


def _abbreviation(word: str) -> bool:
    """A word alone in brackets, "(RPJMD)": an abbreviation, kept in capitals."""
    return word.startswith("(") and word.rstrip(",.;:").endswith(")")


def _or_missing(value: object) -> str:
    return MISSING if value in (None, "") else str(value)


def jdihn_record(dok: Dokumen, file_name: str, enters_into_force: bool) -> dict[str, str]:
    """Only what the document itself states; the feed's catalogue fields stay "-", and so
    does urlDownload until `with_base_url` gives it."""
    judul = None
    if dok.jenis and dok.nomor and dok.tahun:
        region = (dok.daerah or "").split(" ", 1)[-1]
        judul = f"{dok.jenis} {region} Nomor {dok.nomor} Tahun {dok.tahun}".replace("  ", " ")
        if dok.tentang:
            judul += f" tentang {title_case(dok.tentang)}"
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
        "operasi": OPERASI,
        "display": DISPLAY,
    }
    return {key: _or_missing(values.get(key)) for key in JDIHN_KEYS}


def with_base_url(record: dict[str, str], base_url: str | None) -> dict[str, str]:
    """The record with urlDownload = <base_url>/<fileDownload> (the file name URL-quoted);
    unchanged without a base URL or a file name."""
    if not base_url or record.get("fileDownload", MISSING) == MISSING:
        return dict(record)
    url = f"{base_url.rstrip('/')}/{quote(record['fileDownload'])}"
    return {**record, "urlDownload": url}


def jdihn_feed(record: dict[str, str], base_url: str | None = None) -> list[dict[str, str]]:
    """The feed file's content: the array an /integrasi endpoint returns."""
    return [with_base_url(record, base_url)]
