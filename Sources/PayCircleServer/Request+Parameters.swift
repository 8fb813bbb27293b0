import Hummingbird
import PayCircleCore

extension Request {
    /// The query string as ``QueryParameters``; a repeated name keeps its last value.
    var queryParameters: QueryParameters {
        var values: [String: String] = [:]
        for (name, value) in uri.queryParameters { values[String(name)] = String(value) }
        return QueryParameters(values)
    }
}
