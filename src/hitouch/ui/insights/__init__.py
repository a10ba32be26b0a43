"""The insights screens of the window."""
