import PayCircleCore

/// `POST /v1/points` and `PUT /v1/points/{id}`: the fields of `import points` as one JSON object; text as
/// is, numbers as written, lists joined with commas, null and unknown names left out.
struct PointBody: Decodable {
    let record: PointRecord

    init(from decoder: any Decoder) throws {
        let members = try decoder.members(else: "expected an object")
        var fields: [String: String] = [:]
        for name in PointRecord.fieldNames {
            let key = BodyKey(name)
            guard members.contains(key), try !members.decodeNil(forKey: key) else { continue }
            if let text = try? members.decode(String.self, forKey: key) {
                fields[name] = text
            } else if let number = try? members.decode(Double.self, forKey: key) {
                fields[name] = number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
            } else if let list = try? members.decode([String].self, forKey: key) {
                fields[name] = list.joined(separator: ",")
            } else {
                throw InputError("expected text, a number or a list of text", field: name)
            }
        }
        record = PointRecord(fields)
    }
}
