import Foundation
import PayCircleCore
import PayCircleStore
import PostgresNIO

/// Maps ``WalkingNetworkData`` to and from the PostGIS `network_nodes` and `network_edges` tables, in
/// batches of one statement each (arrays for nodes, a JSON array for edges, whose names may be absent).
enum NetworkTables {
    static let batchSize = 50_000

    struct EdgeRow: Encodable {
        let id, source, target: Int
        let length_m: Double
        let `class`: String
        let name: String?
        let oneway: Bool
        let ax, ay, bx, by: Double
    }

    static func replace(with network: WalkingNetworkData, in transaction: PostgresDatabase.Transaction) async throws {
        try await transaction.query("DELETE FROM network_edges")
        try await transaction.query("DELETE FROM network_nodes")
        if let bad = network.nodes.first(where: { !$0.coordinate.isValid }) {
            throw StoreError("network node \(bad.osmID) has an invalid position")
        }
        for start in stride(from: 0, to: network.nodes.count, by: batchSize) {
            let range = start..<min(start + batchSize, network.nodes.count)
            let nodes = network.nodes[range]
            try await transaction.query("""
                INSERT INTO network_nodes (id, osm_id, lat, lon)
                SELECT * FROM unnest(\(range.map { Int32($0) }), \(nodes.map(\.osmID)), \(nodes.map(\.coordinate.latitude)), \(nodes.map(\.coordinate.longitude)))
                """)
        }
        for start in stride(from: 0, to: network.edges.count, by: batchSize) {
            var rows: [EdgeRow] = []
            for index in start..<min(start + batchSize, network.edges.count) {
                let edge = network.edges[index]
                guard network.nodes.indices.contains(Int(edge.source)), network.nodes.indices.contains(Int(edge.target)) else {
                    throw StoreError("network edge \(index) refers to a node that does not exist")
                }
                let a = network.nodes[Int(edge.source)].coordinate, b = network.nodes[Int(edge.target)].coordinate
                rows.append(EdgeRow(id: index, source: Int(edge.source), target: Int(edge.target), length_m: edge.length, class: edge.highway,
                                    name: edge.name, oneway: edge.isOneway, ax: a.longitude, ay: a.latitude, bx: b.longitude, by: b.latitude))
            }
            let json = String(decoding: try JSONEncoder().encode(rows), as: UTF8.self)
            try await transaction.query("""
                INSERT INTO network_edges (id, source, target, length_m, class, name, oneway, geom)
                SELECT id, source, target, length_m, class, name, oneway,
                       ST_SetSRID(ST_MakeLine(ST_MakePoint(ax, ay), ST_MakePoint(bx, by)), 4326)
                FROM jsonb_to_recordset(\(json)::jsonb) AS row (
                    id int, source int, target int, length_m float8, class text, name text, oneway bool, ax float8, ay float8, bx float8, by float8)
                """)
        }
    }

    static func load(_ database: PostgresDatabase) async throws -> WalkingNetworkData {
        let nodes = try await database.map("SELECT osm_id, lat, lon FROM network_nodes ORDER BY id") { row in
            let (osmID, lat, lon) = try row.decode((Int64, Double, Double).self)
            return WalkingNetworkData.Node(osmID: osmID, coordinate: Coordinate(latitude: lat, longitude: lon))
        }
        let edges = try await database.map("SELECT source, target, length_m, class, name, oneway FROM network_edges ORDER BY id") { row in
            let (source, target, length, highway, name, oneway) = try row.decode((Int32, Int32, Double, String, String?, Bool).self)
            return WalkingNetworkData.Edge(source: source, target: target, length: length, highway: highway, name: name, isOneway: oneway)
        }
        return WalkingNetworkData(nodes: nodes, edges: edges)
    }
}
