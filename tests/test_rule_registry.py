"""Validation wiring (issue 20): every rule function of pipeline.validate.rules is in the
explicit RULES tuple (rules registered by import, so a module left off the import list never
ran), and the Great Expectations suites are the project's own wherever a run starts."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import pipeline.validate.rules as rules_pkg
from pipeline.errors import PipelineError
from pipeline.validate.dataset import Dataset, load_folder
from pipeline.validate.expectations import run_expectations
from pipeline.validate.rules import RULES, Hit
from tests.golden import GOLDEN_DIR

DEFAULT = GOLDEN_DIR


def _rule_functions() -> list[str]:
    """Public functions defined in a rule module that take a Dataset and yield Hits."""
    found = []
    for info in pkgutil.iter_modules(rules_pkg.__path__):
        if info.name == "base":
            continue
        module = importlib.import_module(f"{rules_pkg.__name__}.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__ or name.startswith("_"):
                continue
            signature = inspect.signature(fn, eval_str=True)
            params = list(signature.parameters.values())
            yields_hits = Hit in getattr(signature.return_annotation, "__args__", ())
            if len(params) == 1 and params[0].annotation is Dataset and yields_hits:
                found.append(f"{info.name}.{name}")
    return sorted(found)


def test_every_rule_function_is_listed() -> None:
    listed = sorted(f"{fn.__module__.rsplit('.', 1)[1]}.{fn.__name__}" for fn in RULES)
    assert listed == _rule_functions()


def test_rules_listed_once() -> None:
    assert len(set(RULES)) == len(RULES)


def test_suites_are_the_projects_own_wherever_the_run_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: suites were read relative to the working directory and silently skipped when
    missing there, so a run started elsewhere checked no expectation."""
    data = load_folder(DEFAULT)
    here = sorted(h.kode for h in run_expectations(data))
    monkeypatch.chdir(tmp_path)
    assert sorted(h.kode for h in run_expectations(data)) == here


def test_a_missing_suite_is_an_error(tmp_path: Path) -> None:
    data = load_folder(DEFAULT)
    with pytest.raises(PipelineError, match="Great Expectations suite missing"):
        list(run_expectations(data, root=tmp_path))
