"""placeholder"""
def translate(failure, text):
    from .diagnostics import error
    from .source import Span
    return error("syntax-error", str(failure), Span.point(getattr(failure,'line',1) or 1, getattr(failure,'column',1) or 1))
