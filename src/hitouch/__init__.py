"""HiTouch: a desktop networking journal."""

__version__ = "0.1.0"
