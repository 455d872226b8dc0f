"""Search relevance: which Danish matching strategy finds what caseworkers look for.

A small labelled set (documents, queries, the documents each query should find) built around
what Danish forums get wrong: inflections, compounds (head and tail), æ/ø/å typed as ae/oe/aa,
and small typos. Each strategy is the same AND-of-all-words match over different analysis;
prints macro recall and precision per strategy and per kind of query. No database needed:
PostgreSQL and SQLite match the same analysed terms (portal.core.analysis.py).

    .venv/bin/python bench/search_relevance.py
"""

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from portal.core import analysis  # noqa: E402

DOCUMENTS = {
    1: "Rådighedsvurderingen blev udskudt, fordi borgeren var syg.",
    2: "Står et ledigt medlem til rådighed under ferie?",
    3: "Revalideringsforløbet stopper, når uddannelsen er slut.",
    4: "Kan revalidering bevilges til en borger over 60 år?",
    5: "Hvornår ophører sygedagpengene efter 22 uger?",
    6: "Forlængelse af sygedagpenge ved jobafklaring.",
    7: "Jobafklaringsforløbet starter, når sygedagpengeperioden udløber.",
    8: "De lediges rådighed vurderes ved hver samtale.",
    9: "Ledighedsydelse mellem to fleksjob.",
    10: "Visitation til fleksjob kræver et ressourceforløb eller en rehabiliteringsplan.",
    11: "Ressourceforløbet blev forlænget med et år.",
    12: "Kontanthjælpssager med sanktioner for udeblivelse fra samtale.",
    13: "Sanktion af kontanthjælp ved manglende rådighed.",
    14: "Dagpengeretten genoptjenes med 1924 timers arbejde.",
    15: "Genoptjening af dagpenge efter selvstændig virksomhed.",
    16: "Efterlønsbeviset og modregning af pension.",
    17: "Efterløn og arbejde i virksomhedspraktik.",
    18: "Løntilskudsjob i kommunen for nyuddannede.",
    19: "Opfølgningssamtalen skal holdes inden for fire uger.",
    20: "Ferie med feriedagpenge i ledighedsperioden.",
    21: "Mentorordningen hjælper sygemeldte tilbage i arbejde.",
    22: "En mentor kan bevilges til borgere i ressourceforløb.",
    23: "Uddannelseshjælpen til unge under 30 år.",
    24: "Jobcentret sender en henvisning til virksomhedspraktikken.",
    25: "Afgørelsen om rådighed kan påklages inden fire uger.",
    # Look-alikes that a caseworker searching the words above does not want.
    26: "Validering af data i fagsystemet før udbetaling.",
    27: "Efterlysning af manglende blanketter.",
    28: "Praktiske oplysninger om kantinen.",
    29: "Rådgivning fra rådet om pension.",
    30: "Sanktionerne blev lempet i år.",
}

# (query, kind, the documents it should find)
QUERIES = [
    ("sygedagpenge", "inflection", {5, 6, 7}),
    ("sygedagpengene", "inflection", {5, 6, 7}),
    ("ledig", "inflection", {2, 8}),
    ("lediges", "inflection", {2, 8}),
    ("sanktioner", "inflection", {12, 13, 30}),
    ("rådighed", "compound head", {1, 2, 8, 13, 25}),
    ("revalidering", "compound head", {3, 4}),
    ("jobafklaring", "compound head", {6, 7}),
    ("ressourceforløb", "compound head", {10, 11, 22}),
    ("kontanthjælp", "compound head", {12, 13}),
    ("mentor", "compound head", {21, 22}),
    ("vurdering", "compound tail", {1}),
    ("forløb", "compound tail", {3, 7, 10, 11, 22}),
    ("praktik", "compound tail", {17, 24}),
    ("samtale", "compound tail", {8, 12, 19}),
    ("dagpenge", "compound tail", {5, 6, 7, 14, 15, 20}),
    ("ydelse", "compound tail", {9}),
    ("raadighed", "ae/oe/aa", {1, 2, 8, 13, 25}),
    ("forloeb", "ae/oe/aa", {3, 7, 10, 11, 22}),
    ("loentilskud", "ae/oe/aa", {18}),
    ("sygedagpnge", "typo", {5, 6, 7}),
    ("revalidring", "typo", {3, 4}),
    ("kontanthjælb", "typo", {12, 13}),
    ("efterløn", "compound head", {16, 17}),
    ("fleksjob ressourceforløb", "two words", {10}),
    ("rådighed sanktion", "two words", {13}),
]


