"""The calendar screens of the window."""
