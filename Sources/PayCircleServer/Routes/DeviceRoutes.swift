import Foundation
import Hummingbird
import PayCircleCore
import PayCircleEngine
import PayCircleStore

/// The device ledger and its monitoring. Admins keep the ledger (`POST /v1/devices`, `PUT` and `DELETE
/// /v1/devices/{id}`, `POST /v1/devices/import` with a CSV body); staff tokens read it (`GET /v1/devices?point_id`,
/// `GET /v1/devices/{id}`), the incidents (`GET /v1/incidents?open&point_id&device_id&from&to`) and the
/// availability per day (`GET /v1/devices/{id}/availability?from&to`). Devices beat with their own token
/// (`POST /v1/devices/{id}/heartbeat`), answered with the commands queued for them (`POST
/// /v1/devices/{id}/commands`, admins or the point's operators), who also set power schedules (`PUT
/// /v1/devices/{id}/schedule`).
struct DeviceRoutes<Context: GuardedRequestContext>: Sendable {
    let engine: PayCircleEngine

    /// The largest CSV ledger taken in one request.
    static var maxImportBytes: Int { 4 * 1024 * 1024 }

    /// Reads among `reads`; ledger writes, heartbeats and commands among `writes`.
    func add(reads: some RouterMethods<Context>, writes: some RouterMethods<Context>) {
        reads.get("/v1/devices") { request, context in
            let point = request.queryParameters.string("point_id")
            return JSONResponse.make(DeviceListJSON(devices: try await engine.devices(pointID: point, by: context.credentials)))
        }
        reads.get("/v1/devices/:id") { _, context in
            JSONResponse.make(DeviceJSON(device: try await engine.device(id: try PathParameters.id(context), by: context.credentials)))
        }
        reads.get("/v1/devices/:id/availability") { request, context in try await availability(request, context) }
        reads.get("/v1/incidents") { request, context in try await incidents(request, context) }
        writes.post("/v1/devices") { request, context in
            let body = try await RequestBody.decode(DeviceBody.self, from: request)
            let saved = try await engine.saveDevice(body.record, replacing: false, by: context.credentials)
            return JSONResponse.make(DeviceJSON(device: saved.device), status: .created)
        }
        writes.put("/v1/devices/:id") { request, context in
            let id = try PathParameters.id(context)
            var body = try await RequestBody.decode(DeviceBody.self, from: request).record
            if let given = body.fields["id"], given != id {
                throw APIError.badRequest(InputError("'\(given)' differs from the id in the path '\(id)'", field: "id"))
            }
            body.fields["id"] = id
            let saved = try await engine.saveDevice(body, replacing: true, by: context.credentials)
            return JSONResponse.make(DeviceJSON(device: saved.device), status: saved.replaced ? .ok : .created)
        }
        writes.delete("/v1/devices/:id") { _, context in
            try await engine.deleteDevice(id: try PathParameters.id(context), by: context.credentials)
            return Response(status: .noContent)
        }
        writes.post("/v1/devices/import") { request, context in try await importLedger(request, context) }
        writes.post("/v1/devices/:id/heartbeat") { request, context in
            let body = try await RequestBody.decode(HeartbeatBody.self, from: request)
            let answer = try await engine.heartbeat(deviceID: try PathParameters.id(context), body.heartbeat, by: context.credentials)
            return JSONResponse.make(HeartbeatAnswerJSON(device: answer.device, commands: answer.commands))
        }
        writes.post("/v1/devices/:id/commands") { request, context in
            let body = try await RequestBody.decode(CommandBody.self, from: request)
            let command = try await engine.queueCommand(deviceID: try PathParameters.id(context), action: body.action, by: context.credentials)
            return JSONResponse.make(CommandJSON(command: command), status: .created)
        }
        writes.put("/v1/devices/:id/schedule") { request, context in
            let body = try await RequestBody.decode(ScheduleBody.self, from: request)
            let device = try await engine.setPowerSchedule(deviceID: try PathParameters.id(context), schedule: body.power, by: context.credentials)
            return JSONResponse.make(DeviceJSON(device: device))
        }
    }

    func incidents(_ request: Request, _ context: Context) async throws -> Response {
        let parameters = request.queryParameters
        var filter = IncidentFilter(pointID: parameters.string("point_id"), deviceID: parameters.string("device_id"))
        do {
            if let open = parameters.string("open") {
                guard let flag = Bool(open) else { throw InputError("expected true or false", field: "open") }
                filter.open = flag
            }
            filter.from = try parameters.timestamp("from")
            filter.to = try parameters.timestamp("to")
        } catch let error as InputError {
            throw APIError.badRequest(error)
        }
        return JSONResponse.make(IncidentListJSON(incidents: try await engine.incidents(filter, by: context.credentials)))
    }

    func availability(_ request: Request, _ context: Context) async throws -> Response {
        let id = try PathParameters.id(context)
        let parameters = request.queryParameters
        guard let from = parameters.string("from") else { throw APIError.badRequest(InputError("is required, e.g. 2026-12-01", field: "from")) }
        let days = try await engine.availability(deviceID: id, from: from, to: parameters.string("to") ?? from, by: context.credentials)
        return JSONResponse.make(AvailabilityJSON(deviceID: id, days: days))
    }

    func importLedger(_ request: Request, _ context: Context) async throws -> Response {
        _ = try engine.authorize(context.credentials, for: .editDevices)
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: Self.maxImportBytes) } catch {
            throw APIError(status: .contentTooLarge, code: "too_large", message: "the ledger is larger than \(Self.maxImportBytes) bytes")
        }
        guard let text = String(validating: Data(buffer: buffer), as: UTF8.self) else {
            throw APIError.badRequest(InputError("the body is not UTF-8 text"))
        }
        let (added, replaced) = try await engine.importDevices(csv: text, source: "body", by: context.credentials)
        return JSONResponse.make(ImportCountsJSON(added: added, replaced: replaced))
    }
}

/// `{"added", "replaced"}`.
struct ImportCountsJSON: JSONWritable {
    let added: Int
    let replaced: Int

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("added", added)
            json.field("replaced", replaced)
        }
    }
}
