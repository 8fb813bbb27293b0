import PayCircleCore
import PayCircleStore

/// Maps ``WalkingNetworkData`` to and from the `network_nodes` and `network_edges` tables.
///
/// A replacement runs inside the caller's transaction: the edges' geometry column is unregistered, the
/// rows are bulk-loaded, and the column is registered again (which checks every geometry once), because
/// SpatiaLite's per-row checks on a registered column cost more than the rest of the import. Rows go in
/// many to a statement, and the edges' geometries as SpatiaLite blobs (``SpatiaLiteGeometryBlob``) rather
/// than built by SQL functions row by row.
enum NetworkRows {
    static func replace(with network: WalkingNetworkData, in connection: SQLiteConnection) throws {
        try connection.execute("""
            SELECT DiscardGeometryColumn('network_edges', 'geom');
            DELETE FROM network_edges;
            DELETE FROM network_nodes;
            """)
        try connection.insert(into: "network_nodes", columns: ["id", "osm_id", "lat", "lon"], rows: network.nodes.indices) { index, row in
            let item = network.nodes[index]
            guard item.coordinate.isValid else { throw StoreError("network node \(item.osmID) has an invalid position") }
            row.integer(Int64(index)); row.integer(item.osmID); row.real(item.coordinate.latitude); row.real(item.coordinate.longitude)
        }
        let edgeColumns = ["id", "source", "target", "length_m", "class", "name", "oneway", "geom"]
        try connection.insert(into: "network_edges", columns: edgeColumns, rows: network.edges.indices) { index, row in
            let item = network.edges[index]
            // The store's foreign keys are not checked row by row during this load (see `SpatiaLiteStore.write`).
            guard network.nodes.indices.contains(Int(item.source)), network.nodes.indices.contains(Int(item.target)) else {
                throw StoreError("network edge \(index) refers to a node that does not exist")
            }
            let a = network.nodes[Int(item.source)].coordinate, b = network.nodes[Int(item.target)].coordinate
            row.integer(Int64(index)); row.integer(Int64(item.source)); row.integer(Int64(item.target)); row.real(item.length)
            row.text(item.highway); row.text(item.name); row.integer(item.isOneway ? 1 : 0)
            SpatiaLiteGeometryBlob.withSegment(from: (a.longitude, a.latitude), to: (b.longitude, b.latitude), srid: 4326) { row.blob($0) }
        }
        let register = try connection.prepare("SELECT RecoverGeometryColumn('network_edges', 'geom', 4326, 'LINESTRING', 'XY')")
        guard try register.step(), register.int(0) == 1 else {
            throw StoreError("SpatiaLite refused the network's edge geometries")
        }
    }

    static func load(_ connection: SQLiteConnection) throws -> WalkingNetworkData {
        var network = WalkingNetworkData()
        let nodes = try connection.prepare("SELECT osm_id, lat, lon FROM network_nodes ORDER BY id")
        while try nodes.step() {
            network.nodes.append(.init(osmID: nodes.int(0), coordinate: Coordinate(latitude: nodes.double(1), longitude: nodes.double(2))))
        }
        let edges = try connection.prepare("SELECT source, target, length_m, class, name, oneway FROM network_edges ORDER BY id")
        while try edges.step() {
            network.edges.append(.init(
                source: Int32(edges.int(0)), target: Int32(edges.int(1)), length: edges.double(2),
                highway: edges.text(3) ?? "path", name: edges.text(4), isOneway: edges.int(5) != 0
            ))
        }
        return network
    }
}
