import Foundation
import PayCircleCore
import Testing

@Suite struct PointFileReaderTests {
    private let header = "id,name,kind,grade,agency_type,services,opening_hours,status,address,lat,lon\n"

    private func csv(_ body: String) throws(InputError) -> [PaymentPoint] {
        try PointFileReader.parseCSV(Data((header + body).utf8))
    }

    private func csvError(_ body: String) -> InputError? {
        do { _ = try csv(body); return nil } catch { return error }
    }

    @Test func readsQuotedChineseFieldsExactly() throws {
        let points = try csv("""
            h1,"东莞供电局 南城营业厅",hall,A,,"cash,card,invoice",Mo-Fr 08:30-17:30,online,"广东省东莞市南城街道鸿福路 ""99"" 号",23.0205,113.7518
            k1,自助缴费终端,kiosk,,,qr,24/7,fault,,23.03,113.76\r\n
            """)
        #expect(points.count == 2)
        #expect(points[0].name == "东莞供电局 南城营业厅")
        #expect(points[0].address == "广东省东莞市南城街道鸿福路 \"99\" 号")
        #expect(points[0].services == [.cash, .card, .invoice])
        #expect(points[0].grade == .a)
        #expect(points[1].status == .fault)
        #expect(points[1].openingHours?.text == "24/7")
    }

    @Test func namesLineAndFieldOfTheFirstBadRow() {
        let error = csvError("a,A,hall,,,,,,,23,113\nb,B,shop,,,,,,,23,113\n")
        #expect(error?.line == 3)
        #expect(error?.field == "kind")
        #expect(error?.message.contains("unknown value 'shop'") == true)
    }

    @Test func rejectsBadCoordinatesServicesAndDuplicates() {
        #expect(csvError("a,A,hall,,,,,,,91,113\n")?.field == "lat")
        #expect(csvError("a,A,hall,,,,,,,23,east\n")?.field == "lon")
        #expect(csvError("a,A,hall,,,cash;cheque,,,,23,113\n")?.field == "services")
        #expect(csvError("a,A,kiosk,B,,,,,,23,113\n")?.field == "grade")
        #expect(csvError("a,,hall,,,,,,,23,113\n")?.field == "name")
        let duplicate = csvError("a,A,hall,,,,,,,23,113\na,B,hall,,,,,,,23,113\n")
        #expect(duplicate?.line == 3 && duplicate?.field == "id")
    }

    @Test func rejectsMalformedCSV() {
        #expect(csvError("a,A,hall,,,,,,,23\n")?.line == 2)
        #expect(csvError("a,\"A,hall,,,,,,,23,113\n") != nil)
        #expect(throws: InputError.self) { try PointFileReader.parseCSV(Data("name,lat\nx,1\n".utf8)) }
        #expect(throws: InputError.self) { try PointFileReader.parseCSV(Data()) }
    }

    @Test func convertsGCJ02OnImport() throws {
        let gcj = ChinaDatum.gcj02(fromWGS84: Coordinate(latitude: 23.02, longitude: 113.75))
        let text = header + "a,A,hall,,,,,,,\(gcj.latitude),\(gcj.longitude)\n"
        let point = try #require(try PointFileReader.parseCSV(Data(text.utf8), crs: .gcj02).first)
        #expect(abs(point.location.latitude - 23.02) < 1e-8)
        #expect(abs(point.location.longitude - 113.75) < 1e-8)
    }

    @Test func readsGeoJSONAndNamesTheFeature() throws {
        let good = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","id":"b7","geometry":{"type":"Point","coordinates":[113.75,23.02]},
               "properties":{"name":"工商银行 24小时自助银行","kind":"bank_booth","services":["card","cash"],"opening_hours":"24/7"}}]}
            """
        let points = try PointFileReader.parseGeoJSON(Data(good.utf8))
        #expect(points.first?.id == "b7")
        #expect(points.first?.services == [.cash, .card])
        #expect(points.first?.name == "工商银行 24小时自助银行")

        let bad = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","id":"a","geometry":{"type":"Point","coordinates":[113.75,23.02]},"properties":{"name":"A","kind":"hall"}},
              {"type":"Feature","id":"b","geometry":{"type":"LineString","coordinates":[[113.75,23.02],[113,23]]},"properties":{"name":"B","kind":"hall"}}]}
            """
        #expect {
            try PointFileReader.parseGeoJSON(Data(bad.utf8))
        } throws: { error in
            let error = error as? InputError
            return error?.feature == 1 && error?.field == "geometry.type"
        }
        #expect(throws: InputError.self) { try PointFileReader.parseGeoJSON(Data("{\"type\":\"Feature\"}".utf8)) }
        #expect(throws: InputError.self) { try PointFileReader.parseGeoJSON(Data("not json".utf8)) }
    }

    @Test func filesOverTheLimitsAreRefusedNamingTheLimit() throws {
        let rows = (0..<5).map { "p\($0),P,kiosk,,,,,,,23,113\n" }.joined()
        let three = ImportLimits(maxFileBytes: 1 << 20, maxFeatures: 3)
        let csvError = #expect(throws: InputError.self) { try PointFileReader.parseCSV(Data((header + rows).utf8), limits: three) }
        #expect(csvError?.message == "more than 3 rows, the limit (raise it with --max-features)")
        #expect(try PointFileReader.parseCSV(Data((header + rows).utf8), limits: ImportLimits(maxFileBytes: 1 << 20, maxFeatures: 5)).count == 5)

        let feature = #"{"type": "Feature", "geometry": {"type": "Point", "coordinates": [113, 23]}, "properties": {"id": "ID", "name": "N", "kind": "kiosk"}}"#
        let collection = #"{"type": "FeatureCollection", "features": ["# + (0..<4).map { feature.replacingOccurrences(of: "ID", with: "f\($0)") }.joined(separator: ",") + "]}"
        let geoJSONError = #expect(throws: InputError.self) { try PointFileReader.parseGeoJSON(Data(collection.utf8), limits: three) }
        #expect(geoJSONError?.message == "more than 3 features, the limit (raise it with --max-features)")

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paycircle-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("points.csv")
        try Data((header + rows).utf8).write(to: file)
        let sizeError = #expect(throws: InputError.self) {
            try PointFileReader.read(contentsOf: file, limits: ImportLimits(maxFileBytes: 100, maxFeatures: 10))
        }
        #expect(sizeError?.description == "\(file.path): the file is larger than the limit of 100 bytes (raise it with --max-file-mib)")
        let areaError = #expect(throws: InputError.self) {
            try AreaFileReader.read(contentsOf: file, limits: ImportLimits(maxFileBytes: 100, maxFeatures: 10))
        }
        #expect(areaError?.message.hasPrefix("the file is larger than the limit") == true)
    }
}
