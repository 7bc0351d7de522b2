"""What the plain classes written by ``agendadsl/support/write_plain_classes.py`` share.

``@dataclass`` compiles each class's ``__init__``, ``__repr__``, ``__eq__``, ``__hash__``,
``__setattr__`` and ``__delattr__`` with ``exec`` when the module is imported: about 0.6 ms a
frozen class, 25 ms for the AST's 37 (docs/performance.md). The tool writes those methods out once,
from the dataclass definitions, into a module that Python keeps compiled like any other. What the
dataclass functions (``fields()``, ``replace()``, ``asdict()``, ``is_dataclass()``) read is the
class's ``__dataclass_fields__``, which :func:`fields_table` builds here from the same ``field()``
calls as the definitions.
"""

from __future__ import annotations

import dataclasses
from typing import Any


class _Factory:
    """The default of an ``__init__`` parameter whose field has a ``default_factory``."""

    def __repr__(self) -> str:
        return "<factory>"  # as inspect.signature() shows a dataclass's


FACTORY: Any = _Factory()


def fields_table(*specs: tuple[str, str, dataclasses.Field[Any]]) -> dict[str, dataclasses.Field[Any]]:
    """A class's ``__dataclass_fields__``: each ``(name, annotation, field(...))`` completed as
    ``@dataclass`` completes it (name, type, an ordinary field, not keyword-only unless it says so).

    The marker of an ordinary field (``dataclasses._FIELD``, as against a ``ClassVar`` or an
    ``InitVar``) has no public name; ``fields()`` and ``replace()`` test for it by identity, and
    tests/test_generated_nodes.py compares every field with the real dataclass's."""
    table: dict[str, dataclasses.Field[Any]] = {}
    for name, annotation, spec in specs:
        spec.name = name
        spec.type = annotation
        spec._field_type = dataclasses._FIELD  # type: ignore[attr-defined]
        if spec.kw_only is dataclasses.MISSING:
            spec.kw_only = False
        table[name] = spec
    return table
