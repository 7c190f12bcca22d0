"""briefing: a terminal briefing book for diplomats."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("briefing")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
