"""Reading a file or stream with a size limit that holds for anything: /dev/zero, a FIFO
that never ends, a file growing while it is read. `stat().st_size` says nothing about those,
so the limit is on the bytes actually read."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO


class TooLarge(Exception):
    """More than the limit was there to read."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"larger than {limit // 1024} KiB")
        self.limit = limit


def read_bounded(path: Path, limit: int) -> bytes:
    """At most `limit` bytes of `path`, else TooLarge; OSError as open() raises it. Opened
    without blocking, so a FIFO with no writer reads as empty instead of hanging."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as handle:
            fd = -1  # the handle owns it now
            return read_stream(handle, limit)
    finally:
        if fd >= 0:
            os.close(fd)


def read_stream(stream: BinaryIO, limit: int) -> bytes:
    """At most `limit` bytes of a stream (stdin, a socket), else TooLarge."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(limit)
    return data


def bounded_lines(stream: TextIO, limit: int) -> Iterator[str]:
    """The lines of a text stream, each cut to `limit` characters: a stream with no newline
    (`/dev/zero`, a runaway pipe) is read in pieces, never held whole."""
    while True:
        line = stream.readline(limit)
        if not line:
            return
        if not line.endswith("\n"):
            rest = stream.readline(limit)  # the overlong line's tail is read and dropped
            while rest and not rest.endswith("\n"):
                rest = stream.readline(limit)
            if rest:
                line += "\n"
        yield line
