"""Guides: curated, owned and reviewed explanations of a rule or workflow, and the law they cite."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.models import Topic


class LawReference(models.Model):
    """A law, or one paragraph of it, that guides and answers rest on (e.g. "LAB § 16")."""

    law = models.CharField(_("law"), max_length=40, db_index=True)  # "LAB", "LAS", "SDL"
    paragraph = models.CharField(_("paragraph"), max_length=40, blank=True)  # "16", "16 a"
    changed_at = models.DateTimeField(_("marked as changed"), null=True, blank=True)
    changed_note = models.CharField(_("what changed"), max_length=300, blank=True)
    # Accepted answers and other posts that cite the reference (found in their text).
    cited_in_posts = models.ManyToManyField("forum.Post", blank=True, related_name="law_references")

    class Meta:
        ordering = ["law", "paragraph"]
        constraints = [
            models.UniqueConstraint(fields=["law", "paragraph"], name="lawreference_unique"),
        ]
        verbose_name = _("law reference")
        verbose_name_plural = _("law references")

    def __str__(self):
        return f"{self.law} § {self.paragraph}" if self.paragraph else self.law

    @property
    def label(self) -> str:
        return str(self)


class Guide(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=220, unique=True)
    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, related_name="guides", verbose_name=_("topic")
    )
    summary = models.CharField(_("summary"), max_length=400, blank=True)
    body = models.TextField(_("text"))
    body_html = models.TextField(blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="owned_guides",
        verbose_name=_("owner"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    review_by = models.DateField(_("review by"))
    last_reviewed_at = models.DateTimeField(null=True, blank=True)
    needs_review = models.BooleanField(default=False)
    review_reason = models.CharField(max_length=300, blank=True)
    # When the owner was told that review_by had passed (once per review period).
    stale_notified_at = models.DateTimeField(null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    source_thread = models.ForeignKey(
        "forum.Thread",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="guides",
    )
    law_references = models.ManyToManyField(
        LawReference, blank=True, related_name="guides", verbose_name=_("law references")
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("guides:guide_detail", kwargs={"slug": self.slug})

    @property
    def is_stale(self) -> bool:
        return self.needs_review or self.review_by < timezone.localdate()
