"""HTML/CSS for a variant, printed to PDF by headless Chromium."""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.zoo.source import (
    Cell,
    Center,
    Document,
    Labeled,
    PageBreak,
    Para,
    Signature,
    Table,
)
from tests.zoo.variants import PAPER_MM, Variant

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
MARGIN_MM = 15.0


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _css(v: Variant) -> str:
    w, h = PAPER_MM[v.paper]
    land = f"{h}mm {w}mm" if v.landscape else f"{w}mm {h}mm"
    number = (
        f'@top-center {{ content: "- " counter(page) " -"; font-family: "{v.font}"; '
        f"font-size: {v.size + 2}pt; }}"
        if v.page_numbers
        else ""
    )
    rule = {
        "lines": "border: 0.5pt solid #000;",
        "gaps": "border: 0.5pt solid #000;",
        "double": "border: 2pt double #000;",
        "none-vertical": "border-top: 0.5pt solid #000; border-bottom: 0.5pt solid #000;",
    }[v.rules]
    collapse = (
        "border-collapse: separate; border-spacing: 1.5pt;"
        if v.rules == "gaps"
        else "border-collapse: collapse;"
    )
    return f"""
@page {{ size: {w}mm {h}mm; margin: {MARGIN_MM}mm; {number} }}
@page land {{ size: {land}; margin: {MARGIN_MM}mm; {number} }}
html {{ font-family: "{v.font}"; font-size: {v.size + 2}pt; line-height: 1.25; }}
body {{ margin: 0; }}
section.land {{ page: land; }}
.brk {{ break-before: page; }}
p.c {{ text-align: center; margin: 0 0 8pt 0; }}
.lab {{ display: flex; margin: 0 0 4pt 0; }}
.lab .l {{ width: 24mm; flex: none; }}
.lab .k {{ width: 5mm; flex: none; }}
.lab .n {{ width: 8mm; flex: none; }}
.lab .t, .item .t {{ flex: 1; text-align: justify; }}
.item {{ display: flex; margin: 0 0 3pt 0; }}
.item .n {{ width: 9mm; flex: none; }}
.item.l1 {{ margin-left: 9mm; }}
p.b {{ margin: 0 0 4pt 0; text-align: justify; }}
.sig {{ margin: 14pt 0 8pt 55%; text-align: center; }}
.sig div {{ margin-bottom: 3pt; }}
table {{ {collapse} table-layout: fixed; width: 100%; font-size: {v.size}pt; margin-bottom: 10pt; }}
td, th {{ {rule} padding: 1pt 2pt; vertical-align: top; text-align: left; font-weight: normal;
  overflow-wrap: break-word; }}
th {{ vertical-align: middle; text-align: center; {"font-weight: bold;" if v.header_bold else ""}
  {"background: #d0d0d0;" if v.header_shade else ""} }}
td.b {{ font-weight: bold; }}
td.y, th.y {{ text-align: center; padding: 1pt 0.5pt; {"word-break: break-all;" if v.year_wrap else ""} }}
td.shade {{ background: #7f7f7f; }}
.narrow {{ letter-spacing: -0.3pt; }}
tr {{ {"break-inside: avoid;" if v.rows_whole else ""} }}
"""


def _cell(c: Cell, tag: str, v: Variant) -> str:
    classes = []
    if c.bold and tag == "td":
        classes.append("b")
    if c.year:
        classes.append("y")
    if c.tick and v.tick == "shade":
        classes.append("shade")
    if c.narrow:
        classes.append("narrow")
    attrs = ""
    if classes:
        attrs += f' class="{" ".join(classes)}"'
    if c.rowspan > 1:
        attrs += f' rowspan="{c.rowspan}"'
    if c.colspan > 1:
        attrs += f' colspan="{c.colspan}"'
    if c.align == "center" and tag == "td" and not c.year:
        attrs += ' style="text-align:center"'
    return f"<{tag}{attrs}>{_esc(c.text)}</{tag}>"


