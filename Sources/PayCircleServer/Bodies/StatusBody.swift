import PayCircleCore

/// `PUT /v1/points/{id}/status`: `{"status": "offline"}`.
struct StatusBody: Decodable {
    let status: PointStatus

    init(from decoder: any Decoder) throws {
        status = try decoder.members(else: "expected an object").required(oneOf: PointStatus.self, BodyKey("status"))
    }
}
