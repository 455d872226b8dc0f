"""The search index: one row per searchable thing, with its analysed terms.

The full-text index over the terms is kept by the database: on PostgreSQL a generated tsvector
column with a GIN index, on SQLite an FTS5 table kept in step by triggers (both made by the
migrations, for the database in use). Rows are written only by portal.search.indexing.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.core.models import OrganisationKind, Topic
from portal.forum.models import Network


class SearchDocument(models.Model):
    class Kind(models.TextChoices):
        THREAD = "thread", _("Thread")
        POST = "post", _("Reply")
        GUIDE = "guide", _("Guide")
        PERSON = "person", _("Person")
        # An "arrangement", not the audit log's "hændelse" (the same English word).
        EVENT = "event", pgettext_lazy("events module", "Event")
        REGISTER_ITEM = "register_item", _("Burdensome rule")

    kind = models.CharField(max_length=16, choices=Kind.choices)
    object_id = models.BigIntegerField()
    # The thread a thread or reply belongs to: moves, hiding and merging reach its replies.
    thread_id = models.BigIntegerField(null=True, blank=True)
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300)
    topic = models.ForeignKey(
        Topic, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    organisation_kind = models.CharField(
        max_length=16, choices=OrganisationKind.choices, blank=True
    )
    # Null: readable by everyone signed in. Otherwise the forum's rule for the network applies.
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField()
    is_accepted_answer = models.BooleanField(default=False)
    # Multiplies the text rank: accepted answers and guides first among equal matches.
    boost = models.FloatField(default=1.0)
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="searchdocument_unique"),
        ]
        indexes = [
            models.Index(fields=["thread_id"], name="searchdocument_thread_idx"),
            # Candidates are the newest matches (see selectors.search): scanned by this index
            # when a query matches many documents.
            models.Index(fields=["-created_at"], name="searchdocument_created_idx"),
            models.Index(fields=["kind", "-created_at"], name="searchdocument_kind_idx"),
        ]

    def __str__(self):
        return f"{self.kind}:{self.object_id}"


class SearchTerm(models.Model):
    """The index's vocabulary: which terms exist (for typo correction) and in how many documents."""

    term = models.CharField(max_length=100, primary_key=True)
    # A word the term came from, shown in "did you mean".
    word = models.CharField(max_length=100)
    doc_count = models.IntegerField(default=0)

    def __str__(self):
        return self.term


class SearchMiss(models.Model):
    """How often a search found nothing, per day and words: what content is missing.

    An anonymous aggregate (no user, no session): the words as typed, lower-cased, counted per
    day. Only searches of the search page and the API without filters, on their first page;
    a query showing a CPR number is never stored (docs/decisions/0039-evaluation-figures.md).
    """

    day = models.DateField()
    words = models.CharField(max_length=100)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-day", "-count"]
        constraints = [models.UniqueConstraint(fields=["day", "words"], name="search_miss_once")]

    def __str__(self):
        return f"{self.day} {self.words}: {self.count}"
