"""What the guides tell the apps above them, which they do not import (apps depend one way)."""

from django.dispatch import Signal

# A reader opened a guide's page: `guide_id`. The insights count reads per day.
guide_viewed = Signal()
