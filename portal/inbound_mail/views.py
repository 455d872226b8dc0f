"""The HTTP door for inbound mail: for mail services that POST a message instead of speaking
SMTP. Same judgement as the SMTP receiver; the answer is JSON per recipient."""

import hmac
import logging
from email.utils import getaddresses

from django.conf import settings
from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import parsing
from .receiver import data_size_limit
from .services import inbound_mail_receive

logger = logging.getLogger(__name__)


def _authorised(request) -> bool:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    secret = settings.PORTAL_INBOUND_MAIL_SECRET
    return scheme.lower() == "bearer" and hmac.compare_digest(
        token.strip().encode(), secret.encode()
    )


def _recipients(request, raw: bytes) -> list[str]:
    """X-Envelope-To (comma separated), else our-domain addresses in Delivered-To/To/Cc."""
    given = request.headers.get("X-Envelope-To", "")
    if given.strip():
        return [address for _name, address in getaddresses([given]) if address]
    message = parsing.message_parse(raw)
    domain = "@" + settings.PORTAL_MAIL_DOMAIN.lower()
    for name in ("Delivered-To", "X-Original-To", "To", "Cc"):
        values = [str(v) for v in (message.get_all(name) or [])]
        found = [a for _n, a in getaddresses(values) if a.lower().endswith(domain)]
        if found:
            return found
    return []


def _too_large(detail: str) -> JsonResponse:
    return JsonResponse({"error": "too_large", "detail": detail}, status=413)


@csrf_exempt
@require_POST
def webhook(request):
    """POST the raw RFC 822 message; `Authorization: Bearer <INBOUND_MAIL_SECRET>`.

    200 when every recipient's mail was posted, ignored or recorded as a bounce; 422 when it was
    rejected (the JSON says why, in Danish); 413 when it is too large. Off (404) without a secret.
    """
    if not settings.PORTAL_INBOUND_MAIL_SECRET:
        raise Http404
    if not _authorised(request):
        return JsonResponse({"error": "forbidden"}, status=403)
    limit = data_size_limit()
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit:
        return _too_large(f"at most {settings.PORTAL_INBOUND_MAIL_MAX_BYTES} bytes")
    # Read the stream directly: request.body would stop at DATA_UPLOAD_MAX_MEMORY_SIZE.
    raw = request.read(limit + 1)
    if len(raw) > limit:
        return _too_large(f"at most {settings.PORTAL_INBOUND_MAIL_MAX_BYTES} bytes")
    recipients = _recipients(request, raw)
    if not raw.strip() or not recipients:
        return JsonResponse({"error": "no_recipient"}, status=400)
    envelope_from = request.headers.get("X-Envelope-From")
    if envelope_from is None:
        envelope_from = parsing.header(parsing.message_parse(raw), "Return-Path")
    results = inbound_mail_receive(raw=raw, envelope_from=envelope_from, recipients=recipients)
    logger.info(
        "inbound mail (webhook) from=<%s> size=%d %s",
        envelope_from,
        len(raw),
        " ".join(
            f"to=<{r.recipient}> {r.outcome} {r.smtp_code} {r.enhanced_code}" for r in results
        ),
    )
    if all(result.accepted for result in results):
        status = 200
    elif any(result.smtp_code == 552 for result in results):
        status = 413
    else:
        status = 422
    return JsonResponse(
        {
            "results": [
                {
                    "recipient": result.recipient,
                    "outcome": result.outcome,
                    "code": result.smtp_code,
                    "enhanced_code": result.enhanced_code,
                    "message": result.message,
                }
                for result in results
            ]
        },
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )
