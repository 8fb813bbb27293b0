import Foundation
import Hummingbird
import PayCircleCore
import PayCircleEngine
import PayCircleNetwork
import PayCirclePlanning
import PayCircleStore

/// The planners' questions over HTTP:
/// `GET /v1/coverage?minutes&at&kind&unknown_hours&detour_factor&compare_at[&format=json|geojson|svg|png]`,
/// `GET /v1/gaps?…&threshold[&format=json|geojson]` and
/// `GET /v1/suggest?…&sites&target_share&candidates=osm|grid[&format=json|geojson]`.
/// Each counts the registry's current channels over the population laid out when the service started.
/// Coverage, gaps and maps are kept per data version (``PlanningAnswers``); suggestions need a planner or
/// admin token and stop at the request's deadline.
struct PlanningRoutes<Context: GuardedRequestContext>: Sendable {
    let engine: PayCircleEngine
    var registry: PointRegistry { engine.registry }
    var graph: WalkingGraph? { engine.graph }
    var layout: PopulationLayout? { engine.layout }
    /// OSM shops that could become channels, as imported.
    var candidates: [CandidateSite] { engine.candidates }

    func add(to router: some RouterMethods<Context>) {
        router.get("/v1/coverage") { request, _ in try coverage(request) }
        router.get("/v1/coverage/hours") { request, _ in try coverageHours(request) }
        router.post("/v1/coverage/what-if") { request, context in try await whatIf(request, context) }
        router.get("/v1/gaps") { request, _ in try gaps(request) }
        router.get("/v1/suggest") { request, context in try suggest(request, context) }
    }


    private func question(_ request: Request, formats: [String]) throws -> (PlanningAnswers, PlanningRequest, String) {
        let parameters = request.queryParameters
        let planning: PlanningRequest, format: String
        do {
            planning = try PlanningRequest(parameters, now: engine.clock.now)
            format = parameters.string("format") ?? "json"
            guard formats.contains(format) else { throw InputError("expected \(formats.joined(separator: ", "))", field: "format") }
        } catch let error as InputError {
            throw APIError.badRequest(error)
        }
        guard let layout else {
            throw APIError(status: .badRequest, code: "no_population",
                           message: "planning needs population: import areas, or an OSM file with residential buildings, and restart the service")
        }
        // One planner and its kept answers per data version, from the registry's id-sorted points.
        let answers = registry.derived("planning.answers") { points in
            PlanningAnswers(planner: CoveragePlanner(channels: points, layout: layout, graph: graph))
        }
        return (answers, planning, format)
    }

    func coverage(_ request: Request) throws -> Response {
        let (answers, planning, format) = try question(request, formats: ["json", "geojson", "svg", "png"])
        switch format {
        case "svg", "png":
            let bytes = answers.map(planning.settings, png: format == "png")
            let type = format == "png" ? "image/png" : "image/svg+xml"
            var headers = HTTPFields()
            headers[.contentType] = type
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        case "geojson":
            return JSONResponse.geoJSON(CoverageResponse(answers.coverage(planning.settings), polygons: answers.planner.layout.areas.map(\.polygons)))
        default:
            return JSONResponse.make(CoverageResponse(answers.coverage(planning.settings), compare: planning.comparison.map(answers.coverage)))
        }
    }

    /// Coverage at the start of each hour of `date` (default: the day of `at`, or today) in the time zone
    /// most channels keep.
    func coverageHours(_ request: Request) throws -> Response {
        let (answers, planning, _) = try question(request, formats: ["json"])
        let zone = PaymentPoint.commonTimeZone(of: answers.planner.channels)
        let date = request.queryParameters.string("date") ?? PlanningAnswers.localDay(of: planning.settings.at, in: zone)
        guard let reports = answers.coverageByHour(planning.settings, date: date, timeZone: zone) else {
            throw APIError.badRequest(InputError("expected a date such as 2026-12-01", field: "date"))
        }
        return JSONResponse.make(CoverageHoursResponse(date: date, timeZone: zone, reports: reports))
    }

    /// Coverage with channels taken away and sites added (planner or admin token): a planner built for the
    /// question over the same population, answering the body of `/v1/coverage` with `"what_if"` counts and,
    /// with a `bbox`, `"streets": [{"id", "walk_s"}]` for the edges `/v1/streets` draws in that box.
    func whatIf(_ request: Request, _ context: Context) async throws -> Response {
        _ = try engine.authorize(context.credentials, for: .plan)
        let body = try await RequestBody.decode(WhatIfBody.self, from: request)
        let planning: PlanningRequest, channels: [PaymentPoint], box: BoundingBox?
        do {
            planning = try PlanningRequest(QueryParameters(body.parameters), now: engine.clock.now)
            channels = try body.whatIf.channels(from: registry.sortedPoints())
            box = body.parameters["bbox"] == nil ? nil : try PointRoutes<Context>.boundingBox(QueryParameters(body.parameters))
        } catch {
            throw APIError.badRequest(error)
        }
        guard let layout else {
            throw APIError(status: .badRequest, code: "no_population",
                           message: "planning needs population: import areas, or an OSM file with residential buildings, and restart the service")
        }
        let planner = CoveragePlanner(channels: channels, layout: layout, graph: graph)
        var streets: [(id: Int, seconds: Double)]?
        if let box, let graph {
            let edges = graph.edges(in: box)
            guard edges.count <= StreetRoutes<Context>.maxEdges else {
                throw APIError.badRequest(InputError("the box holds \(edges.count) street edges, more than \(StreetRoutes<Context>.maxEdges): ask for a smaller one", field: "bbox"))
            }
            let seconds = planner.streetSeconds(planning.settings)
            streets = edges.map { (Int($0), seconds[Int($0)]) }
        }
        return JSONResponse.make(CoverageResponse(planner.coverage(planning.settings), whatIf: body.whatIf, streets: streets))
    }

    func gaps(_ request: Request) throws -> Response {
        let (answers, planning, format) = try question(request, formats: ["json", "geojson"])
        let response = GapResponse(answers.gaps(planning.settings, threshold: planning.threshold), asGeoJSON: format == "geojson")
        return format == "geojson" ? JSONResponse.geoJSON(response) : JSONResponse.make(response)
    }

    func suggest(_ request: Request, _ context: Context) throws -> Response {
        _ = try engine.authorize(context.credentials, for: .plan)
        let (answers, planning, format) = try question(request, formats: ["json", "geojson"])
        let planner = answers.planner
        let chosen: (sites: [CandidateSite], source: String, note: String?)
        do {
            chosen = try CandidateChoice(named: request.queryParameters.string("candidates"))
                .select(shops: candidates, channels: Set(planner.channels.map(\.id)), layout: planner.layout)
        } catch {
            throw APIError(status: .badRequest, code: "no_candidates", message: error.message, field: error.field)
        }
        let report = try planner.suggest(candidates: chosen.sites, sites: planning.sites, targetShare: planning.targetShare, settings: planning.settings,
                                         deadline: context.deadline)
        let response = SuggestionResponse(report, asGeoJSON: format == "geojson", candidateSource: chosen.source, candidateNote: chosen.note)
        return format == "geojson" ? JSONResponse.geoJSON(response) : JSONResponse.make(response)
    }
}
