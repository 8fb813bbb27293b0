import Foundation
import PayCircleCore
import PayCircleSpatiaLite
import PayCircleStore
import PayCircleTestSupport
import Testing

/// The schema declared once (`StoreSchema`) and rendered to both dialects: the same tables and checks in
/// both stores, and checks that follow the Swift enums in stores made by older versions.
@Suite struct SchemaTests {
    @Test func declaresEveryTableOnceWithTheEnumsValues() throws {
        let tables = StoreSchema.tables()
        #expect(Set(tables.keys) == ["points", "network_nodes", "network_edges", "areas", "residential_buildings", "candidate_sites",
                                     "access_tokens", "audit_log", "queue_reports", "queue_tickets", "appointment_settings", "appointments",
                                     "devices", "device_incidents", "device_commands", "device_counts"])
        #expect(tables["access_tokens"]?.columns.map(\.name) == ["id", "name", "role", "secret_sha256", "created_at", "revoked_at", "points"])
        let checks = Dictionary(uniqueKeysWithValues: StoreSchema.valueChecks.map { ("\($0.table).\($0.column)", $0.values) })
        #expect(checks["points.status"] == ["online", "offline", "fault", "closed"])
        #expect(checks["points.kind"] == PointKind.allCases.map(\.rawValue))
        #expect(checks["access_tokens.role"] == ["admin", "operator", "planner", "partner", "device"])
        #expect(checks["devices.status"] == ["online", "offline", "fault", "maintenance", "off", "unmonitored"])
        #expect(checks["device_commands.action"] == ["restart", "power_off", "power_on", "maintenance_on", "maintenance_off"])
        #expect(checks["queue_tickets.status"] == ["waiting", "cancelled", "called", "served", "no_show", "expired"])
        #expect(checks["appointments.status"] == ["booked", "checked_in", "no_show", "cancelled"])
        #expect(StoreSchema.migrations.map(\.version) == Array(1...StoreSchema.latestVersion))
    }

    @Test func rendersTheCheckOfAnEnumColumnAndQuotesLiterals() {
        let rendered = SpatiaLiteDialect().statements(for: .createTable(TableDeclaration("t", [
            .text("id", primaryKey: true), .text("note", default: "it's"), .text("status", check: .values(["a", "b"])),
        ])), tables: [:])
        #expect(rendered == ["CREATE TABLE t (\n    id TEXT PRIMARY KEY,\n    note TEXT NOT NULL DEFAULT 'it''s',\n    status TEXT NOT NULL CHECK (status IN ('a', 'b'))\n)"])
        #expect(ValueCheck.quotedValues(in: "CHECK ((role = ANY (ARRAY['admin'::text, 'o''k'::text])))") == ["admin", "o'k"])
    }

    /// A store made before the planner and partner roles (its role check allows admin and operator only)
    /// is widened when this version opens it, and can then keep a planner token.
    @Test(arguments: TestStore.Kind.available) func widensAnOlderStoresCheckToTheEnumsCases(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        try await narrowRoleCheck(test, to: "'admin', 'operator'")
        await #expect(throws: (any Error).self) { try await test.execute("INSERT INTO access_tokens (id, name, role, secret_sha256, created_at) VALUES ('x', 'x', 'planner', 'x', 'x')") }
        let reopened = try await test.reopen()
        let (token, secret) = try await reopened.createToken(name: "planning office", role: .planner)
        #expect(try await reopened.authenticate(secret: secret)?.id == token.id)
        #expect(try await reopened.authenticate(secret: secret)?.role == .planner)
        #expect(try await roleCheck(test)?.contains("'partner'") == true)
    }

    /// A store that allows a value this program does not know is refused rather than narrowed.
    @Test(arguments: TestStore.Kind.available) func refusesAStoreThatAllowsAnUnknownValue(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        try await narrowRoleCheck(test, to: "'admin', 'operator', 'planner', 'partner', 'auditor'")
        let error = try await #require(throws: StoreError.self) { _ = try await test.reopen() }
        #expect(error.message.contains("access_tokens.role values this program does not know (auditor)"))
    }

    private func narrowRoleCheck(_ test: TestStore, to values: String) async throws {
        switch test.kind {
        case .spatiaLite:
            let sql = try await #require(try test.scalar("SELECT sql FROM sqlite_master WHERE name = 'access_tokens'"))
            let start = try #require(sql.range(of: "CHECK (role IN ("))
            let end = try #require(sql.range(of: "))", range: start.upperBound..<sql.endIndex))
            let old = sql.replacingCharacters(in: start.upperBound..<end.lowerBound, with: values)
            let version = try await #require(try test.scalar("PRAGMA schema_version").flatMap { Int($0) })
            try await test.execute("""
                PRAGMA writable_schema = ON;
                UPDATE sqlite_master SET sql = '\(old.replacingOccurrences(of: "'", with: "''"))' WHERE name = 'access_tokens';
                PRAGMA schema_version = \(version + 1);
                PRAGMA writable_schema = OFF;
                """)
        case .postGIS:
            try await test.execute("ALTER TABLE access_tokens DROP CONSTRAINT access_tokens_role_check, ADD CONSTRAINT access_tokens_role_check CHECK (role IN (\(values)))")
        }
    }

    private func roleCheck(_ test: TestStore) async throws -> String? {
        switch test.kind {
        case .spatiaLite: try await test.scalar("SELECT sql FROM sqlite_master WHERE name = 'access_tokens'")
        case .postGIS: try await test.scalar("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'access_tokens_role_check'")
        }
    }
}
