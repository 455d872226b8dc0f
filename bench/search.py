"""Search benchmark: 100,000 threads and 1,000,000 replies on PostgreSQL, searched under gunicorn.

Sets up its own PostgreSQL database (migrate, cache table, demo data), generates Danish threads
and replies with their search documents in bulk (COPY; each distinct sentence analysed once),
then starts gunicorn with production-like settings like bench/front_page.py, signs in as the
caseworker demo login and measures /soeg/?q=... (a mix of queries: inflections, compounds, a
typo, two-word queries, filters), the thread list /debat/ and the bare /bench/hello from
concurrent keep-alive clients. Prints p50/p95/p99 and req/s. Loopback only; bounded in requests
and time. --reuse keeps the generated data of an earlier run. See bench/README.md.
"""

import argparse
import itertools
import os
import random
import sys
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
from psycopg import sql

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from front_page import (  # noqa: E402
    HOST,
    ROOT,
    Result,
    free_port,
    manage,
    percentile,
    postgres_database,
    print_table,
    sign_in,
    start_server,
    stop,
    wait_until_up,
    web_bench_env,
)

from portal.core import analysis  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_bench_search"
MARKER_NETWORK = "bench-search-lukket"

QUERIES = [
    "rådighed",
    "sygedagpenge",
    "sygedagpengene",
    "revalidering",
    "rådighedsvurdering",
    "vurdering",
    "raadighed",
    "sygedagpnge",
    "jobafklaring forløb",
    "fleksjob ledighedsydelse",
    "kontanthjælp",
    "ledige",
    "ressourceforløb mentor",
    "efterløn",
    "dagpengeret&type=thread",
    "revalidering&organisation_kind=jobcenter",
]

# --- Danish text ------------------------------------------------------------------------------

