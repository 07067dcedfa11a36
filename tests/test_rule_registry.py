"""Every rule function of pipeline.validate.rules is in the explicit RULES tuple (issue 20:
rules registered by import, so a module left off the import list never ran)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pipeline.validate.rules as rules_pkg
from pipeline.validate.dataset import Dataset
from pipeline.validate.rules import RULES, Hit


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
