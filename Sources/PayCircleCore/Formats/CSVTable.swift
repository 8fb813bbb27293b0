/// An RFC 4180 CSV document: a header row and records, each remembering the line it starts on.
///
/// Quoted fields may hold commas, doubled quotes and line breaks; a UTF-8 byte-order mark and CRLF line
/// ends are accepted.
public struct CSVTable: Sendable {
    public struct Record: Sendable {
        public var line: Int
        public var values: [String]
    }

    public var header: [String]
    public var records: [Record]

    public init(parsing text: String) throws(InputError) {
        var rows: [Record] = []
        var values: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var line = 1
        var rowStart = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending = iterator.next()
        if pending == "\u{FEFF}" { pending = iterator.next() }

        func endRow() {
            values.append(field)
            if !(values.count == 1 && values[0].isEmpty && !fieldWasQuoted) {
                rows.append(Record(line: rowStart, values: values))
            }
            values = []
            field = ""
            fieldWasQuoted = false
        }

        while let scalar = pending {
            pending = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" { field.unicodeScalars.append("\""); pending = iterator.next() } else { inQuotes = false }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty else { throw InputError("a quote inside an unquoted field", line: line) }
                inQuotes = true
                fieldWasQuoted = true
            case ",":
                values.append(field)
                field = ""
                fieldWasQuoted = false
            case "\r":
                if pending == "\n" { continue }
                endRow(); line += 1; rowStart = line
            case "\n":
                endRow(); line += 1; rowStart = line
            default:
                if fieldWasQuoted { throw InputError("text after a closing quote", line: line) }
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { throw InputError("a quoted field is not closed", line: rowStart) }
        if !field.isEmpty || !values.isEmpty || fieldWasQuoted { endRow() }
        guard let first = rows.first else { throw InputError("the file is empty (expected a header row)", line: 1) }
        header = first.values.map { $0.trimmedSpaces.lowercased() }
        records = Array(rows.dropFirst())
    }
}
