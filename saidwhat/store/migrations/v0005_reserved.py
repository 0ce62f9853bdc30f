"""v5: reserved for a migration of another branch (issue 16 work in parallel); applies nothing.

When that branch's v0005 is merged, list it in ``__init__.py`` instead of this module and delete
this file: databases that recorded this empty version 5 are dev stores only.
"""

VERSION = 5
DESCRIPTION = "reserved (empty)"
STATEMENTS: tuple[str, ...] = ()
