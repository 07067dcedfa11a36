"""The amendment diff as one self-contained HTML page in Bahasa Indonesia.

Inline CSS only: no scripts, no fonts, no images, nothing fetched, so the file can be mailed
or archived and opened offline. Every value taken from the data is HTML-escaped.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.diff.compare import Perubahan

JENIS_ORDER = ("ditambah", "dihapus", "diubah", "dipindah")
JENIS_LABEL = {
    "ditambah": "Ditambah",
    "dihapus": "Dihapus",
    "diubah": "Diubah",
    "dipindah": "Dipindah / dinomori ulang",
}

CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 1.5rem; color: #1f2933;
       font-size: 14px; }
h1 { font-size: 1.4rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 2px solid #d2d6dc; }
.versi { color: #52606d; margin-top: 0; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid #cbd2d9; padding: .3rem .5rem; vertical-align: top;
         text-align: left; }
th { background: #f0f4f8; }
td.jumlah { text-align: right; font-variant-numeric: tabular-nums; }
.perubahan { border: 1px solid #cbd2d9; border-left-width: 6px; margin: 1rem 0;
             padding: .5rem .8rem; page-break-inside: avoid; }
.perubahan.ditambah { border-left-color: #2f855a; }
.perubahan.dihapus { border-left-color: #c53030; }
.perubahan.diubah { border-left-color: #d69e2e; }
.perubahan.dipindah { border-left-color: #3182ce; }
.perubahan.target { background: #fffbea; }
.lencana { display: inline-block; padding: 0 .4rem; border-radius: 3px; color: #fff;
           font-size: .8rem; margin-right: .4rem; }
.lencana.ditambah { background: #2f855a; } .lencana.dihapus { background: #c53030; }
.lencana.diubah { background: #b7791f; } .lencana.dipindah { background: #3182ce; }
.lencana.target { background: #744210; } .lencana.spasi { background: #7b8794; }
.ringkasan { font-weight: bold; }
.meta { color: #52606d; font-size: .85rem; margin: .3rem 0; }
.meta code { font-size: .85rem; }
table.nilai { width: 100%; table-layout: fixed; }
table.nilai th:first-child, table.nilai td:first-child { width: 14rem; }
td.lama { background: #fff5f5; } td.baru { background: #f0fff4; }
.kosong { color: #9aa5b1; font-style: italic; }
@media print { .perubahan { break-inside: avoid; } }
"""


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _value(value: Any) -> str:
    """A cell value for display: empty -> a grey 'kosong'; lists `; `-joined; escaped."""
    if value is None or value == "" or value == []:
        return '<span class="kosong">kosong</span>'
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, list):
        return _esc("; ".join(str(v) for v in value))
    if isinstance(value, dict):
        return _esc(json.dumps(value, ensure_ascii=False))
    return _esc(value)


def _pages(pages: Sequence[int]) -> str:
    if not pages:
        return "-"
    return str(pages[0]) if pages[0] == pages[-1] else f"{pages[0]}-{pages[-1]}"


def _counts(changes: Sequence[Perubahan]) -> str:
    per_jenis: Counter[str] = Counter(str(c.jenis) for c in changes)
    targets = sum(1 for c in changes if c.menyentuh_target)
    spacing = sum(1 for c in changes if c.hanya_spasi)
    rows = "".join(
        f'<tr><th>{JENIS_LABEL[j]}</th><td class="jumlah" data-jenis="{j}">'
        f"{per_jenis.get(j, 0)}</td></tr>"
        for j in JENIS_ORDER
    )
    rows += (
        f'<tr><th>Menyentuh target</th><td class="jumlah" data-jenis="target">{targets}</td></tr>'
        f'<tr><th>Hanya beda spasi</th><td class="jumlah" data-jenis="spasi">{spacing}</td></tr>'
        f'<tr><th>Jumlah</th><td class="jumlah" data-jenis="jumlah">{len(changes)}</td></tr>'
    )
    return f'<table class="ringkas-jenis"><tbody>{rows}</tbody></table>'


