/// The OpenAPI 3.1 description of every route, served at `/openapi.json`. Tests validate it with
/// openapi-spec-validator and check the live service against it with schemathesis.
enum OpenAPIDocument {
    static let text = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "PayCircle",
        "version": "1.0.0",
        "summary": "The ten-minute payment circle: places to pay electricity bills, walking routes to them, and who lives within a walk of one.",
        "license": { "name": "Data: ODbL 1.0 (© OpenStreetMap contributors)", "identifier": "ODbL-1.0" }
      },
      "servers": [{ "url": "/" }],
      "paths": {
        "/healthz": {
          "get": { "summary": "Service health and point count", "operationId": "health",
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "200": { "description": "Up", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Health" } } } } } }
        },
        "/metrics": {
          "get": { "summary": "Request counts and latency histograms (Prometheus text format)", "operationId": "metrics",
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "200": { "description": "Metrics", "content": { "text/plain": { "schema": { "type": "string" } } } } } }
        },
        "/v1/nearest": {
          "get": { "summary": "The nearest payment channels to a place, by distance or by walking time", "operationId": "nearest",
            "parameters": [
              { "$ref": "#/components/parameters/lat" }, { "$ref": "#/components/parameters/lon" },
              { "name": "k", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 5 } },
              { "$ref": "#/components/parameters/kind" },
              { "name": "service", "in": "query", "description": "Comma list of cash, card, qr, invoice, business", "schema": { "type": "string" } },
              { "name": "status", "in": "query", "description": "Comma list of online, offline, fault, closed", "schema": { "type": "string" } },
              { "name": "at", "in": "query", "description": "Only channels open at this ISO 8601 time", "schema": { "type": "string" } },
              { "name": "by", "in": "query", "description": "distance; walk; time = walk plus the expected wait on arrival (the queue of the one service given in `service`, else the quickest)", "schema": { "type": "string", "enum": ["distance", "walk", "time"], "default": "distance" } },
              { "$ref": "#/components/parameters/crs" },
              { "name": "radius", "in": "query", "description": "Metres", "schema": { "type": "number", "minimum": 0 } }
            ],
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" },
              "200": { "description": "Nearest first", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Nearest" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" } } }
        },
        "/v1/points": {
          "get": { "summary": "Payment points in a box", "operationId": "points",
            "parameters": [
              { "$ref": "#/components/parameters/bboxRequired" }, { "$ref": "#/components/parameters/kind" },
              { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 5000, "default": 1000 } }
            ],
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" },
              "200": { "description": "Points as GeoJSON", "content": { "application/geo+json": { "schema": { "$ref": "#/components/schemas/FeatureCollection" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" } } },
          "post": { "summary": "Create a point (admin token)", "operationId": "createPoint", "security": [{ "bearer": [] }],
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PointInput" } } } },
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" },
              "201": { "description": "Created", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Point" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" },
              "403": { "$ref": "#/components/responses/Forbidden" }, "409": { "$ref": "#/components/responses/Conflict" },
              "413": { "$ref": "#/components/responses/TooLarge" } } }
        },
        "/v1/points/{id}": {
          "get": { "summary": "One payment point", "operationId": "point",
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" },
              "200": { "description": "The point", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Point" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" }, "404": { "$ref": "#/components/responses/NotFound" } } },
          "put": { "summary": "Create or replace a point (admin token)", "operationId": "replacePoint", "security": [{ "bearer": [] }],
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PointInput" } } } },
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" },
              "200": { "description": "Replaced", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Point" } } } },
              "201": { "description": "Created", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Point" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" },
              "403": { "$ref": "#/components/responses/Forbidden" }, "413": { "$ref": "#/components/responses/TooLarge" } } },
          "delete": { "summary": "Delete a point (admin token)", "operationId": "deletePoint", "security": [{ "bearer": [] }],
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "204": { "description": "Deleted" },
              "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" },
              "403": { "$ref": "#/components/responses/Forbidden" }, "404": { "$ref": "#/components/responses/NotFound" } } }
        },
        "/v1/points/{id}/status": {
          "put": { "summary": "Set a point's live status (operator or admin token)", "operationId": "setStatus", "security": [{ "bearer": [] }],
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["status"],
              "properties": { "status": { "enum": ["online", "offline", "fault", "closed"] } } } } } },
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" },
              "200": { "description": "The point", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Point" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "403": { "$ref": "#/components/responses/Forbidden" },
              "404": { "$ref": "#/components/responses/NotFound" }, "413": { "$ref": "#/components/responses/TooLarge" } } }
        },
        "/v1/halls/{id}/queue": {
          "get": { "summary": "A hall's newest queue report and the waits it means now", "operationId": "hallQueue",
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" },
              "200": { "description": "The queue", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Queue" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" }, "404": { "$ref": "#/components/responses/NotFound" } } },
          "put": { "summary": "A queue machine's report (operator or admin token)", "operationId": "reportQueue", "security": [{ "bearer": [] }],
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["services"],
              "properties": { "reported_at": { "type": "string", "description": "ISO 8601; default and latest: when the server receives the report; at most the freshness age (300 s) earlier" },
                "services": { "type": "object", "additionalProperties": { "type": "object", "required": ["waiting", "open_counters", "handling_s"],
                  "properties": { "waiting": { "type": "integer", "minimum": 0, "maximum": 10000 },
                    "open_counters": { "type": "integer", "minimum": 0, "maximum": 200 },
                    "handling_s": { "type": "number", "minimum": 1, "maximum": 7200 },
                    "served_today": { "type": ["integer", "null"], "minimum": 0, "maximum": 100000, "description": "Numbers called so far in the hall's day; moves remote tickets" } } } } } } } } },
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" },
              "200": { "description": "The hall's queue after the report", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Queue" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "403": { "$ref": "#/components/responses/Forbidden" },
              "404": { "$ref": "#/components/responses/NotFound" }, "413": { "$ref": "#/components/responses/TooLarge" } } }
        },
        "/v1/halls/{id}/tickets": {
          "post": { "summary": "Take a remote ticket in a hall's queue", "operationId": "issueTicket",
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["service", "customer"],
              "properties": { "service": { "enum": ["cash", "card", "qr", "invoice", "business"] },
                "customer": { "type": "string", "minLength": 1, "maxLength": 200, "description": "The app's opaque id of its user (e.g. a hashed account id), kept only as a digest: one active ticket per customer per hall" },
                "lat": { "type": "number", "description": "Where the customer is (WGS-84), for when to leave" }, "lon": { "type": "number" } } } } } },
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" },
              "201": { "description": "The ticket, with the ticket_key that cancels it (shown only here)", "content": { "application/json": { "schema": { "allOf": [
                { "$ref": "#/components/schemas/Ticket" }, { "type": "object", "required": ["ticket_key"], "properties": { "ticket_key": { "type": "string" } } }] } } } },
              "400": { "$ref": "#/components/responses/BadRequest" }, "404": { "$ref": "#/components/responses/NotFound" },
              "409": { "description": "no_queue, hall_closed, closes_before_call, already_holding (the customer holds a ticket there) or remote_queue_full (the service's remote tickets fill their share of the next hour's counter capacity)",
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "413": { "$ref": "#/components/responses/TooLarge" } } }
        },
        "/v1/halls/{id}/calls": {
          "post": { "summary": "Call a waiting ticket, or close a called one (the hall's queue machine)", "operationId": "callTicket",
            "security": [{ "bearer": [] }],
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["service", "number"],
              "properties": { "service": { "enum": ["cash", "card", "qr", "invoice", "business"] }, "number": { "type": "string" },
                "outcome": { "enum": ["served", "no_show"], "description": "Closes a called ticket; without it a waiting ticket is called" } } } } } },
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" },
              "200": { "description": "The ticket after the call", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Ticket" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "403": { "$ref": "#/components/responses/Forbidden" },
              "404": { "$ref": "#/components/responses/NotFound" }, "413": { "$ref": "#/components/responses/TooLarge" } } }
        },
        "/v1/devices": {
          "get": { "summary": "The device ledger with each device's state (admin, operator or planner)", "operationId": "devices", "security": [{ "bearer": [] }],
            "parameters": [{ "name": "point_id", "in": "query", "schema": { "type": "string" } }],
            "responses": { "200": { "description": "The devices", "content": { "application/json": { "schema": { "type": "object", "required": ["devices"], "properties": { "devices": { "type": "array", "items": { "$ref": "#/components/schemas/Device" } } } } } } }, "401": { "$ref": "#/components/responses/Unauthorized" }, "403": { "$ref": "#/components/responses/Forbidden" }, "429": { "$ref": "#/components/responses/TooManyRequests" } } },
          "post": { "summary": "Add a device to the ledger (admin)", "operationId": "createDevice", "security": [{ "bearer": [] }],
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["id", "point_id", "kind"], "properties": { "id": { "type": "string" }, "point_id": { "type": "string" },
                "kind": { "enum": ["kiosk", "queue_machine", "self_service_terminal", "business_terminal", "invoice_printer", "info_terminal"] },
                "model": { "type": "string" }, "serial": { "type": "string" }, "installed_on": { "type": "string", "description": "YYYY-MM-DD" },
                "power_schedule": { "type": "string", "description": "Opening-hours syntax, e.g. Mo-Su 06:00-23:00" } } } } } },
            "responses": { "201": { "description": "The device", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Device" } } } }, "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "403": { "$ref": "#/components/responses/Forbidden" }, "409": { "$ref": "#/components/responses/Conflict" }, "413": { "$ref": "#/components/responses/TooLarge" }, "429": { "$ref": "#/components/responses/TooManyRequests" } } }
        },
        "/v1/devices/import": {
          "post": { "summary": "Add or replace the devices of a CSV ledger, all or nothing (admin)", "operationId": "importDevices", "security": [{ "bearer": [] }],
            "requestBody": { "required": true, "content": { "text/csv": { "schema": { "type": "string", "description": "Columns id, point_id, kind, model, serial, installed_on, power_schedule" } } } },
            "responses": { "200": { "description": "How many were new and replaced", "content": { "application/json": { "schema": { "type": "object", "required": ["added", "replaced"], "properties": { "added": { "type": "number" }, "replaced": { "type": "number" } } } } } }, "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "403": { "$ref": "#/components/responses/Forbidden" }, "413": { "$ref": "#/components/responses/TooLarge" }, "429": { "$ref": "#/components/responses/TooManyRequests" } } }
        },
        "/v1/devices/{id}": {
          "get": { "summary": "One device (admin, operator or planner)", "operationId": "device", "security": [{ "bearer": [] }], "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
            "responses": { "200": { "description": "The device", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Device" } } } }, "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "403": { "$ref": "#/components/responses/Forbidden" }, "404": { "$ref": "#/components/responses/NotFound" }, "429": { "$ref": "#/components/responses/TooManyRequests" } } },
          "put": { "summary": "Create or replace a device's ledger entry, keeping what it last reported (admin)", "operationId": "replaceDevice", "security": [{ "bearer": [] }],
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }], "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["point_id", "kind"], "properties": { "id": { "type": "string" }, "point_id": { "type": "string" },
                "kind": { "enum": ["kiosk", "queue_machine", "self_service_terminal", "business_terminal", "invoice_printer", "info_terminal"] },
                "model": { "type": "string" }, "serial": { "type": "string" }, "installed_on": { "type": "string", "description": "YYYY-MM-DD" },
                "power_schedule": { "type": "string", "description": "Opening-hours syntax, e.g. Mo-Su 06:00-23:00" } } } } } },
            "responses": { "200": { "description": "Replaced", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Device" } } } }, "201": { "description": "Created", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Device" } } } }, "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "403": { "$ref": "#/components/responses/Forbidden" }, "413": { "$ref": "#/components/responses/TooLarge" }, "429": { "$ref": "#/components/responses/TooManyRequests" } } },
          "delete": { "summary": "Remove a device and its commands; its incidents stay (admin)", "operationId": "deleteDevice", "security": [{ "bearer": [] }], "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
            "responses": { "204": { "description": "Removed" }, "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "403": { "$ref": "#/components/responses/Forbidden" }, "404": { "$ref": "#/components/responses/NotFound" }, "429": { "$ref": "#/components/responses/TooManyRequests" } } }
        },
        "/v1/devices/{id}/heartbeat": {
          "post": { "summary": "A device's heartbeat (its device token): answered with the commands queued for it", "operationId": "heartbeat", "security": [{ "bearer": [] }],
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["status"], "properties": { "status": { "enum": ["ok", "fault"] }, "fault": { "type": "string" }, "counters": { "type": "object", "additionalProperties": { "type": "integer", "minimum": 0 } }, "acks": { "type": "array", "items": { "type": "string" }, "description": "Commands carried out since the last beat" } } } } } },
            "responses": { "200": { "description": "The device's state and its commands", "content": { "application/json": { "schema": { "type": "object", "required": ["status", "commands"], "properties": { "status": { "type": "string" }, "commands": { "type": "array", "items": { "type": "object", "required": ["id", "action"], "properties": { "id": { "type": "string" }, "action": { "type": "string" } } } } } } } } }, "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "403": { "$ref": "#/components/responses/Forbidden" }, "404": { "$ref": "#/components/responses/NotFound" }, "409": { "$ref": "#/components/responses/Conflict" }, "413": { "$ref": "#/components/responses/TooLarge" }, "429": { "$ref": "#/components/responses/TooManyRequests" } } }
        },
        "/v1/devices/{id}/commands": {
          "post": { "summary": "Queue a command for a device, delivered in its next heartbeat's answer (admin, or an operator of its point)", "operationId": "queueCommand", "security": [{ "bearer": [] }],
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["action"], "properties": { "action": { "enum": ["restart", "power_off", "power_on", "maintenance_on", "maintenance_off"] } } } } } },
            "responses": { "201": { "description": "The queued command", "content": { "application/json": { "schema": { "type": "object", "required": ["id", "device_id", "action", "queued_at", "delivered_at", "acknowledged_at"], "properties": { "id": { "type": "string" }, "device_id": { "type": "string" }, "action": { "type": "string" }, "queued_at": { "type": "string" }, "delivered_at": { "type": ["string", "null"] }, "acknowledged_at": { "type": ["string", "null"] } } } } } }, "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "403": { "$ref": "#/components/responses/Forbidden" }, "404": { "$ref": "#/components/responses/NotFound" }, "413": { "$ref": "#/components/responses/TooLarge" }, "429": { "$ref": "#/components/responses/TooManyRequests" } } }
        },
        "/v1/devices/{id}/schedule": {
          "put": { "summary": "When a terminal is meant to be powered: outside it it is off as expected and its point not open (admin, or an operator of its point)", "operationId": "setPowerSchedule", "security": [{ "bearer": [] }],
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["power"], "properties": { "power": { "type": ["string", "null"], "description": "Opening-hours syntax; null for always on" } } } } } },
            "responses": { "200": { "description": "The device", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Device" } } } }, "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "403": { "$ref": "#/components/responses/Forbidden" }, "404": { "$ref": "#/components/responses/NotFound" }, "413": { "$ref": "#/components/responses/TooLarge" }, "429": { "$ref": "#/components/responses/TooManyRequests" } } }
        },
        "/v1/devices/{id}/availability": {
          "get": { "summary": "A device's availability per local day: the share of the time it was expected on that it was not offline or faulty (admin, operator or planner)", "operationId": "deviceAvailability", "security": [{ "bearer": [] }],
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }, { "name": "from", "in": "query", "required": true, "schema": { "type": "string" }, "description": "YYYY-MM-DD" },
              { "name": "to", "in": "query", "schema": { "type": "string" }, "description": "YYYY-MM-DD, at most 92 days after from; default from" }],
            "responses": { "200": { "description": "The days", "content": { "application/json": { "schema": { "type": "object", "required": ["device_id", "days"], "properties": { "device_id": { "type": "string" }, "days": { "type": "array", "items": { "type": "object", "required": ["date", "expected_s", "down_s", "availability"], "properties": { "date": { "type": "string" }, "expected_s": { "type": "number" }, "down_s": { "type": "number" }, "availability": { "type": ["number", "null"] } } } } } } } } }, "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "403": { "$ref": "#/components/responses/Forbidden" }, "404": { "$ref": "#/components/responses/NotFound" }, "429": { "$ref": "#/components/responses/TooManyRequests" } } }
        },
        "/v1/incidents": {
          "get": { "summary": "Device incidents (offline, fault, maintenance), each with its start and end (admin, operator or planner)", "operationId": "incidents", "security": [{ "bearer": [] }],
            "parameters": [{ "name": "open", "in": "query", "schema": { "type": "boolean" } }, { "name": "point_id", "in": "query", "schema": { "type": "string" } },
              { "name": "device_id", "in": "query", "schema": { "type": "string" } }, { "name": "from", "in": "query", "schema": { "type": "string" }, "description": "ISO 8601" },
              { "name": "to", "in": "query", "schema": { "type": "string" }, "description": "ISO 8601" }],
            "responses": { "200": { "description": "The incidents", "content": { "application/json": { "schema": { "type": "object", "required": ["incidents"], "properties": { "incidents": { "type": "array", "items": { "type": "object", "required": ["id", "device_id", "point_id", "status", "detail", "start", "end"], "properties": { "id": { "type": "string" }, "device_id": { "type": "string" }, "point_id": { "type": "string" }, "status": { "enum": ["offline", "fault", "maintenance"] }, "detail": { "type": ["string", "null"] }, "start": { "type": "string" }, "end": { "type": ["string", "null"] } } } } } } } } }, "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "403": { "$ref": "#/components/responses/Forbidden" }, "429": { "$ref": "#/components/responses/TooManyRequests" } } }
        },
        "/v1/dashboard": {
          "get": { "summary": "The control room's picture: halls by grade with queues and today's work, kiosks and their devices, open incidents, alerts and the four themes", "operationId": "dashboard",
            "description": "GET /v1/dashboard/events pushes the same JSON as Server-Sent Events ('dashboard' events) whenever it changes; /dashboard is the page that shows it.",
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" },
              "200": { "description": "The dashboard", "content": { "application/json": { "schema": { "type": "object",
                "required": ["at", "day", "totals", "halls", "machines", "incidents", "alerts", "themes"],
                "properties": { "at": { "type": "string" }, "day": { "type": "string" }, "totals": { "type": "object" },
                  "halls": { "type": "array", "items": { "type": "object", "required": ["id", "name", "grade", "waiting", "open_counters", "wait_s", "fresh", "served_today", "served_by_hour", "devices"] } },
                  "machines": { "type": "array", "items": { "type": "object", "required": ["id", "name", "devices", "transactions_today"] } },
                  "incidents": { "type": "array" }, "alerts": { "type": "array", "items": { "type": "object", "required": ["kind", "point_id", "since", "message"] } },
                  "themes": { "type": "object", "required": ["accepted_today", "counter_by_hour", "handling_today", "self_service_by_hour"] } } } } } } } }
        },
        "/v1/tickets/{id}": {
          "get": { "summary": "A ticket and its estimated call time", "operationId": "ticket",
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } },
              { "name": "lat", "in": "query", "schema": { "type": "number" } }, { "name": "lon", "in": "query", "schema": { "type": "number" } }],
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" },
              "200": { "description": "The ticket", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Ticket" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" }, "404": { "$ref": "#/components/responses/NotFound" } } },
          "delete": { "summary": "Cancel a waiting ticket (its holder, with the ticket_key given at issue)", "operationId": "cancelTicket",
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } },
              { "name": "Ticket-Key", "in": "header", "schema": { "type": "string" }, "description": "The ticket_key of the answer that issued the ticket" }],
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "204": { "description": "Cancelled" },
              "400": { "$ref": "#/components/responses/BadRequest" }, "403": { "description": "wrong_ticket_key: no Ticket-Key, or not this ticket's",
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "404": { "$ref": "#/components/responses/NotFound" } } }
        },
        "/v1/halls/{id}/appointment-settings": {
          "put": { "summary": "How a hall takes appointments: slot length and capacity per service (admin or the hall's operator)", "operationId": "setAppointmentSettings",
            "security": [{ "bearer": [] }],
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["slot_minutes", "capacity"],
              "properties": { "slot_minutes": { "type": "integer", "minimum": 5, "maximum": 240, "description": "Minutes that divide a day" },
                "capacity": { "type": "object", "additionalProperties": { "type": "integer", "minimum": 0, "maximum": 1000 } },
                "fit_to_forecast": { "type": "boolean", "default": false, "description": "Each slot also takes no more than the counters are expected to have spare beside the walk-ins its hour usually brings (from the forecast), so bookings go to quiet hours" } } } } } },
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "204": { "description": "Set" },
              "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "403": { "$ref": "#/components/responses/Forbidden" },
              "404": { "$ref": "#/components/responses/NotFound" }, "413": { "$ref": "#/components/responses/TooLarge" } } }
        },
        "/v1/halls/{id}/slots": {
          "get": { "summary": "A hall's appointment slots for a service and local day, with what is booked", "operationId": "slots",
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } },
              { "name": "service", "in": "query", "required": true, "schema": { "enum": ["cash", "card", "qr", "invoice", "business"] } },
              { "name": "date", "in": "query", "description": "YYYY-MM-DD in the hall's time zone; default today", "schema": { "type": "string" } }],
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" },
              "200": { "description": "The slots", "content": { "application/json": { "schema": { "type": "object", "required": ["hall_id", "service", "date", "slots"],
                "properties": { "hall_id": { "type": "string" }, "service": { "type": "string" }, "date": { "type": "string" },
                  "slots": { "type": "array", "items": { "type": "object", "required": ["start", "end", "capacity", "booked", "predicted_wait_s"],
                    "properties": { "start": { "type": "string" }, "end": { "type": "string" }, "capacity": { "type": "number", "description": "Bookings the slot takes: the set capacity, fitted to the forecast when the hall asks" }, "booked": { "type": "number" },
                      "predicted_wait_s": { "type": ["number", "null"], "description": "A walk-in's mean wait in the slot's hour of the week over the last four weeks" } } } } } } } } },
              "400": { "$ref": "#/components/responses/BadRequest" }, "404": { "$ref": "#/components/responses/NotFound" }, "409": { "$ref": "#/components/responses/Conflict" } } }
        },
        "/v1/halls/{id}/forecast": {
          "get": { "summary": "Best time to come: expected wait and arrivals per hour of the week from the last four weeks of queue reports, and today's quietest hours", "operationId": "forecast",
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } },
              { "name": "service", "in": "query", "required": true, "schema": { "enum": ["cash", "card", "qr", "invoice", "business"] } },
              { "name": "at", "in": "query", "description": "ISO 8601: the forecast as of then (its day, the four weeks before it); default now", "schema": { "type": "string" } }],
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" },
              "200": { "description": "The forecast", "content": { "application/json": { "schema": { "type": "object", "required": ["hall_id", "service", "history_days", "hours", "today"],
                "properties": { "hall_id": { "type": "string" }, "service": { "type": "string" }, "history_days": { "type": "number" },
                  "hours": { "type": "array", "items": { "type": "object", "required": ["weekday", "hour", "wait_s", "arrivals_per_hour", "serving_per_hour", "reports"],
                    "properties": { "weekday": { "enum": ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"] }, "hour": { "type": "number" }, "wait_s": { "type": ["number", "null"] },
                      "arrivals_per_hour": { "type": ["number", "null"] },
                      "serving_per_hour": { "type": ["number", "null"], "description": "What the open counters could serve in the hour: open_counters × 3600 / handling_s, the mean over its reports" },
                      "reports": { "type": "number" } } } },
                  "today": { "type": "object", "required": ["date", "quietest"], "properties": { "date": { "type": "string" },
                    "quietest": { "type": "array", "items": { "type": "object", "required": ["hour", "wait_s"], "properties": { "hour": { "type": "number" }, "wait_s": { "type": ["number", "null"] } } } } } } } } } } },
              "400": { "$ref": "#/components/responses/BadRequest" }, "404": { "$ref": "#/components/responses/NotFound" } } }
        },
        "/v1/halls/{id}/appointments": {
          "post": { "summary": "Book a slot (one active ticket or appointment per customer per hall)", "operationId": "bookAppointment",
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["service", "start", "customer"],
              "properties": { "service": { "enum": ["cash", "card", "qr", "invoice", "business"] }, "start": { "type": "string", "description": "ISO 8601, the start of a slot" },
                "customer": { "type": "string", "minLength": 1, "maxLength": 200 } } } } } },
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" },
              "201": { "description": "The appointment, with the appointment_key that checks it in (shown only here)", "content": { "application/json": { "schema": { "allOf": [
                { "$ref": "#/components/schemas/Appointment" }, { "type": "object", "required": ["appointment_key"], "properties": { "appointment_key": { "type": "string" } } }] } } } },
              "400": { "$ref": "#/components/responses/BadRequest" }, "404": { "$ref": "#/components/responses/NotFound" },
              "409": { "description": "no_appointments, slot_full, slot_past or already_holding", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "413": { "$ref": "#/components/responses/TooLarge" } } }
        },
        "/v1/appointments/{id}": {
          "get": { "summary": "An appointment", "operationId": "appointment",
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" },
              "200": { "description": "The appointment", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Appointment" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" }, "404": { "$ref": "#/components/responses/NotFound" } } },
          "delete": { "summary": "Cancel a booked appointment (its holder, with the appointment_key)", "operationId": "cancelAppointment",
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } },
              { "name": "Appointment-Key", "in": "header", "schema": { "type": "string" } }],
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "204": { "description": "Cancelled" },
              "400": { "$ref": "#/components/responses/BadRequest" },
              "403": { "description": "wrong_appointment_key", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "404": { "$ref": "#/components/responses/NotFound" } } }
        },
        "/v1/appointments/{id}/check-in": {
          "post": { "summary": "Check in from 15 minutes before the slot to its end: a ticket called before walk-ins", "operationId": "checkIn",
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } },
              { "name": "Appointment-Key", "in": "header", "schema": { "type": "string" }, "description": "The appointment_key of the answer that booked it" }],
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" },
              "201": { "description": "The ticket", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Ticket" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" },
              "403": { "description": "wrong_appointment_key", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "404": { "$ref": "#/components/responses/NotFound" },
              "409": { "description": "not_booked or outside_check_in", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } } } }
        },
        "/v1/tickets/{id}/events": {
          "get": { "summary": "A ticket's changes as Server-Sent Events: update at once and on every change of status, position or expected call (30 s or more), called when the hall calls it; the stream ends once the ticket has ended", "operationId": "ticketEvents",
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" },
              "200": { "description": "event: update | called, data: the ticket as GET /v1/tickets/{id} answers it", "content": { "text/event-stream": { "schema": { "type": "string" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" }, "404": { "$ref": "#/components/responses/NotFound" } } }
        },
        "/v1/route": {
          "get": { "summary": "The quickest walk with steps, to a place or to a payment point", "operationId": "route",
            "parameters": [
              { "name": "from", "in": "query", "required": true, "description": "LAT,LON", "schema": { "type": "string" } },
              { "name": "to", "in": "query", "description": "LAT,LON (or to_point)", "schema": { "type": "string" } },
              { "name": "to_point", "in": "query", "description": "A payment point id (or to)", "schema": { "type": "string" } },
              { "$ref": "#/components/parameters/crs" }
            ],
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" },
              "200": { "description": "The route", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Route" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" }, "404": { "$ref": "#/components/responses/NotFound" } } }
        },
        "/v1/isochrone": {
          "get": { "summary": "The area reachable on foot within some minutes", "operationId": "isochrone",
            "parameters": [
              { "$ref": "#/components/parameters/lat" }, { "$ref": "#/components/parameters/lon" },
              { "$ref": "#/components/parameters/minutes" }, { "$ref": "#/components/parameters/crs" },
              { "name": "format", "in": "query", "schema": { "type": "string", "enum": ["json", "geojson"], "default": "json" } }
            ],
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "503": { "$ref": "#/components/responses/Unavailable" },
              "200": { "description": "The isochrone", "content": {
                "application/json": { "schema": { "$ref": "#/components/schemas/Isochrone" } },
                "application/geo+json": { "schema": { "$ref": "#/components/schemas/Feature" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" } } }
        },
        "/v1/coverage": {
          "get": { "summary": "People within a walk of a channel open at a moment, area by area; or a map", "operationId": "coverage",
            "parameters": [
              { "$ref": "#/components/parameters/minutes" }, { "$ref": "#/components/parameters/at" }, { "$ref": "#/components/parameters/kind" },
              { "$ref": "#/components/parameters/unknownHours" }, { "$ref": "#/components/parameters/detourFactor" },
              { "name": "compare_at", "in": "query", "description": "A second moment, ISO 8601", "schema": { "type": "string" } },
              { "name": "format", "in": "query", "schema": { "type": "string", "enum": ["json", "geojson", "svg", "png"], "default": "json" } }
            ],
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "503": { "$ref": "#/components/responses/Unavailable" },
              "200": { "description": "Coverage", "content": {
                "application/json": { "schema": { "$ref": "#/components/schemas/Coverage" } },
                "application/geo+json": { "schema": { "$ref": "#/components/schemas/FeatureCollection" } },
                "image/svg+xml": { "schema": { "type": "string" } },
                "image/png": { "schema": { "type": "string", "contentMediaType": "image/png" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" } } }
        },
        "/v1/coverage/hours": {
          "get": { "summary": "Coverage round the clock: the covered share at the start of each hour of a day, in the time zone most channels keep", "operationId": "coverageHours",
            "parameters": [{ "name": "date", "in": "query", "description": "YYYY-MM-DD; default the day of at, or today", "schema": { "type": "string" } },
              { "$ref": "#/components/parameters/minutes" }, { "$ref": "#/components/parameters/at" }, { "$ref": "#/components/parameters/kind" },
              { "$ref": "#/components/parameters/unknownHours" }, { "$ref": "#/components/parameters/detourFactor" }],
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" },
              "200": { "description": "The day", "content": { "application/json": { "schema": { "type": "object", "required": ["date", "time_zone", "minutes", "population", "hours"],
                "properties": { "date": { "type": "string" }, "time_zone": { "type": "string" }, "minutes": { "type": "number" }, "population": { "type": "number" },
                  "hours": { "type": "array", "items": { "type": "object", "required": ["hour", "at", "covered_share", "covered_population", "channels"],
                    "properties": { "hour": { "type": "number" }, "at": { "type": "string" }, "covered_share": { "type": "number" }, "covered_population": { "type": "number" },
                      "channels": { "type": "object" } } } } } } } } },
              "400": { "$ref": "#/components/responses/BadRequest" }, "503": { "$ref": "#/components/responses/Unavailable" } } }
        },
        "/v1/coverage/what-if": {
          "post": { "summary": "Coverage as it would be with channels taken away and new sites added (planner or admin)", "operationId": "coverageWhatIf", "security": [{ "bearer": [] }],
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object",
              "properties": { "add": { "type": "array", "maxItems": 100, "items": { "type": "object", "required": ["lat", "lon"], "properties": { "lat": { "type": "number" }, "lon": { "type": "number" } } },
                  "description": "New sites (WGS-84), counted as channels open round the clock" },
                "remove": { "type": "array", "items": { "type": "string" }, "description": "Ids of channels to take away" },
                "minutes": { "type": "integer", "minimum": 1, "maximum": 60 }, "at": { "type": "string" }, "kind": { "type": "string" },
                "unknown_hours": { "enum": ["closed", "open"] } } } } } },
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "503": { "$ref": "#/components/responses/Unavailable" },
              "200": { "description": "The coverage body, with what_if: {added, removed}", "content": { "application/json": { "schema": { "type": "object", "required": ["covered_share", "what_if"] } } } },
              "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthorized" },
              "403": { "$ref": "#/components/responses/Forbidden" }, "413": { "$ref": "#/components/responses/TooLarge" } } }
        },
        "/v1/gaps": {
          "get": { "summary": "Areas below a covered share, most uncovered people first", "operationId": "gaps",
            "parameters": [
              { "$ref": "#/components/parameters/minutes" }, { "$ref": "#/components/parameters/at" }, { "$ref": "#/components/parameters/kind" },
              { "$ref": "#/components/parameters/unknownHours" }, { "$ref": "#/components/parameters/detourFactor" },
              { "name": "threshold", "in": "query", "schema": { "type": "number", "minimum": 0, "maximum": 1, "default": 0.9 } },
              { "$ref": "#/components/parameters/jsonOrGeoJSON" }
            ],
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "503": { "$ref": "#/components/responses/Unavailable" },
              "200": { "description": "Gaps", "content": {
                "application/json": { "schema": { "$ref": "#/components/schemas/Gaps" } },
                "application/geo+json": { "schema": { "$ref": "#/components/schemas/FeatureCollection" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" } } }
        },
        "/v1/suggest": {
          "get": { "summary": "New sites that would bring the most people within the walk (planner or admin token)", "operationId": "suggest",
            "security": [{ "bearer": [] }],
            "parameters": [
              { "$ref": "#/components/parameters/minutes" }, { "$ref": "#/components/parameters/at" }, { "$ref": "#/components/parameters/kind" },
              { "$ref": "#/components/parameters/unknownHours" }, { "$ref": "#/components/parameters/detourFactor" },
              { "name": "sites", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 5 } },
              { "name": "target_share", "in": "query", "schema": { "type": "number", "minimum": 0, "maximum": 1 } },
              { "name": "candidates", "in": "query", "schema": { "type": "string", "enum": ["auto", "osm", "grid"], "default": "auto", "description": "auto: the OSM shops that are not channels yet, else grid points (candidate_source and candidate_note say which)" } },
              { "$ref": "#/components/parameters/jsonOrGeoJSON" }
            ],
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "503": { "$ref": "#/components/responses/Unavailable" },
              "401": { "$ref": "#/components/responses/Unauthorized" }, "403": { "$ref": "#/components/responses/Forbidden" },
              "200": { "description": "Sites", "content": {
                "application/json": { "schema": { "$ref": "#/components/schemas/Suggestions" } },
                "application/geo+json": { "schema": { "$ref": "#/components/schemas/FeatureCollection" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" } } }
        },
        "/v1/streets": {
          "get": { "summary": "Walking-network edges in a box, optionally with the walk from each to the nearest open channel", "operationId": "streets",
            "parameters": [
              { "$ref": "#/components/parameters/bboxRequired" },
              { "name": "times", "in": "query", "schema": { "type": "string", "enum": ["true", "false"], "default": "false" } },
              { "$ref": "#/components/parameters/minutes" }, { "$ref": "#/components/parameters/at" }, { "$ref": "#/components/parameters/kind" },
              { "$ref": "#/components/parameters/unknownHours" }
            ],
            "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "503": { "$ref": "#/components/responses/Unavailable" },
              "200": { "description": "Streets", "content": { "application/geo+json": { "schema": { "$ref": "#/components/schemas/FeatureCollection" } } } },
              "400": { "$ref": "#/components/responses/BadRequest" } } }
        },
        "/": { "get": { "summary": "Map of the channels", "operationId": "mapPage", "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "200": { "$ref": "#/components/responses/Page" } } } },
        "/dashboard": { "get": { "summary": "The control room's live dashboard (集中监控)", "operationId": "dashboardPage",
          "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "200": { "$ref": "#/components/responses/Page" } } } },
        "/planner": { "get": { "summary": "Coverage map by hour of day", "operationId": "plannerPage",
          "parameters": [{ "name": "hour", "in": "query", "description": "Read by the page's script", "schema": { "type": "string" } }],
          "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "200": { "$ref": "#/components/responses/Page" } } } },
        "/screen": { "get": { "summary": "A hall's navigation screen", "operationId": "hallScreen",
          "parameters": [{ "name": "hall", "in": "query", "required": true, "schema": { "type": "string" } },
            { "name": "at", "in": "query", "description": "Show the channels open at this ISO 8601 moment instead of now", "schema": { "type": "string" } }],
          "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "200": { "$ref": "#/components/responses/Page" }, "400": { "$ref": "#/components/responses/BadRequest" }, "404": { "$ref": "#/components/responses/NotFound" } } } },
        "/assets/icon.svg": { "get": { "summary": "The pages' icon", "operationId": "pageIcon", "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" },
          "200": { "description": "An SVG image", "content": { "image/svg+xml": { "schema": { "type": "string" } } } } } } },
        "/assets/dashboard.js": { "get": { "summary": "The dashboard's script", "operationId": "dashboardScript", "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "200": { "$ref": "#/components/responses/Script" } } } },
        "/assets/paycircle.js": { "get": { "summary": "The map pages' script", "operationId": "pageScript", "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "200": { "$ref": "#/components/responses/Script" } } } },
        "/assets/paycircle.css": { "get": { "summary": "The map pages' style", "operationId": "pageStyle", "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "200": { "$ref": "#/components/responses/Style" } } } },
        "/assets/leaflet.js": { "get": { "summary": "Leaflet, from the machine", "operationId": "leafletScript",
          "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "200": { "$ref": "#/components/responses/Script" }, "404": { "$ref": "#/components/responses/NotFound" } } } },
        "/assets/leaflet.css": { "get": { "summary": "Leaflet's style, from the machine", "operationId": "leafletStyle",
          "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "200": { "$ref": "#/components/responses/Style" }, "404": { "$ref": "#/components/responses/NotFound" } } } },
        "/openapi.json": { "get": { "summary": "This document", "operationId": "openAPI",
          "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "200": { "description": "OpenAPI 3.1", "content": { "application/vnd.oai.openapi+json;version=3.1": { "schema": { "type": "object" } } } } } } },
        "/ogc": { "get": { "summary": "OGC API - Features landing page", "operationId": "ogcLanding",
          "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "200": { "description": "Landing page", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Linked" } } } } } } },
        "/ogc/conformance": { "get": { "summary": "Conformance classes", "operationId": "ogcConformance",
          "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "200": { "description": "Conformance", "content": { "application/json": { "schema": {
            "type": "object", "required": ["conformsTo"], "properties": { "conformsTo": { "type": "array", "items": { "type": "string" } } } } } } } } } },
        "/ogc/collections": { "get": { "summary": "The feature collections", "operationId": "ogcCollections",
          "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "200": { "description": "Collections", "content": { "application/json": { "schema": {
            "type": "object", "required": ["links", "collections"],
            "properties": { "links": { "$ref": "#/components/schemas/Links" }, "collections": { "type": "array", "items": { "$ref": "#/components/schemas/Collection" } } } } } } } } } },
        "/ogc/collections/{collection}": { "get": { "summary": "One collection", "operationId": "ogcCollection",
          "parameters": [{ "$ref": "#/components/parameters/collection" }],
          "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "200": { "description": "Collection", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Collection" } } } },
            "404": { "$ref": "#/components/responses/NotFound" } } } },
        "/ogc/collections/{collection}/items": { "get": { "summary": "Features of a collection, a page at a time", "operationId": "ogcItems",
          "parameters": [
            { "$ref": "#/components/parameters/collection" },
            { "name": "bbox", "in": "query", "description": "minLon,minLat,maxLon,maxLat", "schema": { "type": "string" } },
            { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "default": 100 } },
            { "name": "offset", "in": "query", "schema": { "type": "integer", "minimum": 0, "default": 0 } }
          ],
          "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "200": { "description": "A page of features", "content": { "application/geo+json": { "schema": { "$ref": "#/components/schemas/FeatureCollection" } } } },
            "400": { "$ref": "#/components/responses/BadRequest" }, "404": { "$ref": "#/components/responses/NotFound" } } } },
        "/ogc/collections/{collection}/items/{feature}": { "get": { "summary": "One feature", "operationId": "ogcItem",
          "parameters": [{ "$ref": "#/components/parameters/collection" }, { "name": "feature", "in": "path", "required": true, "schema": { "type": "string" } }],
          "responses": { "429": { "$ref": "#/components/responses/TooManyRequests" }, "200": { "description": "The feature", "content": { "application/geo+json": { "schema": { "$ref": "#/components/schemas/Feature" } } } },
            "404": { "$ref": "#/components/responses/NotFound" } } } }
      },
      "components": {
        "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer", "description": "A token from 'paycircle token create'" } },
        "parameters": {
          "lat": { "name": "lat", "in": "query", "required": true, "schema": { "type": "number", "minimum": -90, "maximum": 90 } },
          "lon": { "name": "lon", "in": "query", "required": true, "schema": { "type": "number", "minimum": -180, "maximum": 180 } },
          "crs": { "name": "crs", "in": "query", "description": "Coordinate system of coordinates in and out", "schema": { "type": "string", "enum": ["wgs84", "gcj02", "bd09"], "default": "wgs84" } },
          "kind": { "name": "kind", "in": "query", "description": "Comma list of hall, kiosk, bank_booth, bank_branch, agency", "schema": { "type": "string" } },
          "minutes": { "name": "minutes", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 60, "default": 10 } },
          "at": { "name": "at", "in": "query", "description": "ISO 8601 moment (default now)", "schema": { "type": "string" } },
          "unknownHours": { "name": "unknown_hours", "in": "query", "description": "How channels whose hours nobody mapped count. Given, it also overrides the hours the import assumed for them (hours_assumed, e.g. ATMs 24/7); left out, those assumptions hold and the rest count as closed.", "schema": { "type": "string", "enum": ["closed", "open"] } },
          "detourFactor": { "name": "detour_factor", "in": "query", "schema": { "type": "number", "minimum": 1, "maximum": 3, "default": 1.3 } },
          "jsonOrGeoJSON": { "name": "format", "in": "query", "schema": { "type": "string", "enum": ["json", "geojson"], "default": "json" } },
          "bboxRequired": { "name": "bbox", "in": "query", "required": true, "description": "minLon,minLat,maxLon,maxLat", "schema": { "type": "string" } },
          "collection": { "name": "collection", "in": "path", "required": true, "schema": { "type": "string" } }
        },
        "responses": {
          "BadRequest": { "description": "Bad input, named", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "NotFound": { "description": "Unknown id or path", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "Unauthorized": { "description": "No valid bearer token", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "Forbidden": { "description": "The token's role may not do this", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "Conflict": { "description": "Conflicts with the current state: the id exists, or the hall has no fresh queue report", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "TooLarge": { "description": "The body is too large", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "TooManyRequests": { "description": "This client made too many requests of this kind (rate limits per address, or per token for token holders)",
            "headers": { "Retry-After": { "description": "Seconds until a request may succeed", "schema": { "type": "integer", "minimum": 1 } } },
            "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "Unavailable": { "description": "Heavy work is at capacity, or the request ran past its deadline",
            "headers": { "Retry-After": { "description": "Seconds until trying again may succeed", "schema": { "type": "integer", "minimum": 1 } } },
            "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "Page": { "description": "An HTML page", "content": { "text/html": { "schema": { "type": "string" } } } },
          "Script": { "description": "JavaScript", "content": { "text/javascript": { "schema": { "type": "string" } } } },
          "Style": { "description": "CSS", "content": { "text/css": { "schema": { "type": "string" } } } }
        },
        "schemas": {
          "Device": { "type": "object", "required": ["id", "point_id", "kind", "model", "serial", "installed_on", "power_schedule", "maintenance", "powered", "status", "status_since", "last_beat_at", "fault", "counters"],
            "properties": { "id": { "type": "string" }, "point_id": { "type": "string" }, "kind": { "type": "string" }, "model": { "type": ["string", "null"] },
              "serial": { "type": ["string", "null"] }, "installed_on": { "type": ["string", "null"] }, "power_schedule": { "type": ["string", "null"] },
              "maintenance": { "type": "boolean" }, "powered": { "type": "boolean" },
              "status": { "enum": ["online", "offline", "fault", "maintenance", "off", "unmonitored"] }, "status_since": { "type": "string" },
              "last_beat_at": { "type": ["string", "null"] }, "fault": { "type": ["string", "null"] }, "counters": { "type": "object", "additionalProperties": { "type": "number" } } } },
          "Error": { "type": "object", "required": ["error"], "properties": { "error": { "type": "object", "required": ["code", "message", "field"],
            "properties": { "code": { "type": "string" }, "message": { "type": "string" }, "field": { "type": ["string", "null"] } } } } },
          "Health": { "type": "object", "required": ["status", "points"], "properties": { "status": { "const": "ok" }, "points": { "type": "integer" } } },
          "Point": { "type": "object", "required": ["id", "name", "kind", "lat", "lon", "status"],
            "properties": { "id": { "type": "string" }, "name": { "type": "string" },
              "kind": { "enum": ["hall", "kiosk", "bank_booth", "bank_branch", "agency"] }, "grade": { "enum": ["A", "B", "C", "D"] },
              "services": { "type": "array", "items": { "type": "string" } }, "opening_hours": { "type": "string" },
              "status": { "enum": ["online", "offline", "fault", "closed"] }, "lat": { "type": "number" }, "lon": { "type": "number" } } },
          "PointInput": { "type": "object", "required": ["name", "kind", "lat", "lon"],
            "properties": { "id": { "type": "string" }, "name": { "type": "string" }, "kind": { "enum": ["hall", "kiosk", "bank_booth", "bank_branch", "agency"] },
              "grade": { "enum": ["A", "B", "C", "D"] }, "agency_type": { "type": "string" }, "services": { "type": "array", "items": { "type": "string" } },
              "opening_hours": { "type": "string" }, "time_zone": { "type": "string" }, "status": { "enum": ["online", "offline", "fault", "closed"] },
              "address": { "type": "string" }, "phone": { "type": "string" }, "lat": { "type": "number" }, "lon": { "type": "number" } } },
          "Nearest": { "type": "object", "required": ["query", "results"], "properties": { "query": { "type": "object" },
            "results": { "type": "array", "items": { "allOf": [{ "$ref": "#/components/schemas/Point" }, { "type": "object",
              "required": ["distance_m", "walk_m", "walk_s", "open"], "properties": { "distance_m": { "type": "number" },
                "walk_m": { "type": ["number", "null"] }, "walk_s": { "type": ["number", "null"] }, "open": { "type": ["boolean", "null"] },
                "reachable": { "type": "boolean" }, "wait_s": { "type": ["number", "null"] }, "wait_low_s": { "type": ["number", "null"] },
                "wait_high_s": { "type": ["number", "null"] }, "wait_known": { "type": "boolean" },
                "wait_source": { "enum": ["queue", "configured", "assumed", "no_counter_open"] },
                "wait_service": { "type": ["string", "null"] }, "total_s": { "type": ["number", "null"] } } }] } } } },
          "Ticket": { "type": "object", "required": ["id", "hall_id", "service", "number", "status", "issued_at", "ahead", "position", "call_at",
              "call_early", "call_late", "walk_s", "leave_at", "leave_now"],
            "properties": { "id": { "type": "string" }, "hall_id": { "type": "string" }, "service": { "type": "string" }, "number": { "type": "string" },
              "status": { "enum": ["waiting", "cancelled", "called", "served", "no_show", "expired"] }, "issued_at": { "type": "string" }, "ahead": { "type": "number" }, "position": { "type": "number" },
              "call_at": { "type": "string" }, "call_early": { "type": "string" }, "call_late": { "type": "string" }, "called_at": { "type": ["string", "null"] },
              "walk_s": { "type": ["number", "null"] }, "leave_at": { "type": ["string", "null"] }, "leave_now": { "type": ["boolean", "null"] } } },
          "Appointment": { "type": "object", "required": ["id", "hall_id", "service", "start", "end", "status", "check_in_from", "ticket_id"],
            "properties": { "id": { "type": "string" }, "hall_id": { "type": "string" }, "service": { "type": "string" }, "start": { "type": "string" },
              "end": { "type": "string" }, "status": { "enum": ["booked", "checked_in", "no_show", "cancelled"] }, "check_in_from": { "type": "string" },
              "ticket_id": { "type": ["string", "null"] } } },
          "Queue": { "type": "object", "required": ["hall_id", "reported_at", "age_s", "fresh", "services"],
            "properties": { "hall_id": { "type": "string" }, "reported_at": { "type": ["string", "null"] }, "age_s": { "type": ["number", "null"] },
              "fresh": { "type": "boolean" }, "services": { "type": "object", "additionalProperties": { "type": "object",
                "required": ["waiting", "open_counters", "handling_s", "wait_s", "wait_low_s", "wait_high_s"],
                "properties": { "waiting": { "type": "number" }, "remote_waiting": { "type": "number", "description": "Remote tickets still waiting, ahead of a walk-in too" },
                  "served_today": { "type": ["number", "null"] }, "open_counters": { "type": "number" }, "handling_s": { "type": "number" },
                  "wait_s": { "type": ["number", "null"] }, "wait_low_s": { "type": ["number", "null"] }, "wait_high_s": { "type": ["number", "null"] } } } } } },
          "Route": { "type": "object", "required": ["distance_m", "duration_s", "geometry", "steps"],
            "properties": { "distance_m": { "type": "number" }, "duration_s": { "type": "number" }, "geometry": { "$ref": "#/components/schemas/Geometry" },
              "steps": { "type": "array", "items": { "type": "object", "required": ["instruction", "distance_m", "duration_s"],
                "properties": { "instruction": { "type": "string" }, "name": { "type": ["string", "null"] }, "distance_m": { "type": "number" }, "duration_s": { "type": "number" } } } } } },
          "Isochrone": { "type": "object", "required": ["minutes", "area_m2", "network_length_m", "geometry"],
            "properties": { "minutes": { "type": "number" }, "area_m2": { "type": "number" }, "network_length_m": { "type": "number" }, "geometry": { "$ref": "#/components/schemas/Geometry" } } },
          "AreaCoverage": { "type": "object", "required": ["id", "name", "population", "covered_population", "covered_share", "median_walk_s", "method"],
            "properties": { "id": { "type": "string" }, "name": { "type": "string" }, "population": { "type": "number" }, "covered_population": { "type": "number" },
              "covered_share": { "type": "number", "minimum": 0, "maximum": 1 }, "median_walk_s": { "type": ["number", "null"] },
              "method": { "enum": ["streets", "buildings", "straight_line"] } } },
          "Coverage": { "type": "object", "required": ["minutes", "at", "population", "covered_population", "covered_share", "areas"],
            "properties": { "minutes": { "type": "number" }, "at": { "type": "string" }, "population": { "type": "number" }, "covered_population": { "type": "number" },
              "covered_share": { "type": "number" }, "areas": { "type": "array", "items": { "$ref": "#/components/schemas/AreaCoverage" } },
              "compare": { "type": "object" } } },
          "Gaps": { "type": "object", "required": ["threshold", "gaps"], "properties": { "threshold": { "type": "number" },
            "gaps": { "type": "array", "items": { "$ref": "#/components/schemas/AreaCoverage" } } } },
          "Suggestions": { "type": "object", "required": ["sites"], "properties": { "sites_for_target": { "type": ["integer", "null"] },
            "sites": { "type": "array", "items": { "type": "object", "required": ["rank", "candidate_id", "name", "lat", "lon", "added_population", "covered_share_after"],
              "properties": { "rank": { "type": "integer" }, "candidate_id": { "type": "string" }, "name": { "type": "string" }, "lat": { "type": "number" },
                "lon": { "type": "number" }, "added_population": { "type": "number" }, "covered_share_after": { "type": "number" } } } } } },
          "Geometry": { "type": "object", "required": ["type"], "properties": { "type": { "enum": ["Point", "LineString", "Polygon", "MultiPolygon", "MultiLineString"] } } },
          "Feature": { "type": "object", "required": ["type", "geometry", "properties"],
            "properties": { "type": { "const": "Feature" }, "geometry": { "$ref": "#/components/schemas/Geometry" }, "properties": { "type": ["object", "null"] } } },
          "FeatureCollection": { "type": "object", "required": ["type", "features"],
            "properties": { "type": { "const": "FeatureCollection" }, "features": { "type": "array", "items": { "$ref": "#/components/schemas/Feature" } } } },
          "Links": { "type": "array", "items": { "type": "object", "required": ["rel", "href"], "properties": { "rel": { "type": "string" }, "href": { "type": "string" } } } },
          "Linked": { "type": "object", "required": ["links"], "properties": { "links": { "$ref": "#/components/schemas/Links" } } },
          "Collection": { "type": "object", "required": ["id", "links"], "properties": { "id": { "type": "string" }, "title": { "type": "string" }, "links": { "$ref": "#/components/schemas/Links" } } }
        }
      }
    }
    """#
}
