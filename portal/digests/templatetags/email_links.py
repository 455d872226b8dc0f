"""Template tags for links in emails (see portal.digests.links)."""

from django import template

from portal.digests import links

register = template.Library()


@register.simple_tag
def tracked_url(delivery, url, item=""):
    """{% tracked_url delivery url "item:12" %}: a click-measured link (plain without delivery)."""
    return links.tracked_url(delivery_id=getattr(delivery, "pk", None), url=str(url), item=item)


@register.simple_tag
def open_pixel_url(delivery):
    return links.open_pixel_url(delivery_id=delivery.pk) if delivery is not None else ""
