"""Other renderings of the default regulation (tests/fixtures/renderings, README there) give
the default's table datasets, provenance aside (what `pipeline diff` compares): the grid is
built from each producer's ruling, the header found by its text, the pieces stitched
across pages with or without a repeated header, group titles read inside the table."""

from __future__ import annotations

import pytest

from pipeline.diff.compare import diff_table
from pipeline.validate.dataset import Dataset, load_folder
from tests.test_renderings_text import CHROMIUM, DEFAULT, LIBREOFFICE, _result, rendering_case
from tests.zoo.compare import records

DATASETS = ("rencana_aksi", "jadwal", "penanggung_jawab", "area_perubahan", "program")

# What differs is where the producers wrap lines inside a cell and the print does not say
# whether the source had a space there (grid.py: line breaks inside a cell). Strict, so that a
# fix shows up here.
KNOWN: dict[tuple[str, str], str] = {
    (CHROMIUM, "rencana_aksi"): (
        "1 record: area 1 program 3 aksi g, whose target the default prints '(95 %' / "
        "'(sembilan' with room for the space LibreOffice prints where it wraps at one, and "
        "none printed (read '95 %(sembilan'); Chromium wraps at the same place but never "
        "prints the space it wraps at, the room left on the line (29 pt) is less than "
        "'(sembilan' (31 pt), so either text would wrap there, and where this rendering "
        "prints the sequence on one line it is '% (sembilan' (twice), never '%(sembilan': "
        "its print cannot tell '% (' from '%(' and reads the break as a space"
    ),
}


@pytest.fixture(scope="module")
def default() -> Dataset:
    return load_folder(DEFAULT)


@pytest.mark.parametrize(
    ("rendering", "dataset"),
    [rendering_case(KNOWN, r, d) for r in (LIBREOFFICE, CHROMIUM) for d in DATASETS],
)
def test_rendering_gives_the_default_table_records(
    default: Dataset, rendering: str, dataset: str
) -> None:
    changes = diff_table(dataset, default.table(dataset), records(_result(rendering), dataset))
    assert [(c.jenis, c.id_lama, c.id_baru, c.kolom) for c in changes] == []


@pytest.mark.parametrize("rendering", [LIBREOFFICE, CHROMIUM])
def test_rendering_finds_every_rencana_aksi_record(default: Dataset, rendering: str) -> None:
    """All 169 record ids of the default, in its order, and every table cell placed."""
    result = _result(rendering)
    assert [r.id for r in result.rencana_aksi] == [
        r.id  # type: ignore[attr-defined]
        for r in default.table("rencana_aksi")
    ]
    assert all(a.sel_sisa == 0 for a in result.akuntansi)


@pytest.mark.parametrize(("rendering", "dataset"), sorted(KNOWN))
def test_what_a_rendering_still_differs_in_is_flagged_spacing_only(
    default: Dataset, rendering: str, dataset: str
) -> None:
    """The known differences (a line wrapped where the print cannot tell a space from none)
    reach an analyst's diff flagged `hanya_spasi`, apart from changes of wording."""
    changes = diff_table(dataset, default.table(dataset), records(_result(rendering), dataset))
    assert changes
    assert all(c.hanya_spasi for c in changes), [c.ringkasan for c in changes]
