"""The JSON API under /api/v1: thin endpoints over the domain services."""
