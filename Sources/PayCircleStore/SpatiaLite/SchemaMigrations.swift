/// The schema of the SpatiaLite store, as numbered migrations. The database's `user_version` records the
/// last one applied; each runs in its own transaction.
enum SchemaMigrations {
    struct Migration {
        let version: Int
        let statements: [String]
    }

    static let all: [Migration] = [
        Migration(version: 1, statements: [
            // Spatial metadata with the WGS-84 family of reference systems only.
            "SELECT InitSpatialMetadata(0, 'WGS84')",
            """
            CREATE TABLE points (
                id TEXT NOT NULL UNIQUE,
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
                updated_at TEXT NOT NULL
            )
            """,
            "SELECT AddGeometryColumn('points', 'geom', 4326, 'POINT', 'XY', 1)",
            "SELECT CreateSpatialIndex('points', 'geom')",
            "CREATE INDEX points_source ON points (source)",
        ]),
        Migration(version: 2, statements: [
            // Node positions are plain columns: nodes are many, and a registered geometry column's
            // checks on every insert made imports several times slower.
            "CREATE TABLE network_nodes (id INTEGER PRIMARY KEY, osm_id INTEGER NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL)",
            """
            CREATE TABLE network_edges (
                id INTEGER PRIMARY KEY,
                source INTEGER NOT NULL REFERENCES network_nodes (id),
                target INTEGER NOT NULL REFERENCES network_nodes (id),
                length_m REAL NOT NULL CHECK (length_m >= 0),
                class TEXT NOT NULL,
                name TEXT,
                oneway INTEGER NOT NULL DEFAULT 0,
                geom BLOB
            )
            """,
            // Registered as a LINESTRING column for GIS tools; imports re-register it after a bulk load.
            "SELECT RecoverGeometryColumn('network_edges', 'geom', 4326, 'LINESTRING', 'XY')",
        ]),
        Migration(version: 3, statements: [
            """
            CREATE TABLE areas (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                population REAL NOT NULL CHECK (population >= 0),
                geom BLOB
            )
            """,
            "SELECT RecoverGeometryColumn('areas', 'geom', 4326, 'MULTIPOLYGON', 'XY')",
        ]),
        Migration(version: 4, statements: [
            """
            CREATE TABLE residential_buildings (
                id TEXT PRIMARY KEY,
                lat REAL NOT NULL,
                lon REAL NOT NULL,
                footprint_m2 REAL NOT NULL CHECK (footprint_m2 >= 0),
                levels REAL NOT NULL CHECK (levels > 0)
            )
            """,
            "CREATE TABLE candidate_sites (id TEXT PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL)",
        ]),
        Migration(version: 5, statements: [
            // Only the SHA-256 of each token's secret is kept.
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
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                detail TEXT NOT NULL
            )
            """,
        ]),
        Migration(version: 6, statements: [
            // Queue machines' reports, a row per service; times are Unix seconds.
            """
            CREATE TABLE queue_reports (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                report_id TEXT NOT NULL,
                hall_id TEXT NOT NULL,
                reported_at REAL NOT NULL,
                service TEXT NOT NULL,
                waiting INTEGER NOT NULL CHECK (waiting >= 0),
                counters INTEGER NOT NULL CHECK (counters >= 0),
                handling_s REAL NOT NULL CHECK (handling_s > 0)
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
                issued_at REAL NOT NULL,
                ahead INTEGER NOT NULL CHECK (ahead >= 0),
                rate REAL NOT NULL CHECK (rate > 0),
                status TEXT NOT NULL CHECK (status IN ('waiting', 'cancelled'))
            )
            """,
            "CREATE INDEX queue_tickets_hall ON queue_tickets (hall_id, service, status, issued_at)",
        ]),
        Migration(version: 7, statements: [
            // Planner and partner roles, and operator tokens scoped to points (a JSON array of ids, NULL
            // for every point). SQLite cannot change a CHECK constraint, so the table is rebuilt.
            """
            CREATE TABLE access_tokens_v7 (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'planner', 'partner')),
                points TEXT,
                secret_sha256 TEXT NOT NULL,
                created_at TEXT NOT NULL,
                revoked_at TEXT
            )
            """,
            "INSERT INTO access_tokens_v7 (id, name, role, secret_sha256, created_at, revoked_at) SELECT id, name, role, secret_sha256, created_at, revoked_at FROM access_tokens",
            "DROP TABLE access_tokens",
            "ALTER TABLE access_tokens_v7 RENAME TO access_tokens",
        ]),
    ]

    static var latestVersion: Int { all.last?.version ?? 0 }
}
