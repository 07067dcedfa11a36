"""Validate stage: records -> findings (Temuan). Never raises on bad data."""
