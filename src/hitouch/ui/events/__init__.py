"""The events screens of the window."""
