"""The importing screens of the window."""
