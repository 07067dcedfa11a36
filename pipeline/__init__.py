"""Parse Indonesian regional regulations (Peraturan Bupati) and their lampiran tables."""

__version__ = "0.1.0"
