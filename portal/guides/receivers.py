"""Guides listen to the debate: a post's law citations follow its text."""

from django.dispatch import receiver

from portal.forum.signals import post_created, post_edited

from .services import post_law_references_sync


@receiver(post_created, dispatch_uid="guides_cite_on_post_created")
@receiver(post_edited, dispatch_uid="guides_cite_on_post_edited")
def sync_post_citations(sender, post, **kwargs):
    post_law_references_sync(post=post)
