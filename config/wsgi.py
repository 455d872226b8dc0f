import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
application = get_wsgi_application()
# What the process loaded to serve (Django, the apps, their models) lives as long as it does:
# frozen out of the garbage collector's reach, a full collection no longer walks it. Measured in
# a search process: a full collection paused a request by ~50 ms about once a hundred searches
# (docs/decisions/0053-one-round-trip.md).
gc.freeze()
