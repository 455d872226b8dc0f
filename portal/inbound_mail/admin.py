from django.contrib import admin

from .models import InboundMessage


@admin.register(InboundMessage)
class InboundMessageAdmin(admin.ModelAdmin):
    """The log, read-only: what arrived and what became of it (never the body)."""

    list_display = ["received_at", "recipient", "from_address", "outcome", "reason", "size"]
    list_filter = ["outcome", "reason", "bounce_kind"]
    search_fields = ["recipient", "from_address", "envelope_from", "message_id", "bounced_address"]
    date_hierarchy = "received_at"
    raw_id_fields = ["user", "post", "delivery"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
