import pytest

from portal.core.models import User
from portal.core.tests.factories import UserFactory
from portal.core.text import Folded, fold_danish, fold_danish_query, spell_ascii

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("soren", "Søren"),
        ("soeren", "Søren"),
        ("SØREN", "søren"),
        ("aase", "Åse"),
        ("åse", "AASE"),
        ("maehle", "Mæhle"),
        ("rene", "René"),
        ("jorgensen", "Jørgensen"),
    ],
)
def test_danish_spellings_fold_to_the_same_text(typed, stored):
    assert fold_danish_query(typed) == fold_danish(stored)


def test_the_database_folds_exactly_like_python():
    names = ["Søren Ærø-Jørgensen", "ÅSE MÆHLE", "René Müller", "Aase Oehlenschläger"]
    for name in names:
        UserFactory(full_name=name)
    folded = dict(
        User.objects.filter(full_name__in=names)
        .annotate(folded=Folded("full_name"))
        .values_list("full_name", "folded")
    )
    assert folded == {name: fold_danish(name) for name in names}


@pytest.mark.parametrize(
    ("text", "spelt"),
    [
        ("æblegrød", "aeblegroed"),
        ("Ærø Åbenrå", "Aeroe Aabenraa"),
        ("René Müller", "Rene Mueller"),
        ("rådighed", "raadighed"),
    ],
)
def test_spelling_in_ascii_writes_danish_letters_with_two_letters(text, spelt):
    assert spell_ascii(text) == spelt


@pytest.mark.parametrize("typed", ["ærø", "aeroe", "aero", "ÆRØ", "Aeroe"])
def test_a_place_name_folds_the_same_however_it_is_typed(typed):
    assert fold_danish_query(typed) == fold_danish("Ærø")
