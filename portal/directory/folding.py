"""Search text folded the same way in Python and in SQL, so "soren" finds "Søren Ærø-Jørgensen".

Both sides are lower-cased, accents dropped, æ/ø/å reduced to a/o/a and the spellings people
type without Danish letters ("aa", "oe", "ae") reduced the same way. SQLite's own LOWER() and
LIKE only know ASCII and PostgreSQL's lower() depends on the database's locale, so the SQL side
spells out every letter instead of relying on either.
"""

import unicodedata

from django.db.models import CharField, Func

# Letters mapped one to one (upper and lower case, so lower() may be ASCII-only).
_SOURCE = "ÆØÅæøåÁÀÂÄÃÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÝŸÑÇáàâäãéèêëíìîïóòôöõúùûüýÿñç"
_TARGET = "aoaaoaaaaaaeeeeiiiiooooouuuuyyncaaaaaeeeeiiiiooooouuuuyync"
# Then the spellings without Danish letters, in this order.
_DIGRAPHS = (("aa", "a"), ("oe", "o"), ("ae", "a"))
_TABLE = str.maketrans(_SOURCE, _TARGET)

SQLITE_FUNCTION = "portal_fold"


def fold(text: str) -> str:
    """The folded form of `text`, equal to what Folded() computes in the database."""
    folded = (text or "").translate(_TABLE)
    folded = "".join(ch.lower() if ch.isascii() else ch for ch in folded)
    for digraph, letter in _DIGRAPHS:
        folded = folded.replace(digraph, letter)
    return folded


def fold_query(text: str) -> str:
    """A typed query folded like the stored text; letters outside the table lose their accents."""
    decomposed = unicodedata.normalize("NFC", text or "")
    return fold(decomposed)


class Folded(Func):
    """fold() of a text expression, in SQL (PostgreSQL) or as a registered function (SQLite)."""

    function = SQLITE_FUNCTION
    arity = 1
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        inner, params = compiler.compile(self.source_expressions[0])
        sql = f"translate(lower({inner}), %s, %s)"
        params = [*params, _SOURCE, _TARGET]
        for digraph, letter in _DIGRAPHS:
            sql = f"replace({sql}, '{digraph}', '{letter}')"
        return sql, params


def register_sqlite_function(sender, connection, **kwargs):
    """connection_created receiver: give every SQLite connection portal_fold()."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FUNCTION, 1, fold, deterministic=True)
