"""CSV files of contacts: layouts, column mapping, reading and writing."""
