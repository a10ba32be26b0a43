"""The shell screens of the window."""
