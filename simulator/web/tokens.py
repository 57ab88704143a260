"""The session cookie: who signed in, under which password, until when, signed with
HMAC-SHA256 (standard library) by a key the store keeps for every `serve` process.

`name|password_changed_at|expiry` as base64url JSON, a dot, and its MAC. Nothing in it is
secret; it cannot be forged or altered without the key. Whether the account is still
enabled and still has that password is the server's question, asked of the store each
time (so disabling an account or changing its password ends its sign-ins).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from dataclasses import dataclass

COOKIE = "collectsim_session"
MAX_TOKEN_CHARS = 4096


@dataclass(frozen=True, slots=True)
class Claims:
    name: str
    generation: str  # the account's password_changed_at when it was issued
    expires: float  # seconds since the epoch


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(key: bytes, payload: str) -> str:
    return _b64(hmac.new(key, payload.encode("ascii"), hashlib.sha256).digest())


def issue(key: bytes, claims: Claims) -> str:
    body = {"u": claims.name, "g": claims.generation, "e": claims.expires}
    payload = _b64(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode())
    return f"{payload}.{_mac(key, payload)}"


def read(key: bytes, token: str, now: float) -> Claims | None:
    """The claims of a token signed with `key` and not expired; else None."""
    if len(token) > MAX_TOKEN_CHARS or token.count(".") != 1:
        return None
    payload, mac = token.split(".")
    if not hmac.compare_digest(_mac(key, payload), mac):
        return None
    try:
        body = json.loads(_unb64(payload))
        claims = Claims(str(body["u"]), str(body["g"]), float(body["e"]))
    except (ValueError, KeyError, TypeError, binascii.Error):
        return None
    return claims if claims.expires > now else None
