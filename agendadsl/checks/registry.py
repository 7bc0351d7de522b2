"""The table of checks: each function with the codes it may report."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..language.diagnostics import Diagnostic
from .context import CheckContext

CheckFunction = Callable[[CheckContext], Iterable[Diagnostic]]


@dataclass(frozen=True)
class Check:
    function: CheckFunction
    codes: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.function.__name__


CHECKS: list[Check] = []


def check(*codes: str) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check function under the codes it reports."""

    def register(function: CheckFunction) -> CheckFunction:
        CHECKS.append(Check(function, codes))
        return function

    return register


def all_codes() -> list[str]:
    """Every code a check can report, in table order."""
    return [code for entry in CHECKS for code in entry.codes]
