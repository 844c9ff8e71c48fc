import PbRCore
import PbRImport
import PbRTestSupport
import Testing

/// The comparison file of `pbr diagnose --comparison`: read in any column order, written back the same,
/// and refused whole, line by line, when anything in it is wrong.
@Suite("Comparison file")
struct ComparisonFileTests {
    func parse(_ text: String) throws(ComparisonFileRefused) -> ComparisonAreas {
        try ComparisonFile.parse(Array(text.utf8), file: "comparison.csv")
    }

    func refusal(_ text: String) -> [String] {
        do {
            _ = try parse(text)
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    @Test func figuresAreReadInAnyColumnOrderAndWrittenBackInTheFilesOwn() throws {
        let areas = try parse("month, value, area_id, measure\r\n2012-04,31,E06,starts\n2012-04,12.5,E06,completions\n2012-05,0,E07,starts\n")
        #expect(areas.value(.starts, area: "E06", month: StatementPeriod("2012-04")!) == 31)
        #expect(areas.value(.completions, area: "E06", month: StatementPeriod("2012-04")!) == 12.5)
        #expect(areas.value(.starts, area: "E07", month: StatementPeriod("2012-04")!) == nil)
        #expect(areas.allAreas == ["E06", "E07"])
        let written = String(decoding: ComparisonCSV.bytes(areas), as: UTF8.self)
        #expect(written == "area_id,month,measure,value\nE06,2012-04,starts,31\nE06,2012-04,completions,12.5\nE07,2012-05,starts,0\n")
        #expect(try parse(written) == areas)
    }

    @Test func eachBadFieldIsNamedWithItsLineAndColumn() {
        #expect(refusal("area_id,month,measure,value\nE06,2012-13,starts,3\n,2012-04,admissions,-1\nE06,2012-04,starts,x\nE06,2012-05,starts\n") == [
            "comparison.csv, line 2, column month: '2012-13' is not a month (YYYY-MM)",
            "comparison.csv, line 3, column area_id: is empty",
            "comparison.csv, line 3, column measure: 'admissions' is not a measure (the measures: referrals, starts, completions, "
                + "completions_without_representation, declined, in_treatment)",
            "comparison.csv, line 3, column value: '-1' is not a count (a number, 0 or more)",
            "comparison.csv, line 4, column value: 'x' is not a count (a number, 0 or more)",
            "comparison.csv, line 5: 3 fields where the header has 4",
        ])
    }

    @Test func aFigureGivenTwiceIsRefusedNamingTheFirst() {
        #expect(refusal("area_id,month,measure,value\nE06,2012-04,starts,3\nE06,2012-04,starts,4\n")
                    == ["comparison.csv, line 3: a second starts for E06 in 2012-04 (the first is on line 2)"])
    }

    @Test func aHeaderWithoutItsColumnsOrAFileWithoutFiguresIsRefused() {
        #expect(refusal("area,month,measure,value\n") == [
            "comparison.csv, line 1, column area: not a column of a comparison file (its columns: area_id, month, measure, value)",
            "comparison.csv, line 1, column area_id: the column is missing",
        ])
        #expect(refusal("area_id,month,measure,value\n") == ["comparison.csv, line 1: the file holds a header and no figures"])
        #expect(refusal("") == ["comparison.csv, line 1: the file is empty; its header is area_id,month,measure,value"])
        #expect(refusal("area_id,month,measure,value\nE06,2012-04,starts,\"3\n") == ["comparison.csv, line 2: a quoted field is not closed before the end of the file"])
    }

    @Test func aFileThatIsNotUTF8IsRefusedAtItsLine() {
        var bytes = Array("area_id,month,measure,value\nE06,2012-04,starts,3\n".utf8)
        bytes += [0x45, 0xE9, 0x2C] + Array("2012-04,starts,3\n".utf8)
        #expect(throws: ComparisonFileRefused.self) { try ComparisonFile.parse(bytes, file: "comparison.csv") }
        do { _ = try ComparisonFile.parse(bytes, file: "comparison.csv") } catch {
            #expect(error.issues.map(\.description) == ["comparison.csv, line 3: byte 0xE9 is not UTF-8; the file must be UTF-8"])
        }
    }
}

@Suite("Contract: what the diagnostics watch around")
struct ContractDiagnosticsFiguresTests {
    @Test func theReferenceFrameworksInstalmentDaysAndReviewGapAreRead() throws {
        let contract = try Fixtures.referenceContract()
        #expect(contract.completionInstalmentMonths == [3, 6, 9, 12])
        #expect(contract.minimumReviewGap == 28)
    }
}
