"""The safety screens of the window."""
