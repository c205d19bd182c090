"""A local OpenAI-compatible stub server with a fixed delay, for overhead benchmarks (loopback only)."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
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
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["content-length"])))
                start = time.perf_counter()
                time.sleep(stub.delay)
                prompt = body["messages"][-1]["content"]
                topic = next((t for t in rubrics().topics if f"## Question ({t})" in prompt), "metrics")
                if body.get("stream"):
                    self._stream("How would you measure whether this assistant helps support agents?")
                else:
                    self._json(grade_json(topic))
                stub.model_seconds.append(time.perf_counter() - start)

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
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, text: str) -> None:
                self.send_response(200)
                self.send_header("content-type", "text/event-stream")
                self.end_headers()
                for i in range(0, len(text), 8):
                    chunk = {
                        "id": "s",
                        "object": "chat.completion.chunk",
                        "created": 0,
                        "model": "stub",
                        "choices": [{"index": 0, "delta": {"content": text[i : i + 8]}, "finish_reason": None}],
                    }
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                end = {
                    "id": "s",
                    "object": "chat.completion.chunk",
                    "created": 0,
                    "model": "stub",
                    "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
                }
                self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        """Stop serving."""
        self.server.shutdown()
