"""The public API of ``agendadsl/__init__.py``: every name is written out for editors and type
checkers, resolves to the object its home module defines, and the version comes from the
installed metadata, defined once in pyproject.toml."""

from __future__ import annotations

import ast
import importlib
import importlib.metadata
import tomllib

import agendadsl
from conftest import ROOT

INIT = ROOT / "agendadsl" / "__init__.py"


def _type_checking_imports() -> dict[str, str]:
    """name -> module, from the ``if TYPE_CHECKING:`` block, as written in the source."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom)
                for alias in statement.names:
                    found[alias.asname or alias.name] = (statement.module or "")
    return found


def test_all_is_written_out_and_matches_the_imports_editors_see() -> None:
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    literal = next(node.value for node in tree.body if isinstance(node, ast.Assign)
                   and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets))
    assert isinstance(literal, ast.List), "__all__ must be a literal list, not computed"
    names = {element.value for element in literal.elts if isinstance(element, ast.Constant)}
    assert names == set(agendadsl.__all__)
    assert names - {"__version__"} == set(_type_checking_imports())


def test_every_public_name_is_the_object_its_module_defines() -> None:
    for name, module in _type_checking_imports().items():
        assert getattr(agendadsl, name) is getattr(importlib.import_module(f"agendadsl.{module}"), name), name


def test_the_api_names_what_users_call() -> None:
    assert {"parse", "check", "analyse", "to_json", "format_source", "diff", "renumber", "resolve",
            "Agenda", "Diagnostic", "Span", "SourceFile"} <= set(agendadsl.__all__)


def test_version_is_read_from_the_installed_metadata() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert agendadsl.__version__ == importlib.metadata.version("agendadsl") == declared
    assert '__version__ = "' not in INIT.read_text(encoding="utf-8"), "the version is defined once, in pyproject.toml"


def test_installed_package_is_typed_and_carries_its_license() -> None:
    files = {str(path) for path in importlib.metadata.distribution("agendadsl").files or ()}
    assert any(path.endswith("LICENSE") for path in files), sorted(files)[:20]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert (importlib.import_module("agendadsl").__file__ or "").endswith("__init__.py")
    import pathlib

    assert (pathlib.Path(agendadsl.__file__).parent / "py.typed").is_file()
