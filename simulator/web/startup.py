"""The lines `collectsim serve` prints when it starts listening, and why it cannot start,
in zh-CN and en."""

from __future__ import annotations

from scoring.i18n import Lang
from scoring.said import Phrasebook

STRINGS: dict[str, dict[Lang, str]] = {
    "served_on": {
        "zh": "CollectSim 已在 {where} 提供服务",
        "en": "CollectSim is served on {where}",
    },
    "browsers_use": {"zh": "（浏览器使用 {url}）", "en": " (browsers use {url})"},
    "reachable": {
        "zh": "--host {host}：其他机器可以访问；必须登录（账号：collectsim users list）",
        "en": "--host {host}: reachable from other machines; sign-in is required "
        "(accounts: collectsim users list)",
    },
    "sign_in_on": {
        "zh": "登录：已开启（账号由 collectsim users 管理）",
        "en": "Sign-in: on (accounts from collectsim users)",
    },
    "sign_in_off": {
        "zh": "登录：已关闭（--no-sign-in）：本机任何人都能打开应用，查看所有学员的培训记录",
        "en": "Sign-in: OFF (--no-sign-in): anyone on this machine can open the app and "
        "read every trainee's records",
    },
    "caps": {
        "zh": "最多同时运行 {sessions} 个会话，每人 {per_user} 个。按 Ctrl+C 停止服务。",
        "en": "At most {sessions} sessions at once, {per_user} per user. Ctrl+C stops the server.",
    },
}


# Why the server cannot start as asked (a ServeError names one of these).
SERVE = Phrasebook(
    "serve",
    {
        "open_host": {
            "zh": "--host {host}：其他机器可以访问，必须开启登录（去掉 --no-sign-in）",
            "en": "--host {host} is reachable from other machines: sign-in must be on there "
            "(drop --no-sign-in)",
        },
        "caps_positive": {
            "zh": "--max-sessions 和 --max-per-user 至少为 1",
            "en": "--max-sessions and --max-per-user must be at least 1",
        },
        "header_needs_proxy": {
            "zh": "--trusted-header 需要 --trusted-proxy ADDRESS（代理服务器的地址）",
            "en": "--trusted-header needs --trusted-proxy ADDRESS (the proxy's address)",
        },
        "header_needs_sign_in": {
            "zh": "--trusted-header 是一种登录方式：不能与 --no-sign-in 同时使用",
            "en": "--trusted-header is a way to sign in: it cannot go with --no-sign-in",
        },
        "hours_positive": {
            "zh": "--session-hours 必须大于 0",
            "en": "--session-hours must be more than 0",
        },
        "not_http": {
            "zh": "--public-url {url}：不是 http:// 或 https:// 地址",
            "en": "--public-url {url}: not an http:// or https:// URL",
        },
        "no_accounts": {
            "zh": "{target}：还没有账号：先用 `collectsim users add NAME --role admin` 添加第一个"
            "（或在本机回环地址上用 serve --no-sign-in）",
            "en": "{target}: no accounts yet: create the first with `collectsim users add NAME "
            "--role admin` (or serve --no-sign-in on loopback)",
        },
        "store": {"zh": "{error}", "en": "{error}"},
        "cannot_listen": {
            "zh": "无法在 {host}:{port} 上监听：{reason}",
            "en": "cannot listen on {host}:{port}: {reason}",
        },
    },
)


def say(key: str, lang: Lang, **values: object) -> str:

    return STRINGS[key][lang].format(**values)


def startup_lines(
    lang: Lang,
    where: str,
    public_url: str | None,
    remote_host: str | None,
    sign_in: bool,
    sessions: int,
    per_user: int,
) -> list[str]:
    """What the server says on start: where, for whom (`remote_host` when other machines
    can reach it), whether sign-in is on, and its caps."""
    shown = where + (say("browsers_use", lang, url=public_url) if public_url else "")
    lines = [say("served_on", lang, where=shown)]
    if remote_host is not None:
        lines.append(say("reachable", lang, host=remote_host))
    lines.append(say("sign_in_on" if sign_in else "sign_in_off", lang))
    lines.append(say("caps", lang, sessions=sessions, per_user=per_user))
    return lines
