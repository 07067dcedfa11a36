"""Consistency rules: small functions over a Dataset, each yielding Hits with a stable code
(see catalog.py). RULES lists every rule, in the order they run: a rule module or function
left off it never runs, so a test checks that every rule function of the package is listed."""

from __future__ import annotations

from pipeline.validate.rules import (
    amendments,
    cross_table,
    dasar_hukum,
    definitions,
    generic_tables,
    numbering,
    scans,
    schedule,
    targets,
    units,
)
from pipeline.validate.rules.base import Hit, Rule

RULES: tuple[Rule, ...] = (
    amendments.amended_citation,
    cross_table.stated_counts,
    cross_table.areas_against_area_table,
    cross_table.sistematika,
    dasar_hukum.order,
    dasar_hukum.publication_years,
    dasar_hukum.unparsed,
    definitions.unused_terms,
    definitions.undefined_abbreviations,
    generic_tables.generic_tables,
    numbering.rencana_aksi_numbering,
    numbering.body_numbering,
    scans.low_ocr_confidence,
    schedule.schedule,
    targets.target_statuses,
    units.responsible_units,
)


def all_rules() -> list[Rule]:
    return list(RULES)


__all__ = ["RULES", "Hit", "Rule", "all_rules"]
