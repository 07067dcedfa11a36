"""Issue 19 item 2: the QA report's front page, plain labels, print and phone layout.

Checked on the committed report of the default PDF against the committed temuan.json,
dokumen.json and manifest.json (independent of the report code), and in headless Chromium:
printed to PDF (page numbers on every page, no blank page) and at 390 px (nothing scrolls
sideways, the fields of a finding are not squeezed into narrow columns)."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from pypdf import PdfReader

from pipeline.models import Dokumen, Temuan
from pipeline.publish.tindak_lanjut import Keputusan
from pipeline.report.html import render_report
from tests.conftest import GOLDEN_DIR, GOLDEN_REPORT
from tests.test_report import _chromium, _run_browser

REPORT = GOLDEN_REPORT.read_text("utf-8")
TEMUAN = [Temuan.model_validate(t) for t in json.loads((GOLDEN_DIR / "temuan.json").read_text())]
DOKUMEN = Dokumen.model_validate(json.loads((GOLDEN_DIR / "dokumen.json").read_text()))


class _Links(HTMLParser):
    """The front page's "Perbaiki dulu" list: group headings and the links under them."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.groups: list[tuple[str, list[str]]] = []
        self._in_h4 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "ul" and a.get("class") == "perbaiki-dulu":
            self.inside = True
        elif self.inside and tag == "h4":
            self._in_h4 = True
            self.groups.append(("", []))
        elif self.inside and tag == "a":
            self.groups[-1][1].append(str(a["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "ul" and self.inside:
            self.inside = False
        if tag == "h4":
            self._in_h4 = False

    def handle_data(self, data: str) -> None:
        if self._in_h4:
            name, links = self.groups[-1]
            self.groups[-1] = (name + data, links)


def _part(t: Temuan) -> str:
    if t.halaman is None:
        return "Seluruh dokumen"
    for lamp in DOKUMEN.lampiran:
        if lamp.halaman_awal <= t.halaman <= lamp.halaman_akhir:
            return f"Lampiran {lamp.nomor}"  # as printed
    return "Batang tubuh"


def test_fix_first_lists_every_galat_grouped_by_lampiran_and_table() -> None:
    parser = _Links()
    parser.feed(REPORT)
    galat = [(i, t) for i, t in enumerate(TEMUAN) if t.tingkat == "galat"]
    assert sum(len(links) for _, links in parser.groups) == len(galat) == 7
    assert [h for _, links in parser.groups for h in links] == [f"#temuan-{i}" for i, _ in galat]
    expected: dict[str, int] = {}
    for _, t in galat:
        expected[f"{_part(t)}:{t.tabel}"] = expected.get(f"{_part(t)}:{t.tabel}", 0) + 1
    found = {name.split(":")[0]: len(links) for name, links in parser.groups}
    assert found == {k.split(":")[0]: n for k, n in expected.items()}
    # Each link lands on its card, a galat.
    for i, _ in galat:
        assert re.search(rf'<article class="temuan tingkat-galat" id="temuan-{i}"', REPORT)


def test_front_page_says_what_was_checked_with_plain_counts() -> None:
    count = Counter(t.tingkat for t in TEMUAN)
    assert (
        f"Ditemukan {len(TEMUAN)} temuan: {count['galat']} wajib diperbaiki, "
        f"{count['peringatan']} sebaiknya diperbaiki, dan {count['info']} catatan."
    ) in REPORT
    assert f"({DOKUMEN.jumlah_halaman} halaman: batang tubuh dan 2 lampiran)" in REPORT
    assert "Tanggal sumber</dt><dd>ditetapkan 26 Maret 2020, diundangkan 26 Maret 2020" in REPORT
    version = json.loads((GOLDEN_DIR / "manifest.json").read_text())["versi_pipeline"]
    assert f"<dt>Versi pipeline</dt><dd><code>{version}</code></dd>" in REPORT
    # Findings per part (the small chart): the counts of the parts the pages fall in.
    per_part = Counter(_part(t) for t in TEMUAN)
    for name, n in per_part.items():
        assert re.search(rf'<th scope="row">{name}</th><td><span class="batang"[^>]*></span></td>'
                         rf'<td class="angka">{n}</td>', REPORT), name  # fmt: skip


def test_plain_labels_with_the_codes_behind_a_toggle() -> None:
    for css, label in [("galat", "Wajib diperbaiki"), ("peringatan", "Sebaiknya diperbaiki"),
                       ("info", "Catatan")]:  # fmt: skip
        badges = re.findall(
            rf'<span class="lencana lencana-{css}" title="{css}">([^<]*)</span>', REPORT
        )
        assert badges and set(badges) == {label}
    assert "Galat<" not in REPORT and ">galat<" not in REPORT
    codes = re.findall(r'<code class="kode kode-teknis">([^<]*)</code>', REPORT)
    # Once on each finding, once in the summary table of kinds.
    assert Counter(codes) == Counter(t.kode for t in TEMUAN) + Counter({t.kode for t in TEMUAN})
    assert ".kode-teknis { display: none; }" in REPORT
    assert 'id="tampil-kode"' in REPORT
    assert "Singkatan tidak didefinisikan" in REPORT  # the plain label of a code


def test_follow_up_shown_on_the_finding_and_counted() -> None:
    first, second = TEMUAN[0], TEMUAN[1]
    html = render_report(
        DOKUMEN, TEMUAN[:2], None,
        {first.id: Keputusan("diterima", "sudah dibahas", "Bagian Hukum", "2026-12-02")},
        "9.9.9+0123456789abcdef",
    )  # fmt: skip
    assert ('<p class="tindak-lanjut" data-status="diterima">Tindak lanjut: <strong>Diterima '
            "apa adanya</strong>") in html  # fmt: skip
    assert "sudah dibahas (Bagian Hukum, 2026-12-02)" in html
    assert html.count('data-status=""') == 1  # the second one: not reviewed
    assert "Tindak lanjut: 1 dari 2 temuan sudah ditinjau" in html
    assert "<code>9.9.9+0123456789abcdef</code>" in html
    assert second.id in html


def test_printed_report_has_page_numbers_and_no_blank_page(tmp_path: Path) -> None:
    pdf = tmp_path / "laporan.pdf"
    _run_browser(_chromium(), tmp_path / "profil", "--no-pdf-header-footer",
                 f"--print-to-pdf={pdf}", GOLDEN_REPORT.as_uri())  # fmt: skip
    pages = PdfReader(pdf).pages
    n = len(pages)
    texts = [p.extract_text() for p in pages]
    assert [i for i, t in enumerate(texts, 1) if f"Halaman {i} dari {n}" not in t] == []
    assert [i for i, t in enumerate(texts, 1) if len(t.strip()) < 200] == []  # no blank page
    assert "Ringkasan untuk Bagian Hukum" in texts[0] and "Perbaiki dulu" in texts[0]
    assert n < 48  # the issue counted 48 A4 pages before


def test_phone_width_390(tmp_path: Path) -> None:
    """The report in a 390 px wide frame: no sideways scrolling of the page (the schedule
    grid scrolls inside its own box), and a finding's fields (ids included) get the width
    instead of four narrow columns (65 px before)."""
    frame = tmp_path / "telepon.html"
    frame.write_text(
        f'<!DOCTYPE html><html><body style="margin:0"><iframe id="f" src="{GOLDEN_REPORT.as_uri()}" '
        'style="width:390px;height:844px;border:0"></iframe><script>'
        'document.getElementById("f").addEventListener("load", function () {'
        "var d = this.contentDocument, m = 1e9, over = 0;"
        'd.querySelectorAll("dl.meta dd").forEach(function (e) {'
        "m = Math.min(m, e.getBoundingClientRect().width); });"
        'd.querySelectorAll("body *").forEach(function (e) {'
        # A wide table scrolls inside its own box (.gulir); nothing else may stick out.
        'if ((!e.parentElement || !e.parentElement.closest(".gulir")) &&'
        " e.getBoundingClientRect().right > 391) { over += 1; } });"
        'document.body.setAttribute("data-lebar", String(d.documentElement.scrollWidth));'
        'document.body.setAttribute("data-dd-min", String(Math.round(m)));'
        'document.body.setAttribute("data-lebih", String(over)); });'
        "</script></body></html>",
        encoding="utf-8",
    )
    dom = _run_browser(_chromium(), tmp_path / "profil", "--allow-file-access-from-files",
                       "--window-size=1000,900", "--virtual-time-budget=10000", "--dump-dom",
                       frame.as_uri()).stdout  # fmt: skip
    body = re.search(r"<body[^>]*>", dom)
    assert body, dom[:500]
    attrs = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', body.group()))
    assert int(attrs["lebar"]) <= 390, attrs
    assert attrs["lebih"] == "0", attrs
    assert int(attrs["dd-min"]) >= 200, attrs


def test_schedule_grid_counts_the_checked_years_per_program() -> None:
    """The year grid by area and program, counted here from rencana_aksi.json and
    jadwal.json (the block printed twice counted once)."""
    plans = json.loads((GOLDEN_DIR / "rencana_aksi.json").read_text())
    jadwal = json.loads((GOLDEN_DIR / "jadwal.json").read_text())
    skip = {r["id"] for r in plans if r["duplikat_dari"]}
    years = sorted({j["tahun"] for j in jadwal})
    assert years == [2019, 2020, 2021, 2022, 2023]  # the schedule header of Lampiran II
    by_program: dict[str, Counter[int]] = {}
    program_of = {r["id"]: f"{r['program_no']}. {r['program']}" if r["program_no"] else (r["program"] or "")
                  for r in plans}  # fmt: skip
    for j in jadwal:
        if j["record_id"] not in skip:
            by_program.setdefault(program_of[j["record_id"]], Counter())[j["tahun"]] += 1
    section = REPORT[REPORT.index('<section class="jadwal"') :]
    section = section[: section.index("</section>")]
    rows = re.findall(r'<tr><th scope="row">([^<]*)</th>((?:<td[^>]*>[^<]*</td>)+)</tr>', section)
    total = Counter[int]()
    for name, cells in rows:
        values = [int(v) if v else 0 for v in re.findall(r"<td[^>]*>([^<]*)</td>", cells)]
        assert len(values) == len(years)
        total.update(dict(zip(years, values, strict=True)))
        expected = by_program[html.unescape(name)]
        # One program name may recur under several areas: each row is at most its total.
        assert all(v <= expected[y] for y, v in zip(years, values, strict=True)), name
    assert sum(total.values()) == len(jadwal) - sum(1 for j in jadwal if j["record_id"] in skip)
    assert "7. Akuntabilitas" in section  # area 7 under its fallback name


def test_phone_tap_zooms_a_crop_inside_its_own_box(tmp_path: Path) -> None:
    """At 390 px a crop fits the width; a tap shows it at full size, panned inside its own
    box, and the page still does not scroll sideways; a second tap fits it again."""
    frame = tmp_path / "ketuk.html"
    frame.write_text(
        f'<!DOCTYPE html><html><body style="margin:0"><iframe id="f" src="{GOLDEN_REPORT.as_uri()}" '
        'style="width:390px;height:844px;border:0"></iframe><script>'
        'document.getElementById("f").addEventListener("load", function () {'
        'var d = this.contentDocument, b = d.querySelector("figure.cuplikan .bingkai"),'
        ' img = b.querySelector("img"), s = document.body;'
        's.setAttribute("data-sebelum", String(Math.round(img.getBoundingClientRect().width)));'
        "b.click();"
        's.setAttribute("data-sesudah", String(Math.round(img.getBoundingClientRect().width)));'
        's.setAttribute("data-kotak", String(Math.round(b.getBoundingClientRect().width)));'
        's.setAttribute("data-geser", String(b.scrollWidth > b.clientWidth));'
        's.setAttribute("data-halaman", String(d.documentElement.scrollWidth));'
        's.setAttribute("data-tekan", b.getAttribute("aria-pressed"));'
        "b.click();"
        's.setAttribute("data-lagi", String(Math.round(img.getBoundingClientRect().width)));'
        "});</script></body></html>",
        encoding="utf-8",
    )
    dom = _run_browser(_chromium(), tmp_path / "profil", "--allow-file-access-from-files",
                       "--window-size=1000,900", "--virtual-time-budget=10000", "--dump-dom",
                       frame.as_uri()).stdout  # fmt: skip
    body = re.search(r"<body[^>]*>", dom)
    assert body, dom[:500]
    a = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', body.group()))
    assert int(a["sebelum"]) <= 390, a  # fits the phone
    assert int(a["sesudah"]) > 2 * int(a["sebelum"]), a  # full size: the row is readable
    assert int(a["kotak"]) <= 390 and a["geser"] == "true", a  # panned inside its box
    assert int(a["halaman"]) <= 390, a  # the page itself does not scroll sideways
    assert a["tekan"] == "true" and a["lagi"] == a["sebelum"], a
