import Foundation

/// Reading an input file whole, a failure becoming an ``InputError`` that names the path.
public enum InputFile {
    /// The bytes of the file at `url`, refused before reading when it is larger than `limits` allow.
    public static func contents(of url: URL, limits: ImportLimits) throws(InputError) -> Data {
        try limits.checkSize(of: url)
        do { return try Data(contentsOf: url) } catch {
            throw InputError("cannot read the file: \(error.localizedDescription)", source: url.path)
        }
    }
}
