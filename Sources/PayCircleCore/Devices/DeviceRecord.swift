import Foundation

/// The textual fields of one ledger entry as they come from a CSV row or a request body, turned into a
/// validated ``Device`` by ``device(since:)``: `id`, `point_id` and `kind` are needed; `model`, `serial`,
/// `installed_on` (`YYYY-MM-DD`) and `power_schedule` (opening-hours syntax) may be left out.
///
/// ```swift
/// let device = try DeviceRecord(["id": "kiosk-7-a", "point_id": "kiosk-7", "kind": "kiosk"]).device(since: now)
/// ```
public struct DeviceRecord: Sendable {
    public static let fieldNames = ["id", "point_id", "kind", "model", "serial", "installed_on", "power_schedule"]

    public var fields: [String: String]

    public init(_ fields: [String: String]) {
        self.fields = fields
    }

    public func device(since: Date) throws(InputError) -> Device {
        let id = try required("id")
        guard id.count <= 200 else { throw InputError("id must be at most 200 characters", field: "id") }
        let point = try required("point_id")
        let kindName = try required("kind")
        guard let kind = DeviceKind(rawValue: kindName) else {
            throw InputError("unknown kind '\(kindName)' (one of \(DeviceKind.allCases.map(\.rawValue).joined(separator: ", ")))", field: "kind")
        }
        let installed = try optional("installed_on")
        if let installed, Self.day(installed) == nil { throw InputError("'\(installed)' is not a date such as 2024-05-01", field: "installed_on") }
        return Device(id: id, pointID: point, kind: kind, model: try optional("model"), serial: try optional("serial"), installedOn: installed,
                      powerSchedule: try Self.schedule(try optional("power_schedule")), since: since)
    }

    /// Hours in opening-hours syntax that PayCircle can evaluate; nil for none.
    public static func schedule(_ text: String?) throws(InputError) -> OpeningHours? {
        guard let text else { return nil }
        let hours = OpeningHours(text)
        guard hours.schedule != nil else {
            throw InputError("'\(text)' is not opening-hours syntax PayCircle reads (e.g. Mo-Su 06:00-23:00)", field: "power_schedule")
        }
        return hours
    }

    /// Every ledger entry of a CSV document whose header names ``fieldNames`` (`id`, `point_id` and
    /// `kind` at least); an unknown column, a bad value or an id given twice is an error naming its line.
    public static func devices(csv text: String, source: String, since: Date) throws(InputError) -> [Device] {
        let table: CSVTable
        do { table = try CSVTable(parsing: text) } catch { throw error.located(source: source) }
        if let unknown = table.header.first(where: { !fieldNames.contains($0) }) {
            throw InputError("unknown column '\(unknown)' (expected \(fieldNames.joined(separator: ", ")))", source: source, line: 1)
        }
        if table.header.count != Set(table.header).count {
            throw InputError("a column is named twice in the header", source: source, line: 1)
        }
        var seen: Set<String> = []
        var devices: [Device] = []
        for record in table.records {
            guard record.values.count == table.header.count else {
                throw InputError("expected \(table.header.count) fields, found \(record.values.count)", source: source, line: record.line)
            }
            let device: Device
            do { device = try DeviceRecord(Dictionary(uniqueKeysWithValues: zip(table.header, record.values))).device(since: since) } catch {
                throw error.located(source: source, line: record.line)
            }
            guard seen.insert(device.id).inserted else {
                throw InputError("device '\(device.id)' is given twice", field: "id", source: source, line: record.line)
            }
            devices.append(device)
        }
        return devices
    }

    private static func day(_ text: String) -> Date? {
        guard text.count == 10 else { return nil }
        return try? Date(text, strategy: Date.ISO8601FormatStyle().year().month().day())
    }

    private func required(_ field: String) throws(InputError) -> String {
        guard let value = try optional(field) else { throw InputError("missing value", field: field) }
        return value
    }

    private func optional(_ field: String) throws(InputError) -> String? {
        guard let value = fields[field]?.trimmedSpaces, !value.isEmpty else { return nil }
        try SingleLineText.check(value, field: field)
        return value
    }
}
