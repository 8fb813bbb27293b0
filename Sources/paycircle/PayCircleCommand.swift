import ArgumentParser

@main
struct PayCircleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paycircle",
        abstract: "The ten-minute payment circle: find, plan and serve places to pay electricity bills.",
        subcommands: [ImportCommand.self, NearestCommand.self, RouteCommand.self, IsochroneCommand.self,
                      CoverageCommand.self, GapsCommand.self, SuggestCommand.self, TokenCommand.self, HallsCommand.self, DevicesCommand.self, DemoCommand.self, ExportCommand.self, CheckCommand.self, ServeCommand.self]
    )
}
