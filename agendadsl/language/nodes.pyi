# What type checkers read for nodes.py, which agendadsl/support/write_plain_classes.py writes out plainly from
# node_dataclasses.py: the definitions themselves, so that mypy knows the classes as frozen
# dataclasses (their fields, replace(), no assignment).
from .node_dataclasses import *  # noqa: F403
