"""Analyses: pure functions from a ``Corpus`` to tidy DataFrames, sorted deterministically.

``actors`` (who appears, who met whom; notebook 03), ``timeseries`` (themes over time, periods,
the meetings timeline; notebook 04), ``topics`` (topic clustering; notebook 02)."""
