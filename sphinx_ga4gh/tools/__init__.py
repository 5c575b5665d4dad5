"""Everything about tools: the ``{tool}`` role and its popover, the ``{ga4gh:tool}`` directive,
and the tool tables. Each module keeps its nodes, directive or role, and visitors together."""
