"""What the events app does when other apps tell it something."""

from django.dispatch import receiver

from portal.accounts.hooks import account_deleting

from .services import registrations_withdraw_all


@receiver(account_deleting)
def release_seats_of_deleted_account(sender, *, user, **kwargs) -> None:
    """The person's places at events that have not started are given up, so that a freed seat
    goes to the next person waiting (who is told); the person is not mailed."""
    registrations_withdraw_all(user=user)
