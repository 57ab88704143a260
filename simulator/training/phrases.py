"""What certification says when a certificate cannot be made or is not valid, in zh-CN and
en (the command line says a `CertificateError` in its own language)."""

from __future__ import annotations

from scoring.said import Phrasebook

TRAINING = Phrasebook(
    "training",
    {
        "unreadable_key": {
            "zh": "{path}：无法读取密钥（{reason}）",
            "en": "{path}: not a readable key ({reason})",
        },
        "not_ed25519": {"zh": "{path}：不是 Ed25519 密钥", "en": "{path}: not an Ed25519 key"},
        "cannot_create_key": {
            "zh": "{path}：无法创建密钥（{reason}）",
            "en": "{path}: cannot create the key ({reason})",
        },
        "untrusted_key": {
            "zh": "{path}：不是可信任的公钥（{reason}）",
            "en": "{path}: not a trusted public key ({reason})",
        },
        "unreadable": {
            "zh": "{path}：无法读取证书（{reason}）",
            "en": "{path}: not a readable certificate ({reason})",
        },
        "no_level": {
            "zh": "{trainee} 还没有达到 {track} 的任何等级（还需：{missing}）",
            "en": "{trainee} has not reached any level of {track} ({missing})",
        },
        "not_a_certificate": {"zh": "不是 CollectSim 证书", "en": "not a CollectSim certificate"},
        "unknown_format": {
            "zh": "未知的证书格式 {format!r}",
            "en": "unknown certificate format {format!r}",
        },
        "unknown_key": {
            "zh": "未知的密钥 {key!r}：不是本中心的密钥",
            "en": "unknown key {key!r}: not this centre's",
        },
        "tampered": {
            "zh": "已被篡改：签名与内容不符",
            "en": "tampered: the signature does not match the contents",
        },
        "evidence_missing": {
            "zh": "不再符合认证轨道：通话 {attempt} 不在记录中",
            "en": "track not met: attempt {attempt} is not on record",
        },
        "level_lost": {
            "zh": "不再符合认证轨道：{trainee} 已不再具备 {level}（某次通过已过期或已被删除）",
            "en": "track not met: {trainee} no longer holds {level} (a pass has expired or "
            "been removed)",
        },
        "duplicate_key": {"zh": "键 {key!r} 重复", "en": "duplicate key {key!r}"},
    },
)
