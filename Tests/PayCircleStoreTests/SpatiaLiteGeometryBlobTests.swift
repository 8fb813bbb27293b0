import Foundation
@testable import PayCircleSpatiaLite
import PayCircleSimulation
import PayCircleTestSupport
import Testing

/// Network edges are written as SpatiaLite geometry blobs made in Swift; they must be byte for byte what
/// SpatiaLite's own `MakeLine(MakePoint(…), MakePoint(…))` makes, and read back as the same line.
@Suite struct SpatiaLiteGeometryBlobTests {
    @Test func lineStringBlobsEqualSpatiaLitesOwn() throws {
        let directory = try Reference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let connection = try SQLiteConnection(path: directory.appendingPathComponent("g.sqlite").path)
        var random = SeededGenerator(seed: 7)
        func degrees(_ range: Double) -> Double { (Double(random.next() % 2_000_001) / 1_000_000 - 1) * range }
        var cases: [(Double, Double, Double, Double)] = [(113.75, 23.02, 113.76, 23.01), (-8.61, 41.15, -8.61, 41.15), (0, 0, -0.5, 0.25),
                                                         (0.0, -0.0, -0.0, 0.0), (-0.0, 0.0, 0.0, -0.0)]
        for _ in 0..<200 { cases.append((degrees(180), degrees(90), degrees(180), degrees(90))) }
        // The blobs go in as the import writes them, many rows to a statement; the coordinates are bound to
        // the comparison itself, since a stored REAL would lose the sign of -0.0.
        try connection.execute("CREATE TABLE g (n INTEGER PRIMARY KEY, geom BLOB)")
        try connection.insert(into: "g", columns: ["n", "geom"], rows: cases.indices) { index, row in
            let (ax, ay, bx, by) = cases[index]
            row.integer(Int64(index))
            SpatiaLiteGeometryBlob.withSegment(from: (ax, ay), to: (bx, by), srid: 4326) { blob in
                #expect(blob.count == SpatiaLiteGeometryBlob.segmentByteCount)
                row.blob(blob)
            }
        }
        let compare = try connection.prepare("""
            SELECT geom = MakeLine(MakePoint(?1, ?2, 4326), MakePoint(?3, ?4, 4326)), AsText(geom), SRID(geom), ST_NumPoints(geom)
            FROM g WHERE n = ?5
            """)
        for (index, (ax, ay, bx, by)) in cases.enumerated() {
            compare.bind([.real(ax), .real(ay), .real(bx), .real(by), .integer(Int64(index))])
            #expect(try compare.step())
            #expect(compare.int(0) == 1, "\(ax) \(ay) → \(bx) \(by)")
            #expect(compare.text(1)?.hasPrefix("LINESTRING(") == true)
            #expect(compare.int(2) == 4326)
            #expect(compare.int(3) == 2)
        }
    }
}
