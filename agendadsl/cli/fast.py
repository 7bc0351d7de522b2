"""The fast path of the ``agenda`` command: the everyday runs of check, render, fmt, diff and git's
diff driver, read and run without importing typer and its click or building the typer command
(about an eighth of a cold `agenda check`'s CPU time: docs/performance.md).

typer stays the definition of the command line: parameters.py describes each covered command as
the typer app defines it, and describe.py generates it from the app. read() follows click's parser
over that description: options before, between and after the arguments, ``--`` ending the options,
``--option=value``, ``-oVALUE``, short flags together (``-qo out/``), the last of a repeated option
winning, a flag's ``--no-`` negation. Whatever it does not fully understand it declines, and typer
reads the run as before: help, shell completion, an unknown or malformed option, a value it cannot
convert or one that begins with '-', missing or extra arguments, a variable typer would read from
the environment, the wildcards typer expands on Windows. So typer's messages and exit codes stay
the only ones for bad usage. A run read here calls the same body the typer command calls, with the
same arguments, and guard.py ends it as typer's main would (tests/test_fast_cli.py holds both).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any

from .parameters import COMMANDS, ROOT

_WINDOWS = os.name == "nt"
"""typer expands ``~``, variables and wildcards in the words of a Windows command line itself."""

Call = tuple[dict[str, Any], str, dict[str, Any]]
"""What a run asks for: the root's arguments (--debug), the command's body, and its arguments."""


class _Declined(Exception):
    """typer must read this run."""


def run(argv: list[str]) -> None:
    """Run the command ``argv`` asks for when read() reads it all (it ends with SystemExit), under the
    same guard as a run through typer; return, having done nothing, when typer must read it."""
    from . import guard

    def attempt() -> None:
        call = read(argv)
        if call is None or not _typer_installed():
            return
        root_arguments, path, arguments = call
        body = function(path)
        if _parameters(body) != set(arguments):
            return  # parameters.py is older than the body (a checkout not regenerated): typer calls it
        function(ROOT["body"])(**root_arguments)
        guard.end_command(body, arguments)

    guard.run_guarded(attempt)


def read(argv: list[str], environ: Mapping[str, str] = os.environ) -> Call | None:
    """The call typer would make for ``argv`` (the words after the program's name), or None when
    this reader does not understand every word of it, or the environment asks typer for more."""
    if _completing(environ) or (_WINDOWS and any(c in word for word in argv for c in "~$%*?[")):
        return None
    try:
        root_arguments, rest = _read_level(ROOT, argv, environ, interspersed=False)
        if not rest or rest[0] not in COMMANDS:
            return None
        command = COMMANDS[rest[0]]
        arguments, _ = _read_level(command, rest[1:], environ, interspersed=True)
    except _Declined:
        return None
    return root_arguments, command["body"], arguments


def function(path: str) -> Callable[..., Any]:
    """The function or class named ``module:name``, imported on first use."""
    import importlib

    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


def _parameters(body: Callable[..., Any]) -> set[str]:
    import inspect  # already loaded: dataclasses imports it

    return set(inspect.signature(body).parameters)


def _completing(environ: Mapping[str, str]) -> bool:
    """Whether the shell asks for completions: typer reads ``_<PROGRAM>_COMPLETE``, whose name
    depends on how the program was started (``agenda``, ``python -m agendadsl``)."""
    return any(name.startswith("_") and name.endswith("_COMPLETE") and value for name, value in environ.items())


def _typer_installed() -> bool:
    """A broken installation without typer is told so by the typer path, whatever the command."""
    import importlib.util

    return importlib.util.find_spec("typer") is not None


def _read_level(level: dict, words: list[str], environ: Mapping[str, str], *,
                interspersed: bool) -> tuple[dict[str, Any], list[str]]:
    """The arguments of the root or of a command, and the words after them (the command, for the
    root, whose options stop at the first word that is not one)."""
    if any(name in environ for name in level["environment"]):
        raise _Declined
    given: dict[str, Any] = {}
    positional: list[str] = []
    at = 0
    while at < len(words):
        word = words[at]
        at += 1
        if word == "--":
            if not interspersed:
                raise _Declined
            positional += words[at:]
            break
        if word[:1] != "-" or word == "-":
            if not interspersed:
                return _arguments(level, given, []), words[at - 1:]
            positional.append(word)
            continue
        at = _option(level, word, words, at, given)
    return _arguments(level, given, positional), []


def _option(level: dict, word: str, words: list[str], at: int, given: dict[str, Any]) -> int:
    """Read the option ``word`` (and its value, the next word when not attached) into ``given``;
    the index of the word after it. Click's rules: ``--name=value``; a short option's value is the
    rest of the word or the next word; short flags may come together."""
    name, equals, attached = word.partition("=")
    if not _is_short(name) and (name in level["flags"] or name in level["options"]):
        if name in level["flags"]:
            if equals:
                raise _Declined  # "does not take a value": typer says so
            parameter, value = level["flags"][name]
            given[parameter] = value
            return at
        return _value(level["options"][name], attached if equals else None, words, at, given)
    if word.startswith("--"):
        raise _Declined
    for index in range(1, len(word)):
        spelling = "-" + word[index]
        if spelling in level["flags"]:
            parameter, value = level["flags"][spelling]
            given[parameter] = value
        elif spelling in level["options"]:
            rest = word[index + 1:]
            return _value(level["options"][spelling], rest or None, words, at, given)
        else:
            raise _Declined
    return at


def _value(parameter: str, attached: str | None, words: list[str], at: int, given: dict[str, Any]) -> int:
    if attached is None:
        if at >= len(words) or (words[at].startswith("-") and words[at] != "-"):
            raise _Declined  # missing, or a value that looks like an option: left to typer
        attached = words[at]
        at += 1
    given[parameter] = attached
    return at


def _is_short(spelling: str) -> bool:
    return len(spelling) == 2 and spelling[0] == "-" and spelling[1] != "-"


def _arguments(level: dict, given: dict[str, Any], positional: list[str]) -> dict[str, Any]:
    """The keyword arguments of the body: the arguments' words, then each option's value, given or
    default, converted as typer converts them."""
    arguments: dict[str, Any] = {}
    spec = level["arguments"]
    if len(spec) == 1 and spec[0][1] == -1:
        if not positional:
            raise _Declined  # a missing argument: typer's message
        arguments[spec[0][0]] = [_converted(level["types"][spec[0][0]], word) for word in positional]
    elif len(positional) == len(spec) and all(count == 1 for _, count in spec):
        for (name, _), word in zip(spec, positional, strict=True):
            arguments[name] = _converted(level["types"][name], word)
    else:
        raise _Declined
    for name, default in level["defaults"].items():
        value = given.get(name, default)
        kind = level["types"].get(name)
        arguments[name] = value if kind is None or value is None else _converted(kind, value)
    return arguments


def _converted(kind: list[Any], word: str) -> Any:
    """A word as typer converts it for a parameter of this kind; _Declined when typer would refuse it."""
    if kind[0] == "str":
        return word
    if kind[0] == "choice":
        if word not in kind[2]:
            raise _Declined
        return function(kind[1])(word)
    if kind[0] == "int":
        low, high = kind[1], kind[2]
        if not (word.isascii() and word.isdigit()):
            raise _Declined  # signs, spaces, underscores, other digits: typer decides
        number = int(word)
        if (low is not None and number < low) or (high is not None and number > high):
            raise _Declined
        return number
    if kind[0] == "path":
        if kind[1] and os.path.exists(word) and not os.access(word, os.R_OK):
            raise _Declined  # typer refuses an existing path that cannot be read
        from pathlib import Path

        return Path(word)
    raise _Declined
