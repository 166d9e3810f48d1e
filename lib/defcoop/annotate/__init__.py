"""Annotation: one parsed article to its mentions, partners, themes, date and flags.

``pipeline.annotate_article`` runs the rules in their documented order; ``language`` detects
the language; ``copies`` finds syndicated copies across the corpus (MinHash/LSH)."""
