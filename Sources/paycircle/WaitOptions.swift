import ArgumentParser
import PayCircleCore

/// How waits are estimated (for ranking by time to pay), shared by `serve` and `nearest`.
struct WaitOptions: ParsableArguments {
    @Option(help: "Seconds after which a hall's queue report counts as unknown.") var queueMaxAge: Double = WaitModel().maxReportAge
    @Option(help: "Seconds of wait at kiosks and bank booths.") var selfServiceWait: Double = WaitModel().selfServiceSeconds
    @Option(help: "Seconds of wait at agency tills (post offices, shops).") var agencyWait: Double = WaitModel().agencySeconds
    @Option(help: "Seconds of wait assumed at a hall or bank branch without a fresh report.") var unknownQueueWait: Double = WaitModel().unknownQueueSeconds

    func validate() throws {
        for (name, value) in [("--queue-max-age", queueMaxAge), ("--self-service-wait", selfServiceWait), ("--agency-wait", agencyWait),
                              ("--unknown-queue-wait", unknownQueueWait)] where !(value.isFinite && value >= 0 && value <= 86_400) {
            throw ValidationError("\(name) takes seconds from 0 to 86400")
        }
    }

    var model: WaitModel {
        var model = WaitModel()
        model.maxReportAge = queueMaxAge
        model.selfServiceSeconds = selfServiceWait
        model.agencySeconds = agencyWait
        model.unknownQueueSeconds = unknownQueueWait
        return model
    }
}
