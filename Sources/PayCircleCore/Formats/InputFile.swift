import Foundation

/// Reading an input file whole, a failure becoming an ``InputError`` that names the path.
public enum InputFile {
    public static func contents(of url: URL) throws(InputError) -> Data {
        do { return try Data(contentsOf: url) } catch {
            throw InputError("cannot read the file: \(error.localizedDescription)", source: url.path)
        }
    }
}
