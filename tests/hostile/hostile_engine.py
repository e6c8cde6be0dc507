#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
"""A hostile Docker engine on a unix socket, for Berth's tests (tests/hostile/README.md).

    hostile_engine.py SOCKET MODE [--jupyter-port P] [--record FILE]

It speaks just enough of the Engine API for berthctl to get to the point where each mode attacks.
Every request line is appended to FILE (with "auth" when an Authorization header came along).
Modes:
  silent          accepts every connection, reads the request, never answers
  flood-headers   answers with headers that never end
  flood-body      answers every GET with a 200 body that never ends
  escape          engine errors and container names full of terminal escape sequences
  elsewhere       a plausible engine whose /info says it runs on another machine; its container
                  "hostile-env" runs with Jupyter's port published at --jupyter-port
  local           the same engine, on this machine
  early-exit-long-token  (local) a launched container exits at once after logging token= and 200 KB
  no-port         (local) the container runs, never gets a port, and logs its own token
  logs-hang       (local) the container exits at once, and its log never comes
  slow-create     (local) creating takes 3 s
  exec-flood      (local) commands run in the container print without end
  line-flood      (local) the log is 20 MB without a line break
"""
import json
import os
import platform
import socket
import socketserver
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlparse

SOCK, MODE = sys.argv[1], sys.argv[2]
ARGS = sys.argv[3:]
JUPYTER_PORT = int(ARGS[ARGS.index("--jupyter-port") + 1]) if "--jupyter-port" in ARGS else 0
RECORD = ARGS[ARGS.index("--record") + 1] if "--record" in ARGS else None
ESC = "\x1b]0;pwned\x07\x1b[2J\x1b[31mroot@host:~# \u009b31m\u202e"
CID = "c0ffee" * 10 + "c0fe"
LOCAL = MODE not in ("elsewhere",)
STATE = {"token": "f" * 48, "name": "hostile-env", "created": True, "env": []}
LOCK = threading.Lock()


def record(line):
    if RECORD:
        with LOCK, open(RECORD, "a") as f:
            f.write(line + "\n")


def frames(data, stream=1):
    """Docker's multiplexed log frames."""
    out = b""
    for i in range(0, len(data), 65536):
        part = data[i:i + 65536]
        out += bytes([stream, 0, 0, 0]) + len(part).to_bytes(4, "big") + part
    return out


