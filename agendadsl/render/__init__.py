"""Rendering: one format-neutral view of an agenda, and one output per format.

Only JSON exists so far; it needs no template because it *is* the data.
"""

from .json_export import to_json

FORMATS = ("json",)

__all__ = ["FORMATS", "to_json"]
