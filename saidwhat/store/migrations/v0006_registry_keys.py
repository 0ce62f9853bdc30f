"""v6: the match-key index of the cross-document registry (issue 16).

``registry_keys(key, gid, name, type)``: every name joined to a registry entity, under the short keys
that find it again (``saidwhat.entities.crossdoc.index_keys``: ``n:`` the folded core name, ``s:`` a
person's surname skeleton, ``g:`` a first name, ``a:`` / ``c:`` organisation initials and acronyms,
``k:`` an organisation or place name skeleton). ``name`` / ``type`` are the variant as first written;
``uses`` counts the names resolved through an ``n:`` row (the canonical name is the most complete
variant used more than once).
Looking a new name up costs a few index probes, whatever the size of the store.

Stores created before v6 start with an empty index (it cannot be computed in SQL); new articles still
join old entities by exact normalised name, and ``Store.reapply_aliases()`` rebuilds the whole index.
"""

VERSION = 6
DESCRIPTION = "cross-document registry match keys"
STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE registry_keys (
        key TEXT NOT NULL,
        gid INTEGER NOT NULL REFERENCES registry_entities(gid) ON DELETE CASCADE,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        uses INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (key, gid)
    ) WITHOUT ROWID""",
    "CREATE INDEX ix_registry_keys_gid ON registry_keys(gid, key)",
)
POSTGRES_STATEMENTS: tuple[str, ...] = tuple(
    s.replace(") WITHOUT ROWID", ")").replace("INTEGER", "BIGINT") for s in STATEMENTS
)
