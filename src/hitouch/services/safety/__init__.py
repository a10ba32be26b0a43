"""Backups, restores, integrity checks and encryption."""
