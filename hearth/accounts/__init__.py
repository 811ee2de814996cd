"""Accounts and sign-in: local passwords, the brand's OpenID Connect provider, sessions, API tokens."""
