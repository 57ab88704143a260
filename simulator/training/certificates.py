"""Certificates: a trainee's level on a track, signed with the centre's Ed25519 key.

The key is created on first use in the data directory. A certificate carries its evidence
(the qualifying attempts) and is verified offline: signature, key, and — where the records
are at hand — that the track is still met.
"""

from __future__ import annotations

import base64
import hashlib
import json
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

from simulator.records.results import AttemptResult
from simulator.training.tracks import Track, evidence, progress

FORMAT = "collectsim-certificate/1"


class CertificateError(Exception):
    pass


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
            self.directory.mkdir(parents=True, exist_ok=True)
            key = Ed25519PrivateKey.generate()
            pem = key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
            self.private_path.touch(mode=0o600)
            self.private_path.write_bytes(pem)
            return key
        loaded = serialization.load_pem_private_key(self.private_path.read_bytes(), None)
        if not isinstance(loaded, Ed25519PrivateKey):
            raise CertificateError(f"{self.private_path}: not an Ed25519 key")
        return loaded

    def trusted(self) -> dict[str, Ed25519PublicKey]:
        keys: dict[str, Ed25519PublicKey] = {}
        if self.private_path.exists():
            public = self.signing_key().public_key()
            keys[key_id(public)] = public
        for path in sorted((self.directory / "trusted").glob("*.pub")):
            public = Ed25519PublicKey.from_public_bytes(base64.b64decode(path.read_text()))
            keys[key_id(public)] = public
        return keys


def issue(
    keys: Keys, trainee: str, track: Track, attempts: list[AttemptResult], now: datetime
) -> dict[str, Any]:
    reached = progress(track, attempts, now)
    level = reached.highest
    if level is None:
        stuck = reached.stuck_at()
        missing = ", ".join(stuck[1]) if stuck else ""
        raise CertificateError(f"{trainee} has not reached any level of {track.id} ({missing})")
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
        raise CertificateError("not a CollectSim certificate")
    payload: dict[str, Any] = document["certificate"]
    if payload.get("format") != FORMAT:
        raise CertificateError(f"unknown certificate format {payload.get('format')!r}")
    public = keys.trusted().get(str(payload.get("key_id")))
    if public is None:
        raise CertificateError(f"unknown key {payload.get('key_id')!r}: not this centre's")
    try:
        public.verify(base64.b64decode(str(document.get("signature", ""))), _canonical(payload))
    except (InvalidSignature, ValueError):
        raise CertificateError("tampered: the signature does not match the contents") from None
    if track is not None and attempts is not None:
        ids = {a.attempt_id for a in attempts}
        for item in payload.get("evidence", []):
            if item.get("attempt") not in ids:
                raise CertificateError(
                    f"track not met: attempt {item.get('attempt')} is not on record"
                )
        reached = progress(track, attempts, now)
        achieved = {lp.level.id for lp in reached.levels if lp.achieved}
        if payload.get("level") not in achieved:
            raise CertificateError(
                f"track not met: {payload.get('trainee')} no longer holds {payload.get('level')}"
                " (a pass has expired or been removed)"
            )
    return payload
