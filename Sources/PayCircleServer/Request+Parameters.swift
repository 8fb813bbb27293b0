import Hummingbird
import PayCircleCore

extension Request {
    /// The query string as ``QueryParameters``; a repeated name keeps its last value.
    var queryParameters: QueryParameters {
        QueryParameters(queryString: uri.query.map { $0[...] } ?? "")
    }
}
