import ArgumentParser
import Foundation
import PayCircleCore
import PayCircleStore

struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create, list and revoke the bearer tokens that HTTP writes need.",
        subcommands: [TokenCreateCommand.self, TokenListCommand.self, TokenRevokeCommand.self]
    )
}

struct TokenCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "A new token; its secret is printed once and only its SHA-256 is stored.",
        discussion: "admin: create, replace, delete points and set status; operator: set status only."
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "admin or operator.") var role: AccessRole
    @Option(help: "Who or what holds it, for the audit log.") var name = "unnamed"

    func run() throws {
        let (token, secret) = try store.openStore().createToken(name: name, role: role)
        print("Token \(token.id) (\(token.role.rawValue), \(token.name)). Keep the secret now; it is not shown again:")
        print(secret)
    }
}

struct TokenListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Every token, without secrets.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let rows = try store.openStore().accessTokens().map { token in
            [token.id, token.role.rawValue, token.name, Timestamp.utcString(token.createdAt), token.revokedAt.map(Timestamp.utcString) ?? "-"]
        }
        print(TextTable(header: ["id", "role", "name", "created", "revoked"], rows: rows).rendered)
    }
}

struct TokenRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token at once.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The token's id (tok_…).") var id: String

    func run() throws {
        guard try store.openStore().revokeToken(id: id) else {
            throw ValidationError("no live token with id '\(id)' (see 'paycircle token list')")
        }
        print("Revoked \(id).")
    }
}

extension AccessRole: ExpressibleByArgument {}
