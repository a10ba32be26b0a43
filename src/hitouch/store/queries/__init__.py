"""Raw-SQL readers on a DB-API connection, for the paths that must stay fast."""