# (singular, definite, plural) of the domain's nouns; compounds are made from them below.
NOUNS = [
    ("rådighed", "rådigheden", "rådigheder"),
    ("vurdering", "vurderingen", "vurderinger"),
    ("revalidering", "revalideringen", "revalideringer"),
    ("sygedagpenge", "sygedagpengene", "sygedagpenge"),
    ("dagpenge", "dagpengene", "dagpenge"),
    ("kontanthjælp", "kontanthjælpen", "kontanthjælp"),
    ("ledighed", "ledigheden", "ledigheder"),
    ("fleksjob", "fleksjobbet", "fleksjob"),
    ("forløb", "forløbet", "forløb"),
    ("afklaring", "afklaringen", "afklaringer"),
    ("samtale", "samtalen", "samtaler"),
    ("plan", "planen", "planer"),
    ("tilbud", "tilbuddet", "tilbud"),
    ("ydelse", "ydelsen", "ydelser"),
    ("opfølgning", "opfølgningen", "opfølgninger"),
    ("sanktion", "sanktionen", "sanktioner"),
    ("praktik", "praktikken", "praktikker"),
    ("mentor", "mentoren", "mentorer"),
    ("uddannelse", "uddannelsen", "uddannelser"),
    ("efterløn", "efterlønnen", "efterlønninger"),
    ("ressource", "ressourcen", "ressourcer"),
    ("job", "jobbet", "job"),
    ("borger", "borgeren", "borgere"),
    ("sag", "sagen", "sager"),
    ("afgørelse", "afgørelsen", "afgørelser"),
    ("klage", "klagen", "klager"),
    ("frist", "fristen", "frister"),
    ("periode", "perioden", "perioder"),
    ("indkomst", "indkomsten", "indkomster"),
    ("løntilskud", "løntilskuddet", "løntilskud"),
    ("visitation", "visitationen", "visitationer"),
    ("sygemelding", "sygemeldingen", "sygemeldinger"),
    ("dokumentation", "dokumentationen", "dokumentationer"),
    ("attest", "attesten", "attester"),
    ("henvisning", "henvisningen", "henvisninger"),
    ("forsikring", "forsikringen", "forsikringer"),
    ("medlem", "medlemmet", "medlemmer"),
    ("ansøgning", "ansøgningen", "ansøgninger"),
    ("bevilling", "bevillingen", "bevillinger"),
    ("indsats", "indsatsen", "indsatser"),
]
COMPOUNDS = [
    ("rådighed", "s", "vurdering"),
    ("revalidering", "s", "forløb"),
    ("job", "", "afklaring"),
    ("jobafklaring", "s", "forløb"),
    ("ressource", "", "forløb"),
    ("sygedagpenge", "", "periode"),
    ("sygedagpenge", "", "sag"),
    ("dagpenge", "", "ret"),
    ("dagpenge", "", "periode"),
    ("ledighed", "s", "ydelse"),
    ("kontanthjælp", "s", "sag"),
    ("fleksjob", "", "visitation"),
    ("uddannelse", "s", "plan"),
    ("job", "", "plan"),
    ("opfølgning", "s", "samtale"),
    ("sygemelding", "s", "periode"),
    ("virksomhed", "s", "praktik"),
    ("mentor", "", "ordning"),
    ("klage", "", "frist"),
    ("indkomst", "", "oplysning"),
]
SUFFIXES = ["", "en", "er", "erne"]
SUBJECTS = [
    "Borgeren",
    "Medlemmet",
    "Jobcentret",
    "A-kassen",
    "Sagsbehandleren",
    "Vi",
    "Jeg",
    "Fagforeningen",
    "Min kollega",
    "Teamet",
]
ADJECTIVES = ["ledig", "ledige", "sygemeldt", "aktiv", "klar", "ny", "lang", "kort", "korrekt"]
TEMPLATES = [
    "{S} har spørgsmål om {a} i forbindelse med {b}.",
    "Hvordan håndterer I {a}, når {b} er {adj}?",
    "{S} mener at {a} skal vurderes igen efter {b}.",
    "Efter {a} skal der laves en ny {b}.",
    "Kan {a} forlænges, hvis {b} ikke er afsluttet?",
    "Reglerne for {a} er ændret, og det påvirker {b}.",
    "{S} fik afslag på {a}, fordi {b} manglede.",
    "Hvad siger vejledningen om {a} og {b}?",
    "Jeg har en sag om {a}, hvor {b} trækker ud.",
    "Det er vigtigt at {a} dokumenteres før {b}.",
    "{S} er {adj} og venter på {a}.",
    "Tak for svaret om {a}, det hjalp med {b}.",
]
TITLES = [
    "Spørgsmål om {a}",
    "{A} og {b}",
    "Hvornår gælder {a}?",
    "{A} efter {b}",
    "Erfaringer med {a}",
    "Praksis for {a} ved {b}",
]


def noun_phrases(rng: random.Random) -> list[str]:
    """Every form of every noun, the listed compounds and the other head-tail compounds of the
    domain's nouns, in a random order (the Zipf rank of each)."""
    phrases = [form for forms in NOUNS for form in forms]
    for head, link, tail in COMPOUNDS:
        for suffix in SUFFIXES:
            phrases.append(f"{head}{link}{tail}{suffix}")
    for head, *_ in NOUNS:
        link = "s" if head.endswith(("ing", "hed", "tion", "else", "skab")) else ""
        for tail, tail_definite, _plural in NOUNS:
            if tail != head and len(head) + len(tail) < 24:
                phrases.extend([f"{head}{link}{tail}", f"{head}{link}{tail_definite}"])
    phrases = list(dict.fromkeys(phrases))
    rng.shuffle(phrases)
    return phrases


def general_words() -> list[str]:
    """Everyday Danish, most frequent first: the words around the domain's terms."""
    import wordfreq

    words = (w for w in wordfreq.iter_wordlist("da") if w.isalpha() and len(w) >= 2)
    return list(itertools.islice(words, 8000))


