"""Parse Indonesian regional regulations (Peraturan Bupati) and their lampiran tables."""

import os

__version__ = "0.1.0"

# Same input, byte-identical output, whatever else is installed: openpyxl serialises the
# workbook with lxml when lxml happens to be importable (another package may pull it in) and
# with the standard library otherwise, and the two write different bytes ("/>" vs " />").
# The workbook is always written the standard library's way.
os.environ["OPENPYXL_LXML"] = "False"
