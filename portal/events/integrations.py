"""How events plug into digests, newsletters and search (registries of those modules)."""
