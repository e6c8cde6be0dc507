#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
"""A hostile Jupyter on 127.0.0.1, for Berth's tests (tests/hostile/README.md).

    hostile_jupyter.py MODE RECORD_FILE   -> prints the port it listens on

Every request is appended to RECORD_FILE as "METHOD PATH" plus the Authorization header it carried.
Modes:
  record    answers 403 to everything: a listener that only wants to see tokens
  escape    a "ready" server whose version is full of terminal escape sequences
  huge      a "ready" server whose /api answer never ends
"""
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODE, RECORD = sys.argv[1], sys.argv[2]
LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        with LOCK, open(RECORD, "a") as f:
            f.write("GET %s %s\n" % (self.path, self.headers.get("Authorization", "")))
        if MODE == "record":
            return self.reply(403, {"message": "Forbidden"})
        if self.path.startswith("/api/status"):
            return self.reply(200, {"started": "2026-11-23T10:00:00Z", "kernels": 0})
        if MODE == "huge" and self.path.startswith("/api"):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            piece = b'{"version": "' + b"9" * 65536
            try:
                while True:
                    self.wfile.write(b"%x\r\n" % len(piece) + piece + b"\r\n")
            except OSError:
                return
        if self.path.startswith("/api"):
            return self.reply(200, {"version": "\x1b]0;pwned\x07\x1b[2J6.4.12\u009b31m"})
        return self.reply(404, {"message": "Not found"})


srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(srv.server_address[1], flush=True)
srv.serve_forever()
