"""Test helpers shared by the whole suite (pytest plugins loaded from portal/conftest.py)."""
