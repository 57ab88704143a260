"""The pages the server writes itself: sign-in, "server full", "too many tries" (zh and en).

Every value put into a page goes through `html.escape`; the pages load nothing from
anywhere (inline style, system fonts), so they work offline.
"""

from __future__ import annotations

from html import escape

from scoring.i18n import Lang

STRINGS: dict[str, dict[Lang, str]] = {
    "title": {"zh": "CollectSim 登录", "en": "CollectSim sign-in"},
    "heading": {"zh": "登录 CollectSim", "en": "Sign in to CollectSim"},
    "name": {"zh": "用户名", "en": "Name"},
    "password": {"zh": "密码", "en": "Password"},
    "submit": {"zh": "登录", "en": "Sign in"},
    "other_lang": {"zh": "English", "en": "中文"},
    "failed": {
        "zh": "用户名或密码不正确，或该账号已停用。",
        "en": "The name or password is wrong, or the account is disabled.",
    },
    "throttled": {
        "zh": "登录失败次数过多，请 {minutes} 分钟后再试。",
        "en": "Too many failed sign-ins: try again in {minutes} minutes.",
    },
    "bad_origin": {
        "zh": "该请求不是从本站页面发出的，已拒绝。请重新打开登录页。",
        "en": "This request did not come from this site's page and was refused. "
        "Open the sign-in page again.",
    },
    "full_title": {"zh": "CollectSim 已满", "en": "CollectSim is full"},
    "full_total": {
        "zh": "服务器同时运行的练习已达上限（{limit} 个）。请稍后刷新本页。",
        "en": "The server is running as many sessions as it can ({limit}). "
        "Reload this page in a little while.",
    },
    "full_user": {
        "zh": "您已经打开了 {limit} 个练习窗口，这是每人的上限。请先关闭其他窗口，再刷新本页。",
        "en": "You already have {limit} sessions open, the most one person may have. "
        "Close another tab, then reload this page.",
    },
    "reload": {"zh": "刷新", "en": "Reload"},
    "sign_out": {"zh": "退出登录", "en": "Sign out"},
    "ended": {"zh": "会话已结束。", "en": "Session ended."},
    "restart": {"zh": "重新开始", "en": "Restart"},
    "sign_in_first": {"zh": "请先登录。", "en": "Sign in first."},
    "store_down": {
        "zh": "培训记录库暂时无法访问，请稍后再试。",
        "en": "The training records store cannot be reached; try again in a little while.",
    },
}


def s(key: str, lang: Lang, **values: object) -> str:
    return STRINGS[key][lang].format(**values)


def pick_lang(query_lang: str | None, accept_language: str | None) -> Lang:
    """`?lang=zh|en`, else the browser's first language: zh for Chinese, else en."""
    if query_lang in ("zh", "en"):
        return query_lang  # type: ignore[return-value]  # checked just above
    first = (accept_language or "").split(",")[0].strip().lower()
    return "zh" if first.startswith("zh") else "en"


_STYLE = """
body { margin: 0; min-height: 100vh; display: flex; align-items: center;
       justify-content: center; background: #0c181f; color: #eef;
       font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
main { background: #12232d; padding: 32px 40px; min-width: 320px; max-width: 480px; }
h1 { font-size: 22px; margin: 0 0 20px; }
label { display: block; margin: 12px 0 4px; }
input { width: 100%; box-sizing: border-box; padding: 8px; font-size: 16px; }
button { margin-top: 20px; padding: 10px 24px; font-size: 16px; background: #5e0ba7;
         color: #fff; border: none; cursor: pointer; }
p.error { color: #ffb4a8; } a { color: #9cd; }
"""


def _page(lang: Lang, title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>'
        f'<meta charset="utf-8"><meta name="viewport" content="width=device-width">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>\n"
        f"<body><main>{body}</main></body></html>\n"
    )


def login_page(lang: Lang, action: str, *, error: str = "", name: str = "") -> str:
    other: Lang = "en" if lang == "zh" else "zh"
    message = f'<p class="error" role="alert">{escape(error)}</p>' if error else ""
    body = (
        f"<h1>{escape(s('heading', lang))}</h1>{message}"
        f'<form method="post" action="{escape(action)}?lang={lang}">'
        f'<label for="name">{escape(s("name", lang))}</label>'
        f'<input id="name" name="name" autocomplete="username" required maxlength="200"'
        f' value="{escape(name)}" autofocus>'
        f'<label for="password">{escape(s("password", lang))}</label>'
        f'<input id="password" name="password" type="password" required maxlength="1024"'
        f' autocomplete="current-password">'
        f'<button type="submit">{escape(s("submit", lang))}</button></form>'
        f'<p><a href="?lang={other}">{escape(s("other_lang", lang))}</a></p>'
    )
    return _page(lang, s("title", lang), body)


def message_page(lang: Lang, title: str, message: str, *, reload: bool = False) -> str:
    button = f'<p><a href="">{escape(s("reload", lang))}</a></p>' if reload else ""
    body = f"<h1>{escape(title)}</h1><p>{escape(message)}</p>{button}"
    return _page(lang, title, body)
