"""Reading: files to articles.  ``files`` finds and reads a corpus folder's files, ``decode``
turns bytes into text, ``parse`` splits text into header, title, dateline, furniture, paragraphs
and sentences (all as offsets), ``dates`` reads dates.

Only the furniture rules and language profiles of :mod:`defcoop.lexicons` are used here;
folding and sentence splitting are :mod:`defcoop.text`."""
