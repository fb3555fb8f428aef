#!/usr/bin/env python3
"""The attack script of issue 16, run against a release binary with the demo world.

It starts `roma-platform demo` on a fresh database in a temporary folder, logs in as the
demo coordinator, and then does what an attacker with a low-privilege account, or none,
tried: spreadsheet and ZIP bombs, images declaring billions of pixels, slow and silent
connections, password spraying, a flood of anonymous registrations, text that hides itself.
All the while a "legitimate user" thread asks for /healthz and the public calendar twice a
second. At the end it checks that every legitimate request was answered, that the server is
up and ready, that nothing was lost (the directory, the events and every accepted
registration are there; the database passes its integrity check and a backup of it
verifies), and prints one line per attack. Exit code 0 when everything held.

    cargo build --release
    python3 benches/attack.py target/release/roma-platform

Only Python's standard library is used. Figures from a run are in benches/README.md.
"""

import http.client
import io
import os
import re
import socket
import sqlite3
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import zipfile
import zlib

RESULTS = []

# The attacker's address: another loopback address, as another machine would be (the whole
# of 127.0.0.0/8 is loopback on Linux); the legitimate users come from 127.0.0.1.
ATTACKER = "127.0.0.66"


def record(name, ok, detail):
    RESULTS.append((name, ok, detail))
    print(("ok   " if ok else "FAIL ") + name + ": " + detail, flush=True)


class Browser:
    """Cookies, the page's CSRF token, and requests on a fresh connection each."""

    def __init__(self, host, port, source="127.0.0.1"):
        self.host, self.port, self.source = host, port, source
        self.cookies = {}
        self.csrf = ""

    def request(self, method, path, body=None, ctype=None, timeout=60):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout, source_address=(self.source, 0))
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if ctype:
            headers["Content-Type"] = ctype
        conn.request(method, path, body=body, headers=headers)
        res = conn.getresponse()
        data = res.read()
        for k, v in res.getheaders():
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                value = rest.split(";")[0]
                if "Max-Age=0" in v:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = value
        text = data.decode("utf-8", "replace")
        m = re.search(r'name="csrf_token" value="([^"]+)"', text)
        if m:
            self.csrf = m.group(1)
        conn.close()
        return res.status, dict((k.lower(), v) for k, v in res.getheaders()), text

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields):
        fields = [("csrf_token", self.csrf)] + list(fields)
        body = urllib.parse.urlencode(fields).encode()
        return self.request("POST", path, body, "application/x-www-form-urlencoded")

    def upload(self, path, fields, filename, data):
        boundary = "----romaAttack7MA4YWxk"
        out = io.BytesIO()
        for k, v in [("csrf_token", self.csrf)] + list(fields):
            out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode())
        out.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
            f"Content-Type: application/octet-stream\r\n\r\n".encode()
        )
        out.write(data)
        out.write(f"\r\n--{boundary}--\r\n".encode())
        return self.request("POST", path, out.getvalue(), f"multipart/form-data; boundary={boundary}")

    def login(self, email, password):
        self.get("/lv/login")
        return self.post("/lv/login", [("email", email), ("password", password)])


def xlsx(sheet_xml, shared_strings=None):
    """An XLSX written by hand around the given sheet."""
    b = io.BytesIO()
    z = zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED)
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
    z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    if shared_strings:
        z.writestr("xl/sharedStrings.xml", shared_strings)
    z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    z.close()
    return b.getvalue()


SHEET = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{dim}<sheetData>{rows}</sheetData></worksheet>'


