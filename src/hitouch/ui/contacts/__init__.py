"""The contacts screens of the window."""
