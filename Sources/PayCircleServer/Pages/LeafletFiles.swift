import Foundation

/// Leaflet's script and style, read once from a directory such as Debian's `/usr/share/javascript/leaflet`.
public struct LeafletFiles: Sendable {
    public static let debianDirectory = "/usr/share/javascript/leaflet"

    let script: [UInt8]
    let style: [UInt8]

    /// Reads `leaflet.js` and `leaflet.css` from `directory`; nil when either is missing.
    public init?(directory: String = debianDirectory) {
        guard let script = FileManager.default.contents(atPath: directory + "/leaflet.js"),
              let style = FileManager.default.contents(atPath: directory + "/leaflet.css") else { return nil }
        self.script = Array(script)
        self.style = Array(style)
    }
}
