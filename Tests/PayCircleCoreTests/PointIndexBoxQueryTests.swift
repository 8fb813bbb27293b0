import Foundation
import PayCircleCore
import PayCircleTestSupport
import Testing
import PayCircleSimulation

/// `PointIndex.points(in:kinds:limit:)` answers through the k-d tree's box query (and the overlay); here it
/// is checked against a plain filter of a model kept beside it, on random points and boxes, through writes.
@Suite struct PointIndexBoxQueryTests {
    /// The brute-force answer: every point of `model` in the box, of the kinds, in id order, the first `limit`.
    static func bruteForce(_ model: [String: PaymentPoint], _ box: BoundingBox, kinds: Set<PointKind>?, limit: Int) -> [String] {
        Array(model.values
            .filter { box.contains($0.location) && (kinds?.contains($0.kind) ?? true) }
            .map(\.id).sorted()
            .prefix(limit))
    }

    /// Points around Dongguan, a few of them stacked on the same spot and some scattered over the globe.
    static func randomPoints(_ count: Int, prefix: String, using random: inout SeededGenerator) -> [PaymentPoint] {
        var points: [PaymentPoint] = []
        for index in 0..<count {
            let location: Coordinate
            switch index % 10 {
            case 0: location = Coordinate(latitude: .random(in: -90...90, using: &random), longitude: .random(in: -180...180, using: &random))
            case 1: location = Coordinate(latitude: 23.02, longitude: 113.75)  // the same spot, many times
            default: location = Coordinate(latitude: .random(in: 22.9...23.1, using: &random), longitude: .random(in: 113.6...113.9, using: &random))
            }
            let id = "\(prefix)-\(UInt32.random(in: 0...UInt32.max, using: &random))-\(index)"
            points.append(PaymentPoint(id: id, name: id, kind: PointKind.allCases.randomElement(using: &random)!, location: location))
        }
        return points
    }

    static func randomBox(using random: inout SeededGenerator, around points: [PaymentPoint]) -> BoundingBox {
        switch Int.random(in: 0..<8, using: &random) {
        case 0:
            // The whole world.
            return BoundingBox(minLongitude: -180, minLatitude: -90, maxLongitude: 180, maxLatitude: 90)
        case 1:
            // Nothing there: the South Atlantic far from Dongguan (random world points may still fall in).
            return BoundingBox(minLongitude: -20, minLatitude: -40, maxLongitude: -19.99, maxLatitude: -39.99)
        case 2:
            // A degenerate box exactly on one point: the edges belong to the box.
            let c = points.randomElement(using: &random)!.location
            return BoundingBox(minLongitude: c.longitude, minLatitude: c.latitude, maxLongitude: c.longitude, maxLatitude: c.latitude)
        case 3:
            // A tiny box, a few metres wide, around a point or next to it.
            let c = points.randomElement(using: &random)!.location
            let dLat = Double.random(in: -0.00005...0.00005, using: &random), dLon = Double.random(in: -0.00005...0.00005, using: &random)
            return BoundingBox(minLongitude: c.longitude + dLon - 0.00003, minLatitude: c.latitude + dLat - 0.00003,
                               maxLongitude: c.longitude + dLon + 0.00003, maxLatitude: c.latitude + dLat + 0.00003)
        case 4:
            // A box whose corner is a point of the set.
            let c = points.randomElement(using: &random)!.location
            return BoundingBox(minLongitude: c.longitude, minLatitude: c.latitude - 0.01,
                               maxLongitude: min(180, c.longitude + 0.02), maxLatitude: c.latitude)
        case 5:
            // A wide random box anywhere.
            let lon = [Double.random(in: -180...180, using: &random), Double.random(in: -180...180, using: &random)].sorted()
            let lat = [Double.random(in: -90...90, using: &random), Double.random(in: -90...90, using: &random)].sorted()
            return BoundingBox(minLongitude: lon[0], minLatitude: lat[0], maxLongitude: lon[1], maxLatitude: lat[1])
        default:
            // A city-sized box over the cluster.
            let lon = Double.random(in: 113.55...113.9, using: &random), lat = Double.random(in: 22.85...23.1, using: &random)
            return BoundingBox(minLongitude: lon, minLatitude: lat, maxLongitude: lon + .random(in: 0...0.15, using: &random),
                               maxLatitude: lat + .random(in: 0...0.1, using: &random))
        }
    }

    static func randomKinds(using random: inout SeededGenerator) -> Set<PointKind>? {
        guard Bool.random(using: &random) else { return nil }
        return Set(PointKind.allCases.filter { _ in Bool.random(using: &random) })
    }

    /// Compares `index` with the model on `count` random boxes, kinds and limits; returns the mismatches.
    static func compare(_ index: PointIndex, _ model: [String: PaymentPoint], boxes count: Int,
                        using random: inout SeededGenerator) -> [String] {
        var mismatches: [String] = []
        let anchors = model.values.sorted { $0.id < $1.id }  // in a fixed order, so that runs repeat
        for _ in 0..<count {
            let box = randomBox(using: &random, around: anchors)
            let kinds = randomKinds(using: &random)
            let limit = [Int.max, 1, 7, 100, 0].randomElement(using: &random)!
            let found = index.points(in: box, kinds: kinds, limit: limit).map(\.id)
            let expected = bruteForce(model, box, kinds: kinds, limit: limit)
            if found != expected { mismatches.append("\(box) kinds \(String(describing: kinds)) limit \(limit): \(found.count) vs \(expected.count)") }
        }
        return mismatches
    }

