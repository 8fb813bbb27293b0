import ArgumentParser
import PayCircleCore

/// `--max-file-mib` and `--max-features` of the import commands; unset, each command's own defaults hold.
struct ImportLimitOptions: ParsableArguments {
    @Option(name: .customLong("max-file-mib"), help: "The largest file accepted, in MiB (default: 256; OSM files 8192).")
    var maxFileMiB: Int?
    @Option(name: .customLong("max-features"), help: "The most rows, features or OSM nodes and ways accepted (default: 1,000,000 points; 100,000 areas; 400,000,000 OSM elements).")
    var maxFeatures: Int?

    func validate() throws {
        if let maxFileMiB, maxFileMiB <= 0 { throw ValidationError("--max-file-mib must be a positive number of MiB") }
        if let maxFeatures, maxFeatures <= 0 { throw ValidationError("--max-features must be positive") }
    }

    /// `defaults` with the options given on the command line in place of its values.
    func limits(overriding defaults: ImportLimits) -> ImportLimits {
        var limits = defaults
        if let maxFileMiB { limits.maxFileBytes = Int64(maxFileMiB) << 20 }
        if let maxFeatures { limits.maxFeatures = maxFeatures }
        return limits
    }
}
