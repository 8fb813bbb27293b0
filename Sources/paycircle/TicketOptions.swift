import ArgumentParser
import PayCircleEngine

/// The limits of remote tickets (`serve`).
struct TicketOptions: ParsableArguments {
    @Option(help: "Seconds a called ticket may stay open before it counts as a no-show.") var noShowAfter: Double = TicketRules().noShowAfter
    @Option(help: "The most remote tickets a hall's service may have waiting, as a share (0 to 1) of what its open counters serve in the next hour.")
    var remoteShare: Double = TicketRules().remoteShare

    func validate() throws {
        guard noShowAfter.isFinite, noShowAfter > 0, noShowAfter <= 86_400 else { throw ValidationError("--no-show-after takes seconds from 1 to 86400") }
        guard TicketRules.remoteShareRange.contains(remoteShare) else { throw ValidationError("--remote-share takes a share from 0 to 1") }
    }

    var rules: TicketRules { TicketRules(noShowAfter: noShowAfter, remoteShare: remoteShare) }
}
