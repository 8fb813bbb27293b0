import Hummingbird
import PayCircleCore

extension Request {
    /// The query string as ``QueryParameters``; a repeated name keeps its last value.
    var queryParameters: QueryParameters {
        QueryParameters(pairs: uri.queryParameters.lazy.map { (name: String($0.key), value: String($0.value)) })
    }
}
