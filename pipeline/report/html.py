"""The data-quality report for Bagian Hukum: one self-contained HTML page in Bahasa Indonesia.

`render_report` turns a document's metadata and its findings into a single HTML document with
inline CSS and JS and every image embedded as a base64 PNG ``data:`` URI, so the file can be
mailed or archived and opened offline. Each finding that names a page is shown next to a crop
of that PDF page with the quoted text highlighted.

This module reads the source PDF itself (only to draw pictures of it), which the house style
otherwise reserves for ``extract/``: the pictures are presentation, not data, and nothing read
here flows back into a record.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import re
import threading
from collections import Counter
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
from pdfplumber.display import PageImage, get_page_image
from pdfplumber.page import Page
from PIL import Image

from pipeline.models import Dokumen, RencanaAksi, Temuan
from pipeline.publish.tindak_lanjut import Keputusan
from pipeline.report.places import Pointer, point, union
from pipeline.result import CellBox, PageGlyphs

# Rendering: crops of the page around the match at a readable resolution; a smaller whole-page
# thumbnail when the text is not found. Strips are full page width so the row stays legible.
CROP_RESOLUTION = 96
THUMBNAIL_RESOLUTION = 50
CROP_PADDING_PT = 42.0
# A union of matches taller than this share of the page is cropped around the first match only.
MAX_CROP_SHARE = 0.5
HIGHLIGHT_FILL = (255, 210, 0, 90)
HIGHLIGHT_STROKE = (220, 38, 38, 230)
HIGHLIGHT_STROKE_WIDTH = 2
# Highlights are drawn this much larger than the glyph boxes so they do not cover the text edge.
HIGHLIGHT_MARGIN_PT = 1.5
PNG_COLOURS = 256
# An outlined cell (empty, or not holding the quotation as printed): a light fill, thick edge.
OUTLINE_FILL = (255, 210, 0, 40)
OUTLINE_STROKE_WIDTH = 3

# Severities, most severe first, with their Indonesian labels.
# Plain words for the reader; the published severity names (`galat`, ...) stay behind the
# "kode teknis" toggle.
TINGKAT: dict[str, str] = {
    "galat": "Wajib diperbaiki",
    "peringatan": "Sebaiknya diperbaiki",
    "info": "Catatan",
}

BULAN_NAMA = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

TIDAK_TERCANTUM = "tidak tercantum"

Rect = tuple[float, float, float, float]


@dataclass(frozen=True)
class Snapshot:
    """A rendered picture of (part of) a page, ready to embed (its PNG encoded meanwhile)."""

    picture: Future[str]
    width: int
    height: int
    caption: str
    found: bool

    @property
    def data_uri(self) -> str:
        return self.picture.result()


# --------------------------------------------------------------------------------------------
# Rendering page pictures


def _png_data_uri(image: Any) -> str:
    """PNG bytes of a PIL image as a data URI (no metadata: deterministic).

    The palette is found by fast octree, not Pillow's default median cut, and the PNG written
    at zlib's default level, not `optimize`: on the default PDF's 57 pictures 0.25 instead of
    1.94 CPU-seconds, and 0.88 instead of 1.18 MB (a page's black, white and highlight
    colours need few entries; median cut spent 256 on antialiasing shades)."""
    image = image.convert("RGB").quantize(colors=PNG_COLOURS, method=Image.Quantize.FASTOCTREE)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f"data:image/png;base64,{encoded}"


# Pictures are quantised and PNG-encoded (a quarter of their CPU time) in ENCODERS threads
# while the next findings are located and drawn: Pillow releases the GIL in both steps. At
# most PENDING pictures wait to be encoded, so memory stays bounded on a long report.
ENCODERS = 2
PENDING = 8


class _Encoder:
    """PNG data URIs made by a thread pool, at most PENDING waiting at a time."""

    def __init__(self, pool: ThreadPoolExecutor) -> None:
        self._pool = pool
        self._slots = threading.BoundedSemaphore(PENDING)

    def submit(self, image: Any) -> Future[str]:
        self._slots.acquire()
        future = self._pool.submit(_png_data_uri, image)
        future.add_done_callback(lambda _: self._slots.release())
        return future


def _clamp_band(page: Page, top: float, bottom: float) -> Rect:
    x0, page_top, x1, page_bottom = (float(v) for v in page.bbox)
    return (x0, max(page_top, top), x1, min(page_bottom, bottom))


class PageRenderer:
    """Renders crops and thumbnails of one open PDF, caching by (page, region, highlights).

    `glyphs`: the characters extraction read, by page (else the page's own characters are
    read); `kotak`: the table records' cell boxes and `texts` the text records' printed
    start and end, by (table, record id), so a finding is drawn inside its own record."""

    def __init__(
        self,
        pdf: pdfplumber.PDF,
        glyphs: Mapping[int, PageGlyphs] | None = None,
        kotak: Mapping[tuple[str, str], Sequence[CellBox]] | None = None,
        texts: Mapping[tuple[str, str], tuple[str, str]] | None = None,
        encoder: _Encoder | None = None,
    ) -> None:
        self._pdf = pdf
        self._encoder = encoder
        self._glyphs = glyphs or {}
        self._kotak = kotak or {}
        self._texts = texts or {}
        self._chars: dict[int, list[dict[str, Any]]] = {}
        # The whole page drawn once per resolution; each crop is cut from it (as pdfplumber's
        # to_image draws the whole page and cuts the crop from it, for every crop).
        self._drawn: dict[tuple[int, int], Any] = {}
        self._cache: dict[tuple[int, Rect | None, tuple[Rect, ...], tuple[Rect, ...]],
                          tuple[Future[str], int, int]] = {}  # fmt: skip

    def page(self, halaman: int) -> Page:
        return self._pdf.pages[halaman - 1]

    def release(self, halaman: int) -> None:
        """Free what was read and drawn of the page (its findings are all drawn)."""
        self.page(halaman).close()
        for key in [k for k in self._drawn if k[0] == halaman]:
            del self._drawn[key]

    def _image(self, page: Page, halaman: int, resolution: int) -> PageImage:
        """`page` (the whole page or a crop of it) as pdfplumber's to_image(resolution,
        antialias=True) draws it, the whole page drawn only once."""
        key = (halaman, resolution)
        if key not in self._drawn:
            self._drawn[key] = get_page_image(
                stream=page.pdf.stream, path=page.pdf.path, page_ix=halaman - 1,
                resolution=resolution, password=page.pdf.password, antialias=True,
            )  # fmt: skip
        return PageImage(page, original=self._drawn[key], resolution=resolution, antialias=True)

    def chars(self, halaman: int) -> list[dict[str, Any]]:
        """The characters quotations are searched in: those extraction read on the page (no
        second parse; OCR's words on a scan), else the page's own upright characters."""
        if halaman not in self._chars:
            glyphs = self._glyphs.get(halaman)
            if glyphs is not None:
                chars: list[dict[str, Any]] = glyphs.char_dicts()
            else:
                chars = [c for c in self.page(halaman).chars if c.get("upright", True)]
            self._chars[halaman] = chars
        return self._chars[halaman]

    def pointer(self, temuan: Temuan) -> Pointer:
        """Where `temuan` points on its page (see pipeline.report.places)."""
        assert temuan.halaman is not None
        page = self.page(temuan.halaman)
        box = tuple(float(v) for v in page.bbox)
        return point(temuan, self.chars(temuan.halaman), box, self._kotak, self._texts)  # type: ignore[arg-type]

    def snapshot(self, temuan: Temuan) -> Snapshot:
        """A crop of the finding's page around its record's own row, with the quotation
        highlighted in its cell (or the cell outlined), or the whole page when neither the
        record nor the quotation is found."""
        assert temuan.halaman is not None
        halaman = temuan.halaman
        page = self.page(halaman)
        where = self.pointer(temuan)
        if where.how == "tidak":
            uri, width, height = self._render(page, halaman, None, (), ())
            if temuan.kutipan:
                caption = (
                    f"Halaman {halaman}: teks tidak ditemukan persis; ditampilkan seluruh halaman."
                )
            else:
                caption = f"Halaman {halaman}: tanpa kutipan; ditampilkan seluruh halaman."
            return Snapshot(uri, width, height, caption, found=False)

        limit = MAX_CROP_SHARE * float(page.height)
        marks = where.rects or where.outline
        keep = [*marks, *([where.row] if where.row else [])]
        band = union(keep) or union(marks)
        assert band is not None
        if band[3] - band[1] > limit:
            first = where.located.first_match if where.located else marks[:1]
            band = union([*first, *([where.row] if where.row else [])]) or band
        if band[3] - band[1] > limit:
            band = (band[0], band[1], band[2], band[1] + limit)
        region = _clamp_band(page, band[1] - CROP_PADDING_PT, band[3] + CROP_PADDING_PT)
        shown = tuple(r for r in where.rects if r[1] >= region[1] and r[3] <= region[3])
        uri, width, height = self._render(page, halaman, region, shown, where.outline)
        return Snapshot(uri, width, height, _caption(temuan, where), found=True)

    def _render(
        self,
        page: Page,
        halaman: int,
        region: Rect | None,
        rects: tuple[Rect, ...],
        outline: tuple[Rect, ...],
    ) -> tuple[Future[str], int, int]:
        key = (halaman, region, rects, outline)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        if region is None:
            image = self._image(page, halaman, THUMBNAIL_RESOLUTION)
        else:
            cropped = page.crop(region, strict=False)
            image = self._image(cropped, halaman, CROP_RESOLUTION)
            m = HIGHLIGHT_MARGIN_PT
            if rects:
                image.draw_rects(
                    [(x0 - m, top - m, x1 + m, bottom + m) for x0, top, x1, bottom in rects],
                    fill=HIGHLIGHT_FILL,
                    stroke=HIGHLIGHT_STROKE,
                    stroke_width=HIGHLIGHT_STROKE_WIDTH,
                )
            if outline:
                image.draw_rects(
                    [_clip(r, region, m) for r in outline],
                    fill=OUTLINE_FILL,
                    stroke=HIGHLIGHT_STROKE,
                    stroke_width=OUTLINE_STROKE_WIDTH,
                )
        picture = image.annotated
        if self._encoder is not None:
            encoded = self._encoder.submit(picture)
        else:
            encoded = Future()
            encoded.set_result(_png_data_uri(picture))
        result = (encoded, picture.width, picture.height)
        self._cache[key] = result
        return result


def _clip(rect: Rect, region: Rect, margin: float) -> Rect:
    """`rect` inside `region` (less `margin`), so an outline cut by the crop stays visible."""
    return (
        max(rect[0], region[0] + margin),
        max(rect[1], region[1] + margin),
        min(rect[2], region[2] - margin),
        min(rect[3], region[3] - margin),
    )


# A finding's field in the reader's words, for captions.
KOLOM_LABEL: dict[str, str] = {
    "indikator_target": "Indikator dan Target",
    "hasil_indikator": "Hasil yang Diharapkan dan Indikator",
    "kriteria_keberhasilan": "Kriteria Keberhasilan",
    "rencana_aksi": "Rencana Aksi",
    "area": "Area",
    "area_no": "No",
    "program_no": "No program",
    "program": "Program",
    "aksi_no": "No rencana aksi",
    "tahun_pelaksanaan": "Waktu Pelaksanaan",
    "teks": "Penanggung Jawab",
    "penanggung_jawab_teks": "Penanggung Jawab",
    "kegiatan": "Kegiatan",
    "hasil": "Hasil",
}


def _caption(temuan: Temuan, where: Pointer) -> str:
    halaman = temuan.halaman
    kolom = KOLOM_LABEL.get(temuan.kolom or "", (temuan.kolom or "").replace("_", " "))
    if where.how == "sel":
        if temuan.kutipan:
            return (
                f"Halaman {halaman}: sel \u201c{kolom}\u201d baris ini diberi garis; kutipan "
                "tidak tercetak persis demikian di dalamnya."
            )
        return f"Halaman {halaman}: sel \u201c{kolom}\u201d baris ini kosong (diberi garis)."
    located = where.located
    assert located is not None
    if where.how == "halaman":
        caption = f"Halaman {halaman}: kutipan disorot."
    elif temuan.tabel in ("pasal", "lampiran", "definisi", "dasar_hukum", "menimbang"):
        caption = f"Halaman {halaman}: kutipan disorot di dalam butir yang ditunjuk."
    else:
        caption = f"Halaman {halaman}: kutipan disorot di dalam sel \u201c{kolom}\u201d baris ini."
    if located.partial:
        caption += f" Yang disorot: bagian awalnya, \u201c{located.query}\u201d."
    if located.matches > 1:
        caption += f" Teks ini muncul {located.matches} kali di sana."
    return caption


def _snapshots(
    temuan: Sequence[Temuan],
    pdf_path: Path | None,
    glyphs: Mapping[int, PageGlyphs] | None = None,
    kotak: Mapping[tuple[str, str], Sequence[CellBox]] | None = None,
    texts: Mapping[tuple[str, str], tuple[str, str]] | None = None,
) -> tuple[dict[int, Snapshot | str], str | None]:
    """Per finding index: its picture, or a note saying why there is none; plus a PDF note.

    The PDF is opened once; pages are visited in order and released once their findings are
    drawn, so a long report does not hold every parsed page in memory. A PDF or page that
    cannot be read yields a note, never an exception: the report is still produced.
    """
    result: dict[int, Snapshot | str] = {}
    with_page = [i for i, t in enumerate(temuan) if t.halaman is not None]
    if pdf_path is None:
        for i in with_page:
            result[i] = "Cuplikan halaman tidak ditampilkan: PDF sumber tidak tersedia."
        return result, "PDF sumber tidak tersedia, sehingga cuplikan halaman tidak ditampilkan."
    try:
        pdf = pdfplumber.open(pdf_path)
        page_count = len(pdf.pages)
    except Exception as exc:  # pdfminer raises many unrelated types for a bad file
        reason = f"PDF sumber tidak dapat dibuka ({type(exc).__name__}: {exc})"
        for i in with_page:
            result[i] = f"Cuplikan halaman tidak ditampilkan: {reason}."
        return result, f"{reason}; cuplikan halaman tidak ditampilkan."
    with pdf, ThreadPoolExecutor(ENCODERS, thread_name_prefix="png") as pool:
        renderer = PageRenderer(pdf, glyphs, kotak, texts, _Encoder(pool))
        by_page: dict[int, list[int]] = {}
        for i in with_page:
            halaman = temuan[i].halaman
            assert halaman is not None
            if 1 <= halaman <= page_count:
                by_page.setdefault(halaman, []).append(i)
            else:
                result[i] = (
                    f"Halaman {halaman} tidak ada dalam PDF sumber ({page_count} halaman); "
                    "cuplikan tidak ditampilkan."
                )
        for halaman in sorted(by_page):
            for i in by_page[halaman]:
                try:
                    result[i] = renderer.snapshot(temuan[i])
                except Exception as exc:  # a damaged page must not lose the whole report
                    result[i] = (
                        f"Halaman {halaman} tidak dapat digambar ({type(exc).__name__}: {exc}); "
                        "cuplikan tidak ditampilkan."
                    )
            renderer.release(halaman)
    for i, shot in result.items():
        if isinstance(shot, Snapshot) and (err := shot.picture.exception()) is not None:
            result[i] = (
                f"Halaman {temuan[i].halaman} tidak dapat digambar ({type(err).__name__}: "
                f"{err}); cuplikan tidak ditampilkan."
            )
    return result, None


# --------------------------------------------------------------------------------------------
# HTML


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def tanggal_indonesia(iso: str | None) -> str | None:
    """'2020-03-26' -> '26 Maret 2020'; anything not an ISO date is returned unchanged."""
    if not iso:
        return None
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso)
    if not match or not 1 <= int(match.group(2)) <= 12:
        return iso
    year, month, day = (int(g) for g in match.groups())
    return f"{day} {BULAN_NAMA[month - 1]} {year}"


def _tingkat_order(values: Sequence[str]) -> list[str]:
    """Known severities in their fixed order, then any other value alphabetically."""
    known = list(TINGKAT)
    return known + sorted({v for v in values if v not in TINGKAT})


def _tingkat_label(tingkat: str) -> str:
    return TINGKAT.get(tingkat, tingkat)


def _tingkat_rank(tingkat: str) -> int:
    order = list(TINGKAT)
    return order.index(tingkat) if tingkat in TINGKAT else len(order)


def _badge(tingkat: str) -> str:
    css = tingkat if tingkat in TINGKAT else "lain"
    return (
        f'<span class="lencana lencana-{_e(css)}" title="{_e(tingkat)}">'
        f"{_e(_tingkat_label(tingkat))}</span>"
    )


def kode_label(kode: str) -> str:
    """A finding code in plain words: 'singkatan-tidak-didefinisikan' -> 'Singkatan tidak
    didefinisikan' (the codes are Indonesian slugs)."""
    words = kode.replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def _kode(kode: str) -> str:
    """The plain label, with the code itself behind the "kode teknis" toggle."""
    return (
        f'<span class="kode-label">{_e(kode_label(kode))}</span> '
        f'<code class="kode kode-teknis">{_e(kode)}</code>'
    )


def _value(value: object | None) -> str:
    if value is None or value == "":
        return f'<span class="kosong">{TIDAK_TERCANTUM}</span>'
    return _e(value)


def _dokumen_title(dokumen: Dokumen) -> str:
    parts = [dokumen.jenis or "Dokumen"]
    if dokumen.daerah:
        parts.append(dokumen.daerah)
    if dokumen.nomor:
        parts.append(f"Nomor {dokumen.nomor}")
    if dokumen.tahun is not None:
        parts.append(f"Tahun {dokumen.tahun}")
    return " ".join(parts)


def _identity(dokumen: Dokumen, pdf_path: Path | None) -> str:
    def place_date(tempat: str | None, tanggal: str | None) -> str:
        text = tanggal_indonesia(tanggal)
        if text and tempat:
            return f"{_e(text)} di {_e(tempat)}"
        return _value(text or tempat)

    daerah = dokumen.daerah
    if daerah and dokumen.provinsi:
        daerah = f"{daerah}, Provinsi {dokumen.provinsi}"
    berita = None
    if dokumen.berita_daerah_tahun is not None or dokumen.berita_daerah_nomor:
        berita = (
            f"Tahun {dokumen.berita_daerah_tahun or TIDAK_TERCANTUM} "
            f"Nomor {dokumen.berita_daerah_nomor or TIDAK_TERCANTUM}"
        )
    rows: list[tuple[str, str]] = [
        ("Jenis", _value(dokumen.jenis)),
        ("Daerah", _value(daerah)),
        ("Nomor", _value(dokumen.nomor)),
        ("Tahun", _value(dokumen.tahun)),
        ("Tentang", _value(dokumen.tentang)),
        (
            "Ditetapkan",
            place_date(dokumen.tempat_penetapan, dokumen.tanggal_penetapan),
        ),
        (
            "Diundangkan",
            place_date(dokumen.tempat_pengundangan, dokumen.tanggal_pengundangan),
        ),
        ("Berita Daerah", _value(berita)),
        ("Jumlah halaman", _value(dokumen.jumlah_halaman)),
        (
            "Dibaca dengan OCR",
            _e(", ".join(map(str, dokumen.halaman_ocr)))
            if dokumen.halaman_ocr
            else "tidak ada (semua halaman berlapisan teks)",
        ),
        ("ID dokumen", f"<code>{_e(dokumen.dokumen_id)}</code>"),
        ("SHA-256 sumber", f'<code class="sha">{_e(dokumen.sumber_sha256)}</code>'),
        (
            "Berkas PDF",
            _e(pdf_path.name)
            if pdf_path is not None
            else '<span class="kosong">tidak tersedia</span>',
        ),
    ]
    body = "\n".join(f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v in rows)
    return f'<dl class="identitas">\n{body}\n</dl>'


def _summary(temuan: Sequence[Temuan]) -> str:
    by_tingkat: Counter[str] = Counter(t.tingkat for t in temuan)
    by_kode = Counter(t.kode for t in temuan)
    kode_tingkat: dict[str, set[str]] = {}
    for t in temuan:
        kode_tingkat.setdefault(t.kode, set()).add(t.tingkat)

    tingkat_rows = "\n".join(
        f'<tr><th scope="row">{_badge(tingkat)}</th>'
        f'<td class="angka" data-tingkat="{_e(tingkat)}">{by_tingkat.get(tingkat, 0)}</td></tr>'
        for tingkat in _tingkat_order(list(by_tingkat))
    )

    def kode_key(kode: str) -> tuple[int, int, str]:
        worst = min(_tingkat_rank(t) for t in kode_tingkat[kode])
        return (worst, -by_kode[kode], kode)

    kode_rows = "\n".join(
        f'<tr><th scope="row">{_kode(kode)}</th>'
        f"<td>{' '.join(_badge(t) for t in sorted(kode_tingkat[kode], key=_tingkat_rank))}</td>"
        f'<td class="angka" data-kode="{_e(kode)}">{by_kode[kode]}</td></tr>'
        for kode in sorted(by_kode, key=kode_key)
    )
    if not kode_rows:
        kode_rows = '<tr><td colspan="3" class="kosong">Tidak ada temuan.</td></tr>'

    return f"""<section class="ringkasan" aria-labelledby="judul-ringkasan">
<h2 id="judul-ringkasan">Ringkasan</h2>
<p class="total">Jumlah temuan: <strong id="jumlah-temuan">{len(temuan)}</strong></p>
<div class="tabel-ringkasan">
<table>
<caption>Menurut tingkat</caption>
<thead><tr><th scope="col">Tingkat</th><th scope="col">Jumlah</th></tr></thead>
<tbody>
{tingkat_rows}
</tbody>
</table>
<table>
<caption>Menurut jenis temuan</caption>
<thead><tr><th scope="col">Jenis</th><th scope="col">Tingkat</th>\
<th scope="col">Jumlah</th></tr></thead>
<tbody>
{kode_rows}
</tbody>
</table>
</div>
</section>"""


def _controls(temuan: Sequence[Temuan]) -> str:
    present: Counter[str] = Counter(t.tingkat for t in temuan)
    boxes = "\n".join(
        f'<label><input type="checkbox" name="tingkat" value="{_e(tingkat)}" checked> '
        f"{_e(_tingkat_label(tingkat))} ({present.get(tingkat, 0)})</label>"
        for tingkat in _tingkat_order(list(present))
    )
    kode_options = "\n".join(
        f'<option value="{_e(kode)}">{_e(kode_label(kode))} ({n})</option>'
        for kode, n in sorted(Counter(t.kode for t in temuan).items())
    )
    return f"""<section class="kontrol" aria-label="Saring dan urutkan temuan">
<label><input type="checkbox" id="tampil-kode"> Tampilkan kode teknis</label>
<fieldset>
<legend>Tingkat</legend>
{boxes}
</fieldset>
<label>Jenis temuan
<select id="saring-kode">
<option value="">Semua jenis</option>
{kode_options}
</select>
</label>
<label>Urutkan
<select id="urutan">
<option value="asli">Urutan asli</option>
<option value="halaman">Halaman</option>
<option value="tingkat">Tingkat (wajib diperbaiki lebih dulu)</option>
<option value="kode">Kode</option>
</select>
</label>
<p class="tampil" aria-live="polite">Menampilkan <span id="jumlah-tampil">{len(temuan)}</span> \
dari {len(temuan)} temuan.</p>
</section>"""


def _figure(picture: Snapshot | str | None) -> str:
    if picture is None:
        return '<p class="catatan-gambar">Temuan ini tidak menunjuk halaman; tanpa cuplikan.</p>'
    if isinstance(picture, str):
        return f'<p class="catatan-gambar">{_e(picture)}</p>'
    css = "cuplikan" if picture.found else "cuplikan halaman-penuh"
    alt = picture.caption
    # On a phone the picture fits the width; a tap shows it at full size, panned inside
    # its own box (.gulir), and a second tap fits it again.
    return (
        f'<figure class="{css}">'
        '<div class="bingkai gulir" role="button" tabindex="0" aria-pressed="false" '
        'title="Ketuk untuk memperbesar atau memperkecil">'
        f'<img src="{picture.data_uri}" width="{picture.width}" height="{picture.height}" '
        f'alt="{_e(alt)}"></div>'
        f'<figcaption>{_e(picture.caption)}<span class="petunjuk-ketuk"> Ketuk gambar untuk '
        "memperbesar.</span></figcaption></figure>"
    )


def _follow_up(keputusan: Keputusan | None) -> str:
    if keputusan is None or keputusan == Keputusan():
        return (
            '<p class="tindak-lanjut" data-status="">Tindak lanjut: <strong>Belum ditinjau'
            "</strong> (isi <code>tindak_lanjut.csv</code> dengan ID temuan ini)</p>"
        )
    who = ", ".join(x for x in (keputusan.oleh, keputusan.tanggal) if x)
    note = f" &mdash; {_e(keputusan.catatan)}" if keputusan.catatan else ""
    exempt = " (tidak dihitung <code>--strict</code>)" if keputusan.exempt else ""
    return (
        f'<p class="tindak-lanjut" data-status="{_e(keputusan.status)}">Tindak lanjut: '
        f"<strong>{_e(keputusan.label)}</strong>{exempt}{note}"
        f"{f' ({_e(who)})' if who else ''}</p>"
    )


# A finding id (as in a linked finding's saran): slug words joined by "__".
FINDING_ID_RE = re.compile(r"[a-z0-9][a-z0-9-]*(?:__[a-z0-9_-]+)+")


def _linked(text: str, anchors: Mapping[str, int]) -> str:
    """`text` escaped, each id of a finding in this report a link to its card."""

    def link(m: re.Match[str]) -> str:
        found = m.group(0)
        if found not in anchors:
            return found
        return f'<a class="terkait" href="#temuan-{anchors[found]}"><code>{found}</code></a>'

    return FINDING_ID_RE.sub(link, _e(text))


def _card(
    index: int,
    temuan: Temuan,
    picture: Snapshot | str | None,
    keputusan: Keputusan | None = None,
    anchors: Mapping[str, int] | None = None,
) -> str:
    halaman = "" if temuan.halaman is None else str(temuan.halaman)
    fields = [
        ("Halaman", _value(temuan.halaman)),
        ("Tabel", f"<code>{_e(temuan.tabel)}</code>" if temuan.tabel else _value(None)),
        ("ID baris", f"<code>{_e(temuan.record_id)}</code>" if temuan.record_id else _value(None)),
        ("Kolom", f"<code>{_e(temuan.kolom)}</code>" if temuan.kolom else _value(None)),
        ("ID temuan", f"<code>{_e(temuan.id)}</code>"),
    ]
    meta = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in fields)
    if temuan.kutipan is None:
        kutipan = f'<p class="kosong">{TIDAK_TERCANTUM}</p>'
    else:
        kutipan = f'<pre class="kutipan">{_e(temuan.kutipan)}</pre>'
    saran = _linked(temuan.saran, anchors or {}) if temuan.saran else _value(None)
    return f"""<article class="temuan tingkat-{_e(temuan.tingkat)}" id="temuan-{index}" \
data-urutan="{index}" data-temuan-tingkat="{_e(temuan.tingkat)}" \
data-temuan-kode="{_e(temuan.kode)}" data-halaman="{halaman}" \
data-peringkat="{_tingkat_rank(temuan.tingkat)}">
<header>{_badge(temuan.tingkat)} {_kode(temuan.kode)}\
<span class="hal">{"Halaman " + halaman if halaman else "Tanpa halaman"}</span></header>
<dl class="meta">{meta}</dl>
<h4>Kutipan</h4>
{kutipan}
<h4>Pesan</h4>
<p class="pesan">{_e(temuan.pesan)}</p>
<h4>Saran</h4>
<p class="saran">{saran}</p>
{_follow_up(keputusan)}
{_figure(picture)}
</article>"""


