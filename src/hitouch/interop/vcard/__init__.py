"""vCard files (2.1, 3.0, 4.0): reading leniently, writing strictly."""
