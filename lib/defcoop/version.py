"""The package version, in a leaf module any stage may import."""

__version__ = "0.1.0"
