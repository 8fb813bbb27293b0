import Foundation
import PayCircleCore
import PayCirclePlanning
import Testing

/// Text from data in the SVG pictures (a hall's name and id in the load report) stays text: markup
/// characters become entities and characters XML does not allow are replaced, so no name can add an
/// element or an attribute, or leave the document malformed.
@Suite struct SVGEscapingTests {
    static let hostile = #"<img src=x onerror="alert(1)"> & 'O''Brien' </text><script>alert(2)</script> 营业厅"# + "\u{7}"

    @Test func textFromDataIsEscapedIncludingQuotesAndControlCharacters() {
        var document = SVGDocument(width: 100, height: 40, background: .white)
        document.text(Self.hostile, at: (x: 2, y: 2), color: .black, scale: 1)
        let svg = document.text
        let expected = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;O&#39;&#39;Brien&#39; &lt;/text&gt;&lt;script&gt;alert(2)&lt;/script&gt; 营业厅\u{FFFD}"
        #expect(svg.contains(">" + expected + "</text>"))
        #expect(!svg.contains("<img") && !svg.contains("<script") && !svg.contains("\u{7}"))
        #expect(svg.components(separatedBy: "<text ").count - 1 == 1 && svg.components(separatedBy: "</text>").count - 1 == 1)
    }

    @Test func aHostileHallNameAndIdInTheLoadReportStayText() {
        let hall = PaymentPoint(id: #"h"><svg onload="alert(3)">"#, name: Self.hostile, kind: .hall, location: Coordinate(latitude: 23, longitude: 113.7))
        let start = PointRecord.parseTimestamp("2026-11-24T09:00:00+08:00")!
        let report = QueueReport(hallID: hall.id, reportedAt: start, services: [.cash: ServiceQueue(waiting: 3, openCounters: 1, handlingSeconds: 60)])
        let svg = HallLoadReport(reports: [report], halls: [hall], until: start.addingTimeInterval(600)).svg
        #expect(svg.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"))
        #expect(svg.contains("(h&quot;&gt;&lt;svg onload=&quot;alert(3)&quot;&gt;)"))
        #expect(!svg.contains("<img") && !svg.contains("<script") && !svg.contains("<svg onload"))
        #expect(svg.components(separatedBy: "<svg").count - 1 == 1)
    }
}
