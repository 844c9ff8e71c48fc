import ArgumentParser
import Foundation
import PbRCore
import PbRService
import PbRStore

struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "The users of the web application (pbr serve): add, list, disable, and API tokens.",
        subcommands: [Add.self, List.self, Disable.self, Token.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user. Without --password-stdin a password is made and printed once.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The user's name (letters, digits and . _ - @).") var name: String
        @Option(help: "admin, commissioner, provider, assessor or auditor.") var role: Role
        @Option(help: "A provider user's provider id.") var provider: String?
        @Option(help: "A commissioner's contract id (repeat for more).") var contract: [String] = []
        @Flag(help: "Read the password from standard input (one line).") var passwordStdin = false

        func run() async throws {
            let given = passwordStdin ? readLine(strippingNewline: true) : nil
            if passwordStdin && (given ?? "").isEmpty { throw ValidationError("--password-stdin: no password on standard input") }
            let password = given ?? String(Secret.make().prefix(20))
            let user = try await store.using { journal in
                try await Accounts(store: journal).add(name: name, role: role, providerID: provider.map(ProviderID.init), contractIDs: contract,
                                                       password: password, as: Accounts.commandLine(currentUser))
            }
            print("Added \(user.name) (\(user.role.rawValue)\(user.providerID.map { ", provider \($0)" } ?? "")).")
            if given == nil { print("Password: \(password)") }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let users = try await store.using { try await Accounts(store: $0).list(as: Accounts.commandLine(currentUser)) }
            if users.isEmpty { print("No users yet; `pbr users add NAME --role admin` adds one.") }
            for user in users {
                print([user.name, user.role.rawValue, user.providerID?.rawValue ?? "", user.contractIDs.joined(separator: ","),
                       user.disabled ? "disabled" : "enabled", "added \(user.createdAt) by \(user.createdBy)"].joined(separator: "  "))
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a user: its sessions and tokens end at once.")
        @OptionGroup var store: StoreOptions
        @Argument var name: String

        func run() async throws {
            try await store.using { try await Accounts(store: $0).disable(name: name, as: Accounts.commandLine(currentUser)) }
            print("Disabled \(name).")
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a new API token for a user, for scripts: send it as `Authorization: Bearer TOKEN`. Only its digest is kept.")
        @OptionGroup var store: StoreOptions
        @Argument var name: String

        func run() async throws {
            print(try await store.using { try await Accounts(store: $0).issueToken(name: name, as: Accounts.commandLine(currentUser)) })
        }
    }
}

extension Role: ExpressibleByArgument {}
