"""Core endpoints of /api/v1/: who am I, and which organisations take part."""

from django.http import HttpRequest
from ninja import Field, Router, Schema

from . import selectors
from .models import OrganisationKind, Role, User

router = Router(tags=["core"])


class OrganisationOut(Schema):
    slug: str = Field(description="Short, stable name of the organisation, used in URLs.")
    name: str = Field(description="Full name of the organisation.")
    kind: OrganisationKind = Field(
        description="jobcenter, ufund (unemployment fund), union or operator."
    )


class PersonOut(Schema):
    """A person as other modules show them: authors of posts, organisers and speakers."""

    id: int = Field(description="The person's id (their profile in the directory).")
    name: str = Field(description="Full name (or email when no name is given).")
    organisation: str | None = Field(description="Name of the person's organisation.")

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.get_full_name()

    @staticmethod
    def resolve_organisation(obj) -> str | None:
        return obj.organisation.name if obj.organisation_id else None


class MeOut(Schema):
    id: int = Field(description="The person's id.")
    email: str = Field(description="Sign-in email address.")
    full_name: str = Field(description="Full name; may be empty.")
    title: str = Field(description="Job title; may be empty.")
    organisation: OrganisationOut | None = Field(
        description="The organisation the person works for."
    )
    roles: list[Role] = Field(description="Roles granted within the organisation.")
    language: str = Field(description="Preferred interface language (da or en).")

    @staticmethod
    def resolve_roles(obj: User) -> list[str]:
        return sorted(obj.role_names)

    @staticmethod
    def resolve_language(obj: User) -> str:
        return obj.preferred_language


@router.get(
    "/me",
    response=MeOut,
    operation_id="me_get",
    summary="The token's owner",
    description="The person the API token belongs to: the one every request acts as.",
)
def me(request: HttpRequest):
    return request.user


@router.get(
    "/organisations",
    response=list[OrganisationOut],
    operation_id="organisation_list",
    summary="Organisations",
    description="Every organisation in the partnership, ordered by name.",
)
def organisations(request: HttpRequest):
    return selectors.organisation_list().only("slug", "name", "kind")
