"""Danish text analysis, the same for PostgreSQL and SQLite: both databases only see its terms.
Shared by the search index and the directory's people search, so both find the same words.

A word becomes its Snowball stem, folded to ASCII after stemming (æ→ae, ø→oe, å→aa), so that
"sygedagpengene" meets "sygedagpenge" and "raadighed" typed on an English keyboard meets
"rådighed". Snowball does not split compounds, so at index time a long word also yields the stems
of its parts ("rådighedsvurderingen" → rådighedsvurdering, råd, vurdering), split by a lexicon
with the linking "s"/"e" of Danish compounds. The query side adds prefix matching, which finds
the compounds a word heads ("revalidering" → "revalideringsforløbet").
See docs/decisions/0005-danish-search.md for the measurements behind these choices.
"""

import re
import threading
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import Stemmer

from portal.core.text import spell_ascii as fold

_WORD = re.compile(r"[^\W_]+")
_local = threading.local()

# Compounds are split only in words of at least this length, into parts of at least MIN_PART.
MIN_COMPOUND = 8
MIN_PART = 4
# The linking morphemes between the parts of a Danish compound ("rådighed-s-vurdering").
LINKS = ("", "s", "e")

# Snowball's Danish stop words: dropped from queries (they would only narrow an AND query).
_STOP_WORDS = """og i jeg det at en den til er som på de med han af for ikke der var mig sig men
et har om vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal
selv her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end
dette mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle
hos blive mange ad bliver hendes været thi jer sådan"""
STOP_WORDS = frozenset(_STOP_WORDS.split())


def _stemmer() -> Stemmer.Stemmer:
    # PyStemmer objects are not thread-safe; gunicorn runs threads.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("danish")
    return stemmer


def words(text: str) -> list[str]:
    """The words of a text, lower-cased, in order (letters and digits; no punctuation)."""
    return _WORD.findall(text.lower())


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The folded Snowball stem of a lower-case word."""
    return fold(_stemmer().stemWord(word))


@cache
def lexicon() -> frozenset[str]:
    """Words a compound may be split into: a general Danish word list and the domain's words."""
    # Imported on first use: wordfreq takes about 0.1 s to import, and only splitting a
    # compound needs it, not every process that loads the search app.
    import wordfreq

    general = (w for w in wordfreq.iter_wordlist("da") if len(w) >= MIN_PART and w.isalpha())
    return frozenset(general) | _domain()


@cache
def _domain_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in _domain())


@cache
def _lexicon_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in lexicon())


def _is_part(word: str) -> bool:
    """A compound's last part may be inflected ("...vurderingen"): compare stems."""
    return word in lexicon() or stem(word) in _lexicon_stems()


@cache
def _domain() -> frozenset[str]:
    path = Path(__file__).with_name("lexicon_da.txt")
    return frozenset(
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )


def _split(word: str, depth: int) -> list[str]:
    """The best split of a word into lexicon parts: a head and a (possibly inflected) tail
    preferred over deeper splits, domain words over general ones, then the longest head."""
    candidates = []
    for i in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head, rest = word[:i], word[i:]
        if head not in lexicon():
            continue
        for link in LINKS:
            tail = rest[len(link) :]
            if rest.startswith(link) and len(tail) >= MIN_PART:
                candidates.append((head, tail))
    direct = [(h, t) for h, t in candidates if _is_part(t)]
    if direct:
        domain = _domain()
        head, tail = max(
            direct,
            key=lambda c: ((c[0] in domain) + (stem(c[1]) in _domain_stems()), len(c[0])),
        )
        return [head, tail]
    if depth < 2:
        for head, tail in candidates:
            if parts := _split(tail, depth + 1):
                return [head, *parts]
    return []


@lru_cache(maxsize=200_000)
def compound_parts(word: str) -> tuple[str, ...]:
    """The parts of a compound word ("rådighedsvurderingen" → rådighed, vurderingen), or ()."""
    if len(word) < MIN_COMPOUND or not word.isalpha():
        return ()
    return tuple(_split(word, 0))


@lru_cache(maxsize=200_000)
def word_terms(word: str) -> tuple[str, ...]:
    """The index terms of one lower-case word: its stem, then the stems of its parts."""
    terms = [stem(word)]
    for part in compound_parts(word):
        part_stem = stem(part)
        if part_stem not in terms:
            terms.append(part_stem)
    return tuple(terms)


def word_sources(word: str) -> dict[str, str]:
    """Each index term of a word with the word (or compound part) it came from."""
    sources = {stem(word): word}
    for part in compound_parts(word):
        sources.setdefault(stem(part), part)
    return sources


def analyse(text: str) -> list[str]:
    """The index terms of a text, in order, repeated as often as they occur (for ranking)."""
    terms: list[str] = []
    for word in words(text):
        terms.extend(word_terms(word))
    return terms


def analyse_to_string(text: str) -> str:
    return " ".join(analyse(text))


@dataclass(frozen=True)
class QueryTerm:
    """One word of a query: matches its stem exactly, or any term starting with a prefix."""

    word: str
    stem: str
    prefixes: tuple[str, ...]

    def matches(self, term: str) -> bool:
        return term == self.stem or any(term.startswith(p) for p in self.prefixes)

    def corrected(self, term: str) -> "QueryTerm":
        """The same word with a vocabulary term found for a typo in its place."""
        return query_term(term, term_is_stem=True, original=self.word)


def query_term(word: str, *, term_is_stem: bool = False, original: str = "") -> QueryTerm:
    """A query word's matching rule. Prefixes find compounds the word heads: the folded word
    itself ("raadighed" → raadighedsvurdering, though its stem is only "raad") and a long stem
    ("sygedagpeng" → sygedagpengeperiode). Short prefixes would match too much.
    """
    term = word if term_is_stem else stem(word)
    folded = fold(word)
    prefixes = []
    if len(term) >= 5:
        prefixes.append(term)
    if not term_is_stem and len(folded) >= 4 and not folded.startswith(term if prefixes else "\0"):
        prefixes.append(folded)
    return QueryTerm(word=original or word, stem=term, prefixes=tuple(prefixes))


def parse_query(text: str, *, max_terms: int = 8) -> list[QueryTerm]:
    """The query's words as matching rules, stop words dropped (unless nothing else is left)."""
    found = list(dict.fromkeys(words(text)))
    meaningful = [w for w in found if w not in STOP_WORDS] or found
    return [query_term(w) for w in meaningful[:max_terms]]


def text_matches(text_word: str, terms: list[QueryTerm]) -> bool:
    """Whether a word of a shown text matches the query (for highlighting)."""
    return any(t.matches(term) for term in word_terms(text_word) for t in terms)
