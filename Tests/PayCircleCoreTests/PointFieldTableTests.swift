import Foundation
import PayCircleCore
import Testing

/// Records kept by slot write the same bytes as records written each time: in every coordinate system,
/// with text that needs escaping, for points written after the tree was built, when the table is full,
/// from many threads at once; a table never lends its records to another tree's slots.
@Suite struct PointFieldTableTests {
    static let points = [
        PaymentPoint(id: "k-\"1\"", name: "自助缴费终端\n(东门)", kind: .kiosk, services: [.card, .qr], openingHours: OpeningHours("24/7"),
                     address: "东莞市\\南城区", updatedAt: Date(timeIntervalSince1970: 1_796_000_000), location: Coordinate(latitude: 23.02, longitude: 113.75),
                     hoursAssumed: true),
        PaymentPoint(id: "hall-1", name: "南城营业厅", kind: .hall, grade: .a, services: [.cash], location: Coordinate(latitude: 23.03, longitude: 113.76)),
        PaymentPoint(id: "shop-1", name: "美宜佳", kind: .agency, services: [.cash, .qr], openingHours: OpeningHours("Mo-Su 07:00-23:00"),
                     location: Coordinate(latitude: 23.025, longitude: 113.755)),
    ]

    static func request(k: Int = 3, crs: CoordinateSystem = .wgs84) throws -> NearestRequest {
        try NearestRequest(QueryParameters(["lat": "23.02", "lon": "113.75", "k": "\(k)", "crs": crs.rawValue]),
                           now: Date(timeIntervalSince1970: 1_796_000_000))
    }

    /// The answer written from whole matches, each point's record rendered from the point itself.
    static func text(_ request: NearestRequest, _ matches: [NearestMatch], _ table: PointFieldTable? = nil) -> String {
        String(decoding: NearestResponse(request: request, matches: matches, fields: table).jsonBytes, as: UTF8.self)
    }

    /// The answer with points found in the tree named by slot, not copied.
    static func text(_ request: NearestRequest, _ answer: NearestAnswer, _ table: PointFieldTable? = nil) -> String {
        String(decoding: NearestResponse(request: request, matches: answer, fields: table).jsonBytes, as: UTF8.self)
    }

