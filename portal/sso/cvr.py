"""An organisation's CVR number: how a NemLog-in/MitID Erhverv assertion finds its organisation.

A write with its audit entry, like every service; here rather than in core because only single
sign-on reads the number (portal.sso sits above core and accounts)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from portal.core.models import AuditEvent, Organisation
from portal.core.services import audit_record

from . import access


@transaction.atomic
def organisation_cvr_set(*, organisation: Organisation, cvr: str, by, request=None) -> None:
    """Give the organisation this CVR number ("" for none); unique across organisations. The
    identity providers' rule decides who may (a CVR number lets a broker's assertions in)."""
    if not access.identity_provider_manageable(by):
        raise PermissionDenied
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if organisation.cvr == cvr:
        return
    previous = organisation.cvr
    organisation.cvr = cvr
    try:
        with transaction.atomic():
            organisation.save(update_fields=["cvr"])
    except IntegrityError:
        raise ValidationError(
            {"cvr": _("Another organisation already has this CVR number.")}, code="taken"
        ) from None
    audit_record(
        action=AuditEvent.Action.ORGANISATION_CVR_SET,
        actor=by,
        organisation=organisation,
        request=request,
        target=organisation,
        previous=previous,
        cvr=cvr,
    )
