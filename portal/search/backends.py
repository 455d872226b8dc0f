"""The database's full-text engine behind one interface, chosen by connection.vendor.

Both engines match the same analysed terms (portal.core.analysis): a query term matches its
stem exactly or any indexed term starting with one of its prefixes; all query terms must match.
The SQL here is made of constant table names; every value is a bound parameter (the noqa's).
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import FloatField, IntegerField, QuerySet, TextField
from django.db.models.expressions import RawSQL

from portal.core.analysis import QueryTerm

from .models import SearchDocument, SearchTerm

DOCUMENTS = SearchDocument._meta.db_table
TERMS = SearchTerm._meta.db_table
# The SQLite function behind SqliteBackend.exact_sql (registered in SearchConfig.ready).
SQLITE_WORD_START = "portal_word_start"
# Shorter query words say too little to be told apart from a shared stem.
EXACT_MIN_LENGTH = 3


def exact_words(terms: list[QueryTerm]) -> list[str]:
    """The query's words as typed (lower-case), for the exact-word count: a text that has the
    word at the start of one of its words (the word itself, an inflection or a compound it
    heads: "dagpengeret" in "dagpengeretten") ranks above one that only shares its stem or has
    it as a compound's part ("sygedagpenge" for "dagpenge"). See docs/decisions/0032."""
    return [t.word for t in terms if len(t.word) >= EXACT_MIN_LENGTH]


def word_start(text: str | None, word: str) -> int:
    """1 if a word of the text starts with `word` (case ignored), else 0."""
    return words_starting(text, [word.lower()])


def words_starting(text: str | None, words: list[str]) -> int:
    """How many of the (lower-case) words start a word of the text, its case ignored: each
    found where no letter or digit comes right before it. A search of the text, not a regular
    expression: this runs on every ranked candidate."""
    if not text or not words:
        return 0
    text = text.lower()
    found = 0
    for word in words:
        at = text.find(word)
        while at > 0 and text[at - 1].isalnum():
            at = text.find(word, at + 1)
        found += at >= 0
    return found


def register_sqlite_function(sender, connection, **kwargs):
    """connection_created receiver: give every SQLite connection portal_word_start()."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_WORD_START, 2, word_start, deterministic=True)


@dataclass
class QueryPlan:
    """A query's terms with how often each occurs, for choosing how to find the matches."""

    terms: list[QueryTerm]
    frequencies: list[int]
    total: int
    # The share of documents the filters keep (a rough guess per filter).
    filter_share: float = 1.0

    @property
    def estimate(self) -> float:
        """Expected matches, as if the words occurred independently of each other and of the
        filters."""
        estimate = self.total * self.filter_share
        for frequency in self.frequencies:
            estimate *= min(1.0, frequency / self.total)
        return estimate

    @property
    def rarest(self) -> QueryTerm:
        return self.terms[self.frequencies.index(min(self.frequencies))]

    @property
    def rarest_frequency(self) -> int:
        return min(self.frequencies)


class PostgresBackend:
    """tsvector/tsquery with the 'simple' configuration; ts_rank_cd times the document's boost.

    Weights: title terms A (1.0), body terms B (0.4). Normalisation 1 divides by the log of the
    document's length, so a short title match ranks above a mention in a long text.
    """

    # Relative costs of the two ways to find the newest matches (measured on bench/search.py):
    # checking one row while walking the created_at index, and fetching one row a GIN index
    # found (random heap access) while collecting.
    WALK_ROW_COST = 1.0
    COLLECT_ROW_COST = 3.0

    def query(self, terms: list[QueryTerm]) -> str:
        def lexeme(term: str) -> str:
            return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"

        return " & ".join(
            "(" + " | ".join([lexeme(t.stem)] + [f"{lexeme(p)}:*" for p in t.prefixes]) + ")"
            for t in terms
        )

    def rank_sql(self, tsquery: str, table: str = DOCUMENTS) -> tuple[str, list]:
        return (
            f"ts_rank_cd('{{0.1, 0.2, 0.4, 1.0}}', {table}.search_vector, "
            f"to_tsquery('simple', %s), 1) * {table}.boost",
            [tsquery],
        )

    def candidates(self, documents: QuerySet, plan: QueryPlan, *, limit: int) -> list:
        """The newest `limit` matches, newest first, each as (id, rank, thread id, how many
        query words it has as typed: exact_words), found one of two ways.

        Walk: the created_at index, newest first, checking each row until `limit` match; cheap
        when matches are common. Collect: only the query's rarest word through the GIN index
        (a common word's posting list costs more to read than the rows it saves), every word
        checked on those rows, then the newest. PostgreSQL's planner cannot weigh this itself:
        it walks far too long when every word is common but their combination is not.
        ts_match_vq is the @@ operator as a function, which the planner cannot use an index for.

        The words as typed are counted here, in Python, on each candidate's title and text
        (word_start, as SQLite's portal_word_start): a case-blind regular expression per row
        and word cost PostgreSQL more than ranking did (docs/decisions/0048-search-at-scale.md).
        """
        tsquery = self.query(plan.terms)
        words = exact_words(plan.terms)
        walk = limit * plan.total / max(plan.estimate, 1.0) * self.WALK_ROW_COST
        collect = plan.rarest_frequency * self.COLLECT_ROW_COST
        if walk <= collect:
            rank_sql, rank_params = self.rank_sql(tsquery)
            matches = documents.extra(  # noqa: S610
                where=[f"ts_match_vq({DOCUMENTS}.search_vector, to_tsquery('simple', %s))"],
                params=[tsquery],
            ).annotate(
                rank=RawSQL(rank_sql, rank_params, output_field=FloatField()),  # noqa: S611
            )
            rows = matches.order_by("-created_at").values_list(
                "pk", "rank", "thread_id", "title", "body"
            )[:limit]
        else:
            # The matches carry what ranking needs, so that the newest are not read again.
            matches = (
                documents.extra(  # noqa: S610
                    where=[
                        f"{DOCUMENTS}.search_vector @@ to_tsquery('simple', %s)",
                        f"ts_match_vq({DOCUMENTS}.search_vector, to_tsquery('simple', %s))",
                    ],
                    params=[self.query([plan.rarest]), tsquery],
                )
                .annotate(
                    search_vector=RawSQL(f"{DOCUMENTS}.search_vector", [], TextField())  # noqa: S611
                )
                .order_by()
                .values_list(
                    "pk", "created_at", "boost", "thread_id", "title", "body", "search_vector"
                )
            )
            inner, params = matches.query.sql_with_params()
            rank_sql, rank_params = self.rank_sql(tsquery, table="newest")
            sql = (
                f"WITH matches AS MATERIALIZED ({inner}) "  # noqa: S608
                f"SELECT newest.{connection.ops.quote_name('pk')}, {rank_sql}, newest.thread_id, "
                "newest.title, newest.body FROM "
                "(SELECT * FROM matches ORDER BY created_at DESC LIMIT %s) AS newest "
                "ORDER BY newest.created_at DESC"
            )
            with connection.cursor() as cursor:
                cursor.execute(sql, [*params, *rank_params, limit])
                rows = cursor.fetchall()
        words = [w.lower() for w in words]
        return [
            (pk, rank, thread_id, words_starting(f"{title} {body}", words))
            for pk, rank, thread_id, title, body in rows
        ]

    def prefix_condition(self, prefix: str) -> tuple[str, list]:
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return "term LIKE %s", [escaped + "%"]


