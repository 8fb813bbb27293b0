import Foundation
import PayCircleCore
import Testing

/// Monday is weekday 0; times are minutes since midnight.
private func at(_ weekday: Int, _ hour: Int, _ minute: Int = 0) -> LocalTime {
    LocalTime(weekday: weekday, minuteOfDay: hour * 60 + minute)
}

@Suite struct OpeningHoursTests {
    @Test func alwaysOpen() {
        let hours = OpeningHours("24/7")
        for day in 0..<7 { #expect(hours.isOpen(at: at(day, 3, 17)) == true) }
    }

    @Test func weekdayRangesAndOffDays() {
        let hours = OpeningHours("Mo-Fr 08:30-17:30; Sa 09:00-12:00; Su off")
        #expect(hours.isOpen(at: at(0, 8, 29)) == false)
        #expect(hours.isOpen(at: at(0, 8, 30)) == true)
        #expect(hours.isOpen(at: at(4, 17, 29)) == true)
        #expect(hours.isOpen(at: at(4, 17, 30)) == false)
        #expect(hours.isOpen(at: at(5, 11, 59)) == true)
        #expect(hours.isOpen(at: at(5, 12, 0)) == false)
        #expect(hours.isOpen(at: at(6, 10)) == false)
    }

    @Test func severalRangesInADay() {
        let hours = OpeningHours("Mo-Fr 08:00-12:00,14:00-18:00")
        #expect(hours.isOpen(at: at(2, 11)) == true)
        #expect(hours.isOpen(at: at(2, 13)) == false)
        #expect(hours.isOpen(at: at(2, 14)) == true)
        #expect(hours.isOpen(at: at(5, 11)) == false)
    }

    @Test func rangeAcrossMidnightSpillsIntoTheNextDay() {
        let hours = OpeningHours("Fr 22:00-02:00")
        #expect(hours.isOpen(at: at(4, 21, 59)) == false)
        #expect(hours.isOpen(at: at(4, 23)) == true)
        #expect(hours.isOpen(at: at(5, 1, 59)) == true)
        #expect(hours.isOpen(at: at(5, 2)) == false)
        #expect(hours.isOpen(at: at(3, 1)) == false)
        let extended = OpeningHours("Mo-Su 18:00-26:00")
        #expect(extended.isOpen(at: at(0, 1)) == true)   // Sunday's evening runs into Monday
    }

    @Test func wrappingWeekdayRangeAndLists() {
        let hours = OpeningHours("Fr-Mo 10:00-16:00; We,Th 12:00-13:00")
        #expect(hours.isOpen(at: at(6, 11)) == true)
        #expect(hours.isOpen(at: at(0, 11)) == true)
        #expect(hours.isOpen(at: at(1, 11)) == false)
        #expect(hours.isOpen(at: at(2, 12, 30)) == true)
    }

    @Test func laterRuleReplacesEarlierOnItsDays() {
        let hours = OpeningHours("Mo-Su 08:00-20:00; Su 10:00-14:00")
        #expect(hours.isOpen(at: at(6, 9)) == false)
        #expect(hours.isOpen(at: at(6, 11)) == true)
        #expect(hours.isOpen(at: at(5, 9)) == true)
    }

    @Test func additionalRuleAfterCommaAdds() {
        let hours = OpeningHours("Mo-Fr 08:00-12:00, We 14:00-16:00")
        #expect(hours.isOpen(at: at(2, 9)) == true)
        #expect(hours.isOpen(at: at(2, 15)) == true)
        #expect(hours.isOpen(at: at(1, 15)) == false)
    }

    @Test func publicHolidaysMakeTheAnswerUnknownOnlyWhereTheyMatter() {
        let hours = OpeningHours("Mo-Fr 09:00-17:00; PH off")
        #expect(hours.isOpen(at: at(0, 10)) == nil)     // open unless today is a holiday
        #expect(hours.isOpen(at: at(0, 20)) == false)   // closed either way
    }

    @Test func unsupportedTextIsKeptAndUnknown() {
        for text in ["sunrise-sunset", "Mo-Fr 8-17", "Jan-Mar Mo 10:00-12:00", "Mo-Fr 25:00-26:00", "", "Mo 10:00-12:00 \"by appointment\""] {
            let hours = OpeningHours(text)
            #expect(hours.schedule == nil, "\(text)")
            #expect(hours.text == text)
            #expect(hours.isOpen(at: at(0, 11)) == nil)
        }
    }

    @Test func localTimeUsesThePointsTimeZone() throws {
        // 2026-11-23T14:30:00Z is Monday 22:30 in Shanghai and Monday 14:30 in UTC.
        let date = try #require(PointRecord.parseTimestamp("2026-11-23T14:30:00Z"))
        #expect(LocalTime(date, in: TimeZone(identifier: "Asia/Shanghai")!) == at(0, 22, 30))
        #expect(LocalTime(date, in: TimeZone(identifier: "UTC")!) == at(0, 14, 30))
        // Before 1970, weekday arithmetic must still hold: 1969-12-31 was a Wednesday.
        let old = try #require(PointRecord.parseTimestamp("1969-12-31T12:00:00Z"))
        #expect(LocalTime(old, in: TimeZone(identifier: "UTC")!) == at(2, 12))
    }

    @Test func statusOverridesHours() throws {
        var point = PaymentPoint(id: "k", name: "k", kind: .kiosk, openingHours: OpeningHours("24/7"),
                                 location: Coordinate(latitude: 23, longitude: 113))
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(point.isOpen(at: now) == true)
        point.status = .fault
        #expect(point.isOpen(at: now) == false)
        point.status = .online
        point.openingHours = nil
        #expect(point.isOpen(at: now) == nil)
    }
}
