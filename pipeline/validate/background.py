"""The expectation suites (Great Expectations) run in a helper process (`pipeline.forked`)
while the caller draws the QA report from the rules' findings, on the other core.

After normalisation a run of one document went through validation (the rules, then Great
Expectations' own work: 62 expectations in 11 batches, about a second of CPU) before the
report could start. The suites of a well-formed document fail nowhere (none on the default
PDF), so the caller draws the report from the rules' findings meanwhile and draws it again
only when the suites add a finding: the report is the same either way.

The helper is forked (it shares the caller's loaded Great Expectations context and the
dataset, nothing is pickled but the hits it returns); otherwise the suites run in the caller
on `result()`. Any failure in the helper is not reported from there: the caller runs the
suites again itself and meets the failure with its own error.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.forked import Forked

if TYPE_CHECKING:
    from pipeline.validate.dataset import Dataset
    from pipeline.validate.rules import Hit


def _expected(data: Dataset, root: Path) -> list[Hit]:
    from pipeline.validate.expectations import run_expectations

    return list(run_expectations(data, root))


class Expectations(Forked["list[Hit]"]):
    """`list(run_expectations(data, root))`, computed in a helper process when one may be
    started here (else on `result()`, in this process)."""

    def __init__(self, data: Dataset, root: Path) -> None:
        super().__init__(_expected, data, root)
