"""How much a person may attach: per post and per day.

Kept apart from the content checks in attachments.py (type and CPR guard): these limits are
about volume, not content, and are checked first because they need no file to be read. The
per-day window is the last 24 hours (rolling), so that no midnight opens a fresh allowance.
"""

from collections.abc import Sequence
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Count, Sum
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.models import User

from .models import Attachment, Post


def attachment_limits_check(
    *, user: User, files: Sequence[UploadedFile], post: Post | None = None
) -> None:
    """Refuse the whole upload when it would take the post or the person over a limit.

    `post` is the post that already exists (an edit): its files count towards the per-post
    limits. Called inside the writing transaction; the person's row is locked so that two
    uploads at the same moment cannot both squeeze under the daily limit.
    """
    files = list(files or ())
    if not files:
        return
    count = len(files)
    size = sum(upload.size or 0 for upload in files)

    on_post = {"n": 0, "bytes": 0}
    if post is not None and post.pk:
        on_post = Attachment.objects.filter(post=post).aggregate(n=Count("id"), bytes=Sum("size"))
    post_count = count + on_post["n"]
    post_bytes = size + (on_post["bytes"] or 0)
    if post_count > settings.PORTAL_ATTACHMENTS_PER_POST:
        raise ValidationError(
            _(
                "A post can have at most %(max)d attachments; this one would have %(count)d. "
                "Remove some files and try again."
            ),
            code="too_many_files",
            params={"max": settings.PORTAL_ATTACHMENTS_PER_POST, "count": post_count},
        )
    if post_bytes > settings.PORTAL_ATTACHMENT_POST_MAX_BYTES:
        raise ValidationError(
            _(
                "The attachments of a post may be at most %(max)s in all; these would be "
                "%(size)s. Remove some files or make them smaller."
            ),
            code="post_too_big",
            params={
                "max": filesizeformat(settings.PORTAL_ATTACHMENT_POST_MAX_BYTES),
                "size": filesizeformat(post_bytes),
            },
        )

    User.objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True).first()
    since = timezone.now() - timedelta(hours=24)
    today = Attachment.objects.filter(uploaded_by=user, created_at__gte=since).aggregate(
        n=Count("id"), bytes=Sum("size")
    )
    if today["n"] + count > settings.PORTAL_ATTACHMENTS_PER_DAY:
        raise ValidationError(
            _(
                "You can attach at most %(max)d files in 24 hours, and you have attached "
                "%(used)d. Try again later, or link to the files instead."
            ),
            code="daily_files",
            params={"max": settings.PORTAL_ATTACHMENTS_PER_DAY, "used": today["n"]},
        )
    if (today["bytes"] or 0) + size > settings.PORTAL_ATTACHMENT_DAY_MAX_BYTES:
        raise ValidationError(
            _(
                "You can attach at most %(max)s in 24 hours, and you have attached %(used)s. "
                "Try again later, or link to the files instead."
            ),
            code="daily_bytes",
            params={
                "max": filesizeformat(settings.PORTAL_ATTACHMENT_DAY_MAX_BYTES),
                "used": filesizeformat(today["bytes"] or 0),
            },
        )
