import Foundation
import PayCircleCore
import Testing

/// Ids and one-line text fields refuse control characters (U+0000–U+001F, U+007F, U+0080–U+009F), naming
/// the field, whether they come from CSV, GeoJSON or a request body; other text, Chinese included, passes.
@Suite struct ControlCharacterTests {
    private let header = "id,name,kind,grade,agency_type,services,opening_hours,status,address,lat,lon\n"

    private func csvError(_ body: String) -> InputError? {
        do { _ = try PointFileReader.parseCSV(Data((header + body).utf8)); return nil } catch { return error }
    }

    /// A record with every text field filled in validly.
    private static let fields: [String: String] = [
        "id": "h1", "name": "东莞供电局南城营业厅", "kind": "hall", "grade": "A", "agency_type": "other",
        "services": "cash,card", "opening_hours": "Mo-Fr 08:30-17:30", "time_zone": "Asia/Shanghai", "status": "online",
        "address": "广东省东莞市南城街道鸿福路99号", "phone": "95598", "source": "test", "updated_at": "2026-11-23T10:00:00+08:00",
        "lat": "23.02", "lon": "113.75",
    ]

    private static let textFields = ["id", "name", "kind", "grade", "agency_type", "services", "opening_hours", "time_zone",
                                     "status", "address", "phone", "source", "updated_at"]

    private func pointError(_ fields: [String: String]) -> InputError? {
        do { _ = try PointRecord(fields).point(); return nil } catch { return error }
    }

    @Test func aNulInAnIdIsRefusedNamingTheField() {
        let error = csvError("h\u{0}1,南城营业厅,hall,,,,,,,23.02,113.75\n")
        #expect(error?.field == "id")
        #expect(error?.line == 2)
        #expect(error?.message.contains("control character (U+0000)") == true, "\(String(describing: error))")
    }

    @Test func aTabInsideANameIsRefusedNamingTheField() {
        let error = csvError("h1,\"南城\t营业厅\",hall,,,,,,,23.02,113.75\n")
        #expect(error?.field == "name")
        #expect(error?.line == 2)
        #expect(error?.message.contains("U+0009") == true, "\(String(describing: error))")
    }

    @Test func aNewlineInAnAddressIsRefusedNamingTheField() {
        let error = csvError("k1,自助缴费终端,kiosk,,,,,,\"鸿福路\n99号\",23.02,113.75\n")
        #expect(error?.field == "address")
        #expect(error?.message.contains("U+000A") == true, "\(String(describing: error))")
        let crlf = csvError("k1,自助缴费终端,kiosk,,,,,,\"鸿福路\r\n99号\",23.02,113.75\n")
        #expect(crlf?.field == "address")
        #expect(crlf?.message.contains("U+000D") == true, "\(String(describing: crlf))")
    }

    @Test func ordinaryChineseTextIsAccepted() throws {
        let points = try PointFileReader.parseCSV(Data((header + """
            南城-1,"东莞供电局 南城营业厅（鸿福路）",hall,A,,"cash,card",Mo-Fr 08:30-17:30,online,"广东省东莞市南城街道鸿福路「99」号　二楼",23.02,113.75
            k1,自助缴费终端·24小时,kiosk,,,qr,24/7,online,,23.03,113.76\r\n
            """).utf8))
        #expect(points.map(\.id) == ["南城-1", "k1"])
        #expect(points[0].name == "东莞供电局 南城营业厅（鸿福路）")
        #expect(points[0].address == "广东省东莞市南城街道鸿福路「99」号　二楼")
        #expect(points[1].name == "自助缴费终端·24小时")
        // Spaces and tabs around a value are trimmed as before, not refused.
        let padded = try PointFileReader.parseCSV(Data((header + "k2,\t自助终端 ,kiosk,,,,,,,23,113\n").utf8))
        #expect(padded.first?.name == "自助终端")
        #expect(try PointRecord(Self.fields).point().name == "东莞供电局南城营业厅")
    }

    @Test func everyTextFieldRefusesEveryKindOfControlCharacter() {
        for field in Self.textFields {
            for control in ["\u{0}", "\u{1}", "\u{9}", "\u{A}", "\u{D}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}"] {
                var fields = Self.fields
                let value = fields[field]!
                // Inside the value, where trimming cannot remove it (a one-letter value is doubled).
                fields[field] = value.count == 1 ? value + control + value : String(value.prefix(1)) + control + String(value.dropFirst())
                let error = pointError(fields)
                #expect(error?.field == field, "\(field) with U+\(String(control.unicodeScalars.first!.value, radix: 16))")
                #expect(error?.message.contains("control character") == true, "\(field): \(String(describing: error))")
            }
        }
    }

    @Test func refusedInGeoJSONPropertiesToo() {
        let text = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","id":"b7","geometry":{"type":"Point","coordinates":[113.75,23.02]},
               "properties":{"name":"工商银行\\u0000自助银行","kind":"bank_booth"}}]}
            """
        #expect {
            try PointFileReader.parseGeoJSON(Data(text.utf8))
        } throws: { error in
            let error = error as? InputError
            return error?.feature == 0 && error?.field == "name" && error?.message.contains("U+0000") == true
        }
    }

    @Test func theRuleItself() throws {
        for text in ["", "abc", "中文", "\u{A0}", "é", "\u{C2}", "\u{A2}", "\u{2028}", "emoji 🙂", "Ā"] {
            #expect(SingleLineText.firstControlCharacter(in: text) == nil, "\(text.unicodeScalars.map(\.value))")
        }
        for (text, value) in [("a\u{0}", 0x0), ("\u{1F}", 0x1F), ("x\u{7F}y", 0x7F), ("中\u{80}", 0x80), ("\u{9F}", 0x9F), ("\u{C2}\u{85}", 0x85)] {
            #expect(SingleLineText.firstControlCharacter(in: text)?.value == UInt32(value), "\(text.unicodeScalars.map(\.value))")
        }
        #expect(SingleLineText.isControl("\u{7F}") && !SingleLineText.isControl("\u{A0}") && SingleLineText.isControl("\u{0}"))
        let error = #expect(throws: InputError.self) { try SingleLineText.check("a\u{0}b", field: "name") }
        #expect(error?.field == "name")
        #expect(error?.message.hasPrefix("contains a control character (U+0000)") == true)
        try SingleLineText.check("南城营业厅", field: "name")
    }
}
