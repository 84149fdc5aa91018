#!/usr/bin/python3
"""A real SMTP server on 127.0.0.1 for tests/e2e/email.sh (Debian's python3-aiosmtpd).

  smtp_server.py --port N --out DIR [--cert PEM --key PEM [--implicit-tls]] [--auth USER:PASS]
                 [--fail-once ADDR]... [--refuse ADDR]... [--hang ADDR]... [--drop ADDR]...
                 [--lifetime SECONDS]

Each message it takes is written to DIR/NNNN.eml (in the order received); DIR/log has a line per
event: "data <rcpt>", "taken <rcpt>", "refused <rcpt>", "deferred <rcpt>", "dropped <rcpt>";
DIR/times the monotonic time each message was taken (a line each, for the rate limit).
With --cert/--key it offers STARTTLS and requires it (or, with --implicit-tls, speaks TLS from
the first byte); without, it offers no STARTTLS. --fail-once answers the first DATA for ADDR with
451, --refuse answers RCPT TO ADDR with 550 (quoting the address, as real servers do), --hang
holds the answer to ADDR's data for 30 s (a sender killed meanwhile leaves it in doubt), --drop
closes the connection after ADDR's data without an answer. DIR/ready appears once it listens.
It stops by itself after --lifetime seconds (default 300).
"""
import argparse
import asyncio
import os
import ssl
import sys
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--cert")
    p.add_argument("--key")
    p.add_argument("--implicit-tls", action="store_true")
    p.add_argument("--auth")
    p.add_argument("--fail-once", action="append", default=[])
    p.add_argument("--refuse", action="append", default=[])
    p.add_argument("--hang", action="append", default=[])
    p.add_argument("--drop", action="append", default=[])
    p.add_argument("--lifetime", type=float, default=300)
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    lock = threading.Lock()
    deferred = set()
    count = [len([n for n in os.listdir(a.out) if n.endswith(".eml")])]

    def log(line):
        with lock, open(os.path.join(a.out, "log"), "a") as f:
            f.write(line + "\n")

    class Handler:
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if address in a.refuse:
                log(f"refused {address}")
                return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
            envelope.rcpt_tos.append(address)
            return "250 OK"

        async def handle_DATA(self, server, session, envelope):
            rcpt = envelope.rcpt_tos[0]
            log(f"data {rcpt}")
            if rcpt in a.fail_once and rcpt not in deferred:
                deferred.add(rcpt)
                log(f"deferred {rcpt}")
                return "451 4.3.0 <%s>: temporary local problem, try again later" % rcpt
            with lock:
                count[0] += 1
                path = os.path.join(a.out, "%04d.eml" % count[0])
            with open(path + ".tmp", "wb") as f:
                f.write(envelope.original_content)
            os.rename(path + ".tmp", path)
            if rcpt in a.drop:
                log(f"dropped {rcpt}")
                server.transport.close()
                return "250 OK"  # never reaches the sender: the connection is closed
            if rcpt in a.hang:
                log(f"hanging {rcpt}")
                await asyncio.sleep(30)
            log(f"taken {rcpt}")
            with lock, open(os.path.join(a.out, "times"), "a") as f:
                f.write("%.3f\n" % time.monotonic())
            return "250 2.0.0 OK queued"

    def authenticator(server, session, envelope, mechanism, auth_data):
        user, password = a.auth.split(":", 1)
        ok = auth_data.login.decode() == user and auth_data.password.decode() == password
        log("login " + ("ok" if ok else "refused"))
        return AuthResult(success=ok)

    kwargs = dict(hostname="127.0.0.1", port=a.port)
    if a.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(a.cert, a.key)
        if a.implicit_tls:
            kwargs["ssl_context"] = context
        else:
            kwargs.update(tls_context=context, require_starttls=True)
    if a.auth:
        # aiosmtpd 1.4 counts only STARTTLS as TLS: over implicit TLS it would hide AUTH.
        kwargs.update(authenticator=authenticator, auth_required=True,
                      auth_require_tls=bool(a.cert) and not a.implicit_tls)
    controller = Controller(Handler(), **kwargs)
    controller.start()
    open(os.path.join(a.out, "ready"), "w").close()
    try:
        time.sleep(a.lifetime)
    finally:
        controller.stop()


if __name__ == "__main__":
    sys.exit(main())
