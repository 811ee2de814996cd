"""Password hashing (argon2id) and the strength rules sign-up and password change share."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from hearth.errors import Invalid
from hearth.settings import get_settings

_hasher = PasswordHasher()
# Verifying against this when the e-mail is unknown keeps the timing of both failures alike.
_DUMMY_HASH = _hasher.hash("hearth-timing-equaliser")

# The most used passwords of public breach lists that pass a length rule of 10.
COMMON = frozenset("""
1234567890 12345678910 0123456789 1234567891 qwertyuiop 1q2w3e4r5t 1qaz2wsx3edc
password123 password1234 password12 passw0rd123 iloveyou123 qwerty1234 qwerty12345
abcdefghij abc1234567 aaaaaaaaaa 1111111111 0000000000 9876543210 welcome123
letmein123 administrator princess123 football123 baseball123 sunshine123 superman123
michael123 starwars123 changeme123 trustno1234 q1w2e3r4t5 zaq12wsxcde 1234qwerty
azertyuiop wachtwoord wachtwoord1 wachtwoord123 motdepasse motdepasse1 motdepasse123
bonjour123 soleil1234 welkom1234 welkom123 hallo12345 geheim1234 ajaxamsterdam
""".split())


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def check_strength(password: str, *, email: str = "", display_name: str = "") -> None:
    minimum = get_settings().password_min_length
    lowered = password.lower()
    if len(password) < minimum:
        raise Invalid("Password must have at least %(n)s characters", n=minimum, field="password")
    if lowered in COMMON or len(set(lowered)) < 4:
        raise Invalid("This password is too easy to guess", field="password")
    local = email.split("@", 1)[0].lower()
    for personal in (local, display_name.lower().replace(" ", "")):
        if len(personal) >= 4 and personal in lowered:
            raise Invalid("Password must not contain your e-mail or name", field="password")
