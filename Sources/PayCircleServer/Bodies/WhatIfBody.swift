import Foundation
import PayCircleCore
import PayCirclePlanning

/// `POST /v1/coverage/what-if`: `{"add": [{"lat", "lon"}], "remove": ["id", …], "minutes"?, "at"?, "kind"?,
/// "unknown_hours"?, "bbox"?}`; `minutes` to `unknown_hours` as the query parameters of `/v1/coverage`, and
/// `bbox` (`minLon,minLat,maxLon,maxLat`) for the street times of the box.
struct WhatIfBody: Decodable {
    let whatIf: WhatIf
    /// The coverage parameters as `/v1/coverage` takes them.
    let parameters: [String: String]

    init(from decoder: any Decoder) throws {
        let members = try decoder.members(else: "expected an object")
        let sites = try members.optional([[String: Double]].self, BodyKey("add"), else: "expected an array of {\"lat\", \"lon\"}") ?? []
        guard sites.count <= WhatIf.maxAdded else { throw InputError("expected at most \(WhatIf.maxAdded) sites", field: "add") }
        var add: [Coordinate] = []
        for (index, site) in sites.enumerated() {
            guard let lat = site["lat"], let lon = site["lon"], abs(lat) <= 90, abs(lon) <= 180 else {
                throw InputError("expected {\"lat\": -90…90, \"lon\": -180…180}", field: "add[\(index)]")
            }
            add.append(Coordinate(latitude: lat, longitude: lon))
        }
        let remove = try members.optional([String].self, BodyKey("remove"), else: "expected an array of point ids") ?? []
        guard remove.count <= WhatIf.maxRemoved else { throw InputError("expected at most \(WhatIf.maxRemoved) ids", field: "remove") }
        whatIf = WhatIf(add: add, remove: remove)
        var parameters: [String: String] = [:]
        if let minutes = try members.optional(Double.self, BodyKey("minutes"), else: "expected whole minutes from 1 to 60") {
            guard minutes == minutes.rounded(), abs(minutes) < 1e6 else { throw InputError("expected whole minutes from 1 to 60", field: "minutes") }
            parameters["minutes"] = String(Int(minutes))
        }
        for name in ["at", "kind", "unknown_hours", "bbox"] {
            parameters[name] = try members.optional(String.self, BodyKey(name), else: "expected a string, as the query parameter of /v1/coverage")
        }
        self.parameters = parameters
    }
}
