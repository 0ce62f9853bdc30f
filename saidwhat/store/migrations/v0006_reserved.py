"""v6: reserved for the xent branch (registry keys, issue 15 in parallel); applies nothing.

When that branch's v0006 is merged, list it in ``__init__.py`` instead of this module and delete
this file: databases that recorded this empty version 6 are dev stores only.
"""

VERSION = 6
DESCRIPTION = "reserved (empty)"
STATEMENTS: tuple[str, ...] = ()
