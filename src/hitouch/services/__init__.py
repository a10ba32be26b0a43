"""Use cases on an open journal: the same ones for the window and the command line. No Qt."""
