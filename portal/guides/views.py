"""Pages of the guides: list, guide page, writing, review, and the laws they rest on."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.core import lawrefs
from portal.core.forms import add_service_errors, error_text, posted
from portal.core.slugs import follow_old_slug
from portal.forum import access
from portal.forum.models import Post
from portal.forum.selectors import access_thread

from . import selectors, services, signals
from .forms import GuideFilterForm, GuideForm, LawChangedForm, MarkReviewedForm
from .models import Guide

GUIDES_PER_PAGE = 50


def _require(user, permission: str) -> None:
    if not rules.has_perm(permission, user):
        raise PermissionDenied


def _references_text(guide) -> str:
    return ", ".join(reference.label for reference in guide.law_references.all())


@login_required
def guide_list(request):
    form = GuideFilterForm(request.GET or None)
    topic, stale_only = None, False
    if form.is_valid():
        topic, stale_only = form.cleaned_data["topic"], form.cleaned_data["stale"]
    guides = selectors.guide_list_visible(
        user=request.user, topic=topic, stale_only=stale_only
    ).prefetch_related(selectors.law_references_prefetch())
    page = Paginator(guides, GUIDES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "guides/guide_list.html",
        {
            "form": form,
            "page_obj": page,
            "filtered": bool(topic or stale_only),
            "can_manage": rules.has_perm("guides.manage", request.user),
        },
    )


@login_required
@follow_old_slug(Guide)
def guide_detail(request, slug: str):
    guide = selectors.access_guide(user=request.user, slug=slug)
    signals.guide_viewed.send(sender=Guide, guide_id=guide.pk)
    source_thread = guide.source_thread
    if source_thread is not None and not access.thread_readable(
        user=request.user, thread=source_thread
    ):
        source_thread = None
    return render(
        request,
        "guides/guide_detail.html",
        {
            "guide": guide,
            "source_thread": source_thread,
            "can_manage": rules.has_perm("guides.manage", request.user),
            "can_review": services.guide_may_review(guide=guide, user=request.user),
            "review_form": MarkReviewedForm(),
            "today": timezone.localdate(),
        },
    )


@login_required
def guide_create(request):
    _require(request.user, "guides.manage")
    initial = {"owner": request.user.pk, "review_by": services.default_review_by()}
    form = GuideForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            guide = services.guide_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The guide has been created."))
            return redirect(guide)
    return render(request, "guides/guide_form.html", {"form": form, "guide": None})


@login_required
def guide_from_thread(request, thread_id: int):
    _require(request.user, "guides.manage")
    thread = access_thread(user=request.user, thread_id=thread_id)
    if not services.guide_from_thread_possible(thread=thread, user=request.user):
        messages.error(
            request, _("Only a question with an accepted answer can be turned into a guide.")
        )
        return redirect("forum:thread_detail", thread_id=thread.pk)
    initial = {
        **services.guide_draft_from_thread(thread=thread),
        "owner": request.user.pk,
        "review_by": services.default_review_by(),
    }
    form = GuideForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            guide = services.guide_from_thread(thread=thread, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The guide has been created from the question."))
            return redirect(guide)
    return render(
        request, "guides/guide_form.html", {"form": form, "guide": None, "source_thread": thread}
    )


@login_required
def guide_update(request, slug: str):
    _require(request.user, "guides.manage")
    guide = selectors.access_guide(user=request.user, slug=slug)
    initial = {
        "title": guide.title,
        "topic": guide.topic_id,
        "summary": guide.summary,
        "body": guide.body,
        "law_references_text": _references_text(guide),
        "owner": guide.owner_id,
        "review_by": guide.review_by,
        "is_published": guide.is_published,
    }
    form = GuideForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            guide = services.guide_update(guide=guide, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The guide has been saved."))
            return redirect(guide)
    return render(request, "guides/guide_form.html", {"form": form, "guide": guide})


@login_required
@require_POST
def guide_mark_reviewed(request, slug: str):
    guide = selectors.access_guide(user=request.user, slug=slug)
    form = MarkReviewedForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a valid date for the next review."))
        return redirect(guide)
    try:
        services.guide_mark_reviewed(
            guide=guide, by=request.user, review_by=form.cleaned_data["review_by"]
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The guide has been marked as reviewed."))
    return redirect(guide)


@login_required
def law_list(request):
    can_mark = rules.has_perm("guides.mark_law_changed", request.user)
    form = LawChangedForm(posted(request)) if can_mark else None
    if request.method == "POST":
        if not can_mark:
            raise PermissionDenied
        if form.is_valid():
            law, paragraph = form.cleaned_data["reference"]
            try:
                result = services.law_reference_mark_changed(
                    law=law, paragraph=paragraph, note=form.cleaned_data["note"], by=request.user
                )
            except ValidationError as error:
                if hasattr(error, "error_dict") and "law" in error.error_dict:
                    error = ValidationError({"reference": error.error_dict["law"]})
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "%(reference)s is marked as changed: %(guides)s guides and %(answers)s "
                        "accepted answers must be reviewed."
                    )
                    % {
                        "reference": lawrefs.format_law_reference(law, paragraph),
                        "guides": result["guides"],
                        "answers": result["answers"],
                    },
                )
                return redirect("guides:law_list")
    return render(
        request,
        "guides/law_list.html",
        {"laws": selectors.law_reference_groups(), "form": form, "can_mark": can_mark},
    )


@login_required
def review_list(request):
    _require(request.user, "guides.manage")
    return render(
        request,
        "guides/review_list.html",
        {
            "guides": list(selectors.guides_needing_review()),
            "answers": list(selectors.answers_needing_review(user=request.user)),
        },
    )


@login_required
@require_POST
def answer_mark_reviewed(request, post_id: int):
    _require(request.user, "guides.manage")
    post = get_object_or_404(Post.objects.only("pk", "thread_id"), pk=post_id)
    access_thread(user=request.user, thread_id=post.thread_id)
    services.answer_mark_reviewed(post=post, by=request.user)
    messages.success(request, _("The answer has been marked as reviewed."))
    return redirect("guides:review_list")
