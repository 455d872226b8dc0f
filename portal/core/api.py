"""Core endpoints of /api/v1/: who am I, and which organisations take part."""

from typing import Annotated

from django.http import HttpRequest
from ninja import Field, Router, Schema
from pydantic import AwareDatetime, BeforeValidator, ConfigDict, Strict

from . import selectors
from .models import OrganisationKind, Role, User

router = Router(tags=["core"])


def _iso_text_only(value):
    """JSON gives times as text; a number would otherwise pass as seconds since 1970."""
    if not isinstance(value, str):
        raise ValueError("Input should be an ISO 8601 date and time with a time zone")
    return value


# A time in a request body: ISO 8601 text with a time zone, nothing else.
ApiDatetime = Annotated[AwareDatetime, Strict(False), BeforeValidator(_iso_text_only)]


# Text that is not blank (services strip it and call it missing) and holds no NUL. The
# separators \x1c-\x1f and \x85 are spelt out: Python's strip() removes them, JSON Schema's \s
# does not know them.
NON_BLANK_PATTERN = r"^[^\u0000]*[^\s\u0000\u001c-\u001f\u0085][^\u0000]*$"


class InputSchema(Schema):
    """A request body: values of exactly the schema's types ("1" is not a number, 1 not a
    boolean) and no fields but the schema's (a misspelt field is an error, not ignored), so
    what the schema calls invalid is refused, not guessed at."""

    model_config = ConfigDict(strict=True, extra="forbid")


class FieldErrorOut(Schema):
    loc: list[str | int] = Field(
        description="Where the problem is: query, path or body, then the field (and list index)."
    )
    msg: str = Field(description="What is wrong with it (in English, from the validator).")
    type: str = Field(description="A short, stable code of the kind of problem.")


class RowErrorOut(Schema):
    """A problem inside an uploaded file (a partnership import): where it is, and what."""

    row: int | None = Field(description="The row of the file (1 is the header); null: the file.")
    column: str = Field(description="The column's name; empty when the problem is the row's.")
    message: str = Field(description="What is wrong, in Danish.")


class ErrorOut(Schema):
    """The one shape of every error the API answers (400, 401, 403, 404, 409, 413, 422)."""

    detail: str = Field(description="What went wrong, in Danish.")
    errors: list[FieldErrorOut | RowErrorOut] | None = Field(
        None,
        description=(
            "With 422 for invalid input: each field that is invalid, and why; for a refused "
            "file (a partnership import), each row and column that is wrong, and why."
        ),
    )


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
