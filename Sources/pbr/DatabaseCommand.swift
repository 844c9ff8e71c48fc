import ArgumentParser
import PbRService
import PbRStore

struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Look after the store.", subcommands: [Check.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify the store: imports and their rows' digests, versions, records that read back, no orphans.")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let journal = try await store.open()
            let problems: [StoreProblem]
            do {
                problems = try await journal.check()
                try await journal.close()
            } catch {
                try? await journal.close()
                throw error
            }
            guard !problems.isEmpty else {
                print("\(store.db): no problems found.")
                return
            }
            for problem in problems.prefix(100) { print(problem) }
            if problems.count > 100 { print("... and \(problems.count - 100) more") }
            throw Refusal("\(store.db): \(problems.count) problem\(problems.count == 1 ? "" : "s") found")
        }
    }
}