_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out or str(n)


# Published tables in the reader's words (any other: its name with spaces).
TABEL_LABEL: dict[str, str] = {
    "pasal": "Batang tubuh",
    "lampiran": "Teks lampiran",
    "rencana_aksi": "Tabel Rencana Aksi",
    "area_perubahan": "Tabel area perubahan",
    "program": "Tabel program",
    "dasar_hukum": "Dasar hukum (Mengingat)",
    "menimbang": "Menimbang",
    "definisi": "Definisi (Pasal 1)",
    "penanggung_jawab": "Penanggung jawab",
    "perubahan_pasal": "Pasal perubahan",
    "jadwal": "Jadwal pelaksanaan",
}


def tabel_label(tabel: str) -> str:
    return TABEL_LABEL.get(tabel, tabel.replace("_", " ").capitalize())


def bagian_of(dokumen: Dokumen, temuan: Temuan) -> str:
    """Where a finding is, in the reader's words: "Lampiran II" (its page in that lampiran),
    "Batang tubuh" (a page before the lampiran), or "Seluruh dokumen" (no page)."""
    if temuan.halaman is None:
        return "Seluruh dokumen"
    for lamp in dokumen.lampiran:
        if lamp.halaman_awal <= temuan.halaman <= lamp.halaman_akhir:
            return f"Lampiran {lamp.nomor or _roman(lamp.urutan)}"
    return "Batang tubuh"


