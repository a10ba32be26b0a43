"""Entities, value objects and rules in plain Python: no Qt, no SQL."""
