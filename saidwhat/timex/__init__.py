"""Time expressions (TIMEX3): our own grammar over the spaCy parse, TimeML/ISO-8601 values,
relative expressions resolved against the publication date with the governing verb's tense.

See ``docs/timex.md`` for what is extracted and the value conventions.
"""

from saidwhat.timex.extract import extract_timexes, extract_timexes_text

__all__ = ["extract_timexes", "extract_timexes_text"]
