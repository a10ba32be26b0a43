"""The today screens of the window."""
