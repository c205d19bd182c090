"""A local OpenAI-compatible stub server with a fixed delay, for overhead benchmarks (loopback only)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import traceback
import urllib.request
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from interviewer.knowledge import rubrics


def grade_json(topic: str) -> str:
    """A valid grade for any question of a topic."""
    dims = [{"dimension": d.id, "score": 3, "evidence": ""} for d in rubrics().topics[topic].dimensions]
    return json.dumps({"dimensions": dims, "missing": [], "tip": "Put a threshold on every guardrail you name."})


class Stub:
    """Serves /v1/chat/completions after `delay` seconds; records how long the model part took."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.model_seconds: list[float] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as real model servers do
            disable_nagle_algorithm = True  # else keep-alive replies wait ~40 ms for a delayed ACK

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # /stats: the model seconds so far, for a stub in another process
                self._raw(json.dumps(stub.model_seconds).encode(), "application/json")

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["content-length"])))
                start = time.perf_counter()
                time.sleep(stub.delay)
                prompt = body["messages"][-1]["content"]
                topic = next((t for t in rubrics().topics if f"## Question ({t})" in prompt), "metrics")
                # recorded before the last bytes go out, so a client reading /stats right after its reply sees it
                done = lambda: stub.model_seconds.append(time.perf_counter() - start)  # noqa: E731
                if body.get("stream"):
                    self._stream("How would you measure whether this assistant helps support agents?", done)
                else:
                    done()
                    self._json(grade_json(topic))

            def _json(self, content: str) -> None:
                data = json.dumps(
                    {
                        "id": "s",
                        "object": "chat.completion",
                        "created": 0,
                        "model": "stub",
                        "choices": [
                            {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}
                        ],
                        "usage": {"prompt_tokens": 900, "completion_tokens": 120, "total_tokens": 1020},
                    }
                ).encode()
                self._raw(data, "application/json")

            def _raw(self, data: bytes, kind: str) -> None:
                self.send_response(200)
                self.send_header("content-type", kind)
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, text: str, done: Callable[[], None]) -> None:
                # SSE over a kept-alive connection in chunked encoding, as vLLM or OpenAI send it
                self.send_response(200)
                self.send_header("content-type", "text/event-stream")
                self.send_header("transfer-encoding", "chunked")
                self.end_headers()
                for i in range(0, len(text), 8):
                    self._event({"index": 0, "delta": {"content": text[i : i + 8]}, "finish_reason": None})
                done()
                self._event({"index": 0, "delta": {}, "finish_reason": "stop"})
                self._chunk(b"data: [DONE]\n\n")
                self._chunk(b"")

            def _event(self, choice: dict[str, Any]) -> None:
                chunk = {
                    "id": "s",
                    "object": "chat.completion.chunk",
                    "created": 0,
                    "model": "stub",
                    "choices": [choice],
                }
                self._chunk(f"data: {json.dumps(chunk)}\n\n".encode())

            def _chunk(self, data: bytes) -> None:
                self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.handle_error = _quiet_hangups  # type: ignore[method-assign]
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        """Stop serving."""
        self.server.shutdown()


def _quiet_hangups(request: Any, address: Any) -> None:
    """Clients close kept-alive connections (streams always): only other errors are worth a traceback."""
    if not isinstance(sys.exc_info()[1], ConnectionError):
        traceback.print_exc()


class StubProcess:
    """The same stub in its own process, as a real model server is: its work never shares our GIL."""

    def __init__(self, delay: float) -> None:
        code = (
            "import sys, time; from benchmarks.stub import Stub; "
            "print(Stub(float(sys.argv[1])).url, flush=True); time.sleep(1e6)"
        )
        root = Path(__file__).resolve().parents[1]
        self.proc = subprocess.Popen(
            [sys.executable, "-c", code, str(delay)], stdout=subprocess.PIPE, text=True, cwd=root
        )
        assert self.proc.stdout is not None
        self.url = self.proc.stdout.readline().strip()
        if not self.url:
            raise RuntimeError(f"the stub server did not start (exit code {self.proc.wait()})")
        self.delay = delay

    @property
    def model_seconds(self) -> list[float]:
        """Seconds the stub spent being the model, one entry per request (read outside timed regions)."""
        with urllib.request.urlopen(self.url.removesuffix("/v1") + "/stats") as r:
            return list(json.loads(r.read()))

    def close(self) -> None:
        """Stop the server process."""
        self.proc.kill()
        self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()
