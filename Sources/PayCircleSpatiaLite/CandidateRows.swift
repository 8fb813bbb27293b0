import PayCircleCore
import PayCircleStore

/// Maps ``CandidateSite`` to and from the `candidate_sites` table; a replacement runs inside the caller's
/// transaction.
enum CandidateRows {
    static func replace(with candidates: [CandidateSite], in connection: SQLiteConnection) throws {
        try connection.execute("DELETE FROM candidate_sites")
        let insert = try connection.prepare("INSERT INTO candidate_sites (id, name, lat, lon) VALUES (?, ?, ?, ?)")
        for site in candidates {
            guard site.location.isValid else { throw StoreError("candidate site '\(site.id)' has an invalid position") }
            try insert.run([.text(site.id), .text(site.name), .real(site.location.latitude), .real(site.location.longitude)])
        }
    }

    static func load(_ connection: SQLiteConnection) throws -> [CandidateSite] {
        let rows = try connection.prepare("SELECT id, name, lat, lon FROM candidate_sites ORDER BY id")
        var sites: [CandidateSite] = []
        while try rows.step() {
            sites.append(CandidateSite(id: rows.text(0) ?? "", name: rows.text(1) ?? "", location: Coordinate(latitude: rows.double(2), longitude: rows.double(3))))
        }
        return sites
    }
}
