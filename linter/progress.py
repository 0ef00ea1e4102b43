"""A progress line on stderr for long scans: files done / total, rate, ETA.

Shown only when stderr is a terminal and not in CI; silent in pipes.
"""

from __future__ import annotations

import os
import sys
import time

MIN_FILES = 20


class Progress:
    def __init__(self, total: int, stream=None):
        self.stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.started = time.monotonic()
        self._last = 0.0
        self.enabled = (
            total >= MIN_FILES and hasattr(self.stream, "isatty") and self.stream.isatty() and not os.environ.get("CI")
        )

    def advance(self, count: int = 1) -> None:
        self.done += count
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and self.done < self.total:
            return
        self._last = now
        elapsed = max(now - self.started, 1e-6)
        rate = self.done / elapsed
        eta = (self.total - self.done) / rate if rate > 0 else 0.0
        width = 30
        filled = int(width * self.done / self.total)
        bar = "█" * filled + "░" * (width - filled)
        self.stream.write(f"\r{bar} {self.done}/{self.total} files  {rate:5.1f} files/s  ETA {eta:4.0f}s ")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 78 + "\r")
            self.stream.flush()
