"""What a rule yields: a Hit names a finding code (see catalog.py), where it is, and the
values its message templates need."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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


Rule = Callable[["Dataset"], Iterable[Hit]]
