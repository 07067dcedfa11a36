"""Consistency rules: small functions over a Dataset, each yielding Hits with a stable code
(see catalog.py). Importing this package registers every rule module."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pipeline.validate.dataset import Dataset


@dataclass(frozen=True, slots=True)
class Hit:
    kode: str
    tabel: str
    record_id: str | None
    kolom: str | None
    halaman: int | None
    kutipan: str | None
    params: dict[str, Any] = field(default_factory=dict)


Rule = Callable[[Dataset], Iterable[Hit]]
RULES: list[Rule] = []


def rule(fn: Rule) -> Rule:
    RULES.append(fn)
    return fn


def all_rules() -> list[Rule]:
    from pipeline.validate.rules import (  # noqa: F401  (registration by import)
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

    return list(RULES)
