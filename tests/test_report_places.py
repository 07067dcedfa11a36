"""Every finding on the default PDF is drawn inside its own record (issue 19, item 1).

The record's place is derived here independently of the pipeline's table machinery and of
the report's search: for a table record, pdfplumber's own table finder (ruling lines) on the
finding's page, the row being the one whose cells hold the record's own fields; for a text
record, the page's words from the record's first words to its last; for a finding that names
no record, the words of its quotation. The report's highlight (or outlined cell) must lie in
a cell of that row (a cell merged over several rows counts when it spans the row), or in that
text band.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

import pdfplumber
import pytest

from pipeline.models import Temuan
from pipeline.report.html import PageRenderer
from pipeline.report.places import Pointer, record_texts
from pipeline.result import DocumentResult
from tests.conftest import DEFAULT_PDF

Rect = tuple[float, float, float, float]
SLACK = 2.5  # pt: a highlight is drawn from glyph boxes, which may touch a rule
MIN_OVERLAP = 3.0  # pt of height a merged cell must share with the row


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def _inside(rect: Rect, box: Rect) -> bool:
    return (
        rect[0] >= box[0] - SLACK
        and rect[1] >= box[1] - SLACK
        and rect[2] <= box[2] + SLACK
        and rect[3] <= box[3] + SLACK
    )


def _record(result: DocumentResult, tabel: str, record_id: str) -> Any:
    tables = {
        "rencana_aksi": result.rencana_aksi,
        "penanggung_jawab": result.rencana_aksi,
        "area_perubahan": result.area_perubahan,
        "program": result.program,
        "definisi": result.definisi,
        "dasar_hukum": result.dasar_hukum,
        "menimbang": result.menimbang,
        "pasal": result.simpul,
        "lampiran": result.lampiran_simpul,
    }
    return next(r for r in tables[tabel] if r.id == record_id)


def _own_fields(record: Any) -> list[str]:
    """The texts printed in the record's own (not merged) cells."""
    names = (
        ("kriteria_keberhasilan", "indikator_target", "penanggung_jawab_teks")
        if hasattr(record, "indikator_target")
        else ("area", "hasil", "kegiatan")
    )
    return [_squash(getattr(record, n, None)) for n in names if getattr(record, n, None)]


def _score(wanted: Sequence[str], texts: Sequence[str]) -> int:
    """How many characters of the wanted field texts the row's cells hold (a cell may hold
    the part of a field printed on this page)."""
    return sum(
        max((len(t) for t in texts if t and (t in w or w in t) and len(t) >= 6), default=0)
        for w in wanted
    )


def _rows(page: pdfplumber.page.Page) -> list[tuple[Rect, list[str], list[Rect]]]:
    """Every row of pdfplumber's tables on the page: its box, its cells' texts, and all the
    cells of its table."""
    out = []
    for table in page.find_tables():
        cells = [tuple(c) for c in table.cells]
        for row in table.rows:
            texts = [_squash(page.crop(c).extract_text()) for c in row.cells if c is not None]
            out.append((tuple(row.bbox), texts, cells))
    return out  # type: ignore[return-value]


def _spanning(cells: Sequence[Rect], band: Rect) -> list[Rect]:
    return [c for c in cells if min(c[3], band[3]) - max(c[1], band[1]) >= MIN_OVERLAP]


def _row_cells(page: pdfplumber.page.Page, record: Any) -> list[Rect]:
    """The cells (pdfplumber's table finder) of the row holding the record's own fields, and
    the merged cells spanning that row. A block printed twice holds the same texts twice:
    the record "__ulang_N" is the N-th such row on the page (the last when fewer). The
    cells of the record's program row (its program number and name) above it are added."""
    rows = _rows(page)
    wanted = _own_fields(record)
    scores = [_score(wanted, texts) for _, texts, _ in rows]
    best = max(scores, default=0)
    assert best, f"no row on page {page.page_number} holds {wanted}"
    ties = [i for i, s in enumerate(scores) if s == best]
    repeat = re.search(r"__ulang_(\d+)$", record.id)
    index = ties[min(int(repeat.group(1)), len(ties)) - 1] if repeat else ties[0]
    band, _, cells = rows[index]
    allowed = _spanning(cells, band)
    if getattr(record, "program", None):
        above = [i for i in range(index) if _score([_squash(record.program)], rows[i][1])]
        if above:
            allowed += _spanning(rows[above[-1]][2], rows[above[-1]][0])
    return allowed


def _words_band(page: pdfplumber.page.Page, first: str, last: str) -> Rect:
    """From the top of the record's first words to the bottom of its last (the page's edge
    when the record starts or ends on another page)."""
    words = page.extract_words()
    tokens = [w["text"] for w in words]

    def find(wanted: list[str], start: int = 0) -> int | None:
        n = len(wanted)
        for i in range(start, len(tokens) - n + 1):
            if tokens[i : i + n] == wanted:
                return i
        return None

    head = first.split()[:6]
    tail = last.split()[-3:]
    i = find(head)
    top = float(words[i]["top"]) if i is not None else 0.0
    j = find(tail, i or 0)
    bottom = float(words[j + len(tail) - 1]["bottom"]) if j is not None else float(page.height)
    assert i is not None or j is not None, f"record text not on page {page.page_number}"
    return (0.0, top, float(page.width), bottom)


