"""Slugs that keep Danish letters readable, and old slugs that still lead somewhere.

docs/decisions/0036-readable-danish-slugs.md. Django's slugify() drops æ, ø and å
("kontanthjlp"); slugify_da() spells them first (æ → ae, ø → oe, å → aa), so every model that
makes a slug calls this one function. When a slug changes, the old one is kept in SlugRedirect
and the view's @follow_old_slug answers the old address with a 301 to the new one.
"""

import functools

from django.db import models
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.text import slugify

from portal.core.text import spell_ascii


def slugify_da(text: str, *, max_length: int | None = None, fallback: str = "") -> str:
    """A lower-case ASCII slug of `text` with æ/ø/å spelt ae/oe/aa, cut without a trailing '-'."""
    slug = slugify(spell_ascii(text or ""))
    if max_length is not None:
        slug = slug[:max_length].rstrip("-")
    return slug or fallback


def slug_redirect_record(*, model: type[models.Model], old_slug: str, object_id: int) -> None:
    """Keep `old_slug` of the object so that its old address redirects to the current one."""
    from portal.core.models import SlugRedirect

    SlugRedirect.objects.update_or_create(
        model=model._meta.label_lower, old_slug=old_slug, defaults={"object_id": object_id}
    )


def current_slug(
    *, model: type[models.Model], old_slug: str, slug_field: str = "slug"
) -> str | None:
    """The current slug of the object that once had `old_slug`, or None."""
    from portal.core.models import SlugRedirect

    object_id = (
        SlugRedirect.objects.filter(model=model._meta.label_lower, old_slug=old_slug)
        .values_list("object_id", flat=True)
        .first()
    )
    if object_id is None:
        return None
    return model._default_manager.filter(pk=object_id).values_list(slug_field, flat=True).first()


def follow_old_slug(model: type[models.Model], *, kwarg: str = "slug", slug_field: str = "slug"):
    """A GET view that finds no object for its slug (it raises Http404) answers 301 to the same
    view with the current slug when the slug is an old one. The happy path costs no query; the
    view still decides access on the redirected request. Only the current slug is revealed.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except Http404:
                slug = kwargs.get(kwarg)
                if request.method not in ("GET", "HEAD") or not slug:
                    raise
                new_slug = current_slug(model=model, old_slug=slug, slug_field=slug_field)
                if (
                    not new_slug
                    or new_slug == slug
                    # a live slug that is forbidden here is no cue to send the reader elsewhere
                    or model._default_manager.filter(**{slug_field: slug}).exists()
                ):
                    raise
            url = reverse(
                request.resolver_match.view_name, args=args, kwargs={**kwargs, kwarg: new_slug}
            )
            query = request.META.get("QUERY_STRING")
            return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)

        return wrapper

    return decorator


def reslug_rows(
    model, *, source_field: str, max_length: int, slug_field: str = "slug", fallback: str = ""
) -> int:
    """Give every row whose slug Django's slugify made from its name the readable Danish slug,
    keeping the old one as a redirect; for data migrations (pass the historical models).
    Slugs someone chose by hand (not slugify(name)) stay. Returns the number of rows changed.
    """
    redirect_model = model._meta.apps.get_model("core", "SlugRedirect")
    label = model._meta.label_lower
    taken = set(model._default_manager.values_list(slug_field, flat=True))
    changed = 0
    for row in model._default_manager.order_by("pk"):
        old = getattr(row, slug_field)
        source = getattr(row, source_field)
        if old not in (slugify(source)[:max_length], slugify(source)[:max_length].rstrip("-")):
            continue
        new = slugify_da(source, max_length=max_length, fallback=fallback or old)
        if new == old:
            continue
        base, number = new, 2
        while new in taken:
            suffix = f"-{number}"
            new, number = f"{base[: max_length - len(suffix)]}{suffix}", number + 1
        taken.discard(old)
        taken.add(new)
        model._default_manager.filter(pk=row.pk).update(**{slug_field: new})
        redirect_model._default_manager.update_or_create(
            model=label, old_slug=old, defaults={"object_id": row.pk}
        )
        changed += 1
    return changed
