import Foundation
import PayCircleCore

extension HallLoadReport: JSONWritable {
    /// `{"halls": [{"id", "name", "hours": [{"hour", "reports", "covered_s", "served", "mean_wait_s", "mean_handling_s", "mean_waiting"}]}]}`
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("halls")
            json.array { json in
                for (hallID, rows) in Dictionary(grouping: rows, by: \.hallID).sorted(by: { $0.key < $1.key }) {
                    json.object { json in
                        json.field("id", hallID)
                        json.field("name", rows[0].hallName)
                        json.key("hours")
                        json.array { json in
                            for row in rows {
                                json.object { json in
                                    json.field("hour", Double(row.hour))
                                    json.field("reports", Double(row.reports))
                                    json.field("covered_s", row.coveredSeconds.rounded())
                                    json.field("served", row.served, places: 1)
                                    json.field("mean_wait_s", row.meanWaitSeconds.rounded())
                                    json.field("mean_handling_s", row.meanHandlingSeconds.rounded())
                                    json.field("mean_waiting", row.meanWaiting, places: 1)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// One panel per hall: customers served by hour of the day as bars, the mean wait as a line with dots.
    public var svg: String {
        let halls = Dictionary(grouping: rows, by: \.hallID).sorted { $0.key < $1.key }
        let panelHeight = 190, width = 760, left = 50.0, barWidth = 26.0
        var document = SVGDocument(width: width, height: max(1, halls.count) * panelHeight + 20, background: .white)
        let bar = MapColor(red: 31, green: 78, blue: 156), wait = MapColor(red: 215, green: 48, blue: 31)
        for (index, (hallID, hours)) in halls.enumerated() {
            let top = Double(index * panelHeight) + 20, base = top + 140
            let most = max(1, hours.map(\.served).max() ?? 1), longest = max(60, hours.map(\.meanWaitSeconds).max() ?? 60)
            document.text("\(hours[0].hallName) (\(hallID)): served per hour (bars, up to \(Int(most.rounded()))), mean wait (line, up to \(Int((longest / 60).rounded())) min)",
                          at: (x: Int(left), y: Int(top) - 14), color: .black, scale: 1)
            document.line(from: (x: left, y: base), to: (x: left + 24 * barWidth, y: base), color: .grey, width: 1)
            for hour in stride(from: 0, through: 23, by: 3) {
                document.text(String(format: "%02d", hour), at: (x: Int(left + Double(hour) * barWidth + 6), y: Int(base) + 4), color: .grey, scale: 1)
            }
            var previous: (x: Double, y: Double)?
            for row in hours {
                let x = left + Double(row.hour) * barWidth
                let height = 120 * row.served / most
                document.fillPolygon([[(x: x + 3, y: base), (x: x + barWidth - 3, y: base), (x: x + barWidth - 3, y: base - height), (x: x + 3, y: base - height)]],
                                     color: bar, opacity: 0.85)
                let point = (x: x + barWidth / 2, y: base - 120 * row.meanWaitSeconds / longest)
                if let previous { document.line(from: previous, to: point, color: wait, width: 2) }
                document.disc(centre: point, radius: 3, color: wait, outline: nil)
                previous = point
            }
        }
        return document.text
    }
}
