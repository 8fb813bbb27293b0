import Foundation
import PayCircleCore

/// Prints one JSON document on standard output.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// Prints one JSON document, written by the API's own writer, on standard output.
func printJSON(_ value: some JSONWritable) {
    print(String(decoding: value.jsonBytes, as: UTF8.self))
}
