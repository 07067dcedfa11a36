"""Normalize stage: raw extracted structures -> typed records. Pure functions, no I/O."""
