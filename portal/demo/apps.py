from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Installed for its management commands (load_demo, demo_totp); it has no models."""

    name = "portal.demo"
    label = "demo"
    verbose_name = "Demo"
