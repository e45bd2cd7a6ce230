"""Sends N requests one after another on one keep-alive connection (issue "Fast at national scale").

Used by run.sh with CPU=N: the server's CPU time over those requests, read from /proc around this script, is the
cost of one request that a loaded, shared machine does not distort the way it distorts requests per second.

    python3 cpu.py BASE TOKEN METHOD PATH BODY N
"""
import http.client
import sys
import urllib.parse

base, token, method, path, body, count = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6])
url = urllib.parse.urlparse(base)
connection = http.client.HTTPConnection(url.hostname, url.port)
for n in range(count):
    headers = {"Authorization": f"Bearer {token}"}
    if method == "POST":
        headers["Content-Type"] = "application/json"
        headers["Idempotency-Key"] = f"cpu-{n}-{id(connection)}"
    connection.request(method, path, body=body.encode() if method == "POST" else None, headers=headers)
    response = connection.getresponse()
    response.read()
    if response.status >= 300:
        sys.exit(f"{method} {path} answered {response.status}")
