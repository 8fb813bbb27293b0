import Foundation
import Logging
import Synchronization
import Testing
@testable import PayCircleServer

/// The service's log lines: time, level, label, metadata sorted by key (the logger's, then the line's,
/// then an error's), source and message, one line each.
@Suite struct ConsoleLogHandlerTests {
    /// The lines a logger labelled `label` writes while `body` runs.
    static func lines(label: String = "paycircle", provider: Logger.MetadataProvider? = nil, _ body: (inout Logger) -> Void) -> [String] {
        let written = Mutex<[String]>([])
        var logger = Logger(label: label) { ConsoleLogHandler(label: $0, metadataProvider: provider) { line in written.withLock { $0.append(line) } } }
        body(&logger)
        return written.withLock { $0 }
    }

    struct Refused: Error, CustomStringConvertible {
        var description: String { "the store refused" }
    }

    @Test func writesTimeLevelLabelSortedMetadataSourceAndMessage() throws {
        let before = Date()
        let written = Self.lines { logger in
            logger[metadataKey: "hb.request.id"] = "7f3a"
            logger[metadataKey: "b"] = "2"
            logger.info("serving 3 points", metadata: ["a": "1", "b": "3"])
        }
        #expect(written.count == 1)
        let line = try #require(written.first)
        #expect(line.hasSuffix(" info paycircle: a=1 b=3 hb.request.id=7f3a [PayCircleServerTests] serving 3 points\n"))
        let time = try #require(line.split(separator: " ").first.map(String.init))
        let moment = try #require(ISO8601DateFormatter().date(from: time))
        #expect(moment.timeIntervalSince(before) > -1 && moment.timeIntervalSinceNow < 1)
    }

    @Test func linesWithoutMetadataHaveNoPairs() {
        #expect(Self.lines { $0.notice("started") }.map { $0.split(separator: " ", maxSplits: 1)[1] } == ["notice paycircle: [PayCircleServerTests] started\n"])
    }

    @Test func errorsAreNamedInTheMetadata() {
        let written = Self.lines { $0.error("could not save", error: Refused()) }
        #expect(written.count == 1)
        #expect(written.first?.contains(" error paycircle: error.message=the store refused error.type=PayCircleServerTests.ConsoleLogHandlerTests.Refused [") == true)
    }

    @Test func theProvidersPairsOverrideTheLoggersAndTheLinesOverrideBoth() {
        let provider = Logger.MetadataProvider { ["trace": "t1", "b": "provided"] }
        let written = Self.lines(provider: provider) { logger in
            logger[metadataKey: "b"] = "kept"
            logger[metadataKey: "c"] = "kept"
            logger.info("x", metadata: ["trace": "t2"])
        }
        #expect(written.first?.contains(" info paycircle: b=provided c=kept trace=t2 [") == true, "\(written)")
    }

    @Test func levelsBelowTheLoggersAreNotWritten() {
        let written = Self.lines { logger in
            logger.debug("hidden")
            logger.logLevel = .debug
            logger.debug("shown")
        }
        #expect(written.count == 1)
        #expect(written.first?.hasSuffix("] shown\n") == true)
    }
}
