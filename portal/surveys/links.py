"""The signed personal link in a survey's email: names one survey and one person, signed with
its own salt (not usable as any other signed link of the portal), valid for ANSWER_DAYS."""

from dataclasses import dataclass

from django.core import signing
from django.urls import reverse

from portal.core.links import absolute

_SALT = "surveys.answer"
ANSWER_DAYS = 60


class LinkExpired(Exception):
    pass


class LinkForged(Exception):
    pass


@dataclass(frozen=True)
class AnswerLink:
    survey_id: int
    user_id: int


def answer_token(*, survey_id: int, user_id: int) -> str:
    return signing.dumps([survey_id, user_id], salt=_SALT, compress=True)


def answer_url(*, survey_id: int, user_id: int) -> str:
    token = answer_token(survey_id=survey_id, user_id=user_id)
    return absolute(reverse("surveys:answer", args=[token]))


def answer_parse(token: str) -> AnswerLink:
    """The survey and person of a genuine, unexpired link; LinkExpired or LinkForged otherwise."""
    try:
        survey_id, user_id = signing.loads(token, salt=_SALT, max_age=ANSWER_DAYS * 86400)
        return AnswerLink(survey_id=int(survey_id), user_id=int(user_id))
    except signing.SignatureExpired as exc:
        raise LinkExpired from exc
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise LinkForged from exc
