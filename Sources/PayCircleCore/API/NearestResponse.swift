import Foundation

/// The answer to a ``NearestRequest`` in the JSON shape of DESIGN.md:
/// `{"query": {...}, "results": [{"id", "name", "kind", "lat", "lon", "distance_m", "walk_m", "walk_s", "open", ...}]}`.
public struct NearestResponse: JSONWritable, Sendable {
    /// One result: the point's fields plus distance, walk and open state.
    public struct Result: JSONWritable, Sendable {
        public var match: NearestMatch
        public var crs: CoordinateSystem

        /// The result for `match`, its position in `crs`.
        public init(match: NearestMatch, crs: CoordinateSystem) {
            self.match = match
            self.crs = crs
        }

        public func write(to json: inout JSONWriter) {
            Self.write(match, crs: crs, fields: nil, to: &json)
        }

        /// Writes `match` as a result object, its point's fields from `fields` when that table is of `crs`.
        static func write(_ match: NearestMatch, crs: CoordinateSystem, fields: PointFieldTable?, to json: inout JSONWriter) {
            json.object { json in
                writeFields(of: match.point, slot: match.slot, crs: crs, fields: fields, to: &json)
                writeMeasures(distance: match.distance, walkDistance: match.walkDistance, walkSeconds: match.walkSeconds, isOpen: match.isOpen, to: &json)
                if let reachable = match.isReachable { json.field("reachable", reachable) }
                if let wait = match.wait {
                    let finite = wait.seconds.isFinite
                    json.nullableField("wait_s", finite ? wait.seconds.rounded() : nil)
                    json.nullableField("wait_low_s", finite ? wait.low.rounded() : nil)
                    json.nullableField("wait_high_s", finite ? wait.high.rounded() : nil)
                    json.field("wait_known", wait.isKnown)
                    json.field("wait_source", wait.source.rawValue)
                    json.nullableField("wait_service", wait.service?.rawValue)
                    json.nullableField("total_s", match.totalSeconds.map { $0.rounded() })
                }
            }
        }

        /// Writes the match at `position` of `answer`, as ``write(_:crs:fields:to:)`` would write
        /// `answer[position]`, without reading a point found in the tree when its record is kept.
        static func write(_ answer: NearestAnswer, at position: Int, crs: CoordinateSystem, fields: PointFieldTable?, to json: inout JSONWriter) {
            guard case let .slot(slotPosition, distance, isOpen) = answer.entry(at: position) else {
                write(answer[position], crs: crs, fields: fields, to: &json)
                return
            }
            json.object { json in
                writeFields(of: answer.point(atSlot: slotPosition), slot: answer.slot(at: position), crs: crs, fields: fields, to: &json)
                writeMeasures(distance: distance, walkDistance: nil, walkSeconds: nil, isOpen: isOpen, to: &json)
            }
        }

        private static func writeFields(of point: @autoclosure () -> PaymentPoint, slot: PointSlot?, crs: CoordinateSystem, fields: PointFieldTable?,
                                        to json: inout JSONWriter) {
            // Optional chaining borrows the table, where `if let` would count a reference on it (shared by
            // every request) for each record.
            if fields?.crs == crs {
                fields?.writeFields(of: point(), slot: slot, to: &json)
            } else {
                PointJSON(point(), crs: crs).writeFields(to: &json)
            }
        }

        private static func writeMeasures(distance: Double, walkDistance: Double?, walkSeconds: Double?, isOpen: Bool?, to json: inout JSONWriter) {
            json.field("distance_m", distance, places: 2)
            json.nullableField("walk_m", walkDistance, places: 1)
            json.nullableField("walk_s", walkSeconds.map { $0.rounded() })
            json.nullableField("open", isOpen)
        }
    }

    public var request: NearestRequest
    /// The matches, nearest first (in the request's ranking).
    public var matches: NearestAnswer
    /// The points' fields rendered before, when the caller keeps them (a table of the snapshot the matches
    /// come from; records of other snapshots' points are rendered as they are written).
    public var fields: PointFieldTable?

    public init(request: NearestRequest, matches: NearestAnswer, fields: PointFieldTable? = nil) {
        self.request = request
        self.matches = matches
        self.fields = fields
    }

    public init(request: NearestRequest, matches: [NearestMatch], fields: PointFieldTable? = nil) {
        self.init(request: request, matches: NearestAnswer(matches), fields: fields)
    }

    public func write(to json: inout JSONWriter) {
        Self.write(request: request, matches: matches, fields: fields, to: &json)
    }

    /// Writes the answer of `request`, as a response of these parts would, without gathering them into
    /// one: a response made only to be written would copy each part (and count references on the tree's
    /// points and the table, which every request shares).
    ///
    /// ```swift
    /// let body = JSONWriter.withBytes(writing: { NearestResponse.write(request: request, matches: matches, fields: nil, to: &$0) }) { Array($0) }
    /// ```
    public static func write(request: borrowing NearestRequest, matches: borrowing NearestAnswer, fields: borrowing PointFieldTable?,
                             to json: inout JSONWriter) {
        // Asked for first, so that the records arrive while the query is written.
        fields?.prefetchRecords(of: matches)
        json.object { json in
            json.key("query")
            json.object { json in
                json.field("lat", request.givenLocation.latitude)
                json.field("lon", request.givenLocation.longitude)
                json.field("crs", request.crs.rawValue)
                json.field("k", request.query.k)
                json.field("by", request.ranking.rawValue)
                json.field("at", request.query.evaluatedAt)
                json.field("open_only", request.query.openAt != nil)
            }
            json.key("results")
            json.array { json in
                for position in matches.indices { Result.write(matches, at: position, crs: request.crs, fields: fields, to: &json) }
            }
        }
    }
}
