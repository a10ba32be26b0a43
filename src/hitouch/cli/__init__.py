"""The `hitouch` command line: the same services as the window, for scripts.

Nothing here imports Qt, and storage is imported only when a command needs the journal,
so `hitouch --version` and friends start in a few milliseconds.
"""

from hitouch.cli.main import main

__all__ = ["main"]
