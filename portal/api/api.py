"""The portal's JSON API, /api/v1/: every module's api.py router is mounted here, in one place."""

from ninja import NinjaAPI

api = NinjaAPI(
    title="Samarbejdsportalen API",
    version="1",
    urls_namespace="api-v1",
    docs_url="/docs",
)
