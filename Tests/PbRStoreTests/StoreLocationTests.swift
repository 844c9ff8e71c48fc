import PbRStore
import Testing

/// `--db` and `PBR_DATABASE_URL`: every mistake in an address is said plainly, and no password is shown.
@Suite("Store locations")
struct StoreLocationTests {
    @Test func aPathIsASQLiteFile() throws {
        #expect(try StoreLocation.parse("data/pbr.sqlite") == .sqlite(path: "data/pbr.sqlite"))
    }

    @Test func anAddressOfAnotherDatabaseIsRefused() {
        #expect(throws: StoreError.unsupported("'mysql://' is not a store PbR can use: give a SQLite file (pbr.sqlite) "
                                               + "or a PostgreSQL address (postgres://user@host:5432/database)")) {
            try StoreLocation.parse("mysql://pbr@localhost/pbr")
        }
    }

    @Test func anUnknownOptionInAPostgreSQLAddressIsRefusedWithoutItsPassword() {
        #expect(throws: StoreError.unsupported("the PostgreSQL address 'postgres://pbr:***@db:5432/pbr?shema=x' has an unknown option 'shema': PbR reads schema and sslmode")) {
            try StoreLocation.parse("postgres://pbr:secret@db:5432/pbr?shema=x")
        }
    }

    @Test func aPostgreSQLAddressNeedsAUserAndAPlainSchemaName() {
        #expect(throws: StoreError.self) { try StoreLocation.parse("postgres://localhost/pbr") }
        #expect(throws: StoreError.self) { try StoreLocation.parse("postgres://pbr@localhost/pbr?schema=a;drop") }
        #expect(throws: StoreError.self) { try StoreLocation.parse("postgres://pbr@localhost/pbr?sslmode=sometimes") }
    }

    @Test func anAddressIsDescribedWithoutItsPassword() throws {
        let location = try StoreLocation.parse("postgres://pbr:secret@db.example:6543/payments?schema=kent&sslmode=disable")
        #expect(location.description == "postgres://pbr@db.example:6543/payments?schema=kent")
        guard case .postgres(let address) = location else { Issue.record("not PostgreSQL"); return }
        #expect(address.schema == "kent" && address.port == 6543 && address.database == "payments")
    }
}
