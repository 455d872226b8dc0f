from django.urls import path

from .views import calendar, editing, organiser, public, rsvp
from .views import feedback as feedback_views

app_name = "events"

urlpatterns = [
    # Overview, event page, signing up (views/public.py)
    path("", public.event_list, name="event_list"),
    path("<int:pk>/", public.event_detail, name="event_detail"),
    path("<int:pk>/tilmeld/", public.registration_create, name="registration_create"),
    path("<int:pk>/tilmelding/", public.registration_update, name="registration_update"),
    path("<int:pk>/afmeld/", public.registration_cancel, name="registration_cancel"),
    path(
        "<int:pk>/tilmeld-kollega/",
        public.registration_for_colleague,
        name="registration_for_colleague",
    ),
    # The editorial desk (views/editing.py)
    path("nyt/", editing.event_create, name="event_create"),
    path("<int:pk>/rediger/", editing.event_update, name="event_update"),
    path("<int:pk>/kopier/", editing.event_copy, name="event_copy"),
    path("<int:pk>/aflys/", editing.event_cancel, name="event_cancel"),
    # Calendars (views/calendar.py)
    path("<int:pk>/kalender.ics", calendar.event_ics, name="event_ics"),
    path("kalender/", calendar.calendar_feed_settings, name="calendar_feed_settings"),
    path("kalender/<str:token>.ics", calendar.calendar_feed, name="calendar_feed"),
    # The organiser's tools (views/organiser.py)
    path("<int:pk>/deltagere/", organiser.participant_list, name="participant_list"),
    path("<int:pk>/deltagere.<str:fmt>", organiser.participant_export, name="participant_export"),
    path("<int:pk>/deltagere/<int:registration_pk>/tjek-ind/", organiser.check_in, name="check_in"),
    path("<int:pk>/navneskilte.pdf", organiser.badges_pdf, name="badges_pdf"),
    path("<int:pk>/deltagerliste.pdf", organiser.attendance_pdf, name="attendance_pdf"),
    path("<int:pk>/evaluering/resultater/", organiser.feedback_results, name="feedback_results"),
    # The survey after the event (views/feedback.py)
    path("<int:pk>/evaluering/", feedback_views.feedback_form, name="feedback_form"),
    # Signing up from an email with a signed link (views/rsvp.py)
    path("svar/<str:token>/", rsvp.rsvp, name="rsvp"),
]
