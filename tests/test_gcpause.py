"""The collector's pause (support/gcpause.py): what a one-command process freezes, and what a
long-running one never does."""

from __future__ import annotations

import gc

import pytest

from agendadsl.cli import entry
from agendadsl.support import gcpause


@pytest.fixture
def thawed(monkeypatch):
    monkeypatch.setattr(gcpause._Process, "one_command", False)
    gc.unfreeze()
    yield
    gc.unfreeze()


def _freezing_block(fail: bool = False) -> list[list[int]]:
    with gcpause.collector_paused(then_freeze=True):
        assert not gc.isenabled()
        built = [[n] for n in range(1000)]
        if fail:
            raise ValueError("a failed parse")
        return built


def test_a_long_running_process_freezes_nothing(thawed):
    kept = _freezing_block()
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()
    assert len(kept) == 1000


def test_a_one_command_process_freezes_what_lasts(thawed):
    gcpause.one_command_process()
    kept = _freezing_block()
    assert gc.get_freeze_count() >= 1000
    assert gc.isenabled()
    assert kept[999] == [999]


def test_a_block_that_fails_freezes_nothing(thawed):
    gcpause.one_command_process()
    with pytest.raises(ValueError):
        _freezing_block(fail=True)
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


def test_a_block_not_lasting_freezes_nothing(thawed):
    gcpause.one_command_process()
    with gcpause.collector_paused():
        built = [[n] for n in range(1000)]
    assert gc.get_freeze_count() == 0
    assert len(built) == 1000


def test_frozen_objects_are_still_freed_by_reference_counting(thawed):
    import weakref

    class Node:
        pass

    gcpause.one_command_process()
    with gcpause.collector_paused(then_freeze=True):
        node = Node()
    gone = weakref.ref(node)
    del node
    assert gone() is None


def test_only_commands_that_end_freeze():
    assert {"check", "render", "fmt", "diff"} == entry._ONE_COMMAND
    assert not {"watch", "serve", "language-server", "lsp"} & entry._ONE_COMMAND