def expected_boxes(page: pdfplumber.page.Page, result: DocumentResult, t: Temuan) -> list[Rect]:
    """Where the finding may be drawn: its record's row cells or text band."""
    if t.record_id is None:
        words = t.kutipan.split() if t.kutipan else []
        hits = [w for w in page.extract_words() if w["text"] in words]
        lines: dict[float, list[Any]] = {}
        for w in hits:
            lines.setdefault(round(float(w["top"])), []).append(w)
        return [
            (min(w["x0"] for w in ws), min(w["top"] for w in ws),
             max(w["x1"] for w in ws), max(w["bottom"] for w in ws))
            for ws in lines.values()
        ]  # fmt: skip
    record = _record(result, t.tabel, t.record_id)
    if t.tabel in ("rencana_aksi", "penanggung_jawab", "area_perubahan", "program"):
        return _row_cells(page, record)
    if t.tabel == "definisi":
        return [_words_band(page, record.istilah, record.definisi)]
    text = getattr(record, "teks", None) or record.judul
    return [_words_band(page, text, text)]


def drawn(pointer: Pointer) -> tuple[Rect, ...]:
    return pointer.rects or pointer.outline


def _pointers(result: DocumentResult, temuan: Sequence[Temuan]) -> Iterator[tuple]:
    with pdfplumber.open(DEFAULT_PDF) as pdf:
        texts = record_texts(
            result.simpul, result.lampiran_simpul, result.menimbang, result.dasar_hukum,
            result.definisi,
        )  # fmt: skip
        renderer = PageRenderer(pdf, result.glyphs, result.kotak, texts)
        for t in temuan:
            if t.halaman is None:
                continue
            page = pdf.pages[t.halaman - 1]
            yield t, renderer.pointer(t), expected_boxes(page, result, t)


@pytest.fixture(scope="module")
def pointed(default_result: DocumentResult, default_temuan: list[Temuan]) -> list[tuple]:
    return list(_pointers(default_result, default_temuan))


def test_every_finding_is_drawn_inside_its_own_record(pointed: list[tuple]) -> None:
    assert pointed
    wrong = []
    for t, pointer, allowed in pointed:
        boxes = drawn(pointer)
        ok = bool(boxes) and all(any(_inside(r, a) for a in allowed) for r in boxes)
        if not ok:
            wrong.append((t.id, t.halaman, pointer.how, boxes, allowed[:3]))
    assert not wrong, "\n".join(map(str, wrong))


def test_no_finding_falls_back_to_the_whole_page(pointed: list[tuple]) -> None:
    assert [t.id for t, pointer, _ in pointed if pointer.how == "tidak"] == []


# --------------------------------------------------------------------------------------------
# Related findings: one advice, naming each other (checked on p3, p4, p26-27, p14 and p35)


def test_an_unused_definition_the_table_writes_otherwise_is_one_advice(
    default_result: DocumentResult, default_temuan: list[Temuan]
) -> None:
    by_id = {t.id: t for t in default_temuan}
    # Pasal 1 angka 16 (p3) defines "Dinas Arpus"; the Rencana Aksi (p27) writes "Disarpus".
    (definition,) = [
        t
        for t in default_temuan
        if t.kode == "istilah-tidak-digunakan" and t.kutipan == "Dinas Arpus"
    ]
    assert definition.saran is not None and "Hapus" not in definition.saran
    assert "Disarpus" in definition.saran
    named = [i for i in by_id if i in definition.saran and i != definition.id]
    assert named
    for other_id in named:
        other = by_id[other_id]
        assert other.tabel == "penanggung_jawab"
        assert other.saran is not None and definition.id in other.saran
        assert "\u201cDinas Arpus\u201d" in other.saran
        assert "Tambahkan definisinya" not in other.saran


def test_the_nameless_area_and_the_area_not_found_are_linked(
    default_temuan: list[Temuan],
) -> None:
    # p35: area 7 is printed without a name; p14: "Akuntabilitas" is area 6 of Tabel 3.1.
    (nameless,) = [t for t in default_temuan if t.kode == "area-tanpa-nama"]
    (missing,) = [
        t for t in default_temuan if t.kode == "area-tidak-cocok" and t.kutipan == "Akuntabilitas"
    ]
    assert nameless.saran is not None and missing.id in nameless.saran
    assert missing.saran is not None and nameless.id in missing.saran
    assert "Akuntabilitas" in nameless.saran


def test_derived_corrections_of_broken_targets(default_temuan: list[Temuan]) -> None:
    saran = {t.kutipan: t.saran or "" for t in default_temuan if t.kode == "target-format-rusak"}
    # p26: "Jumlah Peraturan Bupati tentang UKPBJ (satu) Peraturan Bupati)".
    assert "\u201c(1 (satu) Peraturan Bupati)\u201d" in saran["(satu) Peraturan Bupati)"]
    # p37 aksi c: the target "(100 % (seratus persen))" is balanced; "(ketepatan waktu, ..."
    # before it is never closed: that is what is quoted.
    assert "(100 % (seratus persen))" not in saran
    assert any(k and k.startswith("(ketepatan waktu") for k in saran)
