"""Icons, translations and desktop metadata, loaded with importlib.resources."""
