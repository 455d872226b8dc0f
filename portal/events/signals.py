"""What the events tell the apps above them, which they do not import (apps depend one way)."""

from django.dispatch import Signal

# Someone signed up through the RSVP link in an email: the insights count actions from email.
registered_from_email = Signal()
