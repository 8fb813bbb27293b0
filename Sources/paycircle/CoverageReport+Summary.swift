import PayCircleCore
import PayCirclePlanning

/// The coverage totals and how they were counted, as a few lines of text.
func printSummary(_ report: CoverageReport) {
    print("Within \(Int(report.minutes)) min at \(Timestamp.utcString(report.at)): \(people(report.coveredPopulation)) of \(people(report.population)) people (\(percent(report.coveredShare))).")
    var channels = "Channels counted: \(report.channels.counted); closed: \(report.channels.closed)"
    if report.channels.unknownHours > 0 { channels += "; unknown hours: \(report.channels.unknownHours)" }
    if report.channels.assumedHours > 0 { channels += "; open by assumed hours: \(report.channels.assumedHours)" }
    if report.channels.offNetwork > 0 { channels += "; not on the walking network: \(report.channels.offNetwork)" }
    print(channels + ".")
    print("Population: \(report.populationSource). Method: \(report.methodNote).")
}
