import ArgumentParser
import Foundation
import PayCircleCore
import PayCircleEngine
import PayCircleStore

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create, list and revoke the bearer tokens that HTTP writes need.",
        subcommands: [TokenCreateCommand.self, TokenListCommand.self, TokenRevokeCommand.self]
    )
}

struct TokenCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "A new token; its secret is printed once and only its SHA-256 is stored.",
        discussion: """
            admin: create, replace, delete points and everything else; operator: status and queue reports, for the \
            points given with --points or for every point; planner: the heavy planning questions (suggest); \
            partner: an app calling for many people: no writes, higher rate limits than one address; device: a kiosk or \
            terminal, heartbeats for the devices given with --devices.
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "admin, operator, planner, partner or device.") var role: AccessRole
    @Option(help: "Who or what holds it, for the audit log.") var name = "unnamed"
    @Option(help: "Operators only: the ids of the points it may report for, comma-separated (default: every point).")
    var points: String?
    @Option(help: "Device tokens only (and needed there): the ids of the devices it may send heartbeats for, comma-separated.")
    var devices: String?

    func validate() throws {
        guard points == nil || role == .operator else { throw ValidationError("--points limits operator tokens; a \(role.rawValue) token has no point scope") }
        guard devices == nil || role == .device else { throw ValidationError("--devices names the devices of a device token, not of a \(role.rawValue) token") }
        guard role != .device || devices != nil else { throw ValidationError("a device token needs --devices, the ids of its devices") }
        guard scope?.isEmpty != true else { throw ValidationError("--\(role == .device ? "devices" : "points") needs at least one id") }
    }

    /// The ids given with `--points` or `--devices`, or nil for every point.
    private var scope: Set<String>? {
        (points ?? devices).map { Set($0.split(separator: ",").map { String($0.trimmedSpaces) }.filter { !$0.isEmpty }) }
    }

    func run() async throws {
        let (token, secret) = try await AccessTokens(store: store.openStore()).create(name: name, role: role, points: scope)
        let scopeText = token.points.map { (token.role == .device ? ", devices " : ", points ") + $0.sorted().joined(separator: ",") } ?? ""
        print("Token \(token.id) (\(token.role.rawValue), \(token.name)\(scopeText)). Keep the secret now; it is not shown again:")
        print(secret)
    }
}

struct TokenListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Every token, without secrets.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let rows = try await AccessTokens(store: store.openStore()).all().map { token in
            [token.id, token.role.rawValue, token.name, token.points.map { $0.sorted().joined(separator: ",") } ?? "all",
             Timestamp.utcString(token.createdAt), token.revokedAt.map(Timestamp.utcString) ?? "-"]
        }
        print(TextTable(header: ["id", "role", "name", "points", "created", "revoked"], rows: rows).rendered)
    }
}

struct TokenRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token at once.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The token's id (tok_…).") var id: String

    func run() async throws {
        guard try await AccessTokens(store: store.openStore()).revoke(id: id) else {
            throw ValidationError("no live token with id '\(id)' (see 'paycircle token list')")
        }
        print("Revoked \(id).")
    }
}

extension AccessRole: ExpressibleByArgument {}
