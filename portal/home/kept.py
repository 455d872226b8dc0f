"""When a kept front page (portal/core/kept_pages.py) is stale.

The front page is the person's own, so it is kept per person, and it shows what several
modules know about them. Its version stamps: the debate's list version (every thread and post,
forum/list_cache.py), one for the other modules' rows it lists (hotline cases, events and
registrations, guides), and one per person for what only they change (follows, read marks,
topics of expertise, their roles and profile). A write that skips signals (a bulk `.update()`)
shows within TIMEOUT, the longest a kept front page lives; so does the passing of time (an
event that began, a hotline deadline passed).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from portal.core.cache import register_person_keys
from portal.core.kept_pages import renew_on_change, version_renew
from portal.core.models import RoleGrant, User
from portal.events.models import Event, Registration
from portal.forum import signals as forum_signals
from portal.forum.models import ThreadFollow, TopicFollow
from portal.guides.models import Guide
from portal.hotline.models import HotlineCase

TIMEOUT = 60
MODULES_VERSION = "home:front-page:modules"


def person_version(user_id: int) -> str:
    return f"home:front-page:person:{user_id}"


def _person_changed(sender, instance=None, user_id=None, **kwargs) -> None:
    if user_id is None:
        user_id = instance.pk if isinstance(instance, User) else instance.user_id
    version_renew(person_version(user_id))


def _expertise_changed(sender, instance, action, **kwargs) -> None:
    if action.startswith("post_") and isinstance(instance, User):
        version_renew(person_version(instance.pk))


def connect() -> None:
    register_person_keys(lambda user_id: (MODULES_VERSION, person_version(user_id)))
    renew_on_change(
        MODULES_VERSION, HotlineCase, Event, Registration, Guide, dispatch="home-modules"
    )
    for model in (ThreadFollow, TopicFollow, RoleGrant, User):
        uid = f"home-person-{model._meta.label}"
        post_save.connect(_person_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_person_changed, sender=model, dispatch_uid=f"{uid}-delete")
    m2m_changed.connect(
        _expertise_changed, sender=User.expertise.through, dispatch_uid="home-expertise"
    )
    forum_signals.thread_read.connect(_person_changed, dispatch_uid="home-thread-read")
