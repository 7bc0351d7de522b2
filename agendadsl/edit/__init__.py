"""Tools that rewrite or compare agendas: the canonical formatter, renumbering, the semantic diff."""