class SqliteBackend:
    """FTS5 over the same terms; bm25 with title terms weighing ten times the body's."""

    def query(self, terms: list[QueryTerm]) -> str:
        def phrase(term: str) -> str:
            return '"' + term.replace('"', '""') + '"'

        return " AND ".join(
            "(" + " OR ".join([phrase(t.stem)] + [f"{phrase(p)}*" for p in t.prefixes]) + ")"
            for t in terms
        )

    def exact_sql(self, words: list[str], table: str = DOCUMENTS) -> tuple[str, list]:
        """How many of the words start a word of the title or text (see exact_words)."""
        if not words:
            return "0", []
        text = f"({table}.title || ' ' || {table}.body)"
        return "(" + " + ".join(f"{SQLITE_WORD_START}({text}, %s)" for _ in words) + ")", words

    def candidates(self, documents: QuerySet, plan: QueryPlan, *, limit: int) -> list:
        """The newest `limit` matches, newest first, each as (id, rank, thread id, how many
        query words it has as typed: exact_words)."""
        exact_sql, exact_params = self.exact_sql(exact_words(plan.terms))
        matches = documents.extra(  # noqa: S610
            tables=["search_fts"],
            where=["search_fts.rowid = " + f"{DOCUMENTS}.id", "search_fts MATCH %s"],
            params=[self.query(plan.terms)],
        ).annotate(
            rank=RawSQL(  # noqa: S611
                f"-bm25(search_fts, 10.0, 1.0) * {DOCUMENTS}.boost", [], output_field=FloatField()
            ),
            exact=RawSQL(exact_sql, exact_params, output_field=IntegerField()),  # noqa: S611
        )
        return list(
            matches.order_by("-created_at").values_list("pk", "rank", "thread_id", "exact")[:limit]
        )

    def prefix_condition(self, prefix: str) -> tuple[str, list]:
        # GLOB is case-sensitive and so can use the primary key's index (LIKE cannot).
        escaped = "".join(f"[{c}]" if c in "*?[]" else c for c in prefix)
        return "term GLOB %s", [escaped + "*"]


def get_backend():
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()


def term_frequencies(terms: list[QueryTerm]) -> tuple[list[int], int]:
    """For each query term, in how many documents its terms occur (0: none; forms of a word
    count separately, so this is an upper bound), and about how many documents there are.
    One query."""
    if not terms:
        return [], 0
    backend = get_backend()
    if connection.vendor == "postgresql":
        total = f"SELECT -1, reltuples::bigint FROM pg_class WHERE oid = '{DOCUMENTS}'::regclass"  # noqa: S608
    else:
        total = f"SELECT -1, max(id) FROM {DOCUMENTS}"  # noqa: S608
    selects, params = [total], []
    for i, term in enumerate(terms):
        conditions = ["term = %s"]
        params.append(term.stem)
        for prefix in term.prefixes:
            sql, prefix_params = backend.prefix_condition(prefix)
            conditions.append(sql)
            params.extend(prefix_params)
        selects.append(
            f"SELECT {i}, sum(doc_count) FROM {TERMS} WHERE doc_count > 0 AND "  # noqa: S608
            f"({' OR '.join(conditions)})"
        )
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        counts = {i: int(n or 0) for i, n in cursor.fetchall()}
    return [counts.get(i, 0) for i in range(len(terms))], max(counts.pop(-1, 0), 1)


def similar_terms(term: str, *, max_length_difference: int = 2) -> list[tuple[str, str, int]]:
    """Vocabulary terms that could be what a mistyped term meant: the same first letter and
    a similar length, with the word each came from and its document count."""
    sql, params = get_backend().prefix_condition(term[0])
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT term, word, doc_count FROM {TERMS} WHERE doc_count > 0 AND {sql} "  # noqa: S608
            "AND length(term) BETWEEN %s AND %s",
            [*params, len(term) - max_length_difference, len(term) + max_length_difference],
        )
        return cursor.fetchall()
