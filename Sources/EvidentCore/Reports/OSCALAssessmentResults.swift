/// OSCAL 1.2.1 assessment-results of a cycle (filled in by the export work).
public enum OSCALAssessmentResults {
    /// The OSCAL JSON of `report`.
    public static func render(_ report: AuditReport) throws -> String {
        throw EvidentFailure(.badInput, "OSCAL output is not available yet", hint: "use --format md, html, json or csv")
    }
}
