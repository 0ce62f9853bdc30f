"""Quantities: counts, percentages, money, ranges, measures and ordinals with what they count."""

from saidwhat.quantities.extract import extract_quantities

__all__ = ["extract_quantities"]
