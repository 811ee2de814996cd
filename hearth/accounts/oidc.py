"""Sign-in with the brand's OpenID Connect provider (authorization code flow with PKCE).

The state, nonce and PKCE verifier of one round trip travel in a short-lived signed
cookie, so any app instance can finish a sign-in another one started.
"""

from __future__ import annotations

import base64
import json
import secrets
import time
from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import urlencode

import httpx
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet, KeySetSerialization

from hearth.errors import Invalid
from hearth.security import sign, unsign
from hearth.settings import Settings, get_settings

STATE_COOKIE = "hearth_oidc"
STATE_SECONDS = 600
_METADATA_SECONDS = 3600


class SignInFailed(Invalid):
    title, type_slug = "Sign-in failed", "oidc"
    status = 400


@dataclass(frozen=True, slots=True)
class Start:
    url: str
    cookie: str


@dataclass(frozen=True, slots=True)
class Identity:
    issuer: str
    subject: str
    email: str | None
    email_verified: bool
    name: str | None
    next_url: str
    # Products the brand says this customer holds (the claim named by HEARTH_OIDC_PRODUCTS_CLAIM).
    products: tuple[str, ...] = ()


def _products(claim: Any) -> tuple[str, ...]:
    """A list of product slugs, or one space-separated string of them (as scopes are written)."""
    values = claim.split() if isinstance(claim, str) else claim if isinstance(claim, list) else []
    return tuple(str(v).strip().lower()[:80] for v in values[:100] if str(v).strip())


