"""Retention: a case for every 1-2 star review, worked by retention agents within a deadline."""
