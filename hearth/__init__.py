"""Hearth kernel: settings, database, accounts and sign-in, events, jobs, CLI.

The kernel imports no domain; domains (forums/, reviews/, care/, ...) import the kernel.
"""

__version__ = "0.1.0"
