"""v7: the title to show for each document, stored at ingest.

``display_title`` is the metadata title, else the headline segment, else the first line of the body,
else the source (``saidwhat.titles.display_title``), so that listings need not rebuild an article to
name it. Rows stored before v7 have NULL; readers then derive the title from the stored analysis.
"""

VERSION = 7
DESCRIPTION = "display titles stored at ingest"
STATEMENTS: tuple[str, ...] = ("ALTER TABLE documents ADD COLUMN display_title TEXT",)