def snowball(word: str) -> set[str]:
    return {analysis.stem(word)}


def exact_rule(word: str):
    stem = analysis.stem(word)
    return lambda term: term == stem


def prefix_rule(word: str):
    return analysis.query_term(word).matches


class Strategy:
    def __init__(self, name, index_terms, query_rule, typos=False):
        self.name, self.index_terms, self.query_rule, self.typos = (
            name,
            index_terms,
            query_rule,
            typos,
        )
        self.docs = {
            doc_id: {t for w in analysis.words(text) for t in index_terms(w)}
            for doc_id, text in DOCUMENTS.items()
        }
        self.vocabulary = set().union(*self.docs.values())

    def rule(self, word: str):
        rule = self.query_rule(word)
        if not self.typos or any(rule(t) for t in self.vocabulary):
            return rule
        stem = analysis.stem(word)
        allowed = 1 if len(stem) <= 6 else 2
        close = sorted(
            (Levenshtein.distance(stem, t), t)
            for t in self.vocabulary
            if t[0] == stem[0] and Levenshtein.distance(stem, t) <= allowed
        )
        if not close:
            return rule
        return analysis.query_term(close[0][1], term_is_stem=True).matches

    def search(self, query: str) -> set[int]:
        rules = [self.rule(t.word) for t in analysis.parse_query(query)]
        return {
            doc_id
            for doc_id, terms in self.docs.items()
            if all(any(rule(t) for t in terms) for rule in rules)
        }


def trigrams(word: str) -> set[str]:
    padded = f"  {analysis.fold(word)} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class Trigram:
    """pg_trgm's word_similarity on the folded words: the query's trigrams found in a word."""

    name = "trigram (word_similarity >= 0.6)"

    def __init__(self):
        self.docs = {
            doc_id: [trigrams(w) for w in analysis.words(text)]
            for doc_id, text in DOCUMENTS.items()
        }

    def search(self, query: str) -> set[int]:
        grams = [trigrams(t.word) for t in analysis.parse_query(query)]
        return {
            doc_id
            for doc_id, words in self.docs.items()
            if all(any(len(q & w) / len(q) >= 0.6 for w in words) for q in grams)
        }


def strategies():
    return [
        Strategy("snowball stems", snowball, exact_rule),
        Strategy("snowball + prefix", snowball, prefix_rule),
        Strategy("snowball + decompounding", analysis.word_terms, exact_rule),
        Trigram(),
        Strategy("snowball + prefix + decompounding", analysis.word_terms, prefix_rule),
        Strategy(
            "portal (+ prefix + decompounding + typo)", analysis.word_terms, prefix_rule, True
        ),
    ]


def main() -> int:
    kinds = list(dict.fromkeys(kind for _, kind, _ in QUERIES))
    print(f"{len(DOCUMENTS)} documents, {len(QUERIES)} labelled queries; macro recall / precision")
    header = f"{'strategy':<42}{'recall':>8}{'prec.':>7}" + "".join(f"{k[:13]:>15}" for k in kinds)
    print(header)
    print("-" * len(header))
    for strategy in strategies():
        recall_by_kind, precision = defaultdict(list), []
        for query, kind, relevant in QUERIES:
            found = strategy.search(query)
            recall_by_kind[kind].append(len(found & relevant) / len(relevant))
            precision.append(len(found & relevant) / len(found) if found else 0.0)
        recalls = [r for values in recall_by_kind.values() for r in values]
        print(
            f"{strategy.name:<42}{sum(recalls) / len(recalls):>8.2f}"
            f"{sum(precision) / len(precision):>7.2f}"
            + "".join(f"{sum(recall_by_kind[k]) / len(recall_by_kind[k]):>15.2f}" for k in kinds)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
