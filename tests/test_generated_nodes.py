"""The AST's plain classes (language/nodes.py), the diagnostics' (language/diagnostics.py) and the view
model's (render/view_model.py) are what agendadsl/support/write_plain_classes.py writes from their
dataclass definitions (node_dataclasses.py, diagnostic_dataclasses.py, view_model_dataclasses.py), and
each class behaves as its dataclass does:
construction with and without defaults, equality, hashing, repr, ``replace()``, ``fields()``,
``asdict()``, frozenness, pickling, pattern matching.

Every class is tried with the same arguments on both sides; the expected values come from the real
dataclass, never from the generated class."""

from __future__ import annotations

import copy
import dataclasses
import datetime
import importlib.util
import inspect
import pickle
import shutil
import subprocess
import sys
from enum import Enum
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

import pytest
from conftest import ROOT

from agendadsl.language import diagnostic_dataclasses, diagnostics, node_dataclasses, nodes
from agendadsl.render import view_model, view_model_dataclasses

TOOL_PATH = ROOT / "agendadsl" / "support" / "write_plain_classes.py"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("write_plain_classes", TOOL_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # @dataclass looks its module up
    spec.loader.exec_module(module)
    return module


TOOL = _tool()
PAIRS = {"nodes": (node_dataclasses, nodes), "diagnostics": (diagnostic_dataclasses, diagnostics),
         "view_model": (view_model_dataclasses, view_model)}
"""Each generated module with its definitions: (definitions, generated)."""
CLASSES = [f"{key}.{name}" for key, (defined, _) in PAIRS.items() for name, value in sorted(vars(defined).items())
           if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == defined.__name__]


def _classes(name: str) -> tuple[Any, Any]:
    """The dataclass and the generated class called ``module.Class``."""
    key, _, cls = name.partition(".")
    defined, plain = PAIRS[key]
    return getattr(defined, cls), getattr(plain, cls)


def test_every_generated_module_is_what_its_definitions_give() -> None:
    for source, target in TOOL.GENERATED.items():
        expected = TOOL.generate((ROOT / source).read_text(encoding="utf-8"), source.rsplit("/", 1)[-1])
        assert (ROOT / target).read_text(encoding="utf-8") == expected, \
            f"{target} is out of date: run python -m agendadsl.support.write_plain_classes"


def test_the_tool_says_what_is_out_of_date_and_rewrites_it(tmp_path: Path) -> None:
    """On a copy of the checkout with a generated module edited by hand: ``--check`` names it and
    fails, a plain run writes it back as it was."""
    copied = tmp_path / TOOL_PATH.relative_to(ROOT)
    copied.parent.mkdir(parents=True)
    shutil.copy(TOOL_PATH, copied)
    for source, target in TOOL.GENERATED.items():
        for name in (source, target):
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / name, tmp_path / name)
    edited = next(iter(TOOL.GENERATED.values()))
    (tmp_path / edited).write_text((ROOT / edited).read_text(encoding="utf-8") + "# by hand\n", encoding="utf-8")
    tool = [sys.executable, str(copied)]
    checked = subprocess.run([*tool, "--check"], capture_output=True, text=True, timeout=120, check=False)
    assert checked.returncode == 1 and edited in checked.stderr
    subprocess.run(tool, capture_output=True, timeout=120, check=True)
    assert (tmp_path / edited).read_bytes() == (ROOT / edited).read_bytes()
    again = subprocess.run([*tool, "--check"], capture_output=True, text=True, timeout=120, check=False)
    assert again.returncode == 0, again.stderr


@pytest.mark.parametrize("definition", [
    "@dataclass(order=True)\nclass A:\n    \"\"\"Doc.\"\"\"\n\n    x: int\n",
    "@dataclass\nclass A:\n    x: int\n",
    "@dataclass\nclass A:\n    \"\"\"Doc.\"\"\"\n\n    x: int = field(kw_only=True)\n",
    "@dataclass\nclass A:\n    \"\"\"Doc.\"\"\"\n\n    x: ClassVar[int] = 1\n",
])
def test_what_the_tool_does_not_write_stops_it_with_a_message(definition: str) -> None:
    text = f'"""M."""\n\nfrom dataclasses import dataclass, field\n\nfrom .span import Span\n\n\n{definition}'
    with pytest.raises(TOOL.Unsupported):
        TOOL.generate(text, "m.py")


