"""Contacts: adding, editing, reading, searching, merging, the trash."""
