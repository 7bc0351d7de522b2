"""Print what the lowest-versions CI step installs: each direct dependency of pyproject.toml pinned
to its lower bound (``name==lower``), then the test tools that need no linter. The linters
(import-linter, ruff, mypy) and pre-commit are left out: the main step runs them, and pre-commit's
virtualenv would hold platformdirs above agendadsl's own lower bound."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text("utf-8"))["project"]
LINTERS = {"import-linter", "ruff", "mypy", "pre-commit", "types-Pygments"}  # the main step runs these

pins = []
for requirement in project["dependencies"]:
    match = re.fullmatch(r"([A-Za-z0-9_.-]+)\s*(?:\[[^]]*\])?\s*>=\s*([^,;\s]+).*", requirement)
    if match is None:
        sys.exit(f"{requirement}: a dependency without a lower bound (>=); give it one")
    pins.append(f"{match.group(1)}=={match.group(2)}")
tools = [r for r in project["optional-dependencies"]["test"] if re.split(r"[<>=~!\s\[]", r)[0] not in LINTERS]
print("\n".join(pins + tools))
