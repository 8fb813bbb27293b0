import PayCircleCore

/// The stores' schema, declared once: numbered migrations of tables, columns, checks and indexes that
/// ``SpatiaLiteDialect`` and the PostGIS store's dialect render to SQL. Checks on status-like columns
/// come from the Swift enums, so a new case reaches both stores by itself (``valueChecks``); a new
/// column or table is one more migration here.
///
/// ```swift
/// SchemaMigration(9, [.addColumn(table: "points", .text("website", nullable: true))])
/// ```
public enum StoreSchema {
    public static let migrations: [SchemaMigration] = [
        SchemaMigration(1, [
            .createTable(TableDeclaration("points", keepsRowID: true, [
                .text("id", primaryKey: true),
                .text("name"),
                .text("kind", check: .oneOf(PointKind.self)),
                .text("grade", nullable: true, check: .oneOf(HallGrade.self)),
                .text("agency_type", nullable: true),
                .text("services", default: ""),
                .text("opening_hours", nullable: true),
                .text("time_zone", default: PaymentPoint.defaultTimeZone),
                .text("status", default: PointStatus.online.rawValue, check: .oneOf(PointStatus.self)),
                .text("address", nullable: true),
                .text("phone", nullable: true),
                .text("source", nullable: true),
                .text("updated_at"),
                ColumnDeclaration("geom", .geometry(.point)),
            ])),
            .createSpatialIndex(table: "points", column: "geom"),
            .createIndex(IndexDeclaration("points_source", on: "points", ["source"])),
        ]),
        SchemaMigration(2, [
            .createTable(TableDeclaration("network_nodes", [
                .integer("id", primaryKey: true),
                ColumnDeclaration("osm_id", .bigInteger),
                .real("lat"),
                .real("lon"),
            ])),
            .createTable(TableDeclaration("network_edges", bulkLoaded: true, [
                .integer("id", primaryKey: true),
                .integer("source", references: ("network_nodes", "id")),
                .integer("target", references: ("network_nodes", "id")),
                .real("length_m", check: .atLeast(0)),
                .text("class"),
                .text("name", nullable: true),
                ColumnDeclaration("oneway", .boolean, default: .boolean(false)),
                ColumnDeclaration("geom", .geometry(.lineString)),
            ])),
            .createSpatialIndex(table: "network_edges", column: "geom"),
        ]),
        SchemaMigration(3, [
            .createTable(TableDeclaration("areas", bulkLoaded: true, [
                .text("id", primaryKey: true),
                .text("name"),
                .real("population", check: .atLeast(0)),
                ColumnDeclaration("geom", .geometry(.multiPolygon)),
            ])),
            .createSpatialIndex(table: "areas", column: "geom"),
        ]),
        SchemaMigration(4, [
            .createTable(TableDeclaration("residential_buildings", [
                .text("id", primaryKey: true),
                .real("lat"),
                .real("lon"),
                .real("footprint_m2", check: .atLeast(0)),
                .real("levels", check: .above(0)),
            ])),
            .createTable(TableDeclaration("candidate_sites", [.text("id", primaryKey: true), .text("name"), .real("lat"), .real("lon")])),
        ]),
        SchemaMigration(5, [
            // Only the SHA-256 of each token's secret is kept.
            .createTable(TableDeclaration("access_tokens", [
                .text("id", primaryKey: true),
                .text("name"),
                .text("role", check: .oneOf(AccessRole.self)),
                .text("secret_sha256"),
                .text("created_at"),
                .text("revoked_at", nullable: true),
            ])),
            .createTable(TableDeclaration("audit_log", [
                ColumnDeclaration("seq", .sequence, primaryKey: true),
                .text("at"),
                .text("actor"),
                .text("action"),
                .text("target"),
                .text("detail"),
            ])),
        ]),
        SchemaMigration(6, [
            // Queue machines' reports, a row per service, and remote tickets; times are Unix seconds.
            .createTable(TableDeclaration("queue_reports", [
                ColumnDeclaration("seq", .sequence, primaryKey: true),
                .text("report_id"),
                .text("hall_id"),
                .real("reported_at"),
                .text("service"),
                .integer("waiting", check: .atLeast(0)),
                .integer("counters", check: .atLeast(0)),
                .real("handling_s", check: .above(0)),
            ])),
            .createIndex(IndexDeclaration("queue_reports_hall_time", on: "queue_reports", ["hall_id", "reported_at"])),
            .createIndex(IndexDeclaration("queue_reports_time", on: "queue_reports", ["reported_at"])),
            .createTable(TableDeclaration("queue_tickets", [
                .text("id", primaryKey: true),
                .text("hall_id"),
                .text("service"),
                .text("number"),
                .real("issued_at"),
                .integer("ahead", check: .atLeast(0)),
                .real("rate", check: .above(0)),
                .text("status", check: .oneOf(QueueTicket.Status.self)),
            ])),
            .createIndex(IndexDeclaration("queue_tickets_hall", on: "queue_tickets", ["hall_id", "service", "status", "issued_at"])),
        ]),
        SchemaMigration(7, [
            // Operator tokens scoped to points: a JSON array of ids, NULL for every point.
            .addColumn(table: "access_tokens", .text("points", nullable: true)),
        ]),
        SchemaMigration(8, [
            // A token is found by the digest of its secret, not by comparing every live token.
            .createIndex(IndexDeclaration("access_tokens_secret", on: "access_tokens", ["secret_sha256"])),
        ]),
        SchemaMigration(9, [
            // Tickets that halls call: when, so that one not closed in time becomes a no-show.
            .addColumn(table: "queue_tickets", ColumnDeclaration("called_at", .real, nullable: true)),
        ]),
        SchemaMigration(10, [
            // A ticket belongs to its holder: digests of the app's customer id and of the key that cancels it.
            .addColumn(table: "queue_tickets", .text("customer_sha256", nullable: true)),
            .addColumn(table: "queue_tickets", .text("key_sha256", nullable: true)),
            .createIndex(IndexDeclaration("queue_tickets_hall_status", on: "queue_tickets", ["hall_id", "status"])),
        ]),
        SchemaMigration(11, [
            // Places that move: numbers called so far today per report, and the departure a ticket waits for.
            .addColumn(table: "queue_reports", ColumnDeclaration("served_today", .integer, nullable: true, check: .atLeast(0))),
            .addColumn(table: "queue_tickets", ColumnDeclaration("departure", .integer, nullable: true, check: .atLeast(1))),
        ]),
        SchemaMigration(12, [
            // Appointments: each hall's slot length and capacity per service (JSON), bookings, and the
            // ticket a booking becomes at check-in.
            .createTable(TableDeclaration("appointment_settings", [
                .text("hall_id", primaryKey: true),
                .integer("slot_minutes", check: .atLeast(1)),
                .text("capacity"),
            ])),
            .createTable(TableDeclaration("appointments", [
                .text("id", primaryKey: true),
                .text("hall_id"),
                .text("service"),
                .real("slot_start"),
                .real("slot_end"),
                .text("status", check: .oneOf(Appointment.Status.self)),
                .real("booked_at"),
                .text("customer_sha256"),
                .text("key_sha256"),
                .text("ticket_id", nullable: true),
            ])),
            .createIndex(IndexDeclaration("appointments_slot", on: "appointments", ["hall_id", "service", "slot_start"])),
            .createIndex(IndexDeclaration("appointments_status", on: "appointments", ["status", "slot_end"])),
            .addColumn(table: "queue_tickets", .text("appointment_id", nullable: true)),
        ]),
        SchemaMigration(13, [
            // Slots that take no more bookings than the counters are expected to have spare.
            .addColumn(table: "appointment_settings", ColumnDeclaration("fit_to_forecast", .boolean, default: .boolean(false))),
        ]),
        SchemaMigration(14, [
            // The device ledger with each device's controls and last report, its incidents and its commands.
            .createTable(TableDeclaration("devices", [
                .text("id", primaryKey: true),
                .text("point_id"),
                .text("kind", check: .oneOf(DeviceKind.self)),
                .text("model", nullable: true),
                .text("serial", nullable: true),
                .text("installed_on", nullable: true),
                .text("power_schedule", nullable: true),
                ColumnDeclaration("maintenance", .boolean, default: .boolean(false)),
                ColumnDeclaration("powered", .boolean, default: .boolean(true)),
                .text("status", check: .oneOf(DeviceStatus.self)),
                .real("status_since"),
                ColumnDeclaration("last_beat_at", .real, nullable: true),
                .text("fault", nullable: true),
                .text("counters", default: "{}"),
            ])),
            .createIndex(IndexDeclaration("devices_point", on: "devices", ["point_id"])),
            .createTable(TableDeclaration("device_incidents", [
                .text("id", primaryKey: true),
                .text("device_id"),
                .text("point_id"),
                .text("status", check: .oneOf(DeviceStatus.self)),
                .text("detail", nullable: true),
                .real("started_at"),
                ColumnDeclaration("ended_at", .real, nullable: true),
            ])),
            .createIndex(IndexDeclaration("device_incidents_device", on: "device_incidents", ["device_id", "started_at"])),
            .createIndex(IndexDeclaration("device_incidents_open", on: "device_incidents", ["ended_at"])),
            .createTable(TableDeclaration("device_commands", [
                .text("id", primaryKey: true),
                .text("device_id"),
                .text("action", check: .oneOf(DeviceAction.self)),
                .real("queued_at"),
                .text("queued_by"),
                ColumnDeclaration("delivered_at", .real, nullable: true),
                ColumnDeclaration("acknowledged_at", .real, nullable: true),
            ])),
            .createIndex(IndexDeclaration("device_commands_device", on: "device_commands", ["device_id", "acknowledged_at"])),
        ]),
        SchemaMigration(15, [
            // What devices' counters rose by, per device, hour and counter (self-service business by hour).
            .createTable(TableDeclaration("device_counts", [
                .text("key", primaryKey: true),
                .text("device_id"),
                .text("point_id"),
                .real("hour_start"),
                .text("counter"),
                .integer("increase", check: .atLeast(0)),
            ])),
            .createIndex(IndexDeclaration("device_counts_hour", on: "device_counts", ["hour_start"])),
        ]),
        SchemaMigration(16, [
            // Hours the import's channel mapping assumed for a feature nobody tagged with hours.
            .addColumn(table: "points", ColumnDeclaration("hours_assumed", .boolean, default: .boolean(false))),
        ]),
    ]

