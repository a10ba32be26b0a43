"""Contacts files in and out: the import preview, matching, writing a batch, undo; exports."""