def gibibyte_docx():
    """A real zip bomb named .docx: word/document.xml of 1 GiB of zeros in about a megabyte."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = deflate.compress(b"\0" * (1 << 20)) + deflate.flush(zlib.Z_FULL_FLUSH)
    data = block * 1024 + b"\x03\x00"
    crc = 0
    chunk = b"\0" * (1 << 20)
    for _ in range(1024):
        crc = zlib.crc32(chunk, crc)
    out = io.BytesIO()
    z = zipfile.ZipFile(out, "w")
    z.writestr("[Content_Types].xml", "<Types/>")
    z.close()
    head = out.getvalue()
    cd = head.index(b"PK\x01\x02")
    eocd = head.index(b"PK\x05\x06")
    local, central = head[:cd], bytearray(head[cd:eocd])
    name = b"word/document.xml"
    offset = len(local)
    local += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(data), 1 << 30, len(name), 0) + name + data
    central += struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(data), 1 << 30, len(name), 0, 0, 0, 0, 0, offset) + name
    return local + bytes(central) + struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 2, 2, len(central), len(local), 0)


def png_declaring(w, h):
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(b"\0")) + chunk(b"IEND", b"")


class Legitimate(threading.Thread):
    """Asks for /healthz and the public calendar twice a second, recording every answer."""

    def __init__(self, host, port):
        super().__init__(daemon=True)
        self.host, self.port = host, port
        self.stop = threading.Event()
        self.times, self.failures = [], []

    def run(self):
        while not self.stop.is_set():
            for path in ("/healthz", "/lv/calendar"):
                started = time.monotonic()
                try:
                    status, _, _ = Browser(self.host, self.port).request("GET", path, timeout=15)
                    if status != 200:
                        self.failures.append(f"{path}: {status}")
                except Exception as e:  # noqa: BLE001 — every failure is recorded
                    self.failures.append(f"{path}: {e}")
                self.times.append(time.monotonic() - started)
            time.sleep(0.5)


def counts(db):
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    out = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("organisations", "people", "events", "users", "event_documents", "import_batches")}
    out["registrations"] = conn.execute("SELECT COUNT(*) FROM registrations WHERE status <> 'cancelled'").fetchone()[0]
    out["registration_mails"] = conn.execute("SELECT COUNT(*) FROM outbox WHERE kind LIKE 'registration%'").fetchone()[0]
    out["promotion_mails"] = conn.execute("SELECT COUNT(*) FROM outbox WHERE kind = 'registration_promoted'").fetchone()[0]
    out["released"] = conn.execute("SELECT COUNT(*) FROM registrations WHERE cancel_reason IN ('unconfirmed', 'coordinator')").fetchone()[0]
    conn.close()
    return out


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "target/release/roma-platform")
    work = tempfile.mkdtemp(prefix="roma-attack-")
    db = os.path.join(work, "roma-demo.db")
    server = subprocess.Popen([binary, "demo", "--bind", "127.0.0.1:0", "--database", db], cwd=work, stdout=subprocess.PIPE, stderr=open(os.path.join(work, "server.log"), "w"), text=True)
    logins, addr = {}, None
    for line in server.stdout:
        m = re.match(r"\s+(\w+)\s+(\S+@\S+)\s+(demo-\S+)", line)
        if m:
            logins[m.group(1)] = (m.group(2), m.group(3))
        m = re.search(r"listening on http://(\S+)", line)
        if m:
            addr = m.group(1)
            break
    host, port = addr.rsplit(":", 1)
    port = int(port)
    threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
    before = counts(db)
    legit = Legitimate(host, port)
    legit.start()

    coordinator = Browser(host, port)
    status, _, _ = coordinator.login(*logins["coordinator"])
    record("coordinator logs in", status == 303, f"{status}")
    device = coordinator.cookies.get("__Host-roma_device")

    # 1. Spreadsheet bombs on every import.
    corner = xlsx(SHEET.format(dim='<dimension ref="A1:XFD1048576"/>', rows='<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>b</t></is></c></row>'))
    quadrillion = xlsx(SHEET.format(dim="", rows='<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1000000000000000"><si><t>a</t></si></sst>')
    _, _, events_page = coordinator.get("/lv/events")
    event = re.search(r'href="/lv/events/(\d+)', events_page).group(1)
    for name, bomb in (("corner cells", corner), ("a quadrillion shared strings", quadrillion)):
        answers = []
        for path in ("/lv/people/import", "/lv/organisations/import", f"/lv/events/{event}/attendance/import"):
            coordinator.get(path)
            status, _, _ = coordinator.upload(path, [], "saraksts.xlsx", bomb)
            answers.append(status)
        up = Browser(host, port).get("/healthz")[0] == 200
        record(f"spreadsheet bomb ({name}, {len(bomb)} bytes) on three imports", all(a == 422 for a in answers) and up, f"answers {answers}, server up: {up}")

    # 2. Upload bombs as event documents.
    docs = f"/lv/events/{event}/documents"
    for name, filename, data in (("PNG declaring 100,000 × 100,000", "plakats.png", png_declaring(100_000, 100_000)), ("1 GiB ZIP bomb named .docx", "protokols.docx", gibibyte_docx())):
        coordinator.get(docs)
        started = time.monotonic()
        status, _, _ = coordinator.upload(docs, [("title", "Uzbrukums")], filename, data)
        record(f"upload bomb: {name} ({len(data)} bytes)", status == 422, f"{status} in {time.monotonic() - started:.2f} s")

    # 3. Slow and silent connections.
    slow = []
    for i in range(100):
        try:
            s = socket.create_connection((host, port), source_address=(ATTACKER, 0))
            s.sendall(f"GET /lv/calendar HTTP/1.1\r\nHost: x\r\nX-Slow-{i}: ".encode())
        except OSError:
            continue
        slow.append(s)
    for _ in range(50):
        try:
            slow.append(socket.create_connection((host, port), source_address=(ATTACKER, 0)))
        except OSError:
            pass
    started = time.monotonic()
    served = sum(Browser(host, port).get("/healthz")[0] == 200 for _ in range(20))
    during = time.monotonic() - started
    time.sleep(12)
    closed = 0
    for s in slow:
        s.settimeout(1)
        try:
            closed += s.recv(1) == b""
        except socket.timeout:
            pass
        except OSError:
            # Reset: closed with what the client had sent still unread.
            closed += 1
        s.close()
    record("100 half-sent and 50 silent connections", served == 20 and closed == len(slow), f"20 health checks meanwhile: {served} answered in {during:.2f} s; closed by the server after 12 s: {closed}/{len(slow)}")

    # 4. Password spraying from one address, then the coordinator's known browser.
    statuses = []
    for i in range(110):
        statuses.append(Browser(host, port, ATTACKER).login(f"guess{i}@example.invalid", "nepareiza parole 00")[0])
    # Behind the same address as the sprayer (one NAT): a new browser, and the coordinator's.
    stranger = Browser(host, port, ATTACKER).login(*logins["coordinator"])[0]
    known = Browser(host, port, ATTACKER)
    known.cookies["__Host-roma_device"] = device or ""
    returning = known.login(*logins["coordinator"])[0]
    record("password spraying (110 accounts from one address)", statuses.count(429) >= 10 and stranger == 429 and returning == 303,
           f"{statuses.count(422)} checked, {statuses.count(429)} refused with 429; a new browser with the right password: {stranger}; the coordinator's own browser: {returning}")

    # 5. A flood of anonymous registrations for a public event.
    visitor = Browser(host, port, ATTACKER)
    _, _, calendar = visitor.get("/lv/calendar")
    reg_statuses, form = [], None
    for cal in re.findall(r'href="(/lv/calendar/\d+[^"]*)"', calendar):
        _, _, page = visitor.get(cal)
        m = re.search(r'href="(/lv/calendar/\d+/register)"', page)
        if m:
            form = m.group(1)
            break
    leaked = 0
    if form:
        for i in range(40):
            visitor.get(form)
            status, headers, _ = visitor.post(form, [("name", f"Plūdu Dalībnieks {i}"), ("email", f"pludi{i}@example.invalid"), ("organisation", "Nav"), ("notice", "1")])
            reg_statuses.append(status)
            # The answer must not lead to the personal page (that would let the sender confirm).
            leaked += "/registration/" in headers.get("location", "")
    accepted = reg_statuses.count(303)
    event_id = re.search(r"/calendar/(\d+)/", form or "/calendar/0/").group(1)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    flood_pending = conn.execute("SELECT COUNT(*) FROM registrations WHERE event_id = ? AND email LIKE 'pludi%' AND email_confirmed_at IS NULL AND status <> 'cancelled'", (event_id,)).fetchone()[0]
    conn.close()
    record("40 anonymous registrations in a row", form is not None and accepted <= 30 and reg_statuses.count(429) >= 10 and leaked == 0 and flood_pending == accepted,
           f"{accepted} accepted, {reg_statuses.count(429)} refused with 429; all {flood_pending} accepted wait for confirmation from the e-mail, none led to its personal link")

    # 5b. A real person then meets the hourly cap; the coordinator releases the made-up
    # places at once and registers them by hand (by phone), confirmed at once.
    person = Browser(host, port)
    person.get(form or "/lv/calendar")
    capped = person.post(form or "/lv/calendar", [("name", "Īsta Zvanītāja"), ("email", "ista@example.invalid"), ("organisation", "Nav"), ("notice", "1")])[0]
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    pending_before = conn.execute("SELECT COUNT(*) FROM registrations WHERE event_id = ? AND email_confirmed_at IS NULL AND status <> 'cancelled'", (event_id,)).fetchone()[0]
    conn.close()
    _, _, page = coordinator.get(f"/lv/events/{event_id}/registrations")
    upto = re.search(r'name="upto" value="(\d+)"', page)
    released = coordinator.post(f"/lv/events/{event_id}/registrations/release", [("upto", upto.group(1) if upto else "0")])[0]
    coordinator.get(f"/lv/events/{event_id}/registrations/new")
    by_hand = coordinator.post(f"/lv/events/{event_id}/registrations/new", [("name", "Īsta Zvanītāja"), ("private_person", "1"), ("lang", "lv"), ("notice", "1")])[0]
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    pending_after = conn.execute("SELECT COUNT(*) FROM registrations WHERE event_id = ? AND email_confirmed_at IS NULL AND status <> 'cancelled'", (event_id,)).fetchone()[0]
    hand_ok = conn.execute("SELECT COUNT(*) FROM registrations WHERE event_id = ? AND name = 'Īsta Zvanītāja' AND email_confirmed_at IS NOT NULL AND status <> 'cancelled'", (event_id,)).fetchone()[0]
    conn.close()
    record("the coordinator undoes the flood", capped == 429 and released == 303 and by_hand == 303 and pending_after == 0 and hand_ok == 1,
           f"a real person on the form: {capped}; release of {pending_before} unconfirmed places: {released}, left unconfirmed: {pending_after}; registered by hand: {by_hand}, confirmed: {hand_ok == 1}")

    # 6. Text that hides itself.
    coordinator.get("/lv/organisations/new")
    status, _, text = coordinator.post("/lv/organisations", [("name_lv", "Biedrība\u202egnp.exe"), ("kind", "roma_ngo")])
    record("an organisation name with a right-to-left override", status == 422 and "neredzamas rakstzīmes" in text, f"{status}")

    # The end: everyone was served, nothing was lost.
    legit.stop.set()
    legit.join()
    times = sorted(legit.times)
    p50 = times[len(times) // 2] * 1000
    worst = times[-1] * 1000
    record("every legitimate request answered", not legit.failures, f"{len(times)} requests, median {p50:.0f} ms, slowest {worst:.0f} ms; failures: {legit.failures[:3]}")
    ready = Browser(host, port).get("/readyz")[0]
    after = counts(db)
    same = all(after[k] == before[k] for k in ("organisations", "people", "events", "users", "event_documents"))
    released_n = after["released"] - before["released"]
    promoted_n = after["promotion_mails"] - before["promotion_mails"]
    record("nothing lost, nothing half-saved", same and released_n == pending_before and after["registrations"] == before["registrations"] + accepted - released_n + 1 and after["registration_mails"] - before["registration_mails"] == accepted + promoted_n and ready == 200,
           f"before {before}, after {after}; /readyz {ready}")
    server.terminate()
    server.wait(timeout=30)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    conn.close()
    archive = os.path.join(work, "backup.zip")
    subprocess.run([binary, "backup", "--database", db, "--to", archive], cwd=work, check=False, capture_output=True)
    verified = subprocess.run([binary, "backup", "--verify", archive], cwd=work, capture_output=True, text=True)
    record("the database after the attacks", integrity == "ok" and verified.returncode == 0, f"integrity_check: {integrity}; backup --verify: {verified.stdout.strip() or verified.stderr.strip()}")
    failed = [r for r in RESULTS if not r[1]]
    print(f"\n{len(RESULTS) - len(failed)} of {len(RESULTS)} held. Server log: {os.path.join(work, 'server.log')}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
