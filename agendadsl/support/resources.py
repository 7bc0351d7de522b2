"""Finds the grammar and templates both in an installed wheel and in a source checkout.

The wheel carries them under ``agendadsl/_data/`` (see pyproject.toml); a checkout keeps them at
the top level beside the package.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # agendadsl/


def data_dir(name: str) -> Path:
    """The directory ``grammar`` or ``templates``, wherever this copy of agendadsl keeps it."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"agendadsl is installed without its {name}/ directory")


def grammar_path() -> Path:
    return data_dir("grammar") / "agenda.lark"


def available_languages(house: Path | None = None) -> list[str]:
    """The languages with a wording file (``templates/i18n/<code>.toml``), and those a house
    style adds in its own ``i18n/`` folder."""
    folders = [data_dir("templates") / "i18n"] + ([house / "i18n"] if house is not None else [])
    return sorted({path.stem for folder in folders for path in folder.glob("*.toml")})
