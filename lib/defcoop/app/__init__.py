"""What users run: ``cli`` (``defcoop annotate``, ``defcoop score``), ``workbook`` (running the
notebooks), ``report`` (the static HTML report), ``evaluate`` (scoring against gold)."""
