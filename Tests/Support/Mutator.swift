import Foundation
import PayCircleSimulation

/// Makes hostile variants of valid inputs for property-based fuzzing: flipped, inserted, deleted and
/// duplicated bytes, and splices of tokens that parsers trip over (quotes, separators, brackets, huge and
/// special numbers, multi-byte and invalid UTF-8). Deterministic for a seed, so a failure reproduces.
///
/// ```swift
/// var mutator = Mutator(seed: 7, tokens: Mutator.textTokens)
/// let input = mutator.mutate(Array(validCSV.utf8))
/// ```
public struct Mutator {
    private var random: SeededGenerator
    private let tokens: [[UInt8]]

    public init(seed: UInt64, tokens: [String] = Mutator.textTokens) {
        random = SeededGenerator(seed: seed)
        self.tokens = tokens.map { Array($0.utf8) } + [[0xFF, 0xFE], [0xC3], [0xE4, 0xB8], [0x00]]
    }

    /// Tokens that break text formats: CSV, JSON, opening_hours, OSM XML.
    public static let textTokens = [
        "\"", "\"\"", ",", ";", "\n", "\r\n", "\r", "{", "}", "[", "]", ":", "-", "+", ".", "e", " ",
        "0", "-1", "1e309", "-1e309", "NaN", "nan", "Infinity", "1e-400", "99999999999999999999", "-0", "1.", "0x10",
        "null", "true", "\"type\"", "\"Feature\"", "\"coordinates\"", "[[[", "]]]", "\\u0000", "\\ud800", "\\",
        "24/7", "Mo-Fr", "Su", "PH", "off", "08:00-25:00", "24:00", "00:00-00:00", "week", "sunrise", "||", "\"\"\"",
        "<", ">", "/>", "&", "&amp;", "&#0;", "<![CDATA[", "<!--", "lat=\"", "lon=\"", "id=\"", "k=\"", "v=\"", "ref=\"",
        "缴费", "营业厅", "🏦", "\u{200B}", "\u{FEFF}",
    ]

    public mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &random) }

    /// `input` with one to eight mutations applied.
    public mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0..<int(1..<9) { mutateOnce(&bytes) }
        return bytes
    }

    private mutating func mutateOnce(_ bytes: inout [UInt8]) {
        let position = bytes.isEmpty ? 0 : int(0..<bytes.count + 1)
        switch int(0..<7) {
        case 0 where !bytes.isEmpty:
            bytes[min(position, bytes.count - 1)] ^= UInt8(1 << int(0..<8))
        case 1 where !bytes.isEmpty:
            bytes[min(position, bytes.count - 1)] = UInt8.random(in: 0...255, using: &random)
        case 2 where position < bytes.count:
            bytes.removeSubrange(position..<min(bytes.count, position + int(1..<64)))
        case 3 where position < bytes.count:
            let slice = bytes[position..<min(bytes.count, position + int(1..<256))]
            bytes.insert(contentsOf: slice, at: int(0..<bytes.count + 1))
        case 4:
            bytes = Array(bytes.prefix(position))
        default:
            bytes.insert(contentsOf: tokens[int(0..<tokens.count)], at: position)
        }
    }
}

/// How a fuzzing run went: cases tried, how many were accepted, and the distinct error messages of the
/// rest (their first words, so numbers and places do not make every message distinct).
public struct FuzzTally: CustomStringConvertible {
    public let target: String
    public private(set) var cases = 0
    public private(set) var accepted = 0
    public private(set) var rejections: [String: Int] = [:]

    public init(target: String) { self.target = target }

    public mutating func accept() {
        cases += 1
        accepted += 1
    }

    public mutating func reject(_ message: String) {
        cases += 1
        let words = message.split(separator: " ").prefix(3).joined(separator: " ")
        rejections[words, default: 0] += 1
    }

    public var description: String {
        "fuzz \(target): \(cases) cases, \(accepted) accepted, \(cases - accepted) rejected with \(rejections.count) kinds of error"
    }

    /// Cases per target: `PAYCIRCLE_FUZZ_CASES` from the environment, else `standard`.
    public static func cases(standard: Int) -> Int {
        ProcessInfo.processInfo.environment["PAYCIRCLE_FUZZ_CASES"].flatMap(Int.init) ?? standard
    }

    /// The first seed: `PAYCIRCLE_FUZZ_SEED` from the environment, else 1.
    public static var seed: UInt64 {
        ProcessInfo.processInfo.environment["PAYCIRCLE_FUZZ_SEED"].flatMap(UInt64.init) ?? 1
    }
}
