import Crypto
import Foundation
import PayCircleCore

/// Everything a store holds about the city — points, walking network, residential buildings, candidate
/// sites and population areas — read whole, written whole, and fingerprinted part by part, so that a
/// copy between stores can be checked.
///
/// ```swift
/// let contents = try await StoreContents(from: spatiaLite)
/// try await contents.replaceContents(of: postGIS)
/// #expect(try await StoreContents(from: postGIS).fingerprints == contents.fingerprints)
/// ```
public struct StoreContents: Sendable, Equatable {
    public var points: [PaymentPoint]
    public var layers: OSMLayers
    public var areas: [PopulationArea]

    /// One part's row count and SHA-256 over a canonical text of its rows (doubles by their bits).
    public struct Fingerprint: Sendable, Hashable {
        public let part: String
        public let count: Int
        public let sha256: String
    }

    public init(from store: any DataStore) async throws {
        points = try await store.loadPoints()
        layers = OSMLayers(network: try await store.loadNetwork(), buildings: try await store.loadBuildings(), candidates: try await store.loadCandidates())
        areas = try await store.loadAreas()
    }

    /// Replaces what `store` holds with these contents: points and OSM layers in one transaction, then
    /// the areas in another.
    public func replaceContents(of store: any DataStore) async throws {
        try await store.write(PointChange(upserts: points, replace: .all), layers: layers)
        try await store.replaceAreas(areas)
    }

    public var fingerprints: [Fingerprint] {
        func bits(_ value: Double) -> String { String(value.bitPattern, radix: 16) }
        func place(_ c: Coordinate) -> String { bits(c.latitude) + " " + bits(c.longitude) }
        func fingerprint(_ part: String, _ lines: [String]) -> Fingerprint {
            var hash = SHA256()
            for line in lines { hash.update(data: Data((line + "\n").utf8)) }
            return Fingerprint(part: part, count: lines.count, sha256: hash.finalize().map { String(format: "%02x", $0) }.joined())
        }
        let network = layers.network
        return [
            fingerprint("points", points.map { p in
                [p.id, p.name, p.kind.rawValue, p.grade?.rawValue ?? "-", p.agencyType?.rawValue ?? "-",
                 p.services.services.map(\.rawValue).joined(separator: ","), p.openingHours?.text ?? "-", p.timeZone, p.status.rawValue,
                 p.address ?? "-", p.phone ?? "-", p.source ?? "-", Timestamp.utcString(p.updatedAt), place(p.location)].joined(separator: "\t")
            }),
            fingerprint("network nodes", network.nodes.map { "\($0.osmID)\t" + place($0.coordinate) }),
            fingerprint("network edges", network.edges.map { e in
                "\(e.source)\t\(e.target)\t\(bits(e.length))\t\(e.highway)\t\(e.name ?? "-")\t\(e.isOneway)"
            }),
            fingerprint("buildings", layers.buildings.map { "\($0.id)\t\(place($0.location))\t\(bits($0.footprint))\t\(bits($0.levels))" }),
            fingerprint("candidate sites", layers.candidates.map { "\($0.id)\t\($0.name)\t\(place($0.location))" }),
            fingerprint("areas", areas.map { a in
                "\(a.id)\t\(a.name)\t\(bits(a.population))\t" + a.polygons.map { $0.map { $0.map(place).joined(separator: ",") }.joined(separator: ";") }.joined(separator: "|")
            }),
        ]
    }
}
