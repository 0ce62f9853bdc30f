"""saidwhat: who said what, according to whom, and when — a sourced record from news articles."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("saidwhat")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.1.0"

__all__ = ["__version__"]
