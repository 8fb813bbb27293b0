import Foundation
import PayCircleCore
import PayCircleNetwork
import Testing

/// A hand-drawn network near Dongguan (north up):
///
///     D ──Lane 2── E ──Lane 2── F
///     │ footway    ┆ steps      ↑ Ramp (oneway:foot, C → F only)
///     A ──Lane 1── B ──Lane 1── C          G ── H  (a separate path 1.5 km away)
///
/// Rows are 0.001° of latitude apart (≈ 110.7 m); columns 0.001° of longitude (≈ 102.5 m), but C sits a
/// little further east so that no two routes tie.
@Suite struct WalkingGraphFixtureTests {
    static let a = Coordinate(latitude: 23.000, longitude: 113.000), b = Coordinate(latitude: 23.000, longitude: 113.001)
    static let c = Coordinate(latitude: 23.000, longitude: 113.0021), d = Coordinate(latitude: 23.001, longitude: 113.000)
    static let e = Coordinate(latitude: 23.001, longitude: 113.001), f = Coordinate(latitude: 23.001, longitude: 113.002)
    static let g = Coordinate(latitude: 23.010, longitude: 113.010), h = Coordinate(latitude: 23.010, longitude: 113.011)

    static let network: WalkingNetworkData = {
        let coordinates = [a, b, c, d, e, f, g, h]
        func edge(_ s: Int32, _ t: Int32, _ highway: String, _ name: String? = nil, oneway: Bool = false) -> WalkingNetworkData.Edge {
            .init(source: s, target: t, length: Geodesic.distance(coordinates[Int(s)], coordinates[Int(t)]), highway: highway, name: name, isOneway: oneway)
        }
        return WalkingNetworkData(
            nodes: coordinates.enumerated().map { .init(osmID: Int64($0.offset + 1), coordinate: $0.element) },
            edges: [
                edge(0, 1, "residential", "Lane 1"), edge(1, 2, "residential", "Lane 1"),
                edge(3, 4, "residential", "Lane 2"), edge(4, 5, "residential", "Lane 2"),
                edge(0, 3, "footway"), edge(1, 4, "steps"), edge(2, 5, "footway", "Ramp", oneway: true),
                edge(6, 7, "path"),
            ]
        )
    }()

    let graph = WalkingGraph(network)
    static let speed = 5 / 3.6

    static func length(_ points: [Coordinate]) -> Double {
        zip(points, points.dropFirst()).reduce(0) { $0 + Geodesic.distance($1.0, $1.1) }
    }

    @Test func snapsByProjectionOntoTheNearestEdge() throws {
        let place = Coordinate(latitude: 23.0002, longitude: 113.0005)
        let location = try graph.snap(place)
        #expect(location.edge == 0)
        #expect(abs(location.fraction - 0.5) < 1e-9)
        #expect(abs(location.coordinate.latitude - 23.0) < 1e-12 && abs(location.coordinate.longitude - 113.0005) < 1e-12)
        #expect(abs(location.snapDistance - Geodesic.distance(place, Coordinate(latitude: 23.0, longitude: 113.0005))) < 1e-6)
    }

    @Test func snappingUsesOnlyTheMainComponentAndHasALimit() {
        #expect(throws: NetworkError.self) { try graph.snap(Self.g) }
        #expect(throws: NetworkError.self) { try graph.snap(Coordinate(latitude: 23.0, longitude: 113.007)) }
        #expect((try? graph.snap(Coordinate(latitude: 23.0, longitude: 113.007), maxDistance: 600)) != nil)
        #expect(throws: NetworkError.self) { try WalkingGraph(WalkingNetworkData()).snap(Self.a) }
    }

    @Test func quickestRouteAvoidsTheLongerWayWithExactDistanceTimeAndSteps() throws {
        let route = try graph.route(from: Self.f, to: Self.a)
        let expected = Self.length([Self.f, Self.e, Self.d, Self.a])
        #expect(abs(route.distance - expected) < 1e-6)
        #expect(abs(route.duration - expected / Self.speed) < 1e-6)
        #expect(route.geometry == [Self.f, Self.e, Self.d, Self.a])
        #expect(route.steps.map(\.instruction) == ["Head west on Lane 2", "Turn left onto the footway", "Arrive at your destination"])
        #expect(abs(route.steps[0].distance - Self.length([Self.f, Self.e, Self.d])) < 1e-6)
    }

