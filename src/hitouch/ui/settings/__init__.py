"""The settings screens of the window."""
