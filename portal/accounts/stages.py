"""A login stage of our own: self-signed-up people wait for their organisation's approval."""

from allauth.account.stages import LoginStage
from django.shortcuts import redirect


class ApprovalStage(LoginStage):
    """Runs after email verification, so the person first proves the address, then waits."""

    key = "portal_approval"

    def handle(self):
        if self.login.user.approved_at is None:
            return redirect("accounts:awaiting_approval"), False
        return None, True
