import Foundation
@testable import PayCircleSpatiaLite
import PayCircleStore
import PayCircleTestSupport
import Testing

/// Bulk inserts put many rows in one statement; every row must arrive whole, across full and partial
/// statements, and a row that cannot be bound must stop the insert before its statement runs.
@Suite struct BulkInsertTests {
    private func connection() throws -> (SQLiteConnection, URL) {
        let directory = try Reference.temporaryDirectory()
        let connection = try SQLiteConnection(path: directory.appendingPathComponent("bulk.sqlite").path)
        try connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, weight REAL, data BLOB)")
        return (connection, directory)
    }

    @Test(arguments: [1, 63, 64, 65, 130])
    func everyRowArrivesWhole(count: Int) throws {
        let (connection, directory) = try connection()
        defer { try? FileManager.default.removeItem(at: directory) }
        let names = (0..<count).map { $0 % 7 == 0 ? nil : "名前 \($0)\u{0}tail" }
        try connection.insert(into: "t", columns: ["id", "name", "weight", "data"], rows: 0..<count, rowsPerStatement: 64) { index, row in
            row.integer(Int64(index)); row.text(names[index]); row.real(Double(index) / 3)
            withUnsafeBytes(of: UInt32(index).littleEndian) { row.blob($0) }
        }
        let read = try connection.prepare("SELECT id, name, weight, data FROM t ORDER BY id")
        var seen = 0
        while try read.step() {
            #expect(read.int(0) == Int64(seen) && read.text(1) == names[seen] && read.double(2) == Double(seen) / 3)
            #expect(read.blob(3) == withUnsafeBytes(of: UInt32(seen).littleEndian) { Array($0) })
            seen += 1
        }
        #expect(seen == count)
    }

    @Test func aRowThatCannotBeBoundStopsTheInsertBeforeItsStatementRuns() throws {
        let (connection, directory) = try connection()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: StoreError.self) {
            try connection.insert(into: "t", columns: ["id", "name", "weight", "data"], rows: 0..<100, rowsPerStatement: 64) { index, row in
                if index == 80 { throw StoreError("row 80 is bad") }
                row.integer(Int64(index)); row.text(nil); row.real(0); row.blob(UnsafeRawBufferPointer(start: nil, count: 0))
            }
        }
        // The first statement's 64 rows went in (the caller's transaction would roll them back); the second's did not.
        let count = try connection.prepare("SELECT count(*), sum(length(data) = 0 AND data IS NOT NULL) FROM t")
        #expect(try count.step())
        #expect(count.int(0) == 64 && count.int(1) == 64)
    }

    @Test func aRowThatBindsTheWrongNumberOfValuesIsRefused() throws {
        let (connection, directory) = try connection()
        defer { try? FileManager.default.removeItem(at: directory) }
        for missing in [true, false] {
            let error = #expect(throws: StoreError.self) {
                try connection.insert(into: "t", columns: ["id", "name", "weight", "data"], rows: 0..<10) { index, row in
                    row.integer(Int64(index)); row.text("x"); row.real(1)
                    if !missing || index != 3 { row.blob(UnsafeRawBufferPointer(start: nil, count: 0)) }
                    if !missing && index == 3 { row.integer(0) }
                }
            }
            #expect(error?.message.contains("values for 4 columns") == true)
        }
        let count = try connection.prepare("SELECT count(*) FROM t")
        #expect(try count.step())
        #expect(count.int(0) == 0)
    }
}
