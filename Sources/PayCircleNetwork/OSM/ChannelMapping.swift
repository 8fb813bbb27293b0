import Foundation
import PayCircleCore

/// Rules that turn tagged OSM features into payment channels, read from a JSON file such as
/// `GeoData/channels.json`. The first rule whose tag and value match a feature decides its kind. Optional
/// `candidates` rules name the features that could become channels (shops to sign up as agency points).
/// A rule's optional `untagged_hours` is what a feature it maps without `opening_hours` is taken to keep
/// (ATMs and payment terminals round the clock); such points are marked `hours_assumed`.
///
/// ```swift
/// let mapping = try ChannelMapping(contentsOf: URL(fileURLWithPath: "GeoData/channels.json"))
/// mapping.rule(for: ["amenity": "bank"])?.kind     // .bankBranch
/// ```
public struct ChannelMapping: Sendable, Decodable {
    public struct Rule: Sendable, Decodable {
        public var tag: String
        public var values: [String]
        public var kind: PointKind
        public var agencyType: AgencyType?
        public var services: [PaymentService]
        public var defaultName: String
        /// The hours a feature without `opening_hours` is assumed to keep; nil to leave them unknown.
        public var untaggedHours: String?

        public init(tag: String, values: [String], kind: PointKind, agencyType: AgencyType? = nil,
                    services: [PaymentService], defaultName: String, untaggedHours: String? = nil) {
            self.tag = tag
            self.values = values
            self.kind = kind
            self.agencyType = agencyType
            self.services = services
            self.defaultName = defaultName
            self.untaggedHours = untaggedHours
        }

        enum CodingKeys: String, CodingKey {
            case tag, values, kind, services
            case agencyType = "agency_type"
            case defaultName = "default_name"
            case untaggedHours = "untagged_hours"
        }
    }

    /// Tags of features that could become channels.
    public struct CandidateRule: Sendable, Decodable {
        public var tag: String
        public var values: [String]

        public init(tag: String, values: [String]) {
            self.tag = tag
            self.values = values
        }
    }

    public var rules: [Rule]
    public var candidates: [CandidateRule]

    public init(rules: [Rule], candidates: [CandidateRule] = []) {
        self.rules = rules
        self.candidates = candidates
    }

    enum CodingKeys: String, CodingKey { case rules, candidates }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rules = try container.decode([Rule].self, forKey: .rules)
        candidates = try container.decodeIfPresent([CandidateRule].self, forKey: .candidates) ?? []
    }

    public init(contentsOf url: URL) throws(InputError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw InputError("cannot read the channel mapping: \(error.localizedDescription)", source: url.path)
        }
        do { self = try JSONDecoder().decode(ChannelMapping.self, from: data) } catch {
            throw InputError("not a valid channel mapping: \(error)", source: url.path)
        }
    }

    public func rule(for tags: [String: String]) -> Rule? {
        guard !tags.isEmpty else { return nil }
        return rules.first { rule in tags[rule.tag].map(rule.values.contains) ?? false }
    }

    /// Whether a feature with `tags` could become a channel.
    public func isCandidate(_ tags: [String: String]) -> Bool {
        !tags.isEmpty && candidates.contains { rule in tags[rule.tag].map(rule.values.contains) ?? false }
    }

    /// The mapping shipped in `GeoData/channels.json`: looked for under the current directory, then beside
    /// and above the running executable (a build folder inside the checkout).
    public static func bundledFile() -> URL? {
        let relative = "GeoData/channels.json"
        var candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(relative)]
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory.appendingPathComponent(relative))
            directory.deleteLastPathComponent()
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }
}
