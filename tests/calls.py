"""Scripted trainee lines, and a killed call, that several test modules share."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

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


def kill_play_after(home: Path, said: list[str], *options: str) -> int:
    """`play cc-m1-forgetful` killed -9 once the persona has answered every line of `said`
    (so each of those turns has been written); its exit status."""
    env = {**os.environ, "COLLECTSIM_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen(
        [sys.executable, "-u", "-m", "simulator.cli.main", "play", "cc-m1-forgetful", *options],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=env,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    # The title, the account card and what the call counts for, then the opening line.
    while not (shown := proc.stdout.readline()).startswith("王敏:"):
        assert shown, f"play ended early: {proc.communicate()[1]}"
    for line in said:
        proc.stdin.write(line + "\n")
        proc.stdin.flush()
        # Echo and any warnings come first; once the reply is out, both turns are written.
        while not (shown := proc.stdout.readline()).startswith("王敏:"):
            assert shown, f"play ended early: {proc.communicate()[1]}"
    proc.send_signal(signal.SIGKILL)
    return proc.wait(timeout=30)
