import Foundation
import PayCircleCore
import PayCircleTestSupport
import Testing

/// Property-based fuzzing of the input readers: thousands of mutated variants of valid files and hours.
/// Whatever comes in, a reader either returns values that hold the model's invariants or throws an error
/// with a message; it never crashes. `PAYCIRCLE_FUZZ_CASES` and `PAYCIRCLE_FUZZ_SEED` make longer runs.
@Suite struct InputFuzzTests {
    static let csv = """
        id,name,kind,grade,agency_type,services,opening_hours,status,address,lat,lon
        h1,"东莞供电局 南城营业厅",hall,A,,"cash,card,invoice",Mo-Fr 08:30-17:30,online,"鸿福路 ""99"" 号",23.0205,113.7518
        k1,自助缴费终端,kiosk,,,qr,24/7,fault,,23.03,113.76
        a1,美宜佳,agency,,convenience,"cash,qr","Mo-Su 07:00-23:00; PH off",,,23.01,113.74

        """

    static let pointsGeoJSON = """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "geometry": {"type": "Point", "coordinates": [113.7518, 23.0205]},
           "properties": {"id": "h1", "name": "南城营业厅", "kind": "hall", "grade": "B", "services": ["cash", "card"], "opening_hours": "Mo-Fr 08:30-17:30"}},
          {"type": "Feature", "geometry": {"type": "Point", "coordinates": [113.76, 23.03]},
           "properties": {"id": "k1", "name": "自助终端", "kind": "kiosk", "status": "offline", "opening_hours": "24/7"}}
        ]}
        """

    static let areasGeoJSON = """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "properties": {"id": "nancheng", "name": "南城街道", "population": 300000},
           "geometry": {"type": "Polygon", "coordinates": [[[113.70, 23.00], [113.76, 23.00], [113.76, 23.04], [113.70, 23.04], [113.70, 23.00]]]}},
          {"type": "Feature", "properties": {"id": "dongcheng", "name": "东城街道", "population": 500000},
           "geometry": {"type": "MultiPolygon", "coordinates": [[[[113.76, 23.00], [113.80, 23.00], [113.80, 23.04], [113.76, 23.00]],
             [[113.77, 23.01], [113.78, 23.01], [113.78, 23.02], [113.77, 23.01]]]]}}
        ]}
        """

    static let hours = ["24/7", "Mo-Fr 08:30-12:00,14:00-17:30; Sa 09:00-12:00; Su off", "Mo-Su 22:00-02:00", "Fr-Mo 18:00-26:00",
                        "Mo-Fr 08:00-17:00; PH off", "Sa,Su", "Mo-Fr 09:00-18:00, Sa 10:00-14:00"]

    /// Runs `check` on mutated variants of `seeds`, `standard` of them unless the environment asks for more.
    static func fuzz(_ target: String, seeds: [String], standard: Int = 3_000, _ check: (Data, inout FuzzTally) -> Void) {
        var mutator = Mutator(seed: FuzzTally.seed)
        var tally = FuzzTally(target: target)
        let seeds = seeds.map { Array($0.utf8) }
        for index in 0..<FuzzTally.cases(standard: standard) {
            check(Data(mutator.mutate(seeds[index % seeds.count])), &tally)
        }
        print(tally)
        #expect(tally.cases > 0)
    }

    static func expectClear(_ error: InputError) {
        #expect(!error.message.isEmpty && !error.description.contains("Optional("), "\(error)")
    }

    static func expectValid(_ points: [PaymentPoint]) {
        #expect(Set(points.map(\.id)).count == points.count)
        for point in points {
            #expect(!point.id.isEmpty && point.location.isValid, "\(point.id)")
        }
    }

    @Test func csvReaderNeverCrashes() {
        Self.fuzz("points CSV", seeds: [Self.csv]) { data, tally in
            do throws(InputError) {
                let points = try PointFileReader.parseCSV(data, crs: .gcj02)
                Self.expectValid(points)
                tally.accept()
            } catch {
                Self.expectClear(error)
                tally.reject(error.message)
            }
        }
    }

    @Test func geoJSONPointReaderNeverCrashes() {
        Self.fuzz("points GeoJSON", seeds: [Self.pointsGeoJSON]) { data, tally in
            do throws(InputError) {
                let points = try PointFileReader.parseGeoJSON(data, crs: .bd09)
                Self.expectValid(points)
                tally.accept()
            } catch {
                Self.expectClear(error)
                tally.reject(error.message)
            }
        }
    }

    @Test func areaReaderNeverCrashes() {
        Self.fuzz("areas GeoJSON", seeds: [Self.areasGeoJSON]) { data, tally in
            do throws(InputError) {
                let areas = try AreaFileReader.parseGeoJSON(data)
                for area in areas {
                    #expect(area.population.isFinite && area.population >= 0 && !area.polygons.isEmpty, "\(area.id)")
                    #expect(area.polygons.allSatisfy { $0.allSatisfy { ring in ring.count >= 4 && ring.allSatisfy(\.isValid) } }, "\(area.id)")
                }
                tally.accept()
            } catch {
                Self.expectClear(error)
                tally.reject(error.message)
            }
        }
    }

    /// Parsed hours hold their ranges' invariants and answer for every minute of the week; unparsed ones
    /// say why and evaluate to unknown.
    @Test func openingHoursParserNeverCrashes() {
        Self.fuzz("opening_hours", seeds: Self.hours, standard: 20_000) { data, tally in
            let text = String(decoding: data, as: UTF8.self)
            let hours = OpeningHours(text)
            #expect(hours.text == text)
            do {
                let schedule = try WeeklySchedule(parsing: text)
                for range in schedule.rules.flatMap(\.ranges) {
                    #expect((0..<1440).contains(range.start) && range.end > range.start && range.end <= range.start + 1440, "\(text)")
                }
                for minute in stride(from: 0, to: 7 * 1440, by: 97) {
                    #expect(hours.isOpen(at: LocalTime(weekday: minute / 1440, minuteOfDay: minute % 1440)) != nil || schedule.rules.contains(where: \.appliesOnPublicHolidays), "\(text)")
                }
                tally.accept()
            } catch {
                #expect(!String(describing: error).isEmpty)
                #expect(hours.isOpen(at: LocalTime(weekday: 2, minuteOfDay: 600)) == nil, "\(text)")
                tally.reject(String(describing: error))
            }
        }
    }
}
