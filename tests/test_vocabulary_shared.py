"""One vocabulary (pipeline/vocabulary.py): the stages that must agree on a word or a mark read
it from there, so they cannot disagree (issue 20: three tick sets disagreed on "✗")."""

from __future__ import annotations

import typing

import pytest

from pipeline.extract.tables.stitch import MARKS
from pipeline.models import PerubahanPasal, Temuan
from pipeline.normalize.values import CHECKMARKS
from pipeline.validate.catalog import CATALOG
from pipeline.validate.expectations import spec
from pipeline.vocabulary import SEVERITIES, TICKS, TINDAKAN


def test_every_tick_reader_uses_the_one_set() -> None:
    assert MARKS is TICKS and CHECKMARKS is TICKS
    assert {"✓", "√", "✗"} <= TICKS


def test_every_catalog_code_has_a_known_severity() -> None:
    assert {rule.tingkat for rule in CATALOG.values()} <= set(SEVERITIES)
    assert SEVERITIES == ("galat", "peringatan", "info")  # most severe first
    assert "tingkat" in Temuan.model_fields


def test_amendment_actions_are_one_list_for_the_model_and_its_suite() -> None:
    annotation = PerubahanPasal.model_fields["tindakan"].annotation
    assert typing.get_args(annotation) == TINDAKAN
    (in_set,) = [e for e in spec()["perubahan_pasal"] if e["kwargs"].get("column") == "tindakan"]
    assert in_set["kwargs"]["value_set"] == list(TINDAKAN)


def test_every_item_number_reader_uses_the_one_pattern() -> None:
    from pipeline.extract import document
    from pipeline.extract.tables import header, stitch
    from pipeline.normalize import generic_table, rencana_aksi
    from pipeline.validate.rules import generic_tables
    from pipeline.vocabulary import (
        ITEM_LABEL_RE,
        ITEM_LINE_RE,
        ITEM_NUMBER_LOOSE_RE,
        ITEM_NUMBER_RE,
    )

    assert stitch.NUMBERING_RE is ITEM_NUMBER_RE
    assert generic_table.NUMBERING_RE is ITEM_NUMBER_RE
    assert rencana_aksi.NUMBERING_RE is ITEM_NUMBER_RE
    assert generic_tables.NUMBERING_RE is ITEM_NUMBER_RE
    assert stitch._LINE_LABEL_RE is ITEM_LABEL_RE and generic_table.LABEL_RE is ITEM_LABEL_RE
    assert header.LOOSE_NUMBER_RE is ITEM_NUMBER_LOOSE_RE
    assert document.ITEM_LINE_RE is ITEM_LINE_RE and header._ITEM_OPENS_RE is ITEM_LINE_RE


@pytest.mark.parametrize(
    ("text", "number", "loose", "label"),
    [
        ("1.", True, True, "1"),
        ("(a)", True, True, "a"),
        ("IV.", True, True, "IV"),
        ("e", True, True, None),  # no stop: a number alone in its cell, no label in text
        ("12,", False, True, None),  # OCR's reading of "12."
        ("1234.", False, False, None),
        ("Rp.", False, False, None),
    ],
)
def test_item_number_patterns(text: str, number: bool, loose: bool, label: str | None) -> None:
    from pipeline.vocabulary import ITEM_LABEL_RE, ITEM_NUMBER_LOOSE_RE, ITEM_NUMBER_RE

    assert bool(ITEM_NUMBER_RE.match(text)) is number
    assert bool(ITEM_NUMBER_LOOSE_RE.match(text)) is loose
    m = ITEM_LABEL_RE.match(text + " Pembentukan Tim")
    assert (m.group(2) if m else None) == label


def test_item_sequence_arithmetic() -> None:
    from pipeline.vocabulary import follows, item_places, next_item, ordinal, steps_ahead

    assert next_item("9") == "10" and next_item("b") == "c" and next_item("z") is None
    assert follows("8", "9") and follows("b", "c") and not follows("b", "d")
    assert steps_ahead("c", "e") == 2 and steps_ahead("c", "E") is None
    assert ordinal("(c)") == 3 and ordinal("C.") == 3 and ordinal("IV") is None
    assert (
        item_places("C.") == {3, 100} and item_places("III") == {3} and item_places("12.") == {12}
    )
