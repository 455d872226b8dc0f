"""The operator admin's pages: outgoing mail (send a failed message again) and the access log."""

import re

import pytest
from django.utils.translation import gettext, override

from portal.core.email import email_send_rendered
from portal.core.models import EmailDelivery, PersonalDataAccess
from portal.testing.browser import assert_accessible, sign_in_with_password
from portal.testing.totp import totp_code

pytestmark = pytest.mark.browser

FIXTURE_TOTP_SECRET = "JBSWY3DPEHPK3PXP"  # the secret portal/conftest.py gives make_user(mfa=True)


def da(text: str) -> str:
    with override("da"):
        return gettext(text)


def test_the_operator_resends_failed_mail_and_reads_the_access_log(page, operator_admin, password):
    failed = email_send_rendered(
        to="anna@3f.example.dk", template="probe/plain", subject="Invitation", text="x"
    )
    EmailDelivery.objects.filter(pk=failed.pk).update(
        status=EmailDelivery.Status.FAILED, attempts=15, error="550 No such user"
    )

    sign_in_with_password(page, email=operator_admin.email, password=password)
    page.wait_for_url("**/konto/2fa/authenticate/")
    assert_accessible(page)
    page.locator("input[name=code]").fill(totp_code(FIXTURE_TOTP_SECRET))
    page.locator("form:has(input[name=code]) button.button-primary").click()
    page.wait_for_url(lambda url: "/konto/2fa/" not in url)
    assert_accessible(page)

    page.goto("/drift/post/")
    assert page.get_by_text("550 No such user").count() == 1
    assert_accessible(page)
    page.get_by_role("button", name=re.compile(re.escape(da("Send again")))).click()
    page.wait_for_url("**/drift/post/")
    assert_accessible(page)
    assert EmailDelivery.objects.get(pk=failed.pk).status != EmailDelivery.Status.FAILED

    page.goto("/adgangslog/")
    assert_accessible(page)
    # The access log can be narrowed to one kind of read.
    page.locator("select[name=kind]").select_option(PersonalDataAccess.Kind.OUTBOX)
    page.locator("form button[type=submit]").first.click()
    assert_accessible(page)
