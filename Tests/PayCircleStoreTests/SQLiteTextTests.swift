import Foundation
import PayCircleCore
@testable import PayCircleSpatiaLite
import PayCircleStore
import PayCircleTestSupport
import Testing

/// Text goes into SQLite with its byte length and comes out with `sqlite3_column_bytes`, so a value with
/// an embedded NUL is neither cut when bound nor when read.
@Suite struct SQLiteTextTests {
    static let samples = ["a\u{0}b", "\u{0}", "南城\u{0}营业厅\u{0}", "\u{0}\u{0}x", "", "plain", "tab\tand\nnewline", "自助缴费终端"]

    @Test func textWithAnEmbeddedNulRoundTripsThroughABoundParameter() throws {
        let directory = try Reference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let connection = try SQLiteConnection(path: directory.appendingPathComponent("t.sqlite").path)
        let select = try connection.prepare("SELECT ?1, length(CAST(?1 AS BLOB)), typeof(?1)")
        for text in Self.samples {
            select.bind([.text(text)])
            #expect(try select.step())
            #expect(select.text(0) == text, "\(Array(text.utf8))")
            #expect(select.int(1) == Int64(text.utf8.count), "\(Array(text.utf8))")
            // The empty string stays text, not NULL.
            #expect(select.text(2) == "text")
        }
    }

    @Test func textWithAnEmbeddedNulRoundTripsThroughATable() throws {
        let directory = try Reference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let connection = try SQLiteConnection(path: directory.appendingPathComponent("t.sqlite").path)
        try connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, value TEXT NOT NULL)")
        let insert = try connection.prepare("INSERT INTO t (id, value) VALUES (?, ?)")
        for (id, text) in Self.samples.enumerated() { try insert.run([.integer(Int64(id)), .text(text)]) }
        let read = try connection.prepare("SELECT id, value FROM t WHERE value = ?")
        for (id, text) in Self.samples.enumerated() {
            read.bind([.text(text)])
            #expect(try read.step(), "\(Array(text.utf8))")
            #expect(read.int(0) == Int64(id))
            #expect(read.text(1) == text)
            #expect(try read.step() == false)
        }
        // The part before the NUL is another value.
        read.bind([.text("a")])
        #expect(try read.step() == false)
    }

    @Test func aPointWithANulInItsTextRoundTripsThroughTheStore() async throws {
        let test = try await TestStore(.spatiaLite)
        defer { test.remove() }
        var point = PointStoreTests.hall("h\u{0}1")
        point.name = "南城\u{0}营业厅"
        point.address = "鸿福路\u{0}99号"
        try await test.store.write(PointChange(upserts: [point]))
        #expect(try await test.reopen().point(id: "h\u{0}1") == point)
        #expect(try await test.store.point(id: "h") == nil)
        #expect(try await test.reopen().loadPoints() == [point])
    }
}
