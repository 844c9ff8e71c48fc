/// The routes of the stored results (diagnostics, proofing, simulation), for `RouteTable.all`.
enum ResultsRoutes {
    static var all: [Route] { DiagnosticsRoutes.all + ProofingRoutes.all + SimulationRoutes.all }
}
