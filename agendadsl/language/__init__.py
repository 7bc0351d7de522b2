"""Text in; a typed, resolved agenda and diagnostics out.

source and span (decoded text, positions), layout (indentation), grammar (the Lark parser built
from grammar/agenda.lark), parser and syntax_errors (parsing, and syntax errors as coded
diagnostics), transformer and inline (parse tree to nodes), nodes (the AST), numbering and
resolution (numbering schemes, each item's number), dates, docrefs and urls (document references
and the links they may become), diagnostics (the values every layer reports). nodes and
diagnostics are written by agendadsl/support/write_plain_classes.py from node_dataclasses and
diagnostic_dataclasses, where their classes are defined.
"""
