"""Middle Powers Atlas: articles about middle-power diplomacy turned into tables."""

__version__ = "0.1.0"
