import ArgumentParser
import PbRService

@main
struct PbR: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pbr",
        abstract: "Pays drug and alcohol recovery services by the results their clients reach.",
        version: PbRVersion.current,
        subcommands: [DemoCommand.self, ImportCommand.self, EntitlementsCommand.self, ContractCommand.self, StatementCommand.self, VerifyCommand.self, ExplainCommand.self,
                      DiagnoseCommand.self, CalibrateCommand.self, ProofCommand.self, SimulateCommand.self, TariffCommand.self, ImportsCommand.self, DatabaseCommand.self,
                      GenerateCommand.self, BenchCommand.self, ServeCommand.self, UsersCommand.self, AuditCommand.self,
                      AssessmentsCommand.self]
    )
}
