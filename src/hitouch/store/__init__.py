"""Storage: the SQLite journal file, its schema and migrations, search, backups. No Qt."""
