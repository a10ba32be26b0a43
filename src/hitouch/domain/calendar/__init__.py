"""Calendar entries and meetings, as plain data."""
