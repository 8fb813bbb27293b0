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
        let compare = try connection.prepare("""
            SELECT ?1 = MakeLine(MakePoint(?2, ?3, 4326), MakePoint(?4, ?5, 4326)), AsText(?1), SRID(?1), ST_NumPoints(?1)
            """)
        var random = SeededGenerator(seed: 7)
        func degrees(_ range: Double) -> Double { (Double(random.next() % 2_000_001) / 1_000_000 - 1) * range }
        var cases: [(Double, Double, Double, Double)] = [(113.75, 23.02, 113.76, 23.01), (-8.61, 41.15, -8.61, 41.15), (0, 0, -0.5, 0.25),
                                                         (0.0, -0.0, -0.0, 0.0), (-0.0, 0.0, 0.0, -0.0)]
        for _ in 0..<200 { cases.append((degrees(180), degrees(90), degrees(180), degrees(90))) }
        for (ax, ay, bx, by) in cases {
            let blob = SpatiaLiteGeometryBlob.withSegment(from: (ax, ay), to: (bx, by), srid: 4326) { Array($0) }
            #expect(blob.count == SpatiaLiteGeometryBlob.segmentByteCount)
            compare.bind([.blob(blob), .real(ax), .real(ay), .real(bx), .real(by)])
            #expect(try compare.step())
            #expect(compare.int(0) == 1, "\(ax) \(ay) → \(bx) \(by)")
            #expect(compare.text(1)?.hasPrefix("LINESTRING(") == true)
            #expect(compare.int(2) == 4326)
            #expect(compare.int(3) == 2)
        }
    }
}