def _front(
    dokumen: Dokumen,
    temuan: Sequence[Temuan],
    keputusan: Mapping[str, Keputusan],
    versi: str | None,
) -> str:
    """The front page: what was checked, how many problems of each kind, what to fix first
    (the galat, grouped by lampiran and table, each linked to its card), follow-up, the
    source's dates and the pipeline version, and findings per part as a small bar chart."""
    count: Counter[str] = Counter(t.tingkat for t in temuan)
    lampiran = len(dokumen.lampiran)
    checked = (
        f"Laporan ini memeriksa {_e(_dokumen_title(dokumen))} ({dokumen.jumlah_halaman} halaman: "
        f"batang tubuh{f' dan {lampiran} lampiran' if lampiran else ''}). Identitas dokumen, "
        "pasal, dasar hukum, definisi, dan setiap tabel lampiran dibaca menjadi data, lalu "
        "diperiksa terhadap skema data, ekspektasi mutu, dan aturan penulisan peraturan."
    )
    parts = [f"{count.get(k, 0)} {label.lower()}" for k, label in TINGKAT.items()]
    found = (
        f"Ditemukan {len(temuan)} temuan: {parts[0]}, {parts[1]}, dan {parts[2]}."
        if temuan
        else "Tidak ada temuan."
    )
    if temuan and not count.get("galat"):
        found += " Tidak ada yang wajib diperbaiki."
    reviewed = [t for t in temuan if t.id in keputusan]
    accepted = [
        t for t in temuan if t.tingkat == "galat" and keputusan.get(t.id, Keputusan()).exempt
    ]
    follow = (
        f"Tindak lanjut: {len(reviewed)} dari {len(temuan)} temuan sudah ditinjau"
        + (f"; {len(accepted)} temuan wajib diperbaiki diterima apa adanya." if accepted else ".")
        if temuan
        else ""
    )
    galat = [(i, t) for i, t in enumerate(temuan) if t.tingkat == "galat"]
    groups: dict[str, list[tuple[int, Temuan]]] = {}
    for i, t in galat:
        groups.setdefault(f"{bagian_of(dokumen, t)}: {tabel_label(t.tabel)}", []).append((i, t))
    if groups:
        items = "\n".join(
            f"<li><h4>{_e(name)}</h4><ol>"
            + "".join(
                f'<li><a href="#temuan-{i}">{_e(t.pesan)}</a>'
                f"{f' (halaman {t.halaman})' if t.halaman is not None else ''}</li>"
                for i, t in rows
            )
            + "</ol></li>"
            for name, rows in groups.items()
        )
        first = f'<ul class="perbaiki-dulu">\n{items}\n</ul>'
    else:
        first = '<p class="kosong">Tidak ada temuan yang wajib diperbaiki.</p>'
    per_part = Counter(bagian_of(dokumen, t) for t in temuan)
    widest = max(per_part.values(), default=1)
    bars = "\n".join(
        f'<tr><th scope="row">{_e(name)}</th><td><span class="batang" '
        f'style="width:{round(100 * n / widest)}%"></span></td><td class="angka">{n}</td></tr>'
        for name, n in sorted(per_part.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    dates = [
        f"ditetapkan {_e(text)}" for text in [tanggal_indonesia(dokumen.tanggal_penetapan)] if text
    ] + [
        f"diundangkan {_e(text)}"
        for text in [tanggal_indonesia(dokumen.tanggal_pengundangan)]
        if text
    ]
    facts = [
        ("Tanggal sumber", ", ".join(dates) or TIDAK_TERCANTUM),
        ("Versi pipeline", f"<code>{_e(versi)}</code>" if versi else TIDAK_TERCANTUM),
        ("SHA-256 sumber", f'<code class="sha">{_e(dokumen.sumber_sha256)}</code>'),
    ]
    fact_list = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    return f"""<section class="depan" aria-labelledby="judul-depan">
<h2 id="judul-depan">Ringkasan untuk Bagian Hukum</h2>
<p class="naratif">{checked}</p>
<p class="naratif">{found} {follow}</p>
<dl class="identitas">{fact_list}</dl>
<h3>Perbaiki dulu</h3>
{first}
<h3>Temuan per bagian</h3>
<table class="grafik"><tbody>
{bars}
</tbody></table>
</section>"""


def _schedule(dokumen: Dokumen, plans: Sequence[RencanaAksi]) -> str:
    """The Rencana Aksi schedule as a year grid: one row per program (under its area or
    group), one column per year of the schedule header, each cell the number of indicator
    lines checked for that year (shaded by count); a block printed twice counts once (its
    repeat, `duplikat_dari`, is left out); empty without records."""
    plans = [r for r in plans if r.duplikat_dari is None]
    if not plans:
        return ""
    lampiran = {r.lampiran for r in plans}
    header = [y for lamp in dokumen.lampiran if lamp.urutan in lampiran for y in lamp.tahun_jadwal]
    years = sorted({*header, *(y for r in plans for y in r.tahun_pelaksanaan)})
    rows: dict[tuple[str, str], Counter[int]] = {}
    for r in plans:
        area = r.area or r.area_cadangan
        group = (
            f"{r.area_no}. {area}" if r.area_no is not None and area else area or r.kelompok or ""
        )
        program = f"{r.program_no}. {r.program}" if r.program_no else (r.program or "")
        rows.setdefault((group, program), Counter()).update(r.tahun_pelaksanaan)
    widest = max((n for c in rows.values() for n in c.values()), default=1)
    head = "".join(f'<th scope="col">{y}</th>' for y in years)
    body = []
    last_group = None
    for (group, program), counts in rows.items():
        if group != last_group:
            body.append(f'<tr class="grup"><th scope="rowgroup" colspan="{len(years) + 1}">'
                        f"{_e(group)}</th></tr>")  # fmt: skip
            last_group = group
        cells = "".join(
            f'<td class="angka" style="--isi:{round(0.5 * counts[y] / widest, 2)}">'
            f"{counts[y] or ''}</td>"
            for y in years
        )
        body.append(f'<tr><th scope="row">{_e(program)}</th>{cells}</tr>')
    rows_html = "\n".join(body)
    return f"""<section class="jadwal" aria-labelledby="judul-jadwal">
<h2 id="judul-jadwal">Jadwal Rencana Aksi</h2>
<p>Jumlah baris indikator yang dicentang per tahun pelaksanaan, per program (blok yang \
tercetak dua kali dihitung sekali).</p>
<div class="gulir"><table class="kisi">
<thead><tr><th scope="col">Area / program</th>{head}</tr></thead>
<tbody>
{rows_html}
</tbody></table></div>
</section>"""


CSS = """
:root { --galat: #b91c1c; --peringatan: #b45309; --info: #1d4ed8; --garis: #d4d4d8;
  --redup: #52525b; font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
body { margin: 0 auto; max-width: 1100px; padding: 1.5rem; color: #18181b; line-height: 1.45; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h1 small { display: block; font-size: 1rem; font-weight: 400; color: var(--redup); }
h2 { font-size: 1.2rem; border-bottom: 2px solid var(--garis); padding-bottom: .2rem; }
h4 { margin: .6rem 0 .15rem; font-size: .8rem; text-transform: uppercase; letter-spacing: .04em;
  color: var(--redup); }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: .9em; }
.sha { word-break: break-all; }
dl.identitas { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem;
  margin: 1rem 0; }
dl.identitas dt { font-weight: 600; }
dl.identitas dd { margin: 0; }
.kosong { color: var(--redup); font-style: italic; }
.peringatan-pdf { border-left: 4px solid var(--peringatan); background: #fffbeb;
  padding: .5rem .8rem; }
.tabel-ringkasan { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
table { border-collapse: collapse; }
caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
th, td { border: 1px solid var(--garis); padding: .25rem .6rem; text-align: left; }
td.angka { text-align: right; font-variant-numeric: tabular-nums; }
.total { font-size: 1.1rem; }
.lencana { display: inline-block; border-radius: 999px; padding: .05rem .55rem; color: #fff;
  font-size: .8rem; font-weight: 600; background: #52525b; }
.lencana-galat { background: var(--galat); }
.lencana-peringatan { background: var(--peringatan); }
.lencana-info { background: var(--info); }
.kontrol { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: 1rem 0;
  padding: .6rem .8rem; background: #f4f4f5; border-radius: 6px; }
.kontrol fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: .8rem; }
.kontrol legend { float: left; font-weight: 600; margin-right: .5rem; }
.kontrol select { margin-left: .4rem; }
.tampil { margin: 0; color: var(--redup); }
article.temuan { border: 1px solid var(--garis); border-left: 6px solid #52525b;
  border-radius: 6px; padding: .8rem 1rem; margin: 0 0 1rem; }
article.tingkat-galat { border-left-color: var(--galat); }
article.tingkat-peringatan { border-left-color: var(--peringatan); }
article.tingkat-info { border-left-color: var(--info); }
article.temuan header { display: flex; gap: .6rem; align-items: center; }
article.temuan .kode { font-weight: 600; }
article.temuan .hal { margin-left: auto; color: var(--redup); }
dl.meta { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: .1rem .8rem;
  margin: .5rem 0 0; font-size: .9rem; }
dl.meta dt { color: var(--redup); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
pre.kutipan { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; padding: .4rem .6rem;
  background: #fef9c3; border-radius: 4px; font-size: .9rem; }
p.pesan, p.saran { margin: 0; overflow-wrap: anywhere; }
figure { margin: .8rem 0 0; }
figure img { display: block; max-width: 100%; height: auto; border: 1px solid var(--garis); }
figure.halaman-penuh img { max-width: min(100%, 560px); }
figure .bingkai { cursor: zoom-in; }
figure.diperbesar .bingkai { cursor: zoom-out; }
figure.diperbesar img { max-width: none; width: auto; }
.petunjuk-ketuk { display: none; }
figcaption, .catatan-gambar { font-size: .85rem; color: var(--redup); margin-top: .3rem; }
.kosong-saring { padding: 1rem; text-align: center; }
.gulir { overflow-x: auto; }
table.kisi td { min-width: 2.5rem; text-align: center;
  background: rgb(37 99 235 / var(--isi)); }
table.kisi tr.grup th { background: #f4f4f5; }
table.kisi { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.kode-teknis { display: none; }
body.tampil-kode .kode-teknis { display: inline; }
.kode-label { font-weight: 600; }
.tindak-lanjut { margin: .5rem 0 0; padding: .3rem .6rem; background: #f4f4f5;
  border-radius: 4px; font-size: .9rem; }
.tindak-lanjut[data-status="diterima"], .tindak-lanjut[data-status="bukan_masalah"] {
  background: #dcfce7; }
.naratif { font-size: 1.05rem; }
ul.perbaiki-dulu { padding-left: 1.1rem; }
ul.perbaiki-dulu h4 { margin: .6rem 0 .2rem; }
table.grafik td { min-width: 12rem; }
table.grafik th, table.grafik td { border: 0; padding: .1rem .4rem; }
.batang { display: inline-block; height: .8rem; background: var(--galat); border-radius: 2px;
  min-width: 2px; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
@media (max-width: 600px) {
  body { padding: .7rem; }
  dl.meta, dl.identitas { grid-template-columns: 1fr; }
  dl.meta dd, dl.identitas dd { margin-bottom: .3rem; }
  .kontrol { flex-direction: column; align-items: stretch; }
  table.grafik td { min-width: 6rem; }
  .petunjuk-ketuk { display: inline; }
}
@page { size: A4; margin: 14mm 12mm 16mm;
  @bottom-right { content: "Halaman " counter(page) " dari " counter(pages); font-size: 9pt;
    color: #52525b; } }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .naratif { font-size: 10.5pt; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  table.grafik, ul.perbaiki-dulu li { break-inside: avoid; }
  figure img { max-height: 60mm; width: auto; }
  article.temuan { padding: .4rem .6rem; margin-bottom: .5rem; }
  .lencana, pre.kutipan { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .kontrol, .kosong-saring { display: none !important; }
  article.temuan header, dl.meta, pre.kutipan { break-inside: avoid; break-after: avoid; }
  figure, figure img { break-inside: avoid; max-width: 100% !important; height: auto; }
  .petunjuk-ketuk { display: none !important; }
  a { color: inherit; text-decoration: none; }
}
"""

# Filtering, sorting, and the readiness flags a headless browser test waits for. Data is read
# from the DOM, so no finding text is ever embedded in script.
JS = """
(function () {
  "use strict";
  var daftar = document.getElementById("daftar-temuan");
  var kartu = Array.prototype.slice.call(daftar.querySelectorAll("article.temuan"));
  var kosong = document.getElementById("kosong-saring");
  var kode = document.getElementById("saring-kode");
  var urutan = document.getElementById("urutan");
  var kotak = Array.prototype.slice.call(document.querySelectorAll('input[name="tingkat"]'));
  function angka(el, nama, ganti) {
    var v = el.getAttribute(nama);
    return v === null || v === "" ? ganti : Number(v);
  }
  function terapkan() {
    var aktif = {};
    kotak.forEach(function (k) { aktif[k.value] = k.checked; });
    var pilihKode = kode ? kode.value : "";
    var tampil = 0;
    kartu.forEach(function (el) {
      var ok = aktif[el.getAttribute("data-temuan-tingkat")] !== false &&
        (pilihKode === "" || el.getAttribute("data-temuan-kode") === pilihKode);
      el.hidden = !ok;
      if (ok) { tampil += 1; }
    });
    var n = document.getElementById("jumlah-tampil");
    if (n) { n.textContent = String(tampil); }
    if (kosong) { kosong.hidden = tampil !== 0 || kartu.length === 0; }
  }
  function urutkan() {
    var cara = urutan ? urutan.value : "asli";
    var salin = kartu.slice();
    salin.sort(function (a, b) {
      var d = 0;
      if (cara === "halaman") {
        d = angka(a, "data-halaman", Infinity) - angka(b, "data-halaman", Infinity);
        if (isNaN(d)) { d = 0; }
      } else if (cara === "tingkat") {
        d = angka(a, "data-peringkat", 99) - angka(b, "data-peringkat", 99);
      } else if (cara === "kode") {
        var ka = a.getAttribute("data-temuan-kode"), kb = b.getAttribute("data-temuan-kode");
        d = ka < kb ? -1 : (ka > kb ? 1 : 0);
      }
      return d || (angka(a, "data-urutan", 0) - angka(b, "data-urutan", 0));
    });
    salin.forEach(function (el) { daftar.appendChild(el); });
  }
  kotak.forEach(function (k) { k.addEventListener("change", terapkan); });
  var tampilKode = document.getElementById("tampil-kode");
  if (tampilKode) {
    tampilKode.addEventListener("change", function () {
      document.body.classList.toggle("tampil-kode", tampilKode.checked);
    });
  }
  document.querySelectorAll("figure .bingkai").forEach(function (b) {
    function ganti() {
      var besar = b.parentElement.classList.toggle("diperbesar");
      b.setAttribute("aria-pressed", besar ? "true" : "false");
    }
    b.addEventListener("click", ganti);
    b.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); ganti(); }
    });
  });
  if (kode) { kode.addEventListener("change", terapkan); }
  if (urutan) { urutan.addEventListener("change", urutkan); }
  terapkan();

  var gambar = Array.prototype.slice.call(document.images);
  var menunggu = gambar.length;
  var selesai = false;
  function siap() {
    if (selesai) { return; }
    selesai = true;
    var dimuat = gambar.filter(function (g) { return g.complete && g.naturalWidth > 0; });
    document.body.dataset.gambarDimuat = String(dimuat.length);
    document.body.dataset.gambarTotal = String(gambar.length);
    // Widest content, for the phone-layout test (no sideways scrolling at 390 px).
    document.body.dataset.lebarIsi = String(document.documentElement.scrollWidth);
    document.body.dataset.siap = "1";
  }
  function satu() {
    menunggu -= 1;
    if (menunggu <= 0) { siap(); }
  }
  gambar.forEach(function (g) {
    if (g.complete) {
      menunggu -= 1;
    } else {
      g.addEventListener("load", satu);
      g.addEventListener("error", satu);
    }
  });
  if (menunggu <= 0) { siap(); }
})();
"""


def _pdf_notes(dokumen: Dokumen, pdf_path: Path | None, note: str | None) -> list[str]:
    notes: list[str] = []
    if note:
        notes.append(note)
    if pdf_path is not None and note is None and dokumen.sumber_sha256:
        try:
            digest = hashlib.sha256(pdf_path.read_bytes()).hexdigest()
        except OSError:
            digest = None
        if digest is not None and digest != dokumen.sumber_sha256:
            notes.append(
                f"SHA-256 berkas PDF ({digest}) berbeda dengan sumber dokumen; "
                "cuplikan halaman mungkin tidak sesuai dengan data."
            )
    return notes


def render_report(
    dokumen: Dokumen,
    temuan: Sequence[Temuan],
    pdf_path: Path | None,
    keputusan: Mapping[str, Keputusan] | None = None,
    versi: str | None = None,
    rencana_aksi: Sequence[RencanaAksi] = (),
    glyphs: Mapping[int, PageGlyphs] | None = None,
    kotak: Mapping[tuple[str, str], Sequence[CellBox]] | None = None,
    texts: Mapping[tuple[str, str], tuple[str, str]] | None = None,
) -> str:
    """One self-contained HTML report (Bahasa Indonesia) of `temuan` about `dokumen`.

    A front page first: what was checked, the counts in plain words ("Wajib diperbaiki /
    Sebaiknya diperbaiki / Catatan"; the codes behind a toggle), the galat to fix first
    grouped by lampiran and table, the reviewers' follow-up (`keputusan`, by finding id,
    also shown on each finding), the source's dates and `versi` (the pipeline version that
    made the data). With `rencana_aksi`, the schedule as a year grid by area and program.
    Printed: A4 with "Halaman n dari m" at the foot of each page.

    No network or external files: CSS and JS are inline and page pictures are base64 PNG data
    URIs. Each finding with a page and a quotation gets a crop of that page with the quotation
    highlighted, or a whole-page thumbnail when the text is not found; with `pdf_path` None
    there are no pictures. Findings keep the given order. Counts per severity and per code sit
    in elements with `data-tingkat` / `data-kode` attributes, the total in `#jumlah-temuan`.
    Same input, same output, byte for byte. `glyphs` (the characters extraction read, by
    page) spares parsing the pages again to find quotations; `kotak` (table records' cell
    boxes) and `texts` (text records' printed start and end), by (table, record id), confine
    each finding's highlight to its own record (see pipeline.report.places).
    """
    pictures, note = _snapshots(temuan, pdf_path, glyphs, kotak, texts)
    title = _dokumen_title(dokumen)
    notes = "".join(
        f'<p class="peringatan-pdf" role="note">{_e(n)}</p>\n'
        for n in _pdf_notes(dokumen, pdf_path, note)
    )
    keputusan = keputusan or {}
    anchors = {t.id: i for i, t in enumerate(temuan)}
    cards = "\n".join(
        _card(i, t, pictures.get(i), keputusan.get(t.id), anchors) for i, t in enumerate(temuan)
    )
    if temuan:
        listing = f"""{_controls(temuan)}
<p id="kosong-saring" class="kosong kosong-saring" hidden>\
Tidak ada temuan yang sesuai dengan pilihan saringan.</p>
<div id="daftar-temuan">
{cards}
</div>"""
    else:
        listing = """<p class="kosong">Tidak ada temuan untuk dokumen ini.</p>
<div id="daftar-temuan"></div>"""
    tentang = f"<small>tentang {_e(dokumen.tentang)}</small>" if dokumen.tentang else ""
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Laporan Mutu Data: {_e(title)}</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>Laporan Mutu Data: {_e(title)}{tentang}</h1>
<p>Untuk Bagian Hukum. Setiap temuan menunjuk baris data, halaman PDF, dan teks yang \
bermasalah sebagaimana tercetak.</p>
</header>
<main>
{notes}{_front(dokumen, temuan, keputusan, versi)}
<section aria-labelledby="judul-identitas">
<h2 id="judul-identitas">Identitas dokumen</h2>
{_identity(dokumen, pdf_path)}
</section>
{_summary(temuan)}
{_schedule(dokumen, rencana_aksi)}
<section aria-labelledby="judul-temuan">
<h2 id="judul-temuan">Daftar temuan</h2>
{listing}
</section>
</main>
<script>{JS}</script>
</body>
</html>
"""
