import PayCircleCore
import Testing

/// Parameters are found by name whatever their order, a repeated name keeps its last value, and blank
/// values count as absent; trimming keeps to spaces and tabs around whole characters.
@Suite struct QueryParametersTests {
    @Test func namesAreFoundInAnyOrderAndTheLastRepeatWins() throws {
        let parameters = QueryParameters(pairs: [(name: "k", value: "3"), (name: "lat", value: " 23.02\t"), (name: "lon", value: "113.75"),
                                                (name: "k", value: "7"), (name: "kind", value: "  ")])
        #expect(parameters.string("lat") == "23.02")
        #expect(try parameters.integer("k", default: 5, in: 1...100) == 7)
        #expect(parameters.string("kind") == nil)
        #expect(parameters.string("la") == nil && parameters.string("lats") == nil && parameters.string("LAT") == nil)
        #expect(try parameters.latitudeLongitude() == Coordinate(latitude: 23.02, longitude: 113.75))
        #expect(QueryParameters(["lat": "23.02", "k": "7"]).string("k") == "7")
    }

    @Test(arguments: [
        ("23.02", "23.02"), ("  23.02", "23.02"), ("23.02 \t", "23.02"), ("\t a b \t", "a b"), ("", ""), (" \t ", ""),
        // A space that carries a combining accent is a character of its own, not a blank.
        (" \u{301}x ", " \u{301}x"), ("营业厅 ", "营业厅"),
    ])
    func trimmingKeepsToSpacesAndTabs(text: String, trimmed: String) {
        #expect(text.trimmedSpaces == trimmed)
        #expect(text[...].trimmedSpaces == trimmed)
    }

    @Test func aQueryStringIsSplitAndItsValuesDecoded() throws {
        let parameters = QueryParameters(queryString: "lat=23.02&&lon=113%2E75&name=%E8%90%A5%E4%B8%9A%E5%8E%85&q=a+b&bad=%E8%9&flag&k=3&k=9&empty=")
        #expect(try parameters.latitudeLongitude() == Coordinate(latitude: 23.02, longitude: 113.75))
        #expect(parameters.string("name") == "营业厅")
        #expect(parameters.string("q") == "a+b", "a plus sign is not a space in a query value")
        #expect(parameters.string("bad") == "%E8%9", "a malformed escape keeps the value as sent")
        #expect(parameters.string("flag") == nil && parameters.string("empty") == nil)
        #expect(try parameters.integer("k", default: 5, in: 1...100) == 9)
        #expect(QueryParameters(queryString: "").string("k") == nil)
        #expect(QueryParameters(queryString: "a=b=c").string("a") == "b=c", "a value keeps every '=' after the first")
    }
}