def test_the_check_path_never_loads_the_definitions() -> None:
    """The point of the generated modules: a check imports none of their dataclasses."""
    seed = ROOT / "samples" / "lanzarote-2020-11-23.agenda"
    code = (f"import sys\nfrom agendadsl import analyse\nagenda, found = analyse(open({str(seed)!r}).read())\n"
            "print(agenda is not None, any(name.endswith('_dataclasses') for name in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout.strip() == "True False"


@pytest.mark.parametrize("key", PAIRS)
def test_both_modules_hold_the_same_names_and_values(key: str) -> None:
    defined, plain = PAIRS[key]
    own = {"dataclass", "field", "FrozenInstanceError", "fields_table", "replace"}
    names = {n for n in vars(defined) if not n.startswith("__")} - own
    setters = {n for n in vars(plain) if n.startswith("_set_")}  # the generated __init__'s slot setters
    assert names == {n for n in vars(plain) if not n.startswith("__")} - own - setters
    for name in names:
        real, made = getattr(defined, name), getattr(plain, name)
        if isinstance(real, type) and issubclass(real, Enum):
            assert [(m.name, m.value) for m in real] == [(m.name, m.value) for m in made]
        elif not isinstance(real, type) and not callable(real) and not hasattr(real, "__origin__") \
                and not isinstance(real, TypeVar) and type(real).__name__ != "UnionType":
            assert made == real, name
    assert plain.__doc__ == defined.__doc__


# ----------------------------------------------------------------------------- each class


def _values(cls: type, mark: str) -> dict[str, Any]:
    """A value for every field: any hashable value serves, the classes check no types."""
    return {f.name: f"{cls.__name__}.{f.name}{mark}" for f in dataclasses.fields(cls)}


def _pair(name: str, everything: bool = False, mark: str = "") -> tuple[Any, Any]:
    """The same node made by the dataclass and by the generated class: the required fields only
    (the rest take their defaults), or every field that ``__init__`` takes."""
    real_cls, made_cls = _classes(name)
    values = _values(real_cls, mark)
    given = {f.name: values[f.name] for f in dataclasses.fields(real_cls) if f.init and
             (everything or (f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING))}
    return real_cls(**given), made_cls(**given)


def _field_facts(cls: type) -> list[tuple[Any, ...]]:
    return [(f.name, f.type, f.default, f.default_factory, f.init, f.repr, f.hash, f.compare, dict(f.metadata),
             f.kw_only, f._field_type) for f in dataclasses.fields(cls)]  # type: ignore[attr-defined]


def _raised(action: Any, *args: Any, **changes: Any) -> tuple[str, str] | None:
    try:
        action(*args, **changes)
    except Exception as problem:
        return type(problem).__name__, str(problem)
    return None


@pytest.mark.parametrize("name", CLASSES)
def test_the_class_has_the_dataclass_shape(name: str) -> None:
    real, made = _classes(name)
    assert dataclasses.is_dataclass(made)
    assert _field_facts(made) == _field_facts(real)
    for attribute in ("__slots__", "__match_args__", "__annotations__", "__doc__", "__qualname__"):
        assert getattr(made, attribute, None) == getattr(real, attribute, None), attribute
    assert [b.__name__ for b in made.__bases__] == [b.__name__ for b in real.__bases__]
    assert not hasattr(made, "__dict__") or hasattr(real, "__dict__")  # slots: no instance dictionary
    wanted = set(vars(real)) - {"__dataclass_params__", "__weakref__", "__replace__"}  # __replace__: Python 3.13
    assert set(vars(made)) - {"__weakref__", "__replace__"} == wanted
    def parameters(cls: type) -> list[tuple[Any, ...]]:
        return [(p.name, p.kind, p.default, p.annotation) for p in inspect.signature(cls).parameters.values()]

    assert parameters(made) == parameters(real)


@pytest.mark.parametrize("name", CLASSES)
def test_construction_repr_and_fields_match(name: str) -> None:
    for everything in (False, True):
        real, made = _pair(name, everything)
        assert repr(made) == repr(real)
        assert dataclasses.asdict(made) == dataclasses.asdict(real)
        assert dataclasses.astuple(made) == dataclasses.astuple(real)
        assert [f.name for f in dataclasses.fields(made)] == [f.name for f in dataclasses.fields(real)]
        for f in dataclasses.fields(real):
            assert getattr(made, f.name) == getattr(real, f.name), f.name
    real_cls, made_cls = _classes(name)
    values = _values(real_cls, "")
    positional = [values[f.name] for f in dataclasses.fields(real_cls) if f.init]
    assert repr(made_cls(*positional)) == repr(real_cls(*positional))


@pytest.mark.parametrize("name", CLASSES)
def test_equality_and_hash_match(name: str) -> None:
    real, made = _pair(name, everything=True)
    assert made == _pair(name, everything=True)[1]
    assert hash(made) == hash(real)
    assert (made == real) is False and (made != real) is True  # another class: never equal
    for f in dataclasses.fields(_classes(name)[0]):
        if not f.init:
            continue
        other_real = dataclasses.replace(real, **{f.name: "changed"})
        other_made = dataclasses.replace(made, **{f.name: "changed"})
        assert repr(other_made) == repr(other_real)
        assert (other_made == made) is (other_real == real), f.name
        assert (hash(other_made) == hash(made)) is (hash(other_real) == hash(real)), f.name
        assert hash(other_made) == hash(other_real)


@pytest.mark.parametrize("name", CLASSES)
def test_copy_replace_makes_the_changed_node(name: str) -> None:
    """``__replace__``, which ``copy.replace()`` calls from Python 3.13 on (a dataclass has it there)."""
    real, made = _pair(name, everything=True)
    changed = next(f.name for f in dataclasses.fields(real) if f.init)
    again = made.__replace__(**{changed: "changed"})
    assert repr(again) == repr(dataclasses.replace(real, **{changed: "changed"}))
    if hasattr(copy, "replace"):
        assert copy.replace(made, **{changed: "changed"}) == again


def _frozen(name: str) -> bool:
    return bool(_classes(name)[0].__dataclass_params__.frozen)


@pytest.mark.parametrize("name", CLASSES)
def test_frozenness_matches(name: str) -> None:
    real, made = _pair(name, everything=True)
    for f in dataclasses.fields(_classes(name)[0]):
        assert _raised(setattr, made, f.name, 1) == _raised(setattr, real, f.name, 1)
        assert _raised(delattr, made, f.name) == _raised(delattr, real, f.name)
    if not _frozen(name):  # the view model's classes: slots refuse another name, and that is all
        assert _raised(setattr, made, "other", 1) == _raised(setattr, real, "other", 1) is not None
        return
    # Any other name: FrozenInstanceError, as a frozen dataclass without slots says. With slots,
    # Python 3.11's own method fails first (TypeError from super(): CPython issue gh-90562).
    assert _raised(setattr, made, "other", 1) == ("FrozenInstanceError", "cannot assign to field 'other'")
    assert _raised(delattr, made, "other") == ("FrozenInstanceError", "cannot delete field 'other'")
    assert _raised(setattr, real, "other", 1) is not None
    for f in dataclasses.fields(_classes(name)[0]):
        if not f.init:  # replace() refuses a field that __init__ does not take
            assert _raised(dataclasses.replace, made, **{f.name: 1}) == \
                _raised(dataclasses.replace, real, **{f.name: 1})


@pytest.mark.parametrize("name", [name for name in CLASSES if _frozen(name)])
def test_a_subclass_keeps_the_fields_frozen(name: str) -> None:
    """A class derived from a node keeps the node's fields frozen, as one derived from the dataclass
    does: the generated ``__setattr__``/``__delattr__`` decide by the instance's class and the field's
    name (a mutant that tested the name the wrong way round passed every test on the classes themselves).
    Attributes of the subclass's own are left out: Python 3.11's dataclass fails on them (gh-90562)."""
    real_cls, made_cls = _classes(name)
    values = _values(real_cls, "")
    given = {f.name: values[f.name] for f in dataclasses.fields(real_cls) if f.init}
    real, made = type("Derived", (real_cls,), {})(**given), type("Derived", (made_cls,), {})(**given)
    for f in dataclasses.fields(real_cls):
        assert _raised(delattr, made, f.name) == _raised(delattr, real, f.name) == (
            "FrozenInstanceError", f"cannot delete field {f.name!r}")
        assert _raised(setattr, made, f.name, 1) == _raised(setattr, real, f.name, 1) == (
            "FrozenInstanceError", f"cannot assign to field {f.name!r}")
    assert [getattr(made, f) for f in made_cls.__slots__] == [getattr(real, f) for f in made_cls.__slots__]


@pytest.mark.parametrize("name", CLASSES)
def test_pickling_and_copying_keep_the_node(name: str) -> None:
    real, made = _pair(name, everything=True)
    for again in (pickle.loads(pickle.dumps(made)), copy.copy(made), copy.deepcopy(made)):
        assert type(again) is type(made) and again == made
        assert [getattr(again, f) for f in made.__slots__] == [getattr(real, f) for f in made.__slots__]


@pytest.mark.parametrize("name", CLASSES)
def test_pattern_matching_reads_the_same_fields(name: str) -> None:
    made = _pair(name, everything=True)[1]
    cls = type(made)
    match made:
        case cls(first):  # type: ignore[misc]
            assert first == getattr(made, cls.__match_args__[0])
        case _:
            pytest.fail("no match")


def test_the_classes_own_methods_work_on_real_nodes() -> None:
    """Properties and methods are copied from the definitions: spot checks on real values."""
    plain = nodes
    span = plain.Span(1, 0, 1, 5)
    text = plain.RichText((plain.Text("See "), plain.DocRef("T-ES(2020)23"), plain.XRef("adoption")), span)
    assert text.plain == "See T-ES(2020)23{adoption}"
    day = plain.DateValue(29, 2, 2021)
    assert day.to_date() is None and plain.DateValue(28, 2, 2021).to_date() is not None
    item = plain.Item(plain.NumberMark.AUTO, text, children=(plain.Item(plain.NumberMark.NONE, text),))
    group = plain.Group(1, text, body=(item,))
    agenda = plain.Agenda(plain.Meeting(), body=(group, item))
    assert agenda.items == (item, item) and agenda.groups == (group,)
    assert agenda.groups_and_body() is agenda.groups_and_body()  # kept once walked
    assert plain.walk((item,)) == [(item, 1), (item.children[0], 2)]
    assert str(plain.TimeOfDay(9, 5)) == "09:05"


def test_an_incomplete_date_is_no_date_in_the_definitions_and_the_generated_class() -> None:
    """``DateValue.to_date`` is copied from the definitions: a day without its month or its year ("15
    March" with no meeting date to give the year) is no calendar date, in both (a mutant of the
    definitions, ``or`` for ``and``, crashed on a date without a year once the classes were written again)."""
    for module in (node_dataclasses, nodes):
        assert module.DateValue(15, 3, None).to_date() is None
        assert module.DateValue(15, None, 2026).to_date() is None
        assert module.DateValue(15, None, None).to_date() is None
        assert module.DateValue(15, 3, 2026).to_date() == datetime.date(2026, 3, 15)


def test_a_diagnostic_still_cuts_its_message() -> None:
    """``__post_init__`` runs in the generated ``__init__``: a 100 KB quotation is cut to a screen."""
    made = diagnostics.error("x", "y" * 100_000, nodes.NO_SPAN, hint="z" * 100_000)
    assert len(made.message) == diagnostics.MESSAGE_LIMIT and len(made.hint or "") == diagnostics.MESSAGE_LIMIT
