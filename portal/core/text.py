"""Danish letters without Danish letters: the one place that decides how æ, ø and å are folded.

Two strengths, because they serve different ends (docs/decisions/0019-danish-folding.md):

- spell_ascii() writes æ/ø/å the way a Danish keyboard-less writer spells them (ae/oe/aa, Æ → Ae),
  German umlauts likewise (ä/ö/ü → ae/oe/ue), and drops other accents (é → e). The result stays
  readable, so it serves as search index terms, ASCII-only SMTP replies and demo mail addresses.
  Search stores these terms: changing the rules means rebuilding the search index.
- fold_danish() is a matching key, not text to show: lower case, every accent and Danish letter
  reduced to one plain letter and the two-letter spellings collapsed the same way ("aa" → "a",
  "oe" → "o", "ae" → "a"), so "soren", "soeren", "SØREN" and "Søren" are all equal. Folded() is
  its twin in SQL. SQLite's own LOWER() and LIKE only know ASCII and PostgreSQL's lower() depends
  on the database's locale, so the SQL side spells out every letter instead of relying on either.
  Nothing stores it: it is computed on both sides at query time.
"""

import unicodedata

from django.db.models import CharField, Func

# spell_ascii(): the letters spelt with two letters; other accents go by decomposition.
_SPELLING = str.maketrans(
    {
        "æ": "ae",
        "ø": "oe",
        "å": "aa",
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "Æ": "Ae",
        "Ø": "Oe",
        "Å": "Aa",
        "Ä": "Ae",
        "Ö": "Oe",
        "Ü": "Ue",
    }
)

# fold_danish(): letters mapped one to one (upper and lower case, so lower() may be ASCII-only),
# then the spellings without Danish letters, in this order.
_SOURCE = "ÆØÅæøåÁÀÂÄÃÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÝŸÑÇáàâäãéèêëíìîïóòôöõúùûüýÿñç"
_TARGET = "aoaaoaaaaaaeeeeiiiiooooouuuuyyncaaaaaeeeeiiiiooooouuuuyync"
_DIGRAPHS = (("aa", "a"), ("oe", "o"), ("ae", "a"))
_TABLE = str.maketrans(_SOURCE, _TARGET)

SQLITE_FUNCTION = "portal_fold"


def spell_ascii(text: str) -> str:
    """æ/ø/å as ae/oe/aa (case kept) and other accents dropped; other characters untouched."""
    text = text.translate(_SPELLING)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_danish(text: str) -> str:
    """The matching key of `text`, equal to what Folded() computes in the database."""
    folded = (text or "").translate(_TABLE)
    folded = "".join(ch.lower() if ch.isascii() else ch for ch in folded)
    for digraph, letter in _DIGRAPHS:
        folded = folded.replace(digraph, letter)
    return folded


def fold_danish_query(text: str) -> str:
    """A typed query folded like stored text, composed first so "e" + accent meets the table."""
    return fold_danish(unicodedata.normalize("NFC", text or ""))


class Folded(Func):
    """fold_danish() of a text expression, in SQL (PostgreSQL) or a registered function (SQLite)."""

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
        connection.connection.create_function(SQLITE_FUNCTION, 1, fold_danish, deterministic=True)
