"""Calendars: .ics exports and the feed, CalDAV sync, and the calendar import."""
