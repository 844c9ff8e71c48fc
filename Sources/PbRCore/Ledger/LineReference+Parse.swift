extension LineReference {
    /// Parses `STATEMENT_ID:LINE` (`national-pilot/2013-06/P01:7`), as `refers_to` writes a reference;
    /// nil for anything else.
    public init?(parsing text: some StringProtocol) {
        guard let colon = text.lastIndex(of: ":"), let number = Int(text[text.index(after: colon)...]), number > 0 else { return nil }
        let id = String(text[..<colon])
        guard !id.isEmpty else { return nil }
        self.init(statementID: id, line: number)
    }
}