def _colgroup(t: Table, v: Variant) -> str:
    # A wrapped year column: narrower than "2019" at this size (digits are 0.5 em wide); the
    # other columns share what is left.
    year_pt = v.size * 0.5 * 3.4 + 1.0
    wrap = {
        i for i in range(len(t.widths)) if v.year_wrap and t.kind == "ra" and _is_year_col(t, i)
    }
    free = sum(w for i, w in enumerate(t.widths) if i not in wrap)
    fixed = len(wrap) * year_pt
    cols = []
    for i, w in enumerate(t.widths):
        if i in wrap:
            cols.append(f'<col style="width:{year_pt:.1f}pt">')
        else:
            cols.append(f'<col style="width:calc((100% - {fixed:.1f}pt) * {w / free:.4f})">')
    return "<colgroup>" + "".join(cols) + "</colgroup>"


def _is_year_col(t: Table, i: int) -> bool:
    # The low header row holds only the year cells, in order; find the column of each.
    col = 0
    years: set[int] = set()
    low = iter(t.header[1])
    for c in t.header[0]:
        if c.rowspan == 1:  # the "Waktu Pelaksanaan" cell, over the year columns
            for k in range(c.colspan):
                next(low)
                years.add(col + k)
        col += c.colspan
    return i in years


def _table(t: Table, v: Variant, with_header: bool = True, with_body: bool = True) -> str:
    head = "".join("<tr>" + "".join(_cell(c, "th", v) for c in row) + "</tr>" for row in t.header)
    body = "".join("<tr>" + "".join(_cell(c, "td", v) for c in row) + "</tr>" for row in t.body)
    repeat = v.header_repeat or t.kind != "ra"
    out = ["<table>", _colgroup(t, v)]
    if with_header and repeat:
        out.append(f"<thead>{head}</thead>")
    out.append("<tbody>")
    if with_header and not repeat:
        out.append(head)
    if with_body:
        out.append(body)
    out.append("</tbody></table>")
    return "".join(out)


def render_html(doc: Document, v: Variant) -> str:
    parts: list[str] = []
    open_section = False
    for b in doc.blocks:
        if isinstance(b, Center):
            lines = "<br>".join(_esc(x) for x in b.lines)
            parts.append(f'<p class="c">{"<b>" + lines + "</b>" if b.bold else lines}</p>')
        elif isinstance(b, Labeled):
            num = f'<span class="n">{_esc(b.number)}</span>' if b.number else ""
            colon = ":" if b.label else ""
            parts.append(
                f'<div class="lab"><span class="l">{_esc(b.label)}</span>'
                f'<span class="k">{colon}</span>{num}<span class="t">{_esc(b.text)}</span></div>'
            )
        elif isinstance(b, Para):
            if b.number:
                parts.append(
                    f'<div class="item l{b.level}"><span class="n">{_esc(b.number)}</span>'
                    f'<span class="t">{_esc(b.text)}</span></div>'
                )
            else:
                parts.append(f'<p class="b">{_esc(b.text)}</p>')
        elif isinstance(b, Signature):
            parts.append(
                '<div class="sig">' + "".join(f"<div>{_esc(x)}</div>" for x in b.lines) + "</div>"
            )
        elif isinstance(b, PageBreak):
            if open_section:
                parts.append("</section>")
            cls = "land brk" if b.landscape else "brk"
            parts.append(f'<section class="{cls}">')
            open_section = True
        elif isinstance(b, Table):
            if b.kind == "ra" and v.header_alone:
                # The header alone on its page, the rows from the next page on.
                parts.append(_table(b, v, with_body=False))
                parts.append('<div class="brk"></div>')
                parts.append(_table(b, v, with_header=v.header_repeat))
            else:
                parts.append(_table(b, v))
        else:
            raise TypeError(f"zoo: no HTML for {b!r}")
    if open_section:
        parts.append("</section>")
    return (
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title></title>'
        f"<style>{_css(v)}</style></head><body>{''.join(parts)}</body></html>"
    )


def browser() -> str:
    for b in BROWSERS:
        found = shutil.which(b)
        if found:
            return found
    raise RuntimeError("zoo: Chromium is missing (make zoo-tools installs it)")


def print_pdf(source: str, out: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="zoo-chromium-") as tmp:
        page = Path(tmp) / "doc.html"
        page.write_text(source, "utf-8")
        subprocess.run(
            [
                browser(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--user-data-dir={tmp}/profile",
                f"--print-to-pdf={out}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
