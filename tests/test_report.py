"""The HTML data-quality report: self-contained, counts right, pictures of the PDF, safe text.

Unit tests read the rendered HTML with the standard library's parser; one test opens the file
in a real headless Chromium (installed by `make test`) and checks what the browser made of it.
"""

from __future__ import annotations

import base64
import io
import json
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

from pipeline.models import Dokumen, Temuan
from pipeline.report.html import render_report
from pipeline.report.places import search_queries
from tests.conftest import DEFAULT_PDF, GOLDEN_DIR

BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome")
BROWSER_TIMEOUT_S = 120
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--virtual-time-budget=10000",
)
SCRIPT_KUTIPAN = "<script>alert('x')</script> & \"kutip\""


def _temuan(
    n: int,
    kode: str,
    tingkat: str,
    halaman: int | None,
    kutipan: str | None,
    kolom: str | None = "indikator_target",
) -> Temuan:
    return Temuan(
        id=f"{kode}__uji_{n}",
        kode=kode,
        tingkat=tingkat,
        tabel="rencana_aksi",
        record_id=f"lampiran_2__uji__indikator_{n}",
        kolom=kolom,
        halaman=halaman,
        kutipan=kutipan,
        pesan=f"Pesan uji {n}.",
        saran=f"Saran uji {n}.",
    )


# Hand-made findings pointing at real text of the default PDF, plus the awkward cases: text
# wrapped inside a cell, text that is not on the page, markup in the quotation, no page.
TEMUAN: tuple[Temuan, ...] = (
    _temuan(1, "target-placeholder", "peringatan", 40, "(... (.....) layanan)"),
    _temuan(2, "unit-tidak-dikenal", "info", 27, "Disarplus", kolom="penanggung_jawab_teks"),
    _temuan(3, "kegiatan-ganda", "galat", 28, "Pengembangan Pegawai Berbasis Kompetensi"),
    _temuan(4, "teks-mencurigakan", "galat", 5, SCRIPT_KUTIPAN),
    _temuan(5, "target-placeholder", "peringatan", 40, "(... (.....) layanan)"),
    _temuan(6, "metadata-kurang", "info", None, None, kolom=None),
)
WITH_PAGE = sum(1 for t in TEMUAN if t.halaman is not None)


