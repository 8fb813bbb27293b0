import PayCircleStore
import PostgresNIO

/// The schema of the PostGIS store, as numbered migrations recorded in `paycircle_schema`; each runs in
/// its own transaction. Same tables and columns as the SpatiaLite store, with PostGIS geometry columns and
/// GiST indexes where the SpatiaLite store has R*Trees (and on the network and areas too).
enum PostGISSchema {
    struct Migration {
        let version: Int
        let statements: [PostgresQuery]
    }

    static let all: [Migration] = [
        Migration(version: 1, statements: [
            """
            CREATE TABLE points (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('hall', 'kiosk', 'bank_booth', 'bank_branch', 'agency')),
                grade TEXT CHECK (grade IN ('A', 'B', 'C', 'D')),
                agency_type TEXT,
                services TEXT NOT NULL DEFAULT '',
                opening_hours TEXT,
                time_zone TEXT NOT NULL DEFAULT 'Asia/Shanghai',
                status TEXT NOT NULL DEFAULT 'online' CHECK (status IN ('online', 'offline', 'fault', 'closed')),
                address TEXT,
                phone TEXT,
                source TEXT,
                updated_at TEXT NOT NULL,
                geom geometry(Point, 4326) NOT NULL
            )
            """,
            "CREATE INDEX points_geom ON points USING gist (geom)",
            "CREATE INDEX points_source ON points (source)",
        ]),
        Migration(version: 2, statements: [
            "CREATE TABLE network_nodes (id INTEGER PRIMARY KEY, osm_id BIGINT NOT NULL, lat DOUBLE PRECISION NOT NULL, lon DOUBLE PRECISION NOT NULL)",
            """
            CREATE TABLE network_edges (
                id INTEGER PRIMARY KEY,
                source INTEGER NOT NULL REFERENCES network_nodes (id),
                target INTEGER NOT NULL REFERENCES network_nodes (id),
                length_m DOUBLE PRECISION NOT NULL CHECK (length_m >= 0),
                class TEXT NOT NULL,
                name TEXT,
                oneway BOOLEAN NOT NULL DEFAULT false,
                geom geometry(LineString, 4326) NOT NULL
            )
            """,
            "CREATE INDEX network_edges_geom ON network_edges USING gist (geom)",
        ]),
        Migration(version: 3, statements: [
            """
            CREATE TABLE areas (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                population DOUBLE PRECISION NOT NULL CHECK (population >= 0),
                geom geometry(MultiPolygon, 4326) NOT NULL
            )
            """,
            "CREATE INDEX areas_geom ON areas USING gist (geom)",
        ]),
        Migration(version: 4, statements: [
            """
            CREATE TABLE residential_buildings (
                id TEXT PRIMARY KEY,
                lat DOUBLE PRECISION NOT NULL,
                lon DOUBLE PRECISION NOT NULL,
                footprint_m2 DOUBLE PRECISION NOT NULL CHECK (footprint_m2 >= 0),
                levels DOUBLE PRECISION NOT NULL CHECK (levels > 0)
            )
            """,
            "CREATE TABLE candidate_sites (id TEXT PRIMARY KEY, name TEXT NOT NULL, lat DOUBLE PRECISION NOT NULL, lon DOUBLE PRECISION NOT NULL)",
        ]),
        Migration(version: 5, statements: [
            """
            CREATE TABLE access_tokens (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('admin', 'operator')),
                secret_sha256 TEXT NOT NULL,
                created_at TEXT NOT NULL,
                revoked_at TEXT
            )
            """,
            """
            CREATE TABLE audit_log (
                seq BIGSERIAL PRIMARY KEY,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                detail TEXT NOT NULL
            )
            """,
        ]),
        Migration(version: 6, statements: [
            """
            CREATE TABLE queue_reports (
                seq BIGSERIAL PRIMARY KEY,
                report_id TEXT NOT NULL,
                hall_id TEXT NOT NULL,
                reported_at DOUBLE PRECISION NOT NULL,
                service TEXT NOT NULL,
                waiting INTEGER NOT NULL CHECK (waiting >= 0),
                counters INTEGER NOT NULL CHECK (counters >= 0),
                handling_s DOUBLE PRECISION NOT NULL CHECK (handling_s > 0)
            )
            """,
            "CREATE INDEX queue_reports_hall_time ON queue_reports (hall_id, reported_at)",
            "CREATE INDEX queue_reports_time ON queue_reports (reported_at)",
            """
            CREATE TABLE queue_tickets (
                id TEXT PRIMARY KEY,
                hall_id TEXT NOT NULL,
                service TEXT NOT NULL,
                number TEXT NOT NULL,
                issued_at DOUBLE PRECISION NOT NULL,
                ahead INTEGER NOT NULL CHECK (ahead >= 0),
                rate DOUBLE PRECISION NOT NULL CHECK (rate > 0),
                status TEXT NOT NULL CHECK (status IN ('waiting', 'cancelled'))
            )
            """,
            "CREATE INDEX queue_tickets_hall ON queue_tickets (hall_id, service, status, issued_at)",
        ]),
        Migration(version: 7, statements: [
            // Planner and partner roles, and operator tokens scoped to points (a JSON array of ids, NULL
            // for every point).
            "ALTER TABLE access_tokens DROP CONSTRAINT access_tokens_role_check",
            "ALTER TABLE access_tokens ADD CONSTRAINT access_tokens_role_check CHECK (role IN ('admin', 'operator', 'planner', 'partner'))",
            "ALTER TABLE access_tokens ADD COLUMN points TEXT",
        ]),
    ]

    static var latestVersion: Int { all.last?.version ?? 0 }

    /// Brings the database up to date: PostGIS enabled, then every migration not yet applied. Concurrent
    /// starters are serialised by an advisory lock.
    static func migrate(_ session: PostgresSession) throws {
        try session.query("CREATE EXTENSION IF NOT EXISTS postgis")
        try session.transaction { transaction in
            try transaction.query("SELECT pg_advisory_xact_lock(7355608)")
            try transaction.query("CREATE TABLE IF NOT EXISTS paycircle_schema (version INTEGER NOT NULL)")
            let current = try version(transaction)
            guard current <= latestVersion else {
                throw StoreError("the database has schema version \(current), newer than this program's \(latestVersion)")
            }
            for migration in all where migration.version > current {
                for statement in migration.statements { try transaction.query(statement) }
            }
            try transaction.query("DELETE FROM paycircle_schema")
            try transaction.query("INSERT INTO paycircle_schema (version) VALUES (\(latestVersion))")
        }
    }

    static func version(_ transaction: PostgresSession.Transaction) throws -> Int {
        try transaction.query("SELECT max(version) FROM paycircle_schema").first.flatMap { try $0.decode(Int?.self) } ?? 0
    }
}
