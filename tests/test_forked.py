"""The generic forked call (pipeline/forked.py) that the extract stage and the expectation
suites run in: the helper's value is the call's, a dead or failing helper is replaced by the
call in this process (which meets the error itself), and no helper is forked where none may
be."""

from __future__ import annotations

import os

import pytest

import pipeline.forked as forked
from pipeline.forked import Forked


def _pid_and(value: int) -> tuple[int, int]:
    return os.getpid(), value * 2


def _fails(value: int) -> int:
    raise ValueError(f"bad value {value}")


@pytest.fixture
def forkable(monkeypatch: pytest.MonkeyPatch) -> None:
    """Earlier tests leave threads in this process (see test_validate_background.forkable)."""
    monkeypatch.setattr(forked, "may_fork", lambda: True)


@pytest.mark.usefixtures("forkable")
def test_the_helper_computes_the_call_in_another_process() -> None:
    helper = Forked(_pid_and, 21)
    assert helper.forked
    pid, value = helper.result()
    assert value == 42
    assert pid != os.getpid()
    assert not helper.forked  # joined


@pytest.mark.usefixtures("forkable")
def test_in_helper_is_what_the_helper_calls() -> None:
    helper = Forked(_pid_and, 1, in_helper=lambda v: (-1, v))
    assert helper.result() == (-1, 1)


@pytest.mark.usefixtures("forkable")
def test_a_dead_helper_is_replaced_by_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked, "_child", lambda *args: os._exit(1))
    pid, value = Forked(_pid_and, 5).result()
    assert (pid, value) == (os.getpid(), 10)


@pytest.mark.usefixtures("forkable")
def test_a_failure_in_the_helper_is_met_in_this_process() -> None:
    helper = Forked(_fails, 3)
    assert helper.forked
    with pytest.raises(ValueError, match="bad value 3"):
        helper.result()


@pytest.mark.usefixtures("forkable")
def test_a_cancelled_helper_leaves_no_process() -> None:
    helper = Forked(_pid_and, 5)
    proc = helper._proc
    helper.cancel()
    assert proc is not None and not proc.is_alive()
    assert not helper.forked


def test_no_helper_where_none_may_be_forked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked, "may_fork", lambda: False)
    helper = Forked(_pid_and, 4)
    assert not helper.forked
    assert helper.result() == (os.getpid(), 8)
