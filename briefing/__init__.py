"""briefing: a terminal briefing book for diplomats."""

__version__ = "0.1.0"
"""The package version; pyproject.toml reads it from here (a literal: importlib.metadata costs start-up time)."""
