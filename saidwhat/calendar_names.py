"""The names of the months and the weekdays, and the words after *each* that make it no
distribution, one list for every stage that reads them (the time expressions' grammar, the
quantities' names, the claims' periods and deadlines, the statements' dated signatures). Plain
constants: importing them loads nothing else."""

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
# the words after *each* that make it no distributive of a count ("two cases each" gives two to each
# place; "each year", "each winter", "each other", "each of", "each one" do not): the quantities'
# floated *each* and the claims' places of one coordination read the same list
NOT_DISTRIBUTIVE_AFTER_EACH = (
    "year", "day", "week", "month", "season", "winter", "time", "other", "of", "one",
)  # fmt: skip
# the pronouns after "N of" that point back to the whole a number counts a part of ("four of which", "two of
# them"): the quantities' partitive number words and the claims' parts of a count read the same list
PARTITIVE_PRONOUNS = ("them", "these", "those", "whom", "which")
