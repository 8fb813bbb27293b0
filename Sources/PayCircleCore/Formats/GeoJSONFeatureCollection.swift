import Foundation

/// What every GeoJSON reader starts with: the `features` array of a FeatureCollection.
public enum GeoJSONFeatureCollection {
    /// The `features` array of a GeoJSON FeatureCollection, as decoded JSON values.
    public static func features(in data: Data) throws(InputError) -> [Any] {
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data) } catch {
            throw InputError("not valid JSON: \(error.localizedDescription)")
        }
        guard let collection = root as? [String: Any], collection["type"] as? String == "FeatureCollection",
              let features = collection["features"] as? [Any] else {
            throw InputError("expected a GeoJSON FeatureCollection with a 'features' array", field: "type")
        }
        return features
    }
}
