"""The engine: running reading and annotation over a corpus, at any size.

``process`` (one file's work, a pure function of its bytes), ``pool`` (chunks, worker processes,
progress), ``run`` (a whole load: find, hash, annotate what the cache lacks, assemble, copies),
``cache`` (Arrow parts on disk), ``assemble`` (parts to tables), ``distributed`` (Dask),
``versioning`` (the cache version, from the import graph of annotation)."""
