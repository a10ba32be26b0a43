"""iCalendar (.ics) files: writing calendar entries, reading meetings."""
