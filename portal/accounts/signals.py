"""Hooks from allauth into the accounts app."""