class Text:
    """Sentences and titles drawn from templates, each analysed once.

    Domain terms are Zipf-distributed over some 3,000 forms and compounds, in everyday Danish
    drawn by frequency, so that a specific term occurs in a fraction of a percent of the posts
    and the most common ones in several percent, as in a real forum.
    """

    def __init__(self, rng: random.Random, sentences: int = 60_000, titles: int = 10_000):
        phrases = noun_phrases(rng)
        weights = list(itertools.accumulate(1 / (rank + 1) ** 0.7 for rank in range(len(phrases))))
        filler = general_words()
        filler_weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(filler))))

        def np():
            return rng.choices(phrases, cum_weights=weights)[0]

        def words(k):
            return " ".join(rng.choices(filler, cum_weights=filler_weights, k=k))

        def fill(template):
            return template.format(
                S=rng.choice(SUBJECTS),
                a=np() if rng.random() < 0.6 else words(1),
                b=np() if rng.random() < 0.25 else words(1),
                adj=rng.choice(ADJECTIVES),
                A=np().capitalize(),
            )

        def sentence():
            text = fill(rng.choice(TEMPLATES))
            return f"{text[:-1]}, {words(rng.randint(3, 9))}{text[-1]}"

        self.sentences = list(dict.fromkeys(sentence() for _ in range(sentences)))
        self.titles = list(dict.fromkeys(fill(rng.choice(TITLES)) for _ in range(titles)))
        self.sentence_terms = [analysis.analyse_to_string(s) for s in self.sentences]
        self.sentence_sets = [frozenset(t.split()) for t in self.sentence_terms]
        self.title_terms = [analysis.analyse_to_string(t) for t in self.titles]
        self.title_sets = [frozenset(t.split()) for t in self.title_terms]
        self.words: dict[str, str] = {}
        for text in self.sentences + self.titles:
            for word in analysis.words(text):
                for term, source in analysis.word_sources(word).items():
                    self.words.setdefault(term, source)


def copy_text(value) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime):
        return value.isoformat()
    text = str(value)
    if any(c in text for c in "\\\t\n\r"):
        text = (
            text.replace("\\", "\\\\")
            .replace("\t", "\\t")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
        )
    return text


class CopyFile:
    """Rows in COPY text format, buffered in a temporary file."""

    def __init__(self, path: Path):
        self.path = path
        self.file = path.open("w", encoding="utf-8", buffering=1 << 20)

    def row(self, *values) -> None:
        self.file.write("\t".join(map(copy_text, values)) + "\n")

    def load(self, cursor, table: str, columns: list[str]) -> None:
        self.file.close()
        statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        with cursor.copy(statement) as copy, self.path.open("rb") as source:
            while chunk := source.read(1 << 20):
                copy.write(chunk)
        self.path.unlink()


THREAD_COLUMNS = [
    "id",
    "kind",
    "topic_id",
    "network_id",
    "title",
    "author_id",
    "addressed_to_id",
    "created_at",
    "last_activity_at",
    "reply_count",
    "is_pinned",
    "is_closed",
    "is_hidden",
    "accepted_answer_id",
    "accepted_at",
    "accepted_by_id",
    "merged_into_id",
]
POST_COLUMNS = [
    "id",
    "thread_id",
    "author_id",
    "is_opening",
    "body",
    "body_html",
    "quoted_post_id",
    "author_is_jurist",
    "created_at",
    "edited_at",
    "edit_count",
    "is_hidden",
    "hidden_by_id",
    "hidden_at",
    "needs_review",
    "review_reason",
]
DOCUMENT_COLUMNS = [
    "kind",
    "object_id",
    "thread_id",
    "title",
    "body",
    "url",
    "topic_id",
    "organisation_kind",
    "network_id",
    "created_at",
    "is_accepted_answer",
    "boost",
    "title_terms",
    "body_terms",
]


def reply_counts(rng: random.Random, threads: int, replies: int) -> list[int]:
    """A skewed number of replies per thread (most few, some many) summing to `replies`."""
    mean = replies / threads
    counts = [min(int(rng.expovariate(1 / mean)), 400) for _ in range(threads)]
    diff = replies - sum(counts)
    step = 1 if diff > 0 else -1
    while diff:
        i = rng.randrange(threads)
        if step > 0 or counts[i] > 0:
            counts[i] += step
            diff -= step
    return counts