class _Dom(HTMLParser):
    """Just enough of a DOM: attributes of every element and the text of counted ones."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.texts: dict[int, str] = {}
        self._open: list[int] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        index = len(self.elements) - 1
        if tag not in ("img", "input", "meta", "br", "link"):
            self._open.append(index)
        self.texts[index] = ""

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            index = self._open.pop()
            if self.elements[index][0] == tag:
                break

    def handle_data(self, data: str) -> None:
        for index in self._open:
            self.texts[index] += data

    def counts(self, attribute: str) -> dict[str, int]:
        return {
            attrs[attribute]: int(self.texts[i].strip())
            for i, (_, attrs) in enumerate(self.elements)
            if attribute in attrs
        }

    def by_id(self, element_id: str) -> str:
        (index,) = [i for i, (_, a) in enumerate(self.elements) if a.get("id") == element_id]
        return self.texts[index].strip()

    def tags(self, name: str) -> list[dict[str, str]]:
        return [attrs for tag, attrs in self.elements if tag == name]


def _expected_tingkat(temuan: Sequence[Temuan]) -> dict[str, int]:
    counts = Counter(t.tingkat for t in temuan)
    return {tingkat: counts.get(tingkat, 0) for tingkat in ("galat", "peringatan", "info")}


@pytest.fixture(scope="module")
def dokumen() -> Dokumen:
    with (GOLDEN_DIR / "dokumen.json").open(encoding="utf-8") as f:
        return Dokumen.model_validate(json.load(f))


@pytest.fixture(scope="module")
def report(dokumen: Dokumen) -> str:
    return render_report(dokumen, TEMUAN, DEFAULT_PDF)


def _png(src: str) -> Image.Image:
    prefix = "data:image/png;base64,"
    assert src.startswith(prefix)
    data = base64.b64decode(src[len(prefix) :], validate=True)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return Image.open(io.BytesIO(data))


# ---------------------------------------------------------------------------------------------
# Without a browser


def test_report_has_no_network_references(report: str) -> None:
    dom = _Dom(report)
    for tag, attrs in dom.elements:
        for name in ("src", "href", "srcset", "action", "poster"):
            value = attrs.get(name, "").strip().lower()
            assert not value.startswith(("http:", "https:", "//")), (tag, name, value[:80])
            if value:
                assert value.startswith("data:") or value.startswith("#"), (tag, name, value[:80])
    assert not dom.tags("link")
    assert all("src" not in attrs for attrs in dom.tags("script"))
    assert not re.search(r"(src|href)\s*=\s*[\"']?\s*(https?:)?//", report, re.IGNORECASE)
    assert not re.search(r"url\(\s*[\"']?\s*(https?:)?//", report, re.IGNORECASE)
    assert not re.search(r"@import", report)


def test_report_is_indonesian_html_document(report: str, dokumen: Dokumen) -> None:
    assert report.startswith("<!DOCTYPE html>")
    assert '<html lang="id">' in report
    for label in ("Identitas dokumen", "Ringkasan", "Daftar temuan", "Urutkan", "Semua jenis"):
        assert label in report
    # The header names the document.
    assert dokumen.sumber_sha256 in report
    assert "Kabupaten Magetan" in report
    assert "26 Maret 2020" in report
    assert f"<dd>{dokumen.jumlah_halaman}</dd>" in report


def test_summary_counts(report: str) -> None:
    dom = _Dom(report)
    assert dom.counts("data-tingkat") == _expected_tingkat(TEMUAN)
    assert dom.counts("data-kode") == dict(Counter(t.kode for t in TEMUAN))
    assert dom.by_id("jumlah-temuan") == str(len(TEMUAN))


def test_every_finding_is_shown_in_the_given_order(report: str) -> None:
    cards = [a for tag, a in _Dom(report).elements if tag == "article"]
    assert [c["data-urutan"] for c in cards] == [str(i) for i in range(len(TEMUAN))]
    assert [c["data-temuan-kode"] for c in cards] == [t.kode for t in TEMUAN]
    positions = [report.index(f"<code>{t.id}</code>") for t in TEMUAN]
    assert positions == sorted(positions)
    for t in TEMUAN:
        assert t.pesan in report
        assert t.saran is not None and t.saran in report


def test_one_png_per_finding_with_a_page(report: str) -> None:
    images = _Dom(report).tags("img")
    assert len(images) == WITH_PAGE
    for attrs in images:
        image = _png(attrs["src"])
        assert image.size == (int(attrs["width"]), int(attrs["height"]))
        assert attrs["alt"]


def test_found_text_is_a_highlighted_strip_not_the_whole_page(report: str) -> None:
    images = _Dom(report).tags("img")
    # Order of the pictures follows the findings that have a page: 40, 27, 28, 5, 40.
    strips = [_png(images[i]["src"]) for i in (0, 1, 2, 4)]
    for strip in strips:
        width, height = strip.size
        assert width > 1000  # full page width (936 pt) at a readable resolution
        assert height < width / 3  # a strip around the match, not the page
    assert "Halaman 27: kutipan disorot." in report
    assert "Halaman 28: kutipan disorot." in report
    # Wrapped in its cell next to other columns (and "(....." printed without the space
    # the data has): found whole all the same.
    assert "Halaman 40: kutipan disorot." in report
    assert "tidak ditemukan utuh" not in report
    # Identical finding, identical picture (rendered once, from the cache).
    assert images[0]["src"] == images[4]["src"]


def test_text_not_on_page_shows_thumbnail_and_says_so(report: str) -> None:
    images = _Dom(report).tags("img")
    thumbnail = _png(images[3]["src"])
    assert thumbnail.size[0] < 1000
    assert "Halaman 5: teks tidak ditemukan persis; ditampilkan seluruh halaman." in report


def test_kutipan_is_escaped(report: str) -> None:
    assert "<script>alert" not in report
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;kutip&quot;" in report
    assert report.count("<script>") == 1  # the report's own inline script


def test_report_is_deterministic(dokumen: Dokumen, report: str) -> None:
    again = render_report(dokumen, TEMUAN, DEFAULT_PDF)
    assert again == report


def test_without_pdf_there_are_no_pictures(dokumen: Dokumen) -> None:
    html = render_report(dokumen, TEMUAN, None)
    dom = _Dom(html)
    assert not dom.tags("img")
    assert "PDF sumber tidak tersedia" in html
    assert dom.counts("data-tingkat") == _expected_tingkat(TEMUAN)


def test_page_outside_the_pdf_gets_a_note_not_an_error(dokumen: Dokumen) -> None:
    html = render_report(dokumen, [_temuan(1, "x", "info", 99, "apa saja")], DEFAULT_PDF)
    assert not _Dom(html).tags("img")
    assert "Halaman 99 tidak ada dalam PDF sumber (41 halaman)" in html


def test_no_findings(dokumen: Dokumen) -> None:
    html = render_report(dokumen, [], DEFAULT_PDF)
    dom = _Dom(html)
    assert dom.by_id("jumlah-temuan") == "0"
    assert dom.counts("data-tingkat") == {"galat": 0, "peringatan": 0, "info": 0}
    assert dom.counts("data-kode") == {}
    assert "Tidak ada temuan untuk dokumen ini." in html


@pytest.mark.parametrize(
    ("kutipan", "expected"),
    [
        ("Disarplus", ["Disarplus"]),
        ("(... (.....) layanan)", ["(... (.....) layanan)", "(... (.....)"]),
        (
            "Jumlah  pelayanan\nyang dilaksanakan",
            [
                "Jumlah pelayanan yang dilaksanakan",
                "Jumlah pelayanan",
                "Jumlah pelayanan yang",
            ],
        ),
        ("5", ["5"]),
        ("   ", []),
        ("x" * 80, ["x" * 80, "x" * 60]),
    ],
)
def test_search_queries(kutipan: str, expected: list[str]) -> None:
    assert search_queries(kutipan) == expected


# ---------------------------------------------------------------------------------------------
# In a real browser


def _chromium() -> str:
    for name in BROWSER_NAMES:
        path = shutil.which(name)
        if path:
            return path
    pytest.fail(
        "Chromium not found (looked for " + ", ".join(BROWSER_NAMES) + "). Run `make test`, "
        "which installs it (apt-get install chromium), or install it yourself."
    )


def _run_browser(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=BROWSER_TIMEOUT_S,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def test_report_in_headless_chromium(report: str, tmp_path: Path) -> None:
    browser = _chromium()
    page = tmp_path / "laporan.html"
    page.write_text(report, encoding="utf-8")
    url = page.as_uri()

    dumped = _run_browser(browser, tmp_path / "profil-dom", "--dump-dom", url).stdout
    dom = _Dom(dumped)
    (body,) = dom.tags("body")
    assert body.get("data-siap") == "1", body
    assert body.get("data-gambar-total") == str(WITH_PAGE), body
    assert body.get("data-gambar-dimuat") == str(WITH_PAGE), body
    assert dom.counts("data-tingkat") == _expected_tingkat(TEMUAN)
    assert dom.counts("data-kode") == dict(Counter(t.kode for t in TEMUAN))
    assert dom.by_id("jumlah-temuan") == str(len(TEMUAN))
    assert dom.by_id("jumlah-tampil") == str(len(TEMUAN))  # the filter script ran

    screenshot = tmp_path / "laporan.png"
    _run_browser(
        browser,
        tmp_path / "profil-gambar",
        f"--screenshot={screenshot}",
        "--window-size=1280,2000",
        url,
    )
    assert screenshot.is_file()
    assert screenshot.stat().st_size > 50_000
    with Image.open(screenshot) as shot:
        assert shot.size == (1280, 2000)


def test_default_report_in_headless_chromium_matches_temuan_json(tmp_path: Path) -> None:
    """The committed QA report of the default PDF, opened in a real browser: its summary
    counts are those of the committed temuan.json and every page image loads."""
    from tests.conftest import GOLDEN_DIR, GOLDEN_REPORT

    temuan = [
        Temuan.model_validate(t)
        for t in json.loads((GOLDEN_DIR / "temuan.json").read_text(encoding="utf-8"))
    ]
    browser = _chromium()
    dom = _Dom(
        _run_browser(browser, tmp_path / "profil", "--dump-dom", GOLDEN_REPORT.as_uri()).stdout
    )
    (body,) = dom.tags("body")
    with_page = sum(1 for t in temuan if t.halaman is not None)
    assert body.get("data-siap") == "1"
    assert body.get("data-gambar-total") == body.get("data-gambar-dimuat") == str(with_page)
    assert dom.counts("data-tingkat") == _expected_tingkat(temuan)
    assert dom.counts("data-kode") == dict(Counter(t.kode for t in temuan))
    assert dom.by_id("jumlah-temuan") == str(len(temuan))
    shot = tmp_path / "laporan-default.png"
    _run_browser(browser, tmp_path / "profil-2", f"--screenshot={shot}", "--window-size=1280,2400",
                 GOLDEN_REPORT.as_uri())  # fmt: skip
    assert shot.stat().st_size > 50_000
