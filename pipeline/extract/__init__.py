"""Extraction stage: the only stage that reads PDFs from disk."""