def generate(database_url: str, threads: int, replies: int, seed: int) -> dict:
    started = time.monotonic()
    rng = random.Random(seed)
    text = Text(rng)
    work = ROOT / "var" / "bench"
    work.mkdir(parents=True, exist_ok=True)

    with psycopg.connect(database_url) as conn, conn.cursor() as cur:
        people = cur.execute(
            "SELECT u.id, COALESCE(o.kind, '') FROM core_user u "
            "LEFT JOIN core_organisation o ON o.id = u.organisation_id "
            "WHERE u.is_active AND u.approved_at IS NOT NULL"
        ).fetchall()
        topics = [r[0] for r in cur.execute("SELECT id FROM core_topic").fetchall()]
        cur.execute(
            "INSERT INTO forum_network (slug, name, description, is_open, created_at) "
            "VALUES (%s, %s, '', false, now()) ON CONFLICT (slug) DO NOTHING",
            [MARKER_NETWORK, "Benchmark: lukket netværk"],
        )
        network = cur.execute(
            "SELECT id FROM forum_network WHERE slug = %s", [MARKER_NETWORK]
        ).fetchone()[0]
        thread_id = cur.execute("SELECT COALESCE(max(id), 0) FROM forum_thread").fetchone()[0]
        post_id = cur.execute("SELECT COALESCE(max(id), 0) FROM forum_post").fetchone()[0]
        conn.commit()

    thread_file = CopyFile(work / "threads.copy")
    post_file = CopyFile(work / "posts.copy")
    doc_file = CopyFile(work / "documents.copy")
    vocabulary: Counter = Counter()
    now = datetime.now(UTC)
    n_sentences = len(text.sentences)

    def body(k: int) -> tuple[str, str, frozenset]:
        picks = [rng.randrange(n_sentences) for _ in range(k)]
        terms = frozenset().union(*(text.sentence_sets[i] for i in picks))
        return (
            " ".join(text.sentences[i] for i in picks),
            " ".join(text.sentence_terms[i] for i in picks),
            terms,
        )

    for count in reply_counts(rng, threads, replies):
        thread_id += 1
        author, org_kind = rng.choice(people)
        topic = rng.choice(topics)
        net = network if rng.random() < 0.05 else None
        opened = now - timedelta(minutes=rng.randrange(3 * 365 * 24 * 60))
        title_index = rng.randrange(len(text.titles))
        title = text.titles[title_index]
        is_question = rng.random() < 0.5
        times = sorted(
            opened + timedelta(minutes=rng.randrange(1, 60 * 24 * 30)) for _ in range(count)
        )
        first_reply = post_id + 2
        accepted = first_reply if is_question and count and rng.random() < 0.4 else None

        post_id += 1
        opening, opening_terms, opening_set = body(rng.randint(2, 5))
        post_file.row(
            post_id,
            thread_id,
            author,
            True,
            opening,
            f"<p>{opening}</p>",
            None,
            False,
            opened,
            None,
            0,
            False,
            None,
            None,
            False,
            "",
        )
        url = f"/debat/traad/{thread_id}/"
        doc_file.row(
            "thread",
            thread_id,
            thread_id,
            title,
            opening,
            url,
            topic,
            org_kind,
            net,
            opened,
            False,
            1.2,
            text.title_terms[title_index],
            opening_terms,
        )
        vocabulary.update(opening_set | text.title_sets[title_index])
        for when in times:
            post_id += 1
            replier, replier_kind = rng.choice(people)
            reply, reply_terms, reply_set = body(rng.randint(1, 4))
            is_accepted = post_id == accepted
            post_file.row(
                post_id,
                thread_id,
                replier,
                False,
                reply,
                f"<p>{reply}</p>",
                None,
                False,
                when,
                None,
                0,
                False,
                None,
                None,
                False,
                "",
            )
            doc_file.row(
                "post",
                post_id,
                thread_id,
                title,
                reply,
                f"{url}#post-{post_id}",
                topic,
                replier_kind,
                net,
                when,
                is_accepted,
                2.0 if is_accepted else 1.0,
                "",
                reply_terms,
            )
            vocabulary.update(reply_set)
        thread_file.row(
            thread_id,
            "question" if is_question else "discussion",
            topic,
            net,
            title,
            author,
            None,
            opened,
            times[-1] if times else opened,
            count,
            False,
            False,
            False,
            accepted,
            times[0] if accepted else None,
            author if accepted else None,
            None,
        )
    generated = time.monotonic() - started
    print(f"generated {threads} threads / {replies} replies in {generated:.0f} s; loading")

    with psycopg.connect(database_url) as conn, conn.cursor() as cur:
        cur.execute("SET maintenance_work_mem = '1GB'")
        cur.execute("DROP INDEX IF EXISTS searchdocument_vector_idx")
        thread_file.load(cur, "forum_thread", THREAD_COLUMNS)
        post_file.load(cur, "forum_post", POST_COLUMNS)
        doc_file.load(cur, "search_searchdocument", DOCUMENT_COLUMNS)
        conn.commit()  # checks the deferred foreign keys
        loaded = time.monotonic() - started
        print(f"loaded in {loaded - generated:.0f} s; building the GIN index")
        cur.execute("SET maintenance_work_mem = '1GB'")
        cur.execute(
            "CREATE INDEX searchdocument_vector_idx ON search_searchdocument "
            "USING gin (search_vector)"
        )
        # Terms the demo data brought along are already there: add to their counts.
        cur.execute(
            "CREATE TEMPORARY TABLE bench_terms (term varchar(100), word varchar(100), n int)"
        )
        with cur.copy("COPY bench_terms (term, word, n) FROM STDIN") as copy:
            for term, n in vocabulary.items():
                copy.write_row((term[:100], text.words.get(term, term)[:100], n))
        cur.execute(
            "INSERT INTO search_searchterm (term, word, doc_count) "
            "SELECT term, word, n FROM bench_terms ON CONFLICT (term) DO UPDATE "
            "SET doc_count = search_searchterm.doc_count + excluded.doc_count"
        )
        for table in ("forum_thread", "forum_post", "search_searchdocument"):
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )
        conn.commit()
    with psycopg.connect(database_url, autocommit=True) as conn:
        # In production documents arrive in time order; generation writes them thread by thread.
        # Put them in time order, as the candidates' created_at index scan expects.
        conn.execute("CLUSTER search_searchdocument USING searchdocument_created_idx")
        conn.execute("VACUUM ANALYZE forum_thread")
        conn.execute("VACUUM ANALYZE forum_post")
        conn.execute("VACUUM ANALYZE search_searchdocument")
        conn.execute("VACUUM ANALYZE search_searchterm")
    total = time.monotonic() - started
    print(f"generation done in {total:.0f} s")
    return {"generate_s": round(generated), "total_s": round(total)}