    @Test func stepsAreSlowerAndOnewayFootIsRespected() throws {
        // C → F may use the ramp; F → C may not, and goes down the steps (twice as slow) instead of the
        // longer flat way round by A.
        let up = try graph.route(from: Self.c, to: Self.f)
        #expect(up.geometry == [Self.c, Self.f])
        let down = try graph.route(from: Self.f, to: Self.c)
        #expect(down.geometry == [Self.f, Self.e, Self.b, Self.c])
        let flat = Self.length([Self.f, Self.e]) + Self.length([Self.b, Self.c])
        let steps = Self.length([Self.e, Self.b])
        #expect(abs(down.duration - (flat + 2 * steps) / Self.speed) < 1e-6)
        #expect(down.steps.map(\.instruction) == ["Head west on Lane 2", "Turn left onto the steps", "Turn left onto Lane 1", "Arrive at your destination"])
    }

    @Test func routesStartAndEndOnPartialEdges() throws {
        let from = Coordinate(latitude: 23.0001, longitude: 113.00025)   // a quarter of the way along A-B
        let to = Coordinate(latitude: 23.0009, longitude: 113.00075)     // three quarters along D-E
        let route = try graph.route(from: from, to: to)
        let start = Coordinate(latitude: 23.0, longitude: 113.00025), end = Coordinate(latitude: 23.001, longitude: 113.00075)
        #expect(route.geometry.count == 4)
        #expect(Geodesic.distance(route.geometry[0], start) < 1e-6 && Geodesic.distance(route.geometry[3], end) < 1e-6)
        #expect(Array(route.geometry[1...2]) == [Self.a, Self.d])
        #expect(abs(route.distance - Self.length(route.geometry)) < 0.01)
        // Both ends on one edge: straight along it.
        let along = try graph.route(from: Coordinate(latitude: 23.0001, longitude: 113.0002), to: Coordinate(latitude: 23.0001, longitude: 113.0008))
        #expect(along.geometry.count == 2 && abs(along.distance - Self.length(along.geometry)) < 1e-6)
    }

    @Test func walkingNearestRanksByWalkingTimeAndReportsTheUnreachable() throws {
        func point(_ id: String, _ at: Coordinate) -> PaymentPoint { PaymentPoint(id: id, name: id, kind: .kiosk, location: at) }
        let index = PointIndex([point("at-c", Self.c), point("at-d", Self.d), point("far-g", Self.g)])
        let query = NearestQuery(location: Self.f, k: 3)
        #expect(index.nearest(query).map(\.point.id) == ["at-c", "at-d", "far-g"])
        let walking = try graph.nearestByWalking(query, in: index)
        #expect(walking.map(\.point.id) == ["at-d", "at-c", "far-g"])
        #expect(walking.map(\.isReachable) == [true, true, false])
        #expect(abs(walking[0].walkDistance! - Self.length([Self.f, Self.e, Self.d])) < 1e-6)
        #expect(walking[2].walkSeconds == nil)
        #expect(walking.allSatisfy { $0.walkDistance ?? .infinity >= $0.distance - 1e-6 })
    }

    @Test func shortIsochroneIsABufferedPieceOfOneEdge() throws {
        // From the middle of A-B, 20 s reach 27.8 m either way: one 55.6 m piece, buffered by 30 m into a
        // stadium (a rectangle and two half discs), traced on 5 m cells: within 3% of the exact area.
        let middle = Coordinate(latitude: 23.0, longitude: 113.0005)
        let isochrone = try graph.isochrone(from: middle, seconds: 20)
        let reach = 20 * Self.speed
        #expect(abs(isochrone.networkLength - 2 * reach) < 0.01)
        let r = WalkingGraph.isochroneBuffer
        let expectedArea = 2 * r * 2 * reach + Double.pi * r * r
        #expect(abs(isochrone.area - expectedArea) < 0.03 * expectedArea, "\(isochrone.area) vs \(expectedArea)")
        #expect(isochrone.geoJSON.contains("\"Polygon\""))
    }

    @Test func wholeNetworkIsochroneHasAHoleInEachBlock() throws {
        let isochrone = try graph.isochrone(from: Self.a, seconds: 600)
        let mainEdges = Self.network.edges.prefix(7)
        #expect(abs(isochrone.networkLength - mainEdges.reduce(0) { $0 + $1.length }) < 0.01)
        let geometry = try #require(try JSONSerialization.jsonObject(with: Data(isochrone.geoJSON.utf8)) as? [String: Any])
        #expect(geometry["type"] as? String == "Polygon")
        let rings = try #require(geometry["coordinates"] as? [[[Double]]])
        #expect(rings.count == 3)
        // The separate path G-H is not reachable and adds nothing.
        #expect(!isochrone.reachedSegments.contains { $0.from == Self.g || $0.to == Self.g })
    }
}
