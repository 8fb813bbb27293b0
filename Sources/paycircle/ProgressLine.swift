import Foundation

/// A one-line progress display on standard error, redrawn at most every half second; silent when standard
/// error is not a terminal (scripts, CI) so that logs stay clean.
final class ProgressLine {
    private let isTerminal = isatty(FileHandle.standardError.fileDescriptor) != 0
    private var lastShown = Date.distantPast
    private var shown = false

    func show(_ text: String) {
        guard isTerminal, Date().timeIntervalSince(lastShown) >= 0.5 else { return }
        lastShown = Date()
        shown = true
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