def _per_table(changes: Sequence[Perubahan]) -> str:
    tables = list(dict.fromkeys(c.tabel for c in changes))
    if not tables:
        return ""
    counts: Counter[tuple[str, str]] = Counter((c.tabel, str(c.jenis)) for c in changes)
    head = "".join(f"<th>{JENIS_LABEL[j]}</th>" for j in JENIS_ORDER)
    body = ""
    for t in tables:
        cells = "".join(
            f'<td class="jumlah" data-tabel="{_esc(t)}" data-jenis="{j}">'
            f"{counts.get((t, j), 0)}</td>"
            for j in JENIS_ORDER
        )
        total = sum(counts.get((t, j), 0) for j in JENIS_ORDER)
        body += f'<tr><th>{_esc(t)}</th>{cells}<td class="jumlah">{total}</td></tr>'
    return (
        f'<table class="ringkas-tabel"><thead><tr><th>Tabel</th>{head}<th>Jumlah</th></tr>'
        f"</thead><tbody>{body}</tbody></table>"
    )


def _change(change: Perubahan) -> str:
    target = " target" if change.menyentuh_target else ""
    badges = f'<span class="lencana {change.jenis}">{_esc(change.jenis)}</span>'
    if target:
        badges += '<span class="lencana target">target</span>'
    if change.hanya_spasi:
        badges += '<span class="lencana spasi">hanya spasi</span>'
    meta = (
        f"Tabel <code>{_esc(change.tabel)}</code> &middot; "
        f"id lama <code>{_esc(change.id_lama or '-')}</code> "
        f"(hlm. {_pages(change.halaman_lama)}) &middot; "
        f"id baru <code>{_esc(change.id_baru or '-')}</code> "
        f"(hlm. {_pages(change.halaman_baru)})"
    )
    rows = "".join(
        f"<tr><td><code>{_esc(k)}</code></td>"
        f'<td class="lama">{_value(change.nilai_lama[k]) if k in change.nilai_lama else "-"}</td>'
        f'<td class="baru">{_value(change.nilai_baru[k]) if k in change.nilai_baru else "-"}</td>'
        "</tr>"
        for k in change.kolom
    )
    values = (
        '<table class="nilai"><thead><tr><th>Kolom</th><th>Sebelum</th><th>Sesudah</th></tr>'
        f"</thead><tbody>{rows}</tbody></table>"
        if rows
        else '<p class="meta">Isi tidak berubah; hanya letak atau nomornya.</p>'
    )
    return (
        f'<section class="perubahan {change.jenis}{target}" id="{_esc(change.id)}">'
        f'<div>{badges}<span class="ringkasan">{_esc(change.ringkasan)}</span></div>'
        f'<p class="meta">{meta}</p>{values}</section>'
    )


def render_diff(changes: Sequence[Perubahan], old_label: str, new_label: str) -> str:
    """The whole page: counts per jenis and per table, then target changes, then the rest,
    then the changes in spacing only (`Perubahan.hanya_spasi`, most often a line broken
    elsewhere by another print), each with its before/after values side by side, ids and
    pages. Deterministic."""
    worded = [c for c in changes if not c.hanya_spasi]
    targets = [c for c in worded if c.menyentuh_target]
    others = [c for c in worded if not c.menyentuh_target]
    spacing = [c for c in changes if c.hanya_spasi]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="id"><head><meta charset="utf-8">',
        f"<title>Perubahan: {_esc(old_label)} &rarr; {_esc(new_label)}</title>",
        f"<style>{CSS}</style></head><body>",
        "<h1>Daftar Perubahan Peraturan</h1>",
        f'<p class="versi">Versi lama: <strong>{_esc(old_label)}</strong> &rarr; '
        f"versi baru: <strong>{_esc(new_label)}</strong></p>",
        "<h2>Ringkasan</h2>",
    ]
    if not changes:
        parts.append('<p class="tanpa-perubahan">Tidak ada perubahan isi.</p>')
    parts.append(_counts(changes))
    parts.append(_per_table(changes))
    if targets:
        parts.append(f"<h2>Perubahan target ({len(targets)})</h2>")
        parts.extend(_change(c) for c in targets)
    if others:
        parts.append(f"<h2>Perubahan lainnya ({len(others)})</h2>")
        parts.extend(_change(c) for c in others)
    if spacing:
        parts.append(f"<h2>Hanya beda spasi ({len(spacing)})</h2>")
        parts.append(
            '<p class="meta">Nilainya sama bila spasi diabaikan. Biasanya cetakan lain memutus '
            "baris di tempat lain sehingga spasi hilang atau bertambah; periksa di PDF sebelum "
            "dianggap perubahan isi.</p>"
        )
        parts.extend(_change(c) for c in spacing)
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


__all__ = ["render_diff"]
