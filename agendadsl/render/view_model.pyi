# What type checkers read for view_model.py, which agendadsl/support/write_plain_classes.py writes out
# plainly from view_model_dataclasses.py: the definitions themselves, so that mypy knows the classes
# as dataclasses (their fields, replace()).
from .view_model_dataclasses import *  # noqa: F403
from .view_model_dataclasses import _plain_run as _plain_run