def already_generated(database_url: str, threads: int) -> bool:
    with psycopg.connect(database_url) as conn:
        if not conn.execute("SELECT to_regclass('forum_network')").fetchone()[0]:
            return False
        marked = conn.execute(
            "SELECT count(*) FROM forum_thread t JOIN forum_network n ON n.id = t.network_id "
            "WHERE n.slug = %s",
            [MARKER_NETWORK],
        ).fetchone()[0]
        total = conn.execute("SELECT count(*) FROM forum_thread").fetchone()[0]
    return marked > 0 and total >= threads


# --- Load -------------------------------------------------------------------------------------


def load(port, paths, cookie, count, concurrency, deadline):
    """`count` GETs spread round-robin over `paths`, from `concurrency` keep-alive clients."""
    import http.client

    latencies: list[float] = []
    errors = 0
    counter = itertools.count()
    lock = threading.Lock()

    def client():
        nonlocal errors
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        mine, my_errors = [], 0
        while time.monotonic() < deadline:
            n = next(counter)
            if n >= count:
                break
            path = paths[n % len(paths)]
            start = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
                if response.will_close:
                    conn.close()
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
            mine.append(time.perf_counter() - start)
            my_errors += not ok
        conn.close()
        with lock:
            latencies.extend(mine)
            errors += my_errors

    workers = [threading.Thread(target=client) for _ in range(concurrency)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    errors += max(0, count - len(latencies))
    return latencies, errors, elapsed


def measure(port, paths, cookie, args, deadline, label) -> Result:
    load(port, paths, cookie, args.warmup, args.concurrency, deadline)
    latencies, errors, elapsed = load(
        port, paths, cookie, args.requests, args.concurrency, deadline
    )
    latencies.sort()
    return Result(
        endpoint=label,
        requests=len(latencies),
        concurrency=args.concurrency,
        p50_ms=percentile(latencies, 50) * 1000,
        p95_ms=percentile(latencies, 95) * 1000,
        p99_ms=percentile(latencies, 99) * 1000,
        requests_per_s=len(latencies) / elapsed if elapsed else 0.0,
        errors=errors,
    )


def _query_kwargs(raw: str) -> tuple[str, dict]:
    q, _, rest = raw.partition("&")
    extra = dict(urllib.parse.parse_qsl(rest))
    kwargs = {}
    if "type" in extra:
        kwargs["kinds"] = [extra["type"]]
    if "organisation_kind" in extra:
        kwargs["organisation_kind"] = extra["organisation_kind"]
    return q, kwargs


def _setup_django():
    import gc

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    django.setup()
    # As an app server's process is set up (config/wsgi.py): what is loaded, frozen.
    gc.freeze()


def per_query_sql(database_url: str, runs: int = 20) -> list[tuple[str, float, float, int]]:
    """Each query's selector time in-process (no HTTP): (query, median ms, p95 ms, results),
    over `runs` timed runs after one warm-up, for seeing which queries cost what."""
    _setup_django()
    from portal.core.models import User
    from portal.search.selectors import search

    user = User.objects.get(email="sagsbehandler@demo.samarbejdsportalen.dk")
    rows = []
    for raw in QUERIES:
        q, kwargs = _query_kwargs(raw)
        search(user=user, query=q, **kwargs)  # warm
        timings = []
        for _ in range(runs):
            start = time.perf_counter()
            results = search(user=user, query=q, **kwargs)
            timings.append(time.perf_counter() - start)
        timings.sort()
        rows.append(
            (raw, percentile(timings, 50) * 1000, percentile(timings, 95) * 1000, results.total)
        )
    return rows


def explain_queries(database_url: str) -> None:
    """EXPLAIN (ANALYZE, BUFFERS) of every SQL statement the selector runs, per query of the
    mix: the planner's evidence for docs/decisions/0048-search-at-scale.md."""
    _setup_django()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from portal.core.models import User
    from portal.search.selectors import search

    user = User.objects.get(email="sagsbehandler@demo.samarbejdsportalen.dk")
    for raw in QUERIES:
        q, kwargs = _query_kwargs(raw)
        search(user=user, query=q, **kwargs)  # warm
        with CaptureQueriesContext(connection) as captured:
            search(user=user, query=q, **kwargs)
        print(f"=== {raw}")
        for query in captured.captured_queries:
            print(f"--- {query['sql'][:300]}")
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
                for (line,) in cursor.fetchall():
                    print("    " + line)


# Issue 17, item 4: every query of the mix in-process, and the search page against the bare view.
GOAL_P95_MS = 30.0
GOAL_SHARE_OF_BARE = 0.30


def goals_met(in_process, results) -> dict:
    worst = max(in_process, key=lambda row: row[2])
    by_label = {r.endpoint: r for r in results}
    bare = by_label["/bench/hello (anonymous)"].requests_per_s
    page = by_label["/soeg/?q=… (mix)"].requests_per_s
    share = page / bare if bare else 0.0
    p95_ok = worst[2] < GOAL_P95_MS
    share_ok = share >= GOAL_SHARE_OF_BARE
    return {
        "max_p95_ms": round(worst[2], 1),
        "max_p95_query": worst[0],
        "p95_met": p95_ok,
        "search_share_of_bare": round(share, 3),
        "share_met": share_ok,
        "lines": [
            f"max p95 in-process {worst[2]:.1f} ms ({worst[0]}) < {GOAL_P95_MS:.0f} ms: "
            + ("met" if p95_ok else "NOT met"),
            f"search page {page:.0f} req/s / anonymous bare view {bare:.0f} req/s = "
            f"{share:.0%} >= {GOAL_SHARE_OF_BARE:.0%}: " + ("met" if share_ok else "NOT met"),
        ],
    }


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads-count", type=int, default=100_000, help="threads to generate")
    parser.add_argument("--replies", type=int, default=1_000_000, help="replies to generate")
    parser.add_argument("--reuse", action="store_true", help="keep earlier generated data")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--requests", type=int, default=2000, help="measured requests per endpoint")
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    parser.add_argument(
        "--time-limit", type=float, default=180, help="seconds per endpoint before it is cut short"
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="print EXPLAIN (ANALYZE, BUFFERS) of each query's SQL and stop (no HTTP load)",
    )
    parser.add_argument("--runs", type=int, default=20, help="timed runs per query in-process")
    return parser.parse_args()


def main() -> int:
    import json

    args = parse_args()
    database_url = postgres_database(DEFAULT_DATABASE_URL, "bench/search.py")

    port = free_port()
    env = web_bench_env(database_url, port)
    generation = {}
    reuse = args.reuse and already_generated(database_url, args.threads_count)
    # Production-like tuning for full-text search: bitmaps of common words stay exact.
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(
            sql.SQL("ALTER DATABASE {} SET work_mem = '32MB'").format(
                sql.Identifier(urllib.parse.urlsplit(database_url).path.lstrip("/"))
            )
        )
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "createcachetable")
    with psycopg.connect(database_url, autocommit=True) as conn:
        if conn.execute("SELECT to_regclass('portal_cache')").fetchone()[0]:
            conn.execute("TRUNCATE portal_cache")
    if not reuse:
        manage({**env, "PORTAL_DEMO": "1"}, "load_demo")
        manage(env, "search_rebuild")
        generation = generate(database_url, args.threads_count, args.replies, args.seed)
    os.environ.update({k: env[k] for k in ("DATABASE_URL", "SECRET_KEY", "PORTAL_DATA_DIR")})
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.base"
    if args.explain:
        explain_queries(database_url)
        return 0
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    in_process = per_query_sql(database_url, args.runs)

    with psycopg.connect(database_url) as conn:
        sizes = {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("forum_thread", "forum_post", "search_searchdocument")
        }

    server = start_server(
        env,
        port=port,
        workers=args.workers,
        threads=args.threads,
        log_path=ROOT / "var" / "bench" / "gunicorn-search.log",
    )
    try:
        wait_until_up(port, server)
        cookie = sign_in(port)
        search_paths = [
            "/soeg/?q="
            + urllib.parse.quote(q.partition("&")[0])
            + ("&" + q.partition("&")[2] if "&" in q else "")
            for q in QUERIES
        ]
        # The baseline first, so that a slow page cannot use up its time.
        runs = [
            (["/bench/hello"], None, "/bench/hello (anonymous)"),
            (["/bench/hello"], cookie, "/bench/hello (signed in)"),
            (search_paths, cookie, "/soeg/?q=… (mix)"),
            (["/debat/"], cookie, "/debat/ (thread list)"),
        ]
        results = [
            measure(port, paths, c, args, time.monotonic() + args.time_limit, label)
            for paths, c, label in runs
        ]
    finally:
        stop(server)

    print()
    print(
        f"PostgreSQL: {sizes['forum_thread']} threads, {sizes['forum_post']} posts, "
        f"{sizes['search_searchdocument']} search documents"
        + (f"; generated in {generation['total_s']} s" if generation else "; reused data")
    )
    print(f"search selector in-process ({args.runs} runs each; results counted, capped at 501):")
    print(f"  {'query':<44}{'p50 ms':>8}{'p95 ms':>8}{'results':>9}")
    for query, p50, p95, total in in_process:
        print(f"  {query:<44}{p50:>8.1f}{p95:>8.1f}{total:>9}")
    print(
        f"gunicorn config.wsgi, {args.workers} workers x {args.threads} threads, "
        f"client and server share {os.cpu_count()} CPUs"
    )
    print_table(results)
    goals = goals_met(in_process, results)
    print()
    print("goals (issue 17, item 4):")
    for line in goals["lines"]:
        print("  " + line)
    results_dir = ROOT / "bench" / "results"
    results_dir.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (results_dir / f"search-{stamp}.json").write_text(
        json.dumps(
            {
                "args": vars(args),
                "sizes": sizes,
                "generation": generation,
                "in_process": in_process,
                "results": [asdict(r) for r in results],
                "goals": goals,
            },
            indent=2,
        )
    )
    return 1 if any(r.errors for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
