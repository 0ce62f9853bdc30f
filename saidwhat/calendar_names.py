"""The names of the months and the weekdays, one list for every stage that reads them (the time
expressions' grammar, the quantities' names, the claims' periods and deadlines, the statements' dated
signatures). Plain constants: importing them loads nothing else."""

from __future__ import annotations

FULL_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# the short forms news copy writes ("Jan.", "Sept. 9"); "may" is its own short form
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
FULL_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
