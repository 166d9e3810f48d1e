"""Lexicons: every data file of ``defcoop/data`` loaded, validated and compiled.

``datafiles`` (CSV reading, furniture rules, language profiles, the data version), ``actors``
(the registry of officials and their dated offices, titles), ``geo`` (countries, demonyms,
blockers), ``themes`` (the codebook), ``words`` (the word lists the annotation rules use),
``matcher`` (the Aho-Corasick phrase matcher they compile to).  The lexicon is data; matching
is code."""

from defcoop.lexicons.actors import Actor, name_forms, registry, titles
from defcoop.lexicons.geo import geo
from defcoop.lexicons.themes import codebook

__all__ = ["Actor", "codebook", "geo", "name_forms", "registry", "titles"]
