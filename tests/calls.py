"""Scripted trainee lines several test modules share."""

from __future__ import annotations

# A good call in cc-m1-forgetful: identify, verify, state the debt, listen, pay, promise.
FORGETFUL_GOOD = [
    "您好，我是某银行信用卡中心的客服专员小李，工号1024。",
    "请问是王敏女士本人吗？",
    "您的信用卡目前逾期18天，逾期金额是5230.50元。",
    "是遇到什么困难了吗？",
    "我非常理解您的难处。",
    "您可以通过手机银行或者支付宝还款。",
    "您看什么时候方便还款呢？",
    "好的，那我们约定您这周五之前还清5230.50元，谢谢您的配合，再见。",
]
