import ArgumentParser
import PbRCore
import PbRService
import PbRStore

struct ContractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contract", abstract: "The contracts in the store: register a contract or an amendment, list them, show one.",
        subcommands: [Add.self, List.self, Show.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a contract file; a later file with the same id is an amendment, in force from its effective_from day.")

        @OptionGroup var store: StoreOptions

        @Argument(help: "The contract (YAML), e.g. contracts/national-pilot.yaml.")
        var file: String

        @Option(help: "Who registers it, for the audit trail.")
        var by: String = currentUser

        func run() async throws {
            try await store.using(.createIfMissing) { journal in
                if journal.isNew { print("Created a new store at \(store.location).") }
                let added = try await ContractRegistry(store: journal).add(file, by: by)
                let version = added.version
                if added.alreadyRegistered {
                    print("\(file): already registered as \(version.contractID) version \(version.version); nothing changed.")
                } else {
                    print("Registered \(version.contractID) version \(version.version), in force from \(version.effectiveFrom) "
                          + "(sha256 \(version.sha256.prefix(12))).")
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the contracts in the store, each with its versions.")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let contracts = try await store.using { try await ContractRegistry(store: $0).all() }
            if contracts.isEmpty { print("The store holds no contracts; `pbr contract add FILE` registers one.") }
            for (id, versions) in contracts {
                print("\(id): \(versions.count.counted("version"))")
                for version in versions {
                    print("  version \(version.version)  from \(version.effectiveFrom)  added \(version.addedAt) by \(version.addedBy)  "
                          + "\(version.source)  sha256 \(version.sha256.prefix(12))")
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a contract's text as registered (its latest version, or --version N).")

        @OptionGroup var store: StoreOptions

        @Option(help: "The contract id.")
        var contract: String

        @Option(help: "The version to print (default: the latest).")
        var version: Int?

        func run() async throws {
            let stored = try await store.using { try await ContractRegistry(store: $0).versions(of: contract).stored }
            let chosen = version.map { number in stored.first { $0.version == number } } ?? stored.last
            guard let chosen else {
                throw Refusal("\(contract) has versions 1 to \(stored.count), not \(version ?? 0)")
            }
            print("# \(chosen.contractID) version \(chosen.version) of \(stored.count), in force from \(chosen.effectiveFrom); "
                  + "registered \(chosen.addedAt) by \(chosen.addedBy) from \(chosen.source)")
            print(chosen.body, terminator: chosen.body.hasSuffix("\n") ? "" : "\n")
        }
    }
}