    @Test func equalsBruteForceThroughWritesAndDeletions() {
        var random = SeededGenerator(seed: 1313)
        let initial = Self.randomPoints(4_000, prefix: "p", using: &random)
        var model = Dictionary(initial.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        var index = PointIndex(initial)
        #expect(index.count == model.count)
        let before = Self.compare(index, model, boxes: 600, using: &random)
        #expect(before.isEmpty, "before any write: \(before.prefix(5))")

        // Rounds of writes: moved points, new points, deletions of base and of overlay points.
        for round in 0..<6 {
            var upserts: [PaymentPoint] = []
            let ids = model.keys.sorted()
            for id in ids.shuffled(using: &random).prefix(150) {
                var moved = model[id]!
                moved.location = Coordinate(latitude: .random(in: 22.9...23.1, using: &random), longitude: .random(in: 113.6...113.9, using: &random))
                moved.kind = PointKind.allCases.randomElement(using: &random)!
                upserts.append(moved)
            }
            upserts += Self.randomPoints(200, prefix: "new\(round)", using: &random)
            let deletions = Array(ids.shuffled(using: &random).prefix(120)) + ["never-there"]
            index = index.applying(upserts: upserts, deletions: deletions)
            for id in deletions { model[id] = nil }
            for point in upserts { model[point.id] = point }
            #expect(index.count == model.count)
            #expect(index.allPoints.map(\.id) == model.keys.sorted())
            let mismatches = Self.compare(index, model, boxes: 400, using: &random)
            #expect(mismatches.isEmpty, "round \(round): \(mismatches.prefix(5))")
        }

        // A write large enough to fold the overlay into a rebuilt tree.
        let bulk = Self.randomPoints(3_000, prefix: "bulk", using: &random)
        index = index.applying(upserts: bulk, deletions: Array(model.keys.sorted().prefix(500)))
        for id in model.keys.sorted().prefix(500) { model[id] = nil }
        for point in bulk { model[point.id] = point }
        #expect(index.count == model.count)
        let mismatches = Self.compare(index, model, boxes: 600, using: &random)
        #expect(mismatches.isEmpty, "after the rebuild: \(mismatches.prefix(5))")
    }

    @Test func edgesOfTheWorldAndEmptySets() {
        let corners = [(90.0, 180.0), (-90.0, -180.0), (90.0, -180.0), (-90.0, 180.0), (0.0, 180.0), (0.0, -180.0), (45.0, 0.0)]
        let points = corners.enumerated().map { index, corner in
            PaymentPoint(id: "c\(index)", name: "c", kind: .kiosk, location: Coordinate(latitude: corner.0, longitude: corner.1))
        }
        let index = PointIndex(points)
        let model = Dictionary(uniqueKeysWithValues: points.map { ($0.id, $0) })
        let boxes = [
            BoundingBox(minLongitude: -180, minLatitude: -90, maxLongitude: 180, maxLatitude: 90),
            BoundingBox(minLongitude: 179, minLatitude: -90, maxLongitude: 180, maxLatitude: 90),
            BoundingBox(minLongitude: -180, minLatitude: 89, maxLongitude: -179, maxLatitude: 90),
            BoundingBox(minLongitude: 0, minLatitude: 45, maxLongitude: 0, maxLatitude: 45),
            BoundingBox(minLongitude: 1, minLatitude: 1, maxLongitude: 2, maxLatitude: 2),
            // Inverted and not-a-number boxes contain nothing.
            BoundingBox(minLongitude: 10, minLatitude: 0, maxLongitude: -10, maxLatitude: 1),
            BoundingBox(minLongitude: .nan, minLatitude: -90, maxLongitude: 180, maxLatitude: 90),
        ]
        for box in boxes {
            #expect(index.points(in: box).map(\.id) == Self.bruteForce(model, box, kinds: nil, limit: .max), "\(box)")
        }
        let world = BoundingBox(minLongitude: -180, minLatitude: -90, maxLongitude: 180, maxLatitude: 90)
        #expect(PointIndex().points(in: world).isEmpty)
        #expect(index.applying(upserts: [], deletions: points.map(\.id)).points(in: world).isEmpty)
        #expect(GeodesicKDTree([]).indices(in: world).isEmpty)
    }

    @Test func treeBoxQueryEqualsBruteForce() {
        var random = SeededGenerator(seed: 77)
        let points = Self.randomPoints(5_000, prefix: "t", using: &random)
        let coordinates = points.map(\.location)
        let tree = GeodesicKDTree(coordinates)
        for _ in 0..<1_000 {
            let box = Self.randomBox(using: &random, around: points)
            let expected = coordinates.indices.filter { box.contains(coordinates[$0]) }
            #expect(tree.indices(in: box) == expected, "\(box)")
        }
    }
}
