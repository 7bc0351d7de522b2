"""Writes plain Python classes from dataclass definitions, so that importing them compiles nothing.

    python -m agendadsl.support.write_plain_classes            # rewrite every generated module
    python -m agendadsl.support.write_plain_classes --check    # exit 1 where a generated module is out of date

``@dataclass`` writes each class's methods as text and compiles them with ``exec`` every time its
module is imported: 0.6 ms a frozen class, 25 ms for the AST's 37 classes, a tenth of a cold
``agenda check`` (docs/performance.md). This tool writes the same methods once, as source, into a
module that Python caches compiled like any other:

- the definitions (``agendadsl/language/node_dataclasses.py``) stay the one readable, typed source;
  type checkers read them through a stub (``nodes.pyi``), so mypy still knows the classes as
  frozen dataclasses;
- the generated module (``nodes.py``) is the definitions' text, line for line, with each
  ``@dataclass`` class replaced by a plain class: ``__slots__``, ``__match_args__``,
  ``__dataclass_fields__`` (from the same ``field()`` calls, for ``fields()``, ``replace()``,
  ``asdict()`` and ``is_dataclass()``), ``__init__`` with its defaults and default factories,
  ``__repr__``, ``__eq__``, ``__hash__``, the frozen ``__setattr__``/``__delattr__`` and, for a
  frozen class with slots, ``__getstate__``/``__setstate__`` for pickling, each written as
  Python 3.11's ``dataclasses`` writes it, and ``__replace__`` (``copy.replace()``, which
  ``@dataclass`` adds from Python 3.13); the classes' own methods and properties are copied.
  Not written: ``__dataclass_params__`` (nothing reads it here) and ``repr``'s guard against a
  node that contains itself (frozen tuples cannot).

tests/test_generated_nodes.py regenerates every module (same bytes) and holds each class to the
behaviour of its dataclass. What a definition may use is what the AST uses; anything else (order,
keyword-only fields, ``ClassVar``, ``InitVar``, ...) stops the tool with a message.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

GENERATED = {
    "agendadsl/language/node_dataclasses.py": "agendadsl/language/nodes.py",
    "agendadsl/language/diagnostic_dataclasses.py": "agendadsl/language/diagnostics.py",
    "agendadsl/render/view_model_dataclasses.py": "agendadsl/render/view_model.py",
}
"""Each definitions module (relative to the checkout), and the plain module written from it."""

WIDTH = 120  # ruff's line length (pyproject.toml)
HELPERS = "..support.plain_classes"  # relative to a module of a subpackage of agendadsl

_CLASS_OPTIONS = {"frozen": False, "slots": False, "eq": True, "repr": True, "init": True, "match_args": True,
                  "order": False, "unsafe_hash": False, "kw_only": False, "weakref_slot": False}
_FIELD_OPTIONS = {"default", "default_factory", "init", "repr", "hash", "compare"}


class Unsupported(Exception):
    """A definition uses a part of ``dataclasses`` that the generator does not write."""


@dataclass
class _Field:
    name: str
    annotation: str
    spec: str  # the ``field(...)`` call that makes its entry of __dataclass_fields__
    default: str | None = None  # the default's source text
    factory: str | None = None
    init: bool = True
    repr: bool = True
    compare: bool = True
    hash: bool | None = None

    @property
    def hashed(self) -> bool:
        return self.compare if self.hash is None else self.hash


def _literal(node: ast.expr, what: str) -> object:
    try:
        return ast.literal_eval(node)
    except ValueError:
        raise Unsupported(f"{what} must be a literal") from None


def _options(call: ast.expr, what: str) -> dict[str, object]:
    options: dict[str, object] = dict(_CLASS_OPTIONS)
    for keyword in call.keywords if isinstance(call, ast.Call) else ():
        if keyword.arg not in options:
            raise Unsupported(f"{what}: @dataclass({keyword.arg}=...)")
        options[keyword.arg] = _literal(keyword.value, what)
    for name in ("order", "kw_only", "weakref_slot"):
        if options[name]:
            raise Unsupported(f"{what}: @dataclass({name}=True)")
    if not options["eq"] and (options["frozen"] or options["unsafe_hash"]):
        raise Unsupported(f"{what}: a frozen or hashed class without eq")
    return options


def _is_dataclass(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return isinstance(target, ast.Name) and target.id == "dataclass"


def _field(text: str, statement: ast.AnnAssign, where: str) -> _Field:
    if not isinstance(statement.target, ast.Name):
        raise Unsupported(f"{where}: a field must be a plain name")
    name = statement.target.id
    annotation = ast.get_source_segment(text, statement.annotation) or ""
    if annotation.split("[")[0] in ("ClassVar", "typing.ClassVar", "InitVar", "dataclasses.InitVar", "KW_ONLY"):
        raise Unsupported(f"{where}.{name}: {annotation}")
    value = statement.value
    if value is None:
        return _Field(name, annotation, "field()")
    is_call = isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "field"
    if not is_call:
        default = ast.get_source_segment(text, value) or ""
        return _Field(name, annotation, f"field(default={default})", default=default)
    assert isinstance(value, ast.Call)
    found = _Field(name, annotation, ast.get_source_segment(text, value) or "")
    for keyword in value.keywords:
        if keyword.arg not in _FIELD_OPTIONS:
            raise Unsupported(f"{where}.{name}: field({keyword.arg}=...)")
        if keyword.arg == "default":
            found.default = ast.get_source_segment(text, keyword.value)
        elif keyword.arg == "default_factory":
            found.factory = ast.get_source_segment(text, keyword.value)
        else:
            setattr(found, keyword.arg, _literal(keyword.value, f"{where}.{name}: field({keyword.arg}=...)"))
    if value.args:
        raise Unsupported(f"{where}.{name}: field() takes keywords only")
    return found


def _wrap(head: str, items: list[str], tail: str, indent: str) -> list[str]:
    """``head + ", ".join(items) + tail`` on one line when it fits, else one item a line below ``head``."""
    line = indent + head + ", ".join(items) + tail
    if len(line) <= WIDTH:
        return [line]
    return [indent + head, *(f"{indent}    {item}," for item in items), indent + tail.lstrip(", ")]


def _tuple(items: list[str]) -> str:
    """A tuple's source: ``()``, ``(a,)``, ``(a, b)``."""
    return f"({items[0]},)" if len(items) == 1 else "(" + ", ".join(items) + ")"


