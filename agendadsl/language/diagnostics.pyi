# What type checkers read for diagnostics.py, which agendadsl/support/write_plain_classes.py writes out plainly
# from diagnostic_dataclasses.py: the definitions themselves, so that mypy knows the classes as
# frozen dataclasses.
from .diagnostic_dataclasses import *  # noqa: F403
