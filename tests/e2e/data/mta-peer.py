#!/usr/bin/env python3
"""mta-peer.py - a small recording SMTP/LMTP peer for the MTA tests.

usage: mta-peer.py [--lmtp] PORT DIR

Listens on 127.0.0.1:PORT and announces PIPELINING, SIZE, 8BITMIME,
DSN, ENHANCEDSTATUSCODES and MT-PRIORITY.  Each transaction is written
to DIR/NNNNNN.eml: "X-Mail: <MAIL command>", one "X-Rcpt: <RCPT
command>" per recipient, an empty line, then the data as received
(dot-unstuffed).  The reply to RCPT and to the final dot follows the
file DIR/mode, read per transaction: "ok" (default), "4xx" or "5xx".
Stops on SIGTERM.  For the benchmarks: PEER_DELAY (seconds to wait
before answering DATA, a slow next hop) and an "X-Arrival: <epoch
seconds>" line first in each file.
"""
import os
import socketserver
import sys
import threading
import time

lmtp = sys.argv[1] == "--lmtp"
args = sys.argv[2:] if lmtp else sys.argv[1:]
port, out = int(args[0]), args[1]
seq = [0]
lock = threading.Lock()


def mode():
    try:
        with open(os.path.join(out, "mode")) as f:
            return f.read().strip() or "ok"
    except OSError:
        return "ok"


class Session(socketserver.StreamRequestHandler):
    def say(self, text):
        self.wfile.write((text + "\r\n").encode())
        self.wfile.flush()

    def handle(self):
        self.say("220 peer ESMTP")
        mail, rcpts, ok_rcpts = None, [], 0
        while True:
            line = self.rfile.readline(8192)
            if not line:
                return
            cmd = line.decode("latin-1").rstrip("\r\n")
            verb = cmd[:4].upper()
            if verb in ("EHLO", "LHLO"):
                self.say("250-peer\r\n250-PIPELINING\r\n250-SIZE 10485760"
                         "\r\n250-8BITMIME\r\n250-DSN\r\n"
                         "250-ENHANCEDSTATUSCODES\r\n250 MT-PRIORITY STANAG4406")
            elif verb == "HELO":
                self.say("250 peer")
            elif verb == "MAIL":
                mail, rcpts, ok_rcpts = cmd, [], 0
                self.say("250 2.1.0 ok")
            elif verb == "RCPT":
                rcpts.append(cmd)
                m = mode()
                if m == "5xx":
                    self.say("550 5.1.1 no such user here")
                elif m == "4xx":
                    self.say("451 4.3.0 try again later")
                else:
                    ok_rcpts += 1
                    self.say("250 2.1.5 ok")
            elif verb == "DATA":
                if ok_rcpts == 0:
                    self.say("554 5.5.1 no valid recipients")
                    continue
                time.sleep(float(os.environ.get("PEER_DELAY", "0")))
                self.say("354 go ahead")
                data = []
                while True:
                    d = self.rfile.readline(1 << 20)
                    if not d or d in (b".\r\n", b".\n"):
                        break
                    data.append(d[1:] if d.startswith(b".") else d)
                with lock:
                    seq[0] += 1
                    name = os.path.join(out, "%06d.eml" % seq[0])
                with open(name + ".tmp", "wb") as f:
                    f.write(("X-Arrival: %.6f\r\n" % time.time()).encode())
                    f.write(("X-Mail: %s\r\n" % mail).encode())
                    for r in rcpts:
                        f.write(("X-Rcpt: %s\r\n" % r).encode())
                    f.write(b"\r\n")
                    f.writelines(data)
                os.rename(name + ".tmp", name)
                for _ in range(ok_rcpts if lmtp else 1):
                    self.say("250 2.0.0 queued as %d" % seq[0])
            elif verb == "RSET":
                mail, rcpts, ok_rcpts = None, [], 0
                self.say("250 2.0.0 ok")
            elif verb == "QUIT":
                self.say("221 2.0.0 bye")
                return
            else:
                self.say("250 2.0.0 ok")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


os.makedirs(out, exist_ok=True)
Server(("127.0.0.1", port), Session).serve_forever()
