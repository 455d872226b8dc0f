"""Law citations in Danish text: "LAB § 16", "§ 16 i LAB", "LAS § 7, stk. 2", "SDL § 7" (the
guides and the register of burdensome rules both cite law).

A citation is normalised to (law abbreviation, paragraph): the paragraph keeps its number and
letter ("16 a"); stk., nr. and litra are dropped, because a change is marked per paragraph.
Abbreviations are matched in capitals only ("lab" is not a law); law names in any case.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

RETSINFORMATION = "https://www.retsinformation.dk"


@dataclass(frozen=True)
class Law:
    abbreviation: str
    name: str
    aliases: tuple[str, ...] = ()
    # The ELI address of the current consolidation on Retsinformation ("/eli/lta/<year>/<no>"),
    # filled in only when it has been checked there; without it the law is linked to a search.
    retsinformation_eli: str = ""

    @property
    def full_name(self) -> str:
        """ "LAB – lov om en aktiv beskæftigelsesindsats": how the laws page names a law."""
        return f"{self.abbreviation} – {self.name}"

    @property
    def retsinformation_is_search(self) -> bool:
        return not self.retsinformation_eli

    @property
    def retsinformation_url(self) -> str:
        """The law on Retsinformation: its consolidation, or a search for its name."""
        if self.retsinformation_eli:
            return RETSINFORMATION + self.retsinformation_eli
        return f"{RETSINFORMATION}/documents?{urlencode({'t': self.name})}"


# The employment and social laws caseworkers cite most. Names are lower case, as in citations.
# Retsinformation: the consolidations are renumbered every time a law is consolidated anew, and
# none of the ELI addresses below has been checked against the current one, so every law is
# linked to a Retsinformation search for its name for now (retsinformation_eli left empty). Give
# a law its `retsinformation_eli` only after looking it up on www.retsinformation.dk.
LAWS = [
    Law(
        "LAB",
        "lov om en aktiv beskæftigelsesindsats",
        ("beskæftigelsesindsatsloven", "lov om aktiv beskæftigelsesindsats"),
    ),
    Law("LBR", "beskæftigelsesloven", ("lov om beskæftigelsesindsatsen",)),
    Law("LAS", "lov om aktiv socialpolitik", ("aktivloven",)),
    Law("SDL", "sygedagpengeloven", ("lov om sygedagpenge",)),
    Law("LAF", "arbejdsløshedsforsikringsloven", ("lov om arbejdsløshedsforsikring", "ASL")),
    Law(
        "RSL",
        "retssikkerhedsloven",
        ("lov om retssikkerhed og administration på det sociale område",),
    ),
    Law("FVL", "forvaltningsloven", ()),
    Law("OFL", "offentlighedsloven", ()),
    Law("SEL", "serviceloven", ("lov om social service",)),
    Law("PL", "pensionsloven", ("lov om social pension",)),
    Law("BAL", "barselsloven", ()),
    Law("INL", "integrationsloven", ()),
    Law("DBL", "databeskyttelsesloven", ()),
    Law("FEL", "ferieloven", ()),
]
LAWS_BY_ABBREVIATION = {law.abbreviation: law for law in LAWS}
_ALIAS_TO_ABBREVIATION = {
    alias.lower(): law.abbreviation for law in LAWS for alias in (law.name, *law.aliases)
}
# The genitive is how a paragraph is usually cited: "sygedagpengelovens § 27".
_ALIAS_TO_ABBREVIATION.update(
    {
        f"{alias}s": abbreviation
        for alias, abbreviation in list(_ALIAS_TO_ABBREVIATION.items())
        if alias.endswith("loven")
    }
)


def _alternation(words) -> str:
    # Longest first, so "lov om aktiv socialpolitik" wins over a shorter name inside it.
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_LAW = (
    rf"(?<![\wÆØÅæøå])(?:(?P<{{g}}abbr>{_alternation(LAWS_BY_ABBREVIATION)})"
    rf"|(?i:(?P<{{g}}name>{_alternation(_ALIAS_TO_ABBREVIATION)})))(?![\wÆØÅæøå])"
)
# "16", "16a", "16 a"; not the "i" of "§ 16 i LAB", which is the preposition.
# Paragraph numbers have at most three digits, so "LAB § 5, 2025" does not read as § 2025.
_PARAGRAPH = r"\d{1,3}(?!\d)(?:\s?(?!i\b)[a-z](?![\wæøå]))?"
_PARAGRAPHS = rf"(?P<{{g}}paragraphs>{_PARAGRAPH}(?:\s*(?:,|og|eller|-|–)\s*{_PARAGRAPH})*)"
_SUBDIVISION = r"(?:,?\s*(?:stk\.|nr\.|litra)\s*\d+(?:\s?[a-z](?![\wæøå]))?)*"


def _named(pattern: str, group: str) -> str:
    """The pattern with its named groups prefixed, so it can appear twice in one regex."""
    return pattern.replace("{g}", group)


_LAW_FIRST = _named(_LAW, "a") + r"\s*§§?\s*" + _named(_PARAGRAPHS, "a") + _SUBDIVISION
_PARAGRAPH_FIRST = (
    r"§§?\s*" + _named(_PARAGRAPHS, "b") + _SUBDIVISION + r",?\s+i\s+" + _named(_LAW, "b")
)
_CITATION = re.compile(rf"{_LAW_FIRST}|{_PARAGRAPH_FIRST}")
_ONE_PARAGRAPH = re.compile(
    r"(\d{1,3})(?!\d)(?:\s?(?!i\b)([a-z])(?![\wæøå]))?(?:\s*[-–]\s*(\d{1,3})(?!\d))?"
)
_LONGEST_RANGE = 30


def law_abbreviation(word: str) -> str | None:
    """The abbreviation of a law given by abbreviation or name ("sygedagpengeloven" → "SDL")."""
    word = word.strip()
    if word.upper() in LAWS_BY_ABBREVIATION:
        return word.upper()
    return _ALIAS_TO_ABBREVIATION.get(word.lower())


def _law_of(match: re.Match, group: str) -> str:
    abbreviation = match.group(f"{group}abbr")
    return abbreviation or _ALIAS_TO_ABBREVIATION[match.group(f"{group}name").lower()]


def _paragraphs(text: str) -> list[str]:
    """ "16, 17 og 18 a" → 16, 17, 18 a; a range "16-18" → 16, 17, 18."""
    found = []
    for number, letter, last in _ONE_PARAGRAPH.findall(text):
        found.append(f"{number} {letter}" if letter else number)
        if last and not letter and 0 < int(last) - int(number) <= _LONGEST_RANGE:
            found.extend(str(following) for following in range(int(number) + 1, int(last) + 1))
        elif last:
            found.append(last)
    return found


def find_law_references(text: str) -> list[tuple[str, str]]:
    """Every (law, paragraph) the text cites, in order of appearance, without repeats."""
    found: list[tuple[str, str]] = []
    for match in _CITATION.finditer(text or ""):
        group = "a" if match.group("aparagraphs") is not None else "b"
        law = _law_of(match, group)
        for paragraph in _paragraphs(match.group(f"{group}paragraphs")):
            if (law, paragraph) not in found:
                found.append((law, paragraph))
    return found


# Separators between references in a list; not the comma before "stk." or a paragraph number.
_LIST_SEPARATOR = re.compile(r"[;\n]|,(?!\s*(?:stk\.|nr\.|litra|\d))")

_WORD = re.compile(r"[A-Za-zÆØÅæøå]+")


def _abbreviation_upper(word: re.Match) -> str:
    upper = word.group(0).upper()
    return upper if upper in LAWS_BY_ABBREVIATION else word.group(0)


INVALID_REFERENCE = _(
    "“%(reference)s” is not a law reference we can read. Write the law's abbreviation and the "
    "paragraph, e.g. “LAB § 16” or “LAS § 7, stk. 2”, separated by commas."
)


def parse_law_reference_list(text: str) -> list[tuple[str, str]]:
    """The references of a list typed by an editor ("LAB § 16, LAS § 7, SDL"): a whole law
    gives (law, ""). Raises a ValidationError naming the first part that is not a reference."""
    found: list[tuple[str, str]] = []
    for part in _LIST_SEPARATOR.split(text or ""):
        # In a list typed as references, "lab § 16" can only mean LAB.
        part = _WORD.sub(_abbreviation_upper, part)
        if not part.strip():
            continue
        bare = law_abbreviation(part)
        if bare:
            references = [(bare, "")]
        else:
            match = _CITATION.fullmatch(part.strip())
            references = find_law_references(part) if match else []
        if not references:
            raise ValidationError(
                INVALID_REFERENCE, code="invalid_law_reference", params={"reference": part.strip()}
            )
        found.extend(reference for reference in references if reference not in found)
    return found


def parse_law_reference(text: str) -> tuple[str, str]:
    """One law ("LAB") or one paragraph ("LAB § 16"), as an editor marks it changed."""
    references = parse_law_reference_list(text)
    if len(references) != 1:
        raise ValidationError(
            _("Give exactly one law or one paragraph, e.g. “LAB” or “LAB § 16”."),
            code="one_law_reference",
        )
    return references[0]


def format_law_reference(law: str, paragraph: str) -> str:
    return f"{law} § {paragraph}" if paragraph else law


def paragraph_sort_key(paragraph: str) -> tuple[int, int, str]:
    """ "2" before "10", "16" before "16 a" before "17"; the whole law ("") first, and anything
    not a number after the numbers, alphabetically."""
    if not paragraph:
        return (0, 0, "")
    match = re.fullmatch(r"(\d+)\s*([a-zæøå]?)", paragraph.strip().lower())
    if match is None:
        return (2, 0, paragraph)
    return (1, int(match.group(1)), match.group(2))
