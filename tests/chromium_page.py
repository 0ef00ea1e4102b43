"""A page in headless Chromium driven over the DevTools protocol on a pipe
(`--remote-debugging-pipe`: commands on fd 3, answers on fd 4), standard
library only. Used by the HTML report's browser tests and bench/html_report.py
to click, type and read what a reader would see."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile

CHROMIUM = "/usr/bin/chromium"

READY = """new Promise(function (resolve) {
  (function poll() {
    var b = document.body;
    if (b && b.getAttribute("data-painted-ms")) { resolve(+b.getAttribute("data-painted-ms")); }
    else { setTimeout(poll, 5); }
  })();
})"""


class ChromiumPage:
    def __init__(self, url: str, profile: str | None = None, timeout: float = 120):
        self._own_profile = None if profile else tempfile.TemporaryDirectory(prefix="yogolint-chromium-")
        profile = profile or self._own_profile.name
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def fds():  # the child's fd 3 reads our commands, its fd 4 writes the answers
            a, b = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.process = subprocess.Popen(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-sync",
                "--disable-background-networking",
                "--disable-component-update",
                "--remote-debugging-pipe",
                f"--user-data-dir={profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=fds,
            pass_fds=(3, 4),
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next = 0
        self.timeout = timeout
        target = self._send("Target.createTarget", {"url": url})["targetId"]
        self._session = self._send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]

    def _send(self, method: str, params: dict, session: str | None = None) -> dict:
        self._next += 1
        message = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self._buffer:
                chunk = os.read(self._from_chrome, 1 << 16)
                if not chunk:
                    raise RuntimeError(f"chromium closed the pipe (waiting for {method})")
                self._buffer += chunk
            raw, self._buffer = self._buffer.split(b"\0", 1)
            answer = json.loads(raw)
            if answer.get("id") == self._next:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer["result"]

    def evaluate(self, expression: str):
        """The value of a JavaScript expression in the page (a promise is awaited)."""
        result = self._send(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True}, self._session
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:80]}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_until_painted(self) -> int:
        """Milliseconds from the start of the navigation to the first painted view."""
        for _ in range(200):
            try:
                return self.evaluate(READY)
            except RuntimeError as exc:  # asked while the page was still being replaced
                if "context" not in str(exc):
                    raise
        raise RuntimeError("the page never became ready")

    def close(self) -> None:
        try:
            self._send("Browser.close", {})
        except (RuntimeError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_chrome)
        os.close(self._from_chrome)
        if self._own_profile is not None:
            self._own_profile.cleanup()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