def _values(owner: str, fields: list[_Field]) -> str:
    """The tuple of the fields' values that dataclasses compares and hashes."""
    return _tuple([f"{owner}.{f.name}" for f in fields])


def _parts(text: str, node: ast.ClassDef) -> tuple[dict[str, object], list[_Field], list[ast.FunctionDef]]:
    """A definition's ``@dataclass`` options, fields and methods; Unsupported for anything else."""
    decorators = [d for d in node.decorator_list if _is_dataclass(d)]
    if len(node.decorator_list) != 1 or len(decorators) != 1:
        raise Unsupported(f"{node.name}: @dataclass must be the class's only decorator")
    body = node.body
    if not (body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)):
        raise Unsupported(f"{node.name}: a docstring (@dataclass would make one from the signature)")
    fields: list[_Field] = []
    methods: list[ast.FunctionDef] = []
    for statement in body[1:]:
        if isinstance(statement, ast.AnnAssign):
            fields.append(_field(text, statement, node.name))
        elif isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
            continue  # a field's docstring: the definitions keep it for readers
        elif isinstance(statement, ast.FunctionDef):
            methods.append(statement)
        else:
            raise Unsupported(f"{node.name}: line {statement.lineno} is neither a field nor a method")
    for method in methods:
        if method.name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__",
                           "__getstate__", "__setstate__"):
            raise Unsupported(f"{node.name} defines {method.name}")
    return _options(decorators[0], node.name), fields, methods


def _class(text: str, node: ast.ClassDef, lines: list[str]) -> tuple[list[str], set[str]]:
    """The plain class for one dataclass definition, and the helper names it needs."""
    options, fields, methods = _parts(text, node)
    frozen, slots = bool(options["frozen"]), bool(options["slots"])
    needs: set[str] = {"fields_table"}
    bases = [ast.get_source_segment(text, b) or "" for b in node.bases]
    docstring = node.body[0]
    out = [f"class {node.name}({', '.join(bases)}):" if bases else f"class {node.name}:",
           *lines[docstring.lineno - 1:docstring.end_lineno], ""]
    out += _attributes(fields, slots, bool(options["match_args"]))
    setter = f"_set_{node.name}_" if frozen and slots else None
    if options["init"]:
        out += ["", *_init(fields, frozen, any(m.name == "__post_init__" for m in methods), needs, setter)]
    for method in methods:
        first = min([method.lineno, *(d.lineno for d in method.decorator_list)])
        out += ["", *lines[first - 1:method.end_lineno]]
    if options["repr"]:
        shown = [f"{f.name}={{self.{f.name}!r}}" for f in fields if f.repr]
        out += ["", "    def __repr__(self) -> str:", *_repr(shown)]
    if options["eq"]:
        out += _eq([f for f in fields if f.compare])
    if frozen or options["unsafe_hash"]:
        out += _hash(fields)
    if frozen:
        out += _frozen(node.name, fields)
        needs.add("FrozenInstanceError")
    elif options["eq"] and not options["unsafe_hash"]:
        out += ["", "    __hash__ = None  # type: ignore[assignment]  # as @dataclass(eq=True) leaves it"]
    if frozen and slots:
        out += _pickling(fields)
    needs.add("replace")
    out += ["", "    __replace__ = replace  # copy.replace(), as @dataclass gives it from Python 3.13"]
    if setter is not None and options["init"]:
        out += ["", "", *(f'{setter}{f.name} = {node.name}.__dict__["{f.name}"].__set__' for f in fields)]
    return out, needs


