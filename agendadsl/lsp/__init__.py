"""The language server (``agenda lsp``): a thin layer over the public API, for editors.

pygls is imported only here, so no other command pays for it. Positions are converted once, in
positions.py; what the language is lives in the layers below.
"""