class OidcClient:
    def __init__(self, settings: Settings | None = None, http: httpx.AsyncClient | None = None) -> None:
        self.settings = settings or get_settings()
        self.http = http
        self._metadata: tuple[float, dict[str, Any]] | None = None
        self._keys: KeySet | None = None

    async def _get(self, url: str) -> dict[str, Any]:
        async with self._client() as client:
            response = await client.get(url)
        response.raise_for_status()
        return response.json()

    def _client(self) -> httpx.AsyncClient:
        if self.http is not None:
            return _Borrowed(self.http)  # type: ignore[return-value]
        return httpx.AsyncClient(timeout=10.0)

    async def metadata(self) -> dict[str, Any]:
        if self._metadata and self._metadata[0] > time.monotonic():
            return self._metadata[1]
        if not self.settings.oidc_discovery_url:
            raise SignInFailed("Sign-in with the brand's account is not configured")
        try:
            data = await self._get(self.settings.oidc_discovery_url)
        except (httpx.HTTPError, ValueError) as exc:
            raise SignInFailed("The sign-in provider cannot be reached. Try again later.") from exc
        self._metadata = (time.monotonic() + _METADATA_SECONDS, data)
        return data

    async def keys(self, *, refresh: bool = False) -> KeySet:
        if self._keys is None or refresh:
            try:
                jwks = await self._get((await self.metadata())["jwks_uri"])
                self._keys = KeySet.import_key_set(cast(KeySetSerialization, jwks))  # the provider's JSON, as sent
            except (httpx.HTTPError, ValueError, KeyError) as exc:
                raise SignInFailed("The sign-in provider cannot be reached. Try again later.") from exc
        return self._keys

    async def start(self, redirect_uri: str, next_url: str = "/") -> Start:
        meta = await self.metadata()
        state, nonce, verifier = (secrets.token_urlsafe(24) for _ in range(3))
        query = urlencode({
            "response_type": "code", "client_id": self.settings.oidc_client_id,
            "redirect_uri": redirect_uri, "scope": self.settings.oidc_scopes, "state": state,
            "nonce": nonce, "code_challenge": create_s256_code_challenge(verifier),
            "code_challenge_method": "S256",
        })
        packed = json.dumps({"s": state, "n": nonce, "v": verifier, "next": next_url,
                             "exp": int(time.time()) + STATE_SECONDS})
        cookie = sign(base64.urlsafe_b64encode(packed.encode()).decode())
        return Start(f"{meta['authorization_endpoint']}?{query}", cookie)

    async def finish(self, params: dict[str, str], cookie: str | None, redirect_uri: str) -> Identity:
        if params.get("error"):
            raise SignInFailed("The sign-in provider refused the sign-in (%(error)s)", error=params["error"][:100])
        saved = _read_state(cookie)
        # Compare bytes: compare_digest refuses non-ASCII str, and the query is the sender's choice.
        if not secrets.compare_digest(saved["s"].encode(), params.get("state", "").encode()):
            raise SignInFailed("This sign-in response does not belong to the sign-in you started. Please try again.")
        if not params.get("code"):
            raise SignInFailed("The sign-in provider sent no authorization code")
        tokens = await self._exchange(params["code"], saved["v"], redirect_uri)
        claims = await self._verify_id_token(tokens.get("id_token"), saved["n"])
        if "email" not in claims and tokens.get("access_token"):
            claims = {**await self._userinfo(tokens["access_token"]), **claims}
        return Identity(
            issuer=claims["iss"], subject=str(claims["sub"]), email=claims.get("email"),
            # Some providers send the string "false"; bool() of it would be True.
            email_verified=claims.get("email_verified") in (True, "true"),
            name=claims.get("name") or claims.get("preferred_username"), next_url=saved["next"],
            products=_products(claims.get(self.settings.oidc_products_claim)),
        )

    async def _exchange(self, code: str, verifier: str, redirect_uri: str) -> dict[str, Any]:
        meta = await self.metadata()
        secret = self.settings.oidc_client_secret
        auth = (self.settings.oidc_client_id or "", secret.get_secret_value() if secret else "")
        try:
            async with self._client() as client:
                response = await client.post(meta["token_endpoint"], auth=auth, data={
                    "grant_type": "authorization_code", "code": code,
                    "redirect_uri": redirect_uri, "code_verifier": verifier,
                })
        except httpx.HTTPError as exc:
            raise SignInFailed("The sign-in provider cannot be reached. Try again later.") from exc
        if response.status_code != 200:
            raise SignInFailed("The sign-in provider did not accept the authorization code")
        return response.json()

    async def _verify_id_token(self, id_token: str | None, nonce: str) -> dict[str, Any]:
        if not id_token:
            raise SignInFailed("The sign-in provider sent no ID token")
        meta = await self.metadata()
        try:
            try:
                token = jwt.decode(id_token, await self.keys())
            except JoseError:
                # The provider may have rotated its keys since we fetched them.
                token = jwt.decode(id_token, await self.keys(refresh=True))
            jwt.JWTClaimsRegistry(
                iss={"essential": True, "value": meta["issuer"]},
                aud={"essential": True, "value": self.settings.oidc_client_id or ""},
                sub={"essential": True},
                nonce={"essential": True, "value": nonce},
                leeway=60,
            ).validate(token.claims)
        except (JoseError, ValueError) as exc:
            raise SignInFailed("The ID token from the sign-in provider is not valid (%(reason)s)",
                               reason=type(exc).__name__) from exc
        return dict(token.claims)

    async def _userinfo(self, access_token: str) -> dict[str, Any]:
        endpoint = (await self.metadata()).get("userinfo_endpoint")
        if not endpoint:
            return {}
        try:
            async with self._client() as client:
                response = await client.get(endpoint, headers={"Authorization": f"Bearer {access_token}"})
            return response.json() if response.status_code == 200 else {}
        except (httpx.HTTPError, ValueError) as exc:
            # The ID token already proved who this is; only the e-mail is missing.
            raise SignInFailed("The sign-in provider cannot be reached. Try again later.") from exc


def _read_state(cookie: str | None) -> dict[str, Any]:
    value = unsign(cookie)
    if value is None:
        raise SignInFailed("The sign-in took too long or was started in another browser. Please try again.")
    saved = json.loads(base64.urlsafe_b64decode(value.encode()))
    if saved["exp"] < time.time():
        raise SignInFailed("The sign-in took too long or was started in another browser. Please try again.")
    return saved


class _Borrowed:
    """Lets a shared client be used in `async with` without being closed."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def __aenter__(self) -> httpx.AsyncClient:
        return self.client

    async def __aexit__(self, *exc: object) -> None:
        return None


_client: OidcClient | None = None


def get_client() -> OidcClient:
    global _client
    if _client is None:
        _client = OidcClient()
    return _client


def set_client(client: OidcClient | None) -> None:
    global _client
    _client = client