def _attributes(fields: list[_Field], slots: bool, match_args: bool) -> list[str]:
    """``__slots__``, ``__match_args__``, ``__dataclass_fields__`` and the fields' annotations."""
    names = [f'"{f.name}"' for f in fields]
    out = []
    if slots:
        out = _wrap("__slots__ = (", names, ",)" if len(names) == 1 else ")", "    ")
        if names != sorted(names):
            out[0] += "  # noqa: RUF023 - the fields' order"
    if match_args:
        init_names = [f'"{f.name}"' for f in fields if f.init]
        out += _wrap("__match_args__ = (", init_names, ",)" if len(init_names) == 1 else ")", "    ")
    out.append("    __dataclass_fields__ = fields_table(")
    out += [f'        ("{f.name}", "{f.annotation}", {f.spec}),' for f in fields]
    out += ["    )", ""]
    return out + [f"    {f.name}: {f.annotation}" for f in fields]


def _eq(compared: list[_Field]) -> list[str]:
    """``__eq__`` as dataclasses writes it: the same class, and equal tuples of the compared fields."""
    out = ["", "    def __eq__(self, other: object) -> bool:", "        if other.__class__ is self.__class__:"]
    out += _long(f"return {_values('self', compared)} == {_values('other', compared)}", "            ")
    return [*out, "        return NotImplemented"]


def _hash(fields: list[_Field]) -> list[str]:
    """``__hash__`` over the hashed fields (of a frozen class, or one with ``unsafe_hash``)."""
    out = ["", "    def __hash__(self) -> int:"]
    return out + _long(f"return hash({_values('self', [f for f in fields if f.hashed])})", "        ")


def _frozen(name: str, fields: list[_Field]) -> list[str]:
    """The ``__setattr__``/``__delattr__`` that refuse."""
    out = []
    names = [f'"{f.name}"' for f in fields]
    condition = f"type(self) is {name} or name in {_tuple(names)}"
    for verb, method, signature, call in (("assign to", "__setattr__", "name: str, value: object", "name, value"),
                                         ("delete", "__delattr__", "name: str", "name")):
        out += ["", f"    def {method}(self, {signature}) -> None:"]
        out += _long(f"if {condition}:", "        ")
        out.append(f'            raise FrozenInstanceError(f"cannot {verb} field {{name!r}}")')
        out.append(f"        super().{method}({call})")
    return out


def _pickling(fields: list[_Field]) -> list[str]:
    """What pickling a frozen class with slots needs: its state as a list, set back field by field."""
    names = _tuple([f'"{f.name}"' for f in fields])
    out = ["", "    def __getstate__(self) -> list[object]:"]
    out += _long("return [" + ", ".join(f"self.{f.name}" for f in fields) + "]", "        ")
    out += ["", "    def __setstate__(self, state: list[object]) -> None:"]
    out += _long(f"for name, value in zip({names}, state, strict=False):", "        ")
    return [*out, "            object.__setattr__(self, name, value)"]


def _repr(shown: list[str]) -> list[str]:
    """``__repr__``'s body: the class's name, then ``(name=value!r, ...)`` as one f-string, or as
    several joined ones when it is longer than a line."""
    whole = '        return self.__class__.__qualname__ + f"(' + ", ".join(shown) + ')"'
    if len(whole) <= WIDTH:
        return [whole]
    out, current = ["        return self.__class__.__qualname__ + ("], '            f"('
    for i, part in enumerate(shown):
        piece = part + (")" if i == len(shown) - 1 else ", ")
        if len(current + piece + '")') > WIDTH:
            out.append(current + '"')
            current = '            f"'
        current += piece
    return [*out, current + '")']


