"""Follows a ticket's Server-Sent Events while acting as the hall's queue machine.

Usage: sse_probe.py BASE_URL TICKET_ID HALL_ID SERVICE NUMBER OPERATOR_TOKEN

Opens GET /v1/tickets/{id}/events; after the first event it calls the ticket (POST /v1/halls/{id}/calls)
and times the `called` event from the moment the call was answered; then closes it as served and reads
until the server ends the stream. Prints JSON: the events in order (name and status) and the seconds
from the call's answer to the `called` event.
"""
import http.client
import json
import sys
import time
import urllib.parse

base, ticket_id, hall_id, service, number, token = sys.argv[1:7]
url = urllib.parse.urlparse(base)


def post_call(body):
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    connection.request("POST", f"/v1/halls/{hall_id}/calls", body=json.dumps(body),
                       headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    response = connection.getresponse()
    response.read()
    connection.close()
    if response.status != 200:
        raise SystemExit(f"call answered {response.status}")


stream = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
stream.request("GET", f"/v1/tickets/{ticket_id}/events", headers={"Accept": "text/event-stream"})
response = stream.getresponse()
result = {"status": response.status, "content_type": response.getheader("Content-Type"), "events": []}
called_at = None
name, data = None, []
while True:
    line = response.readline()
    if not line:
        break
    line = line.decode("utf-8").rstrip("\n")
    if line.startswith("event: "):
        name = line[len("event: "):]
    elif line.startswith("data: "):
        data.append(line[len("data: "):])
    elif line == "" and name is not None:
        ticket = json.loads("\n".join(data))
        result["events"].append({"event": name, "status": ticket["status"], "position": ticket["position"]})
        if len(result["events"]) == 1:
            post_call({"service": service, "number": number})
            called_at = time.monotonic()
        elif name == "called":
            result["called_after_s"] = time.monotonic() - called_at
            post_call({"service": service, "number": number, "outcome": "served"})
        name, data = None, []
print(json.dumps(result))
