import factory
from django.utils import timezone

from portal.core.models import Centre, Organisation, OrganisationKind, RoleGrant, Topic, User


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    kind = OrganisationKind.UFUND
    slug = factory.Sequence(lambda n: f"org-{n}")
    name = factory.Sequence(lambda n: f"A-kasse nr. {n}")
    email_domains = factory.LazyAttribute(lambda o: f"{o.slug}.example.dk")


class CentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Centre

    organisation = factory.SubFactory(OrganisationFactory, kind=OrganisationKind.JOBCENTER)
    slug = factory.Sequence(lambda n: f"centre-{n}")
    name = factory.Sequence(lambda n: f"Center nr. {n}")


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name = factory.Sequence(lambda n: f"Emne {n}")


class UserFactory(factory.django.DjangoModelFactory):
    """An approved, active person. `roles=["admin"]` grants roles after creation."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.dk")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    approved_at = factory.LazyFunction(timezone.now)
    password = factory.django.Password("korrekt-hest-batteri")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or ["caseworker"]:
            RoleGrant.objects.get_or_create(user=self, role=role)
        self.__dict__.pop("role_names", None)