def container():
    exited = MODE in ("early-exit-long-token", "logs-hang")
    ports = {"8888/tcp": [] if MODE == "no-port" else [{"HostIp": "127.0.0.1", "HostPort": str(JUPYTER_PORT)}]}
    return {
        "Id": CID, "Name": "/" + STATE["name"], "Created": "2026-11-23T10:00:00Z", "Image": "sha256:" + "ab" * 32,
        "State": {"Status": "exited" if exited else "running", "Running": not exited, "ExitCode": 1 if exited else 0,
                  "OOMKilled": False, "StartedAt": "2026-11-23T10:00:01Z", "Error": ""},
        "Config": {"Image": "hostile/notebook:1", "Tty": False,
                   "Env": ["JUPYTER_TOKEN=" + STATE["token"]] + STATE["env"],
                   "Labels": {"berth.env": STATE["name"], "berth.port": "8888/tcp", "berth.token-source": "env",
                              "berth.notebook-root": "/root", "berth.workspace": "", "berth.workspace-target": ""}},
        "HostConfig": {"Memory": 0, "NanoCpus": 0, "ShmSize": 1 << 30},
        "NetworkSettings": {"Ports": ports}, "Mounts": [],
    }


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def send(self, status, body=b"", ctype="application/json"):
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
        elif isinstance(body, str):
            body = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Api-Version", "1.43")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def endless(self, piece=b"x" * 65536):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            while True:
                self.wfile.write(b"%x\r\n" % len(piece) + piece + b"\r\n")
        except OSError:
            pass

    def handle_any(self, method):
        u = urlparse(self.path)
        path = u.path
        if path.startswith("/v1.") or path.startswith("/v2."):
            path = path[path.index("/", 1):]
        q = parse_qs(u.query)
        record(method + " " + path + (" auth" if self.headers.get("Authorization") else ""))
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if MODE == "silent":
            time.sleep(3600)
            return
        if MODE == "flood-headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            try:
                while True:
                    self.wfile.write(b"X-Filler: " + b"y" * 1000 + b"\r\n")
            except OSError:
                return
        if MODE == "flood-body" and method == "GET" and path != "/_ping":
            return self.endless()
        if MODE == "escape":
            if path == "/containers/json":
                return self.send(200, [{"Id": CID, "Names": ["/" + ESC + "evil"], "Image": ESC, "State": "running",
                                        "Status": ESC, "Ports": [], "Labels": {}}])
            if path not in ("/_ping", "/version", "/info"):
                return self.send(500, {"message": ESC + " engine trouble"})
        if path == "/_ping":
            return self.send(200, "OK", "text/plain")
        if path == "/version":
            return self.send(200, {"Version": "27.5.1", "ApiVersion": "1.47", "MinAPIVersion": "1.24", "Os": "linux",
                                   "Arch": "amd64", "KernelVersion": platform.release(), "Components": []})
        if path == "/info":
            name = socket.gethostname() if LOCAL else "lab-gpu-01"
            kernel = platform.release() if LOCAL else "6.1.0-99-amd64"
            return self.send(200, {"Name": name, "KernelVersion": kernel, "OperatingSystem": "Debian GNU/Linux 12",
                                   "OSType": "linux", "Architecture": "x86_64", "NCPU": 2, "MemTotal": 1 << 34,
                                   "Runtimes": {"runc": {}}, "DefaultRuntime": "runc", "CgroupVersion": "2"})
        if path.startswith("/images/") and path.endswith("/json"):
            return self.send(200, {"Id": "sha256:" + "ab" * 32, "RepoTags": ["hostile/notebook:1"], "RepoDigests": [],
                                   "Created": "2026-11-01T00:00:00Z", "Architecture": "amd64", "Size": 1,
                                   "Config": {"Env": ["PATH=/usr/bin"], "Cmd": ["jupyter", "notebook"], "User": "",
                                              "ExposedPorts": {"8888/tcp": {}}, "WorkingDir": "/root"}})
        if path == "/containers/create":
            if MODE == "slow-create":
                time.sleep(3)
            doc = json.loads(body or b"{}")
            for kv in doc.get("Env", []):
                if kv.startswith("JUPYTER_TOKEN="):
                    STATE["token"] = kv[len("JUPYTER_TOKEN="):]
            STATE["name"] = q.get("name", ["hostile-env"])[0]
            STATE["created"] = True
            return self.send(201, {"Id": CID, "Warnings": []})
        if path == "/containers/json":
            return self.send(200, [])
        if path.startswith("/containers/"):
            parts = path.split("/")
            ident, action = parts[2], (parts[3] if len(parts) > 3 else "")
            if not STATE["created"] or ident not in (CID, STATE["name"]):
                return self.send(404, {"message": "No such container: " + ident})
            if method == "DELETE":
                STATE["created"] = False
                return self.send(204)
            if action == "json":
                return self.send(200, container())
            if action in ("start", "stop", "kill"):
                return self.send(204)
            if action == "changes":
                return self.send(200, [])
            if action == "logs":
                if MODE == "logs-hang":
                    time.sleep(3600)
                    return
                if MODE == "early-exit-long-token":
                    data = b"[I] Jupyter Server at http://127.0.0.1:8888/?token=" + b"a" * 200000 + b"\n"
                elif MODE == "no-port":
                    data = ("[I] serving; my token is " + STATE["token"] + " (from JUPYTER_TOKEN)\n").encode()
                elif MODE == "line-flood":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/vnd.docker.raw-stream")
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    chunk = frames(b"z" * 65536)
                    for _ in range(320):
                        self.wfile.write(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
                    self.wfile.write(b"0\r\n\r\n")
                    return
                else:
                    data = b"[I] started\n"
                return self.send(200, frames(data), "application/vnd.docker.raw-stream")
            if action == "exec":
                return self.send(201, {"Id": "e" * 64})
            return self.send(404, {"message": "not here"})
        if path.startswith("/exec/"):
            if path.endswith("/start"):
                if MODE == "exec-flood":
                    return self.endless(frames(b"o" * 65000))
                return self.send(200, frames(b"[]\n"), "application/vnd.docker.raw-stream")
            return self.send(200, {"ExitCode": 0, "Running": False})
        return self.send(404, {"message": "page not found"})

    def do_GET(self):
        self.handle_any("GET")

    def do_POST(self):
        self.handle_any("POST")

    def do_DELETE(self):
        self.handle_any("DELETE")

    def do_HEAD(self):
        self.handle_any("HEAD")


class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True

    def get_request(self):
        conn, _ = self.socket.accept()
        return conn, ("hostile", 0)


if os.path.exists(SOCK):
    os.unlink(SOCK)
srv = Server(SOCK, Handler)
print("ready", flush=True)
srv.serve_forever()
