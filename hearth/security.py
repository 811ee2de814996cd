"""Cookies and CSRF.

CSRF uses the signed double-submit pattern: a random nonce lives in a cookie, and forms
carry HMAC(secret, nonce). A cross-site page can make the browser send the cookie but can
neither read it nor compute the signature.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from starlette.responses import Response

from hearth.settings import get_settings

SESSION_COOKIE = "hearth_session"
CSRF_COOKIE = "hearth_csrf"
LANGUAGE_COOKIE = "hearth_lang"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


def new_nonce() -> str:
    return secrets.token_urlsafe(24)


def csrf_token_for(nonce: str) -> str:
    key = get_settings().secret_key.get_secret_value().encode()
    return hmac.new(key, b"csrf:" + nonce.encode(), hashlib.sha256).hexdigest()


def csrf_valid(nonce: str | None, token: str | None) -> bool:
    if not nonce or not token:
        return False
    return hmac.compare_digest(csrf_token_for(nonce), token)


def set_session_cookie(response: Response, token: str) -> None:
    settings = get_settings()
    response.set_cookie(SESSION_COOKIE, token, max_age=settings.session_days * 86400, httponly=True,
                        secure=settings.secure_cookies, samesite="lax", path="/")


def clear_session_cookie(response: Response) -> None:
    settings = get_settings()
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True,
                           secure=settings.secure_cookies, samesite="lax")


def sign(value: str) -> str:
    """value.signature, for short-lived state such as the OIDC round trip."""
    key = get_settings().secret_key.get_secret_value().encode()
    mac = hmac.new(key, b"signed:" + value.encode(), hashlib.sha256).hexdigest()
    return f"{value}.{mac}"


def unsign(signed: str | None) -> str | None:
    if not signed or "." not in signed:
        return None
    value, _, mac = signed.rpartition(".")
    return value if hmac.compare_digest(sign(value), signed) else None


def _fernet():  # noqa: ANN202 - cryptography's type
    import base64

    from cryptography.fernet import Fernet

    key = get_settings().secret_key.get_secret_value().encode()
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(b"stored-secrets:" + key).digest()))


def encrypt_secret(value: str) -> str:
    """Channel credentials at rest: encrypted with a key derived from HEARTH_SECRET_KEY, so a
    database dump alone does not hand over the brand's X or Facebook secrets."""
    return _fernet().encrypt(value.encode()).decode()


def decrypt_secret(token: str) -> str:
    return _fernet().decrypt(token.encode()).decode()


def secret_hint(value: str) -> str:
    """What a page may show of a stored secret: its last four characters."""
    return "••••" + value[-4:] if len(value) >= 8 else "••••"
