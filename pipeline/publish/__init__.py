"""Publish stage: the only stage that writes to extracted/."""