def _long(line: str, indent: str) -> list[str]:
    """A generated statement, broken after commas when it is longer than a line."""
    if len(indent + line) <= WIDTH:
        return [indent + line]
    out, current = [], indent + line
    while len(current) > WIDTH:
        cut = current.rfind(",", 0, WIDTH) + 1
        out.append(current[:cut])
        current = indent + "        " + current[cut:].lstrip()
    return [*out, current]


def _init(fields: list[_Field], frozen: bool, post_init: bool, needs: set[str], setter: str | None) -> list[str]:
    """``__init__``: every field set from its parameter, its default or its factory, then ``__post_init__``.

    A frozen class's ``__init__`` cannot assign (its ``__setattr__`` refuses); ``@dataclass`` calls
    ``object.__setattr__``, which looks the name up each time. With slots, each field's slot
    descriptor is kept in a module global (``setter`` + the field's name, set after the class)
    and called directly: half the time, 1.4 of the 2.8 us it took to make an Item."""
    parameters = ["self"]
    body = []
    for f in fields:
        if f.init:
            if f.factory is not None:
                parameters.append(f"{f.name}: {f.annotation} = FACTORY")
                needs.add("FACTORY")
                value = f"{f.factory}() if {f.name} is FACTORY else {f.name}"
            else:
                parameters.append(f"{f.name}: {f.annotation}" + ("" if f.default is None else f" = {f.default}"))
                value = f.name
        elif f.factory is not None:
            value = f"{f.factory}()"
        elif f.default is not None:
            value = f.default
        else:
            continue  # init=False without a default: @dataclass leaves it unset too
        if setter is not None:
            body.append(f"{setter}{f.name}(self, {value})")
        else:
            body.append(f'object.__setattr__(self, "{f.name}", {value})' if frozen else f"self.{f.name} = {value}")
    if post_init:
        body.append("self.__post_init__()")
    lines = _wrap("def __init__(", parameters, ") -> None:", "    ")
    return lines + [f"        {statement}" for statement in body or ["pass"]]


def generate(text: str, source_name: str) -> str:
    """The plain module for the definitions ``text`` (of the module ``source_name``)."""
    tree = ast.parse(text)
    lines = text.splitlines()
    out = [f"# Generated by support/write_plain_classes.py from {source_name}: edit that file, then run the tool."]
    needs: set[str] = set()
    position = 0  # the next line of the definitions to copy
    helpers_at = None
    after_imports = None  # where the last import ends, when no import of the package's own comes
    for statement in tree.body:
        first = min([statement.lineno, *(d.lineno for d in getattr(statement, "decorator_list", ()))]) - 1
        if isinstance(statement, ast.ImportFrom) and statement.module == "dataclasses":
            out += lines[position:first]
            out.append("{dataclasses}")
            after_imports = len(out)
        elif isinstance(statement, ast.ImportFrom) and statement.level and helpers_at is None:
            out += lines[position:first]
            helpers_at = len(out)
            out += lines[first:statement.end_lineno]
        elif isinstance(statement, ast.Import | ast.ImportFrom):
            out += lines[position:statement.end_lineno]
            after_imports = len(out)
        elif isinstance(statement, ast.ClassDef) and any(_is_dataclass(d) for d in statement.decorator_list):
            out += lines[position:first]
            plain, wanted = _class(text, statement, lines)
            out += plain
            needs |= wanted
        else:
            out += lines[position:statement.end_lineno]
        position = statement.end_lineno or position
    out += lines[position:]
    if helpers_at is None:  # no import of the package's own: the helpers' import ends the imports
        if after_imports is None:
            raise Unsupported(f"{source_name}: the definitions need an import for the helpers to go after")
        out.insert(after_imports, "")
        helpers_at = after_imports + 1
    helpers = sorted(n for n in needs if n in ("FACTORY", "fields_table"))
    out.insert(helpers_at, f"from {HELPERS} import {', '.join(helpers)}")
    stdlib = sorted({"field", *(n for n in needs if n in ("FrozenInstanceError", "replace"))})
    module = "\n".join(out) + "\n"
    return module.replace("{dataclasses}", f"from dataclasses import {', '.join(stdlib)}", 1)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for source, target in GENERATED.items():
        try:
            text = generate((ROOT / source).read_text(encoding="utf-8"), Path(source).name)
        except Unsupported as problem:
            print(f"{source}: {problem}", file=sys.stderr)
            return 2
        path = ROOT / target
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        if check:
            stale.append(target)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {target}")
    for target in stale:
        print(f"{target} is not what its definitions give: run python -m agendadsl.support.write_plain_classes",
              file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