    public static var latestVersion: Int { migrations.last?.version ?? 0 }

    /// The tables as the migrations up to `version` leave them, by name.
    public static func tables(through version: Int = latestVersion) -> [String: TableDeclaration] {
        var tables: [String: TableDeclaration] = [:]
        for migration in migrations where migration.version <= version {
            for change in migration.changes {
                switch change {
                case .createTable(let table): tables[table.name] = table
                case .addColumn(let table, let column): tables[table]?.columns.append(column)
                case .createIndex, .createSpatialIndex: break
                }
            }
        }
        return tables
    }

    /// The SQL of every migration after `current`, in order, each to run in one transaction.
    public static func pending(after current: Int, in dialect: some SchemaDialect) -> [(version: Int, statements: [String])] {
        migrations.filter { $0.version > current }.map { migration in
            let before = tables(through: migration.version - 1)
            var tables = before
            var statements: [String] = []
            for change in migration.changes {
                statements += dialect.statements(for: change, tables: tables)
                if case .createTable(let table) = change { tables[table.name] = table }
                if case .addColumn(let table, let column) = change { tables[table]?.columns.append(column) }
            }
            return (migration.version, statements)
        }
    }

    /// Every column whose values are limited to an enum's, with the values the program knows now.
    public static var valueChecks: [ValueCheck] {
        tables().values.flatMap { table in
            table.columns.compactMap { column -> ValueCheck? in
                guard case .values(let values)? = column.check else { return nil }
                return ValueCheck(table: table.name, column: column.name, values: values)
            }
        }.sorted { ($0.table, $0.column) < ($1.table, $1.column) }
    }
}