    @Test(arguments: CoordinateSystem.allCases) func keptRecordsAreTheSameBytes(crs: CoordinateSystem) throws {
        let index = PointIndex(Self.points)
        let request = try Self.request(crs: crs)
        let matches = index.nearest(request.query)
        #expect(matches.count == 3 && matches.allSatisfy { $0.slot?.generation == index.slotGeneration })
        let plain = Self.text(request, matches)
        let answer = index.nearestAnswer(request.query)
        #expect(Array(answer) == matches && (0..<3).allSatisfy { answer.slot(at: $0) == matches[$0].slot })
        #expect(Self.text(request, answer) == plain)
        let table = PointFieldTable(for: index, crs: crs)
        #expect(Self.text(request, answer, table) == plain)
        let kept = table.keptByteCount
        #expect(kept > 300, "the three records are kept")
        #expect(Self.text(request, answer, table) == plain, "and again, from the kept records")
        #expect(Self.text(request, matches, table) == plain, "and for whole matches that carry their slot")
        #expect(table.keptByteCount == kept)
        let other = PointFieldTable(for: index, crs: crs == .wgs84 ? .gcj02 : .wgs84)
        #expect(Self.text(request, answer, other) == plain)
        // As the server writes it: in place, with the tree's own table, first rendering and then keeping.
        for _ in 0..<2 {
            let served = index.withFieldTable(crs: crs) { fields in
                JSONWriter.withBytes(writing: { NearestResponse.write(request: request, matches: answer, fields: fields, to: &$0) }) {
                    String(decoding: $0, as: UTF8.self)
                }
            }
            #expect(served == plain)
        }
        #expect(index.withFieldTable(crs: crs) { $0.keptByteCount } > 300)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(plain.utf8)) as? [String: Any])
        let names = (object["results"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names?.sorted() == ["南城营业厅", "美宜佳", "自助缴费终端\n(东门)"].sorted())
    }

    @Test func pointsWrittenSinceTheBuildShowTheirNewFields() throws {
        let index = PointIndex(Self.points)
        let request = try Self.request()
        let table = PointFieldTable(for: index, crs: .wgs84)
        _ = Self.text(request, index.nearest(request.query), table)
        // The hall is renamed and moved next to the origin: its old slot is hidden, the new one is in the overlay.
        var renamed = Self.points[1]
        renamed.name = "南城营业厅（新址）"
        renamed.location = Coordinate(latitude: 23.0201, longitude: 113.7501)
        let written = index.applying(upserts: [renamed], deletions: ["shop-1"])
        #expect(written.slotGeneration == index.slotGeneration)
        let matches = written.nearest(request.query)
        #expect(matches.map(\.point.id) == ["k-\"1\"", "hall-1"])
        #expect(matches[1].slot == nil)
        let answer = written.nearestAnswer(request.query)
        #expect(answer.slot(at: 0) != nil && answer.slot(at: 1) == nil)
        let text = Self.text(request, answer, table)
        #expect(text == Self.text(request, matches))
        #expect(text.contains("南城营业厅（新址）") && !text.contains("\"南城营业厅\""))
    }

    @Test func anotherTreesSlotsAreNeverServedFromTheTable() throws {
        let first = PointIndex(Self.points)
        let request = try Self.request()
        let table = PointFieldTable(for: first, crs: .wgs84)
        _ = Self.text(request, first.nearest(request.query), table)
        // A new tree whose slots hold other points at the same positions.
        let renamed = Self.points.map { point in
            var point = point
            point.name = "renamed " + point.name
            return point
        }
        let second = PointIndex(renamed)
        #expect(second.slotGeneration != first.slotGeneration)
        let matches = second.nearest(request.query)
        let text = Self.text(request, matches, table)
        #expect(text == Self.text(request, matches))
        #expect(text.components(separatedBy: "\"name\":\"renamed ").count == 4)
    }

    @Test func aFullTableKeepsWhatFitsAndRendersTheRest() throws {
        let index = PointIndex(Self.points)
        let one = try Self.request(k: 1)
        let nearest = index.nearest(one.query)
        let roomy = PointFieldTable(for: index, crs: .wgs84)
        #expect(Self.text(one, nearest, roomy) == Self.text(one, nearest))
        let size = roomy.keptByteCount
        #expect(size > 100)
        let exact = PointFieldTable(for: index, crs: .wgs84, byteLimit: size)
        let short = PointFieldTable(for: index, crs: .wgs84, byteLimit: size - 1)
        for _ in 0..<2 {
            #expect(Self.text(one, nearest, exact) == Self.text(one, nearest))
            #expect(Self.text(one, nearest, short) == Self.text(one, nearest))
        }
        #expect(exact.keptByteCount == size && short.keptByteCount == 0)
        // The exact table has no room for two more records: they are rendered each time.
        let three = try Self.request(k: 3)
        let matches = index.nearest(three.query)
        #expect(Self.text(three, matches, exact) == Self.text(three, matches))
        #expect(exact.keptByteCount == size)
    }

    @Test func manyThreadsShareOneTable() async throws {
        let points = (0..<2_000).map { number in
            PaymentPoint(id: String(format: "p-%04d", number), name: "网点 \(number)", kind: .agency, services: [.cash],
                         location: Coordinate(latitude: 23 + Double(number % 50) * 0.001, longitude: 113.7 + Double(number / 50) * 0.001))
        }
        let index = PointIndex(points)
        let table = PointFieldTable(for: index, crs: .bd09)
        let requests = try (0..<200).map { number in
            try NearestRequest(QueryParameters(["lat": "\(23 + Double(number % 20) * 0.0025)", "lon": "\(113.7 + Double(number / 20) * 0.004)",
                                                "k": "7", "crs": "bd09"]), now: Date(timeIntervalSince1970: 1_796_000_000))
        }
        let expected = requests.map { Self.text($0, index.nearest($0.query)) }
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var wrong = 0
                    for round in 0..<3 {
                        for (number, request) in requests.enumerated() where (number + task + round) % 2 == 0 {
                            if Self.text(request, index.nearestAnswer(request.query), table) != expected[number] { wrong += 1 }
                        }
                    }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }

    /// The tree's own tables: one per coordinate system, shared by every snapshot written on the tree and
    /// by callers racing to make it, a new one for a rebuilt tree, and gone with the tree.
    @Test func eachTreeKeepsOneTablePerCoordinateSystem() async throws {
        @Sendable func table(_ index: PointIndex, _ crs: CoordinateSystem) -> PointFieldTable { index.withFieldTable(crs: crs) { $0 } }
        var index: PointIndex? = PointIndex(Self.points)
        let first = try #require(index)
        var tables = CoordinateSystem.allCases.map { table(first, $0) }
        #expect(tables[0] !== tables[1] && tables[1] !== tables[2] && tables[0] !== tables[2])
        for (crs, kept) in zip(CoordinateSystem.allCases, tables) {
            #expect(kept.crs == crs && kept.generation == first.slotGeneration)
            #expect(table(first, crs) === kept, "asked again")
        }
        let written = first.applying(upserts: [PaymentPoint(id: "shop-2", name: "新店", kind: .agency, services: [.cash],
                                                            location: Coordinate(latitude: 23.021, longitude: 113.751))])
        #expect(written.slotGeneration == first.slotGeneration)
        #expect(table(written, .gcj02) === tables[1], "a snapshot written on the same tree shares it")
        let rebuilt = PointIndex(written.allPoints)
        #expect(table(rebuilt, .wgs84) !== tables[0], "a rebuilt tree has its own")
        // Callers racing on a new tree all get the one table that was published.
        let racing = PointIndex(Self.points)
        let seen = await withTaskGroup(of: PointFieldTable.self) { group in
            for _ in 0..<8 { group.addTask { table(racing, .bd09) } }
            return await group.reduce(into: [PointFieldTable]()) { $0.append($1) }
        }
        #expect(seen.allSatisfy { $0 === table(racing, .bd09) })
        // The tables go with the last snapshot of their tree.
        weak let wgs84 = tables[0]
        tables = []
        #expect(wgs84 != nil)
        index = nil
        #expect(wgs84 != nil, "snapshots of the tree still hold it")
        _ = consume written
        _ = consume first
        #expect(wgs84 == nil)
    }
}
