"""Certificates: a trainee's level on a track, signed with the centre's Ed25519 key.

The key is created on first use in the data directory. A certificate carries its evidence
(the qualifying attempts) and is verified offline: signature, key, and — where the records
are at hand — that the track is still met.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from scoring.said import Said, SaidError
from simulator.engine.bounded import TooLarge, read_bounded
from simulator.engine.paths import private_dir
from simulator.engine.phrases import ENGINE, os_reason
from simulator.records.results import AttemptResult
from simulator.training.phrases import TRAINING
from simulator.training.tracks import Track, evidence, progress

FORMAT = "collectsim-certificate/1"


class CertificateError(SaidError):
    """A certificate that cannot be made or is not valid: one line, said in the reader's
    language."""

    book = TRAINING


def _canonical(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _raw(public: Ed25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(public: Ed25519PublicKey) -> str:
    return hashlib.sha256(_raw(public)).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Keys:
    """The centre's signing key and the public keys it trusts (its own and any in trusted/)."""

    directory: Path

    @property
    def private_path(self) -> Path:
        return self.directory / "centre-ed25519.pem"

    def signing_key(self) -> Ed25519PrivateKey:
        if not self.private_path.exists():
            self._create()
        try:
            loaded = serialization.load_pem_private_key(self.private_path.read_bytes(), None)
        except (OSError, ValueError, TypeError) as exc:
            reason = os_reason(exc) if isinstance(exc, OSError) else str(exc)
            raise CertificateError(
                "unreadable_key", path=self.private_path, reason=reason
            ) from None
        if not isinstance(loaded, Ed25519PrivateKey):
            raise CertificateError("not_ed25519", path=self.private_path)
        return loaded

    def _create(self) -> None:
        """The key is written whole to a private temporary file, then linked into place: the
        link fails if another process got there first, and then everyone loads that one key
        (never a half-written file, never two keys handed out)."""
        try:
            private_dir(self.directory)
            pem = Ed25519PrivateKey.generate().private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
            partial = self.directory / f".centre-ed25519.{os.getpid()}.{os.urandom(4).hex()}"
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(pem)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.link(partial, self.private_path)
            except FileExistsError:
                pass  # another process created it first: theirs is the key
            finally:
                partial.unlink(missing_ok=True)
        except OSError as exc:
            raise CertificateError(
                "cannot_create_key", path=self.private_path, reason=os_reason(exc)
            ) from None

    def trusted(self) -> dict[str, Ed25519PublicKey]:
        keys: dict[str, Ed25519PublicKey] = {}
        if self.private_path.exists():
            public = self.signing_key().public_key()
            keys[key_id(public)] = public
        for path in sorted((self.directory / "trusted").glob("*.pub")):
            try:
                raw = base64.b64decode(read_bounded(path, 4096), validate=True)
                public = Ed25519PublicKey.from_public_bytes(raw)
            except (OSError, TooLarge, binascii.Error, ValueError) as exc:
                raise CertificateError("untrusted_key", path=path, reason=_reason(exc)) from None
            keys[key_id(public)] = public
        return keys


MAX_CERTIFICATE_BYTES = 1024 * 1024


class _Duplicate(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(f"duplicate key {key!r}")
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Duplicate(key)
        result[key] = value
    return result


def _reason(exc: Exception) -> Said | str:
    """Why a file is unreadable, said in either language where it is ours or the system's;
    a parser's own diagnosis (JSON, base64) is its own words."""
    if isinstance(exc, OSError):
        return os_reason(exc)
    if isinstance(exc, TooLarge):
        return ENGINE.said("too_large", kib=exc.limit // 1024)
    if isinstance(exc, _Duplicate):
        return TRAINING.said("duplicate_key", key=exc.key)
    return str(exc)


def read_certificate(path: Path) -> Any:
    """The JSON of a certificate file, read strictly: a key given twice is refused (another
    tool could read the other value than the one that was signed), and size and nesting are
    bounded. CertificateError (one line) when it is not a readable certificate."""
    reason: Said | str
    try:
        raw = read_bounded(path, MAX_CERTIFICATE_BYTES)
        return json.loads(raw.decode("utf-8"), object_pairs_hook=_no_duplicates)
    except (OSError, TooLarge, UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError too
        reason = _reason(exc)
    except RecursionError:
        reason = ENGINE.said("nested_too_deep")
    raise CertificateError("unreadable", path=path, reason=reason)


def issue(
    keys: Keys, trainee: str, track: Track, attempts: list[AttemptResult], now: datetime
) -> dict[str, Any]:
    reached = progress(track, attempts, now)
    level = reached.highest
    if level is None:
        stuck = reached.stuck_at()
        missing = ", ".join(stuck[1]) if stuck else ""
        raise CertificateError("no_level", trainee=trainee, track=track.id, missing=missing)
    key = keys.signing_key()
    payload: dict[str, Any] = {
        "format": FORMAT,
        "trainee": trainee,
        "track": track.id,
        "track_title": track.title.model_dump(),
        "level": level.id,
        "level_title": level.title.model_dump(),
        "issued_at": now.isoformat(),
        "evidence": [
            {
                "attempt": a.attempt_id,
                "scenario": a.scenario_id,
                "score": a.score,
                "finished_at": a.finished_at.isoformat() if a.finished_at else None,
            }
            for a in evidence(track, attempts, now)
        ],
        "key_id": key_id(key.public_key()),
    }
    return {
        "certificate": payload,
        "signature": base64.b64encode(key.sign(_canonical(payload))).decode(),
    }


def verify(
    keys: Keys,
    document: Any,
    track: Track | None,
    attempts: list[AttemptResult] | None,
    now: datetime,
) -> dict[str, Any]:
    """The certificate, if valid; CertificateError saying exactly why not."""
    if not isinstance(document, dict) or not isinstance(document.get("certificate"), dict):
        raise CertificateError("not_a_certificate")
    payload: dict[str, Any] = document["certificate"]
    if payload.get("format") != FORMAT:
        raise CertificateError("unknown_format", format=payload.get("format"))
    public = keys.trusted().get(str(payload.get("key_id")))
    if public is None:
        raise CertificateError("unknown_key", key=payload.get("key_id"))
    try:
        public.verify(base64.b64decode(str(document.get("signature", ""))), _canonical(payload))
    except (InvalidSignature, ValueError):
        raise CertificateError("tampered") from None
    if track is not None and attempts is not None:
        ids = {a.attempt_id for a in attempts}
        for item in payload.get("evidence", []):
            if item.get("attempt") not in ids:
                raise CertificateError("evidence_missing", attempt=item.get("attempt"))
        reached = progress(track, attempts, now)
        achieved = {lp.level.id for lp in reached.levels if lp.achieved}
        if payload.get("level") not in achieved:
            raise CertificateError(
                "level_lost", trainee=payload.get("trainee"), level=payload.get("level")
            )
    return payload
