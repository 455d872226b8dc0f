import pytest

from portal.core.models import User
from portal.core.tests.factories import UserFactory
from portal.directory.folding import Folded, fold, fold_query

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
    assert fold_query(typed) == fold(stored)


def test_the_database_folds_exactly_like_python():
    names = ["Søren Ærø-Jørgensen", "ÅSE MÆHLE", "René Müller", "Aase Oehlenschläger"]
    for name in names:
        UserFactory(full_name=name)
    folded = dict(
        User.objects.filter(full_name__in=names)
        .annotate(folded=Folded("full_name"))
        .values_list("full_name", "folded")
    )
    assert folded == {name: fold(name) for name in names}
