"""Annotation: one parsed article to its mentions, partners, themes, date and flags.

``pipeline.annotate_article`` runs the rules in their documented order, one module per rule:
``names`` (actors by name, namesakes), ``dates``, ``short_mentions``, ``titles`` (title-only
mentions), ``unregistered``, ``actors`` (the actors in text order), ``partners``, ``themes``,
``on_topic``; what they share is in ``document`` (the article's working state, hit records, the
result, the matchers) and ``title_context`` (what surrounds a title).  ``language`` detects the
language; ``copies`` finds syndicated copies across the corpus (MinHash/LSH)."""
