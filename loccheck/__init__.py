"""loccheck: audit a storefront for a foreign market."""

__version__ = "0.1.0"
