"""Numbering: skipped items (a, b, c, e), repeated numbers, a block printed twice, a number
printed without the dot its siblings carry."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import groupby

from pipeline.models import RencanaAksi
from pipeline.validate.dataset import Dataset
from pipeline.validate.rules.base import Hit
from pipeline.vocabulary import ordinal

REPEAT_RE = re.compile(r"__ulang_\d+")
QUOTED_RE = re.compile(r"__(?:angka|huruf)_[^_]+__pasal_")


# A label printed inside running text after a punctuation mark: "..., I. memberikan ...",
# "...; g. membuat ...", "pelayanan, . d. menerima ...", or after a speck OCR read as a
# mark ("tertentu: @ 9. Petambak ...").
_GLUED_RE = re.compile(r"[,;:.](?:\s*(?:[^\w\s]|_)){0,2}\s*\(?([0-9]{1,3}|[A-Za-z])[.)]\s+\w")
# A Pasal heading OCR read into running text: "Pasal" and its number (the blank between
# them often lost: "Pasal6") at the start of a text or after a sentence's end, with up to
# two specks around, then its first ayat "(1)" or a capitalised word ("... ini. @ Pasal 5
# (1) Kebutuhan ...", "... 2016. Pasal6 Kebutuhan ..."). A reference to a Pasal follows
# a word ("dalam Pasal 4 dan Pasal 5"), never a sentence's end.
_GLUED_PASAL_RE = re.compile(
    r"(?:^|[;:.])(?:\s*(?:[^\w\s]|_)){0,2}\s*Pasal\s?([0-9]{1,3})\s+(?:(?:[^\w\s]|_)\s*){0,2}"
    r"(?:\(1\)|[A-Z])"
)
# Characters OCR takes for one another in an item label: "l." read "I." or "1.", "q." read
# "g.", "o." read "0.", "s." read "5.".
_LOOKALIKE = {"l": "il1|", "i": "l1|", "q": "g9", "g": "q9", "o": "0", "s": "5", "b": "6"}


def _glued(text: str, before: str, after: str) -> bool:
    """Whether the item before a gap holds one of the missing items in its own text: its
    label printed after a punctuation mark, as read (OCR's "I." for "l.", "g." for "q."
    counted). The item was printed; the reading glued it to the one above, so the gap is
    not certain."""
    a, b = ordinal(before), ordinal(after)
    if a is None or b is None:
        return False
    letters = not before.strip("().").isdigit()
    missing = set(range(a + 1, b))
    for m in _GLUED_RE.finditer(text):
        label = m.group(1)
        if label.isdigit() and not letters:
            if int(label) in missing:
                return True
            continue
        for n in missing if letters else ():
            wanted = chr(ord("a") + n - 1)
            if label.lower() == wanted or label.lower() in _LOOKALIKE.get(wanted, ""):
                return True
    return False


def gaps(numbers: Sequence[str]) -> Iterator[tuple[str, str]]:
    """(before, after) pairs where a sequence skips one or more items."""
    for before, after in zip(numbers, numbers[1:], strict=False):
        a, b = ordinal(before), ordinal(after)
        if a is not None and b is not None and b > a + 1:
            yield before, after


def _blocks(records: Sequence[RencanaAksi], key: str) -> list[tuple[str, list[RencanaAksi]]]:
    out = []
    for k, grp in groupby(records, key=lambda r: getattr(r, key)):
        out.append((k, list(grp)))
    return out


def rencana_aksi_numbering(data: Dataset) -> Iterator[Hit]:
    recs = [r for r in data.rencana_aksi if not REPEAT_RE.search(r.id)]
    # Areas in document order.
    areas = [r for r in recs if r.area_no is not None]
    area_seq = [str(k) for k, _ in groupby(r.area_no for r in areas)]
    first_of_area = {str(r.area_no): r for r in reversed(areas)}
    for before, after in gaps([a for a in area_seq if a]):
        r = first_of_area[after]
        yield Hit(
            "nomor-terlewat",
            "rencana_aksi",
            r.id,
            "area_no",
            r.halaman_awal,
            r.area_no_tercetak,
            {"tingkat_nomor": "area", "sebelum": before, "sesudah": after},
        )
    # Programs within each area, aksi within each program (or group).
    scope = groupby(recs, key=lambda r: (r.kelompok, r.area_no))
    for _, area_recs_iter in scope:
        area_recs = list(area_recs_iter)
        progs = [k for k, _ in groupby(r.program_no for r in area_recs) if k]
        first_of_prog = {r.program_no: r for r in reversed(area_recs)}
        for before, after in gaps(progs):
            r = first_of_prog[after]
            yield Hit(
                "nomor-terlewat",
                "rencana_aksi",
                r.id,
                "program_no",
                r.halaman_awal,
                r.program_no_tercetak,
                {"tingkat_nomor": "program", "sebelum": before, "sesudah": after},
            )
        for _, prog_iter in groupby(area_recs, key=lambda r: r.program_no):
            prog_recs = [r for r in prog_iter if r.indikator_ke == 1]
            letters = [r.aksi_no for r in prog_recs if r.aksi_no]
            by_no = {r.aksi_no: r for r in reversed(prog_recs)}
            for before, after in gaps(letters):
                r = by_no[after]
                yield Hit(
                    "nomor-terlewat",
                    "rencana_aksi",
                    r.id,
                    "aksi_no",
                    r.halaman_awal,
                    r.aksi_no_tercetak,
                    {"tingkat_nomor": "rencana aksi", "sebelum": before, "sesudah": after},
                )
    yield from _printed_twice(data.rencana_aksi)
    yield from _missing_dots(data.rencana_aksi)


def _content(r: RencanaAksi) -> tuple[object, ...]:
    return (
        r.program,
        r.rencana_aksi,
        r.kriteria_keberhasilan,
        r.indikator_target,
        tuple(r.tahun_pelaksanaan),
        r.penanggung_jawab_teks,
    )


def _printed_twice(records: Sequence[RencanaAksi]) -> Iterator[Hit]:
    by_id = {r.id: r for r in records}
    for r in records:
        if not REPEAT_RE.search(r.id):
            continue
        original = by_id.get(REPEAT_RE.sub("", r.id))
        if original is not None and _content(original) == _content(r):
            quote = r.program or r.rencana_aksi or ""  # the repeated block's heading
            yield Hit(
                "blok-tercetak-dua-kali",
                "rencana_aksi",
                r.id,
                "rencana_aksi",
                r.halaman_awal,
                quote,
            )
        else:
            yield Hit(
                "nomor-ganda",
                "rencana_aksi",
                r.id,
                "aksi_no",
                r.halaman_awal,
                r.aksi_no_tercetak,
                {"tingkat_nomor": "rencana aksi", "nomor": r.aksi_no},
            )


def _missing_dots(records: Sequence[RencanaAksi]) -> Iterator[Hit]:
    """A printed number without its dot when most numbers of its kind carry one."""
    kinds = (
        ("area_no", "area", lambda r: (r.area_no,)),
        ("program_no", "program", lambda r: (r.area_no, r.program_no)),
        ("aksi_no", "rencana aksi", lambda r: (r.kelompok, r.area_no, r.program_no, r.aksi_no)),
    )
    for column, label, scope in kinds:
        first: dict[tuple[object, ...], RencanaAksi] = {}
        for r in records:
            if getattr(r, f"{column}_tercetak"):
                first.setdefault(scope(r), r)
        printed = [getattr(r, f"{column}_tercetak") for r in first.values()]
        if sum(p.endswith(".") for p in printed) * 2 <= len(printed):
            continue  # dots are not the norm here
        for r in first.values():
            value = getattr(r, f"{column}_tercetak")
            if not value.endswith("."):
                yield Hit(
                    "nomor-tanpa-titik",
                    "rencana_aksi",
                    r.id,
                    column,
                    r.halaman_awal,
                    value,
                    {"tingkat_nomor": label, "nomor": value},
                )


def _glued_pasal(texts: Sequence[tuple[str, str]], missing: set[int]) -> list[str]:
    """The ids of the texts (id, text) that hold the heading of a missing Pasal, read into
    them by OCR ("Pasal2 (1) ..." in the text of BAB II): the Pasal was printed."""
    return [
        nid for nid, text in texts
        if any(int(m.group(1)) in missing for m in _GLUED_PASAL_RE.finditer(text))
    ]  # fmt: skip


def body_numbering(data: Dataset) -> Iterator[Hit]:
    """Pasal, ayat, huruf and angka numbers under each parent of the body tree. A gap whose
    missing item OCR read into the text above it (its label after a punctuation mark, or a
    Pasal heading inside a text between the two numbers) is not a gap of the document: it
    is an `ocr-butir-tergabung` finding on the text that holds it. A number repeated after a
    Pasal heading read into the text between its two uses belongs to that Pasal, not to a
    repeat."""
    for table, nodes in (("pasal", data.pasal),):
        children: dict[tuple[str | None, str], list[tuple[str, int, str]]] = {}
        texts = {n.id: n.teks or "" for n in nodes}
        by_id = {n.id: n for n in nodes}
        order = {n.id: i for i, n in enumerate(nodes)}
        for n in nodes:
            if n.nomor and n.tingkat in ("pasal", "ayat", "huruf", "angka"):
                if n.tingkat == "pasal":
                    # Pasal numbers run through the whole body; roman Pasal of an amendment
                    # and articles quoted inside its instructions are numbered elsewhere.
                    if not n.nomor.isdigit() or QUOTED_RE.search(n.id):
                        continue
                    parent = None
                else:
                    parent = n.induk_id
                children.setdefault((parent, n.tingkat), []).append((n.nomor, n.halaman_awal, n.id))
        texts_from = [(n.id, texts[n.id]) for n in nodes]

        def between(
            first: str,
            last: str,
            texts_from: list[tuple[str, str]] = texts_from,
            order: dict[str, int] = order,
        ) -> list[tuple[str, str]]:
            """The texts of the nodes from `first` up to (not including) `last`."""
            return texts_from[order[first] : order[last]]

        for (_, level), items in children.items():
            numbers = [no for no, _, _ in items]
            pages = {no: (page, nid) for no, page, nid in reversed(items)}
            last = {no: nid for no, _, nid in items}
            for before, after in gaps(numbers):
                page, nid = pages[after]
                holders = [last[before]] if _glued(texts[last[before]], before, after) else []
                if not holders and level == "pasal":
                    a, b = ordinal(before) or 0, ordinal(after) or 0
                    holders = _glued_pasal(between(last[before], nid), set(range(a + 1, b)))
                if holders:
                    # Printed, but OCR read it into a text above: the data lacks it.
                    for holder in map(by_id.__getitem__, holders):
                        if holder.keyakinan_ocr is not None:
                            yield Hit(
                                "ocr-butir-tergabung",
                                table,
                                holder.id,
                                "teks",
                                holder.halaman_awal,
                                holder.teks,
                                {"tingkat_nomor": level, "sebelum": before, "sesudah": after},
                            )
                    continue
                yield Hit(
                    "nomor-terlewat",
                    table,
                    nid,
                    "nomor",
                    page,
                    after,
                    {"tingkat_nomor": level, "sebelum": before, "sesudah": after},
                )
            seen: dict[str, str] = {}
            for no, page, nid in items:
                first = seen.get(no)
                if first is not None and not (
                    level != "pasal" and _glued_pasal(between(first, nid), set(range(1, 1000)))
                ):
                    yield Hit(
                        "nomor-ganda",
                        table,
                        nid,
                        "nomor",
                        page,
                        no,
                        {"tingkat_nomor": level, "nomor": no},
                    )
                seen.setdefault(no, nid)
