"""Amendments: every place an amending regulation names the regulation it amends (its
Mengingat, its Menetapkan, its Pasal I) must give the number and year its title gives."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.normalize.regulation import RELATION_RE
from pipeline.validate.dataset import Dataset
from pipeline.validate.rules.base import Hit
from pipeline.vocabulary import title_at_start

# The parts of the body that cite the amended regulation.
CITING_PARTS = ("mengingat", "menetapkan")
AMENDING_PASAL = "I"


def _citation_re(kind_words: str, subject: str) -> re.Pattern[str]:
    """'<kind> [region] Nomor N Tahun Y tentang <subject>', any case and spacing."""
    kind = r"\s+".join(re.escape(w) for w in kind_words.split())
    about = r"\s+".join(re.escape(w) for w in subject.split())
    return re.compile(
        kind + r"\b[^()]{0,80}?\bNomor\s+(?P<nomor>[0-9]+)\s+Tahun\s+(?P<tahun>[0-9]{4})"
        r"\s+tentang\s+" + about,
        re.I,
    )


def amended_citation(data: Dataset) -> Iterator[Hit]:
    tentang = " ".join((data.dokumen.tentang or "").upper().split())
    for m in RELATION_RE.finditer(tentang):
        cited = title_at_start(tentang[m.end() :])
        # Only a number in digits and a year can be compared with the digits cited below.
        if cited is None or not (cited.nomor or "").isdigit() or cited.tahun is None:
            continue
        if not cited.tentang:
            continue
        pattern = _citation_re(cited.kind.jenis, cited.tentang)
        nodes = [
            n for n in data.pasal
            if n.id.split("__")[0] in CITING_PARTS
            or (n.tingkat == "pasal" and (n.nomor or "").strip() == AMENDING_PASAL)
        ]  # fmt: skip
        for node in nodes:
            for c in pattern.finditer(node.teks or ""):
                nomor, tahun = c.group("nomor"), int(c.group("tahun"))
                if int(nomor) == int(cited.nomor or 0) and tahun == cited.tahun:
                    continue
                itself = data.dokumen.nomor == nomor and data.dokumen.tahun == tahun
                yield Hit(
                    "perubahan-sitasi-tidak-konsisten", "pasal", node.id, "teks",
                    node.halaman_awal, c.group(0),
                    {"nomor": nomor, "tahun": tahun, "nomor_judul": cited.nomor,
                     "tahun_judul": cited.tahun,
                     "catatan": " (nomor dan tahun peraturan ini sendiri)" if itself else ""},
                )  # fmt: skip
