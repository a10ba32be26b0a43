"""The common screens of the window."""
