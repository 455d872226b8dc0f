"""The full-text index over the analysed terms, in the database's own engine.

PostgreSQL: a generated tsvector column (title terms weight A, body terms weight B, 'simple'
configuration: the terms are analysed already) with a GIN index. SQLite: an FTS5 table with the
documents as external content, kept in step by triggers. A later migration that makes SQLite
rebuild search_searchdocument drops these triggers and must create them again.
"""

from django.db import migrations

POSTGRESQL_FORWARD = [
    """ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector
       GENERATED ALWAYS AS (
           setweight(to_tsvector('simple'::regconfig, title_terms), 'A')
           || setweight(to_tsvector('simple'::regconfig, body_terms), 'B')
       ) STORED""",
    "CREATE INDEX searchdocument_vector_idx ON search_searchdocument USING gin (search_vector)",
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS searchdocument_vector_idx",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector",
]

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
           title_terms, body_terms,
           content='search_searchdocument', content_rowid='id',
           tokenize='unicode61 remove_diacritics 0'
       )""",
    """CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN
           INSERT INTO search_fts(rowid, title_terms, body_terms)
           VALUES (new.id, new.title_terms, new.body_terms);
       END""",
    """CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
           INSERT INTO search_fts(search_fts, rowid, title_terms, body_terms)
           VALUES ('delete', old.id, old.title_terms, old.body_terms);
       END""",
    """CREATE TRIGGER search_fts_update AFTER UPDATE OF title_terms, body_terms
       ON search_searchdocument BEGIN
           INSERT INTO search_fts(search_fts, rowid, title_terms, body_terms)
           VALUES ('delete', old.id, old.title_terms, old.body_terms);
           INSERT INTO search_fts(rowid, title_terms, body_terms)
           VALUES (new.id, new.title_terms, new.body_terms);
       END""",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TABLE IF EXISTS search_fts",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": POSTGRESQL_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
    ]
