import NIOCore

/// One Server-Sent Event as `text/event-stream` writes it: `event: NAME`, the data (one `data:` line per
/// line of it) and a blank line; or a comment line, which keeps a quiet stream open.
struct ServerSentEvent {
    let text: String

    init(_ name: String, data: String) {
        text = "event: \(name)\n" + data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)\n" }.joined() + "\n"
    }

    init(comment: String) {
        text = ": \(comment)\n\n"
    }

    var buffer: ByteBuffer { ByteBuffer(string: text) }
}
