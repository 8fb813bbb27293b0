import Foundation
import Hummingbird
import PayCircleCore

/// Request bodies as `Decodable` types, read in one place: at most ``maxBytes`` (413 above), a JSON
/// object (400 "the body must be a JSON object" otherwise), and every other decoding failure a 400 that
/// names the field by its path (`services.cash.waiting`). Body types throw ``InputError`` with their own
/// wording (see ``BodyField``); errors of the decoder itself are worded here.
///
/// ```swift
/// let body = try await RequestBody.decode(StatusBody.self, from: request)
/// ```
enum RequestBody {
    static var maxBytes: Int { 64 * 1024 }

    static func decode<Body: Decodable>(_ type: Body.Type, from request: Request) async throws -> Body {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: maxBytes) } catch {
            throw APIError(status: .contentTooLarge, code: "too_large", message: "the body is larger than \(maxBytes) bytes")
        }
        do {
            return try JSONDecoder().decode(Body.self, from: Data(buffer: buffer))
        } catch let error as InputError {
            throw APIError.badRequest(error)
        } catch let error as DecodingError {
            throw APIError.badRequest(Self.inputError(error))
        }
    }

    /// What a decoder's own error says, at the field it names.
    static func inputError(_ error: DecodingError) -> InputError {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            guard !context.codingPath.isEmpty else { return InputError("the body must be a JSON object") }
            return InputError("has the wrong type", field: BodyField.path(context.codingPath))
        case .keyNotFound(let key, let context):
            return InputError("is required", field: BodyField.path(context.codingPath + [key]))
        case .dataCorrupted(let context):
            guard !context.codingPath.isEmpty else { return InputError("the body must be a JSON object") }
            return InputError("is not valid", field: BodyField.path(context.codingPath))
        @unknown default:
            return InputError("the body must be a JSON object")
        }
    }
}

/// A coding key for any member name, for objects whose names are data (services by name, point fields).
struct BodyKey: CodingKey, Hashable {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Reading one member of a body with the body's own wording for what was expected.
enum BodyField {
    /// `services.cash.waiting`: the member's path as the error's `field`.
    static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map(\.stringValue).joined(separator: ".")
    }
}

extension KeyedDecodingContainer {
    /// The member `key` as `T`, nil when absent or null; `expectation` (e.g. "expected a number") when
    /// it is there but not a `T`.
    func optional<T: Decodable>(_ type: T.Type, _ key: Key, else expectation: String) throws(InputError) -> T? {
        do {
            guard contains(key), try !decodeNil(forKey: key) else { return nil }
            return try decode(T.self, forKey: key)
        } catch {
            throw InputError(expectation, field: BodyField.path(codingPath + [key]))
        }
    }

    /// The member `key` as `T`; `expectation` when it is absent, null or not a `T`.
    func required<T: Decodable>(_ type: T.Type, _ key: Key, else expectation: String) throws(InputError) -> T {
        guard let value = try optional(T.self, key, else: expectation) else {
            throw InputError(expectation, field: BodyField.path(codingPath + [key]))
        }
        return value
    }

    /// The member `key` as one of `E`'s raw values; "expected one of …" when absent or anything else.
    func required<E: CaseIterable & RawRepresentable>(oneOf type: E.Type, _ key: Key) throws(InputError) -> E where E.RawValue == String {
        let expectation = "expected one of \(E.allCases.map(\.rawValue).joined(separator: ", "))"
        guard let value = E(rawValue: try required(String.self, key, else: expectation)) else {
            throw InputError(expectation, field: BodyField.path(codingPath + [key]))
        }
        return value
    }
}

extension Decoder {
    /// The body's members by name; `expectation` when the value here is not an object.
    func members(else expectation: String) throws(InputError) -> KeyedDecodingContainer<BodyKey> {
        do { return try container(keyedBy: BodyKey.self) } catch {
            if codingPath.isEmpty { throw InputError("the body must be a JSON object") }
            throw InputError(expectation, field: BodyField.path(codingPath))
        }
    }
}
