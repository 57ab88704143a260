"""The same app in a browser: textual-serve runs one `collectsim tui` process per visitor."""

from __future__ import annotations

import shlex
import sys

from textual_serve.server import Server


def serve(host: str, port: int, public_url: str | None = None) -> None:
    command = shlex.join([sys.executable, "-m", "simulator.cli.main", "tui"])
    server = Server(command, host=host, port=port, title="CollectSim", public_url=public_url)
    server.serve()
