"""One vocabulary (pipeline/vocabulary.py): the stages that must agree on a word or a mark read
it from there, so they cannot disagree (issue 20: three tick sets disagreed on "✗")."""

from __future__ import annotations

import typing

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
