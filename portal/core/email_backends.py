"""The local outbox: an email backend that keeps every message in the database."""

from django.core.mail.backends.base import BaseEmailBackend

from .models import OutboxMessage


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            html = ""
            for content, mimetype in getattr(message, "alternatives", []):
                if mimetype == "text/html":
                    html = content
            OutboxMessage.objects.create(
                sender=message.from_email,
                recipients=", ".join(message.recipients()),
                subject=message.subject,
                text_body=message.body,
                html_body=html,
                raw=message.message().as_string(),
                delivery_id=getattr(message, "delivery_id", None),
            )
        return len(email_messages)
