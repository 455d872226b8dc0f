"""Hooks the accounts app offers the apps above it (which it must not import).

Sent inside the accounts service's transaction, so what a receiver does commits or rolls back
with it.
"""

from django.dispatch import Signal

# user=User; sent when a person deletes their account, before the account row goes.
account_deleting = Signal()

# request=HttpRequest; sent when "Log ud" asks where to go, while the session still holds the
# sign-in. A receiver returns a URL (single logout at the identity provider) or None.
logout_redirect = Signal()
