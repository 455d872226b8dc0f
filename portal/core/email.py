"""The one way the portal sends email.

Every message is rendered in the recipient's language from three templates (subject, text,
HTML), gets an EmailDelivery record, and is handed to the queue after the transaction commits.
"""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe

from .models import EmailDelivery


def _render(template: str, context: dict, language: str) -> tuple[str, str, str]:
    base_context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language):
        subject = render_to_string(f"{template}.subject.txt", base_context)
        text = render_to_string(f"{template}.txt", base_context)
        html = render_to_string(f"{template}.html", base_context)
    return " ".join(subject.split()), text.strip() + "\n", html


def email_send(
    *,
    to: str,
    template: str,
    context: dict | None = None,
    language: str | None = None,
    headers: dict | None = None,
) -> EmailDelivery:
    """Render `template` (e.g. "accounts/emails/invitation") and queue it for `to`."""
    subject, text, html = _render(template, context or {}, language or settings.LANGUAGE_CODE)
    return email_send_rendered(
        to=to, template=template, subject=subject, text=text, html=html, headers=headers
    )


def email_send_rendered(
    *,
    to: str,
    template: str,
    subject: str,
    text: str,
    html: str | None = None,
    headers: dict | None = None,
    language: str | None = None,
) -> EmailDelivery:
    """Queue a message whose text was rendered elsewhere (allauth renders its own)."""
    if html is None:
        with translation.override(language or translation.get_language() or "da"):
            html = render_to_string(
                "core/emails/wrapper.html",
                {
                    "subject": subject,
                    # urlize escapes the text; linebreaks must not escape it twice.
                    "body_html": mark_safe(linebreaks(urlize(text, autoescape=True))),  # noqa: S308
                    "site_url": settings.SITE_URL,
                },
            )
    delivery = EmailDelivery.objects.create(template=template, recipient=to, subject=subject[:300])
    from .tasks import deliver_email

    transaction.on_commit(lambda: deliver_email(delivery.pk, subject, text, html, headers or {}))
    return delivery
