/// A column limited to a list of values (an enum's raw values), and how a store's own check compares.
public struct ValueCheck: Sendable, Hashable {
    public let table: String
    public let column: String
    /// The values the program allows now.
    public let values: [String]

    /// Whether a store whose check allows `stored` must widen it to ``values``. Values are only ever
    /// added: a store that allows a value the program no longer knows is refused, since rows may hold it.
    public func needsWidening(from stored: [String]) throws(StoreError) -> Bool {
        let removed = Set(stored).subtracting(values)
        guard removed.isEmpty else {
            throw StoreError("the store allows \(table).\(column) values this program does not know (\(removed.sorted().joined(separator: ", "))); "
                + "removing a value needs a migration that rewrites the rows holding it")
        }
        return Set(values) != Set(stored)
    }

    /// The quoted values of a check as a database shows it back, e.g. `status IN ('a', 'b')` or
    /// PostgreSQL's `(status = ANY (ARRAY['a'::text, 'b'::text]))`.
    public static func quotedValues(in text: Substring) -> [String] {
        var values: [String] = []
        var current: String?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "'" {
                let next = text.index(after: index)
                if current != nil, next < text.endIndex, text[next] == "'" {
                    current!.append("'")
                    index = text.index(after: next)
                    continue
                }
                if let finished = current { values.append(finished); current = nil } else { current = "" }
            } else if current != nil {
                current!.append(character)
            }
            index = text.index(after: index)
        }
        return values
    }
}

/// How one SQL dialect writes the declared schema (``StoreSchema``).
public protocol SchemaDialect {
    /// The statements that make `change`, given the tables as they stand before it.
    func statements(for change: SchemaChange, tables: [String: TableDeclaration]) -> [String]
}
