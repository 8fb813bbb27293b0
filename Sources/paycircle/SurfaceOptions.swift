import ArgumentParser
import PayCircleServer

/// How `serve` protects itself on the open internet (see ``PublicSurface``).
struct SurfaceOptions: ParsableArguments {
    @Option(help: "Per-client rate limits: on (the documented defaults) or off (for benchmarks).")
    var rateLimit = "on"
    @Option(help: ArgumentHelp("A proxy (CIDR, e.g. 10.0.0.0/8) whose X-Forwarded-For names the client; repeat for several.", valueName: "cidr"))
    var trustedProxy: [String] = []
    @Option(help: "Heavy requests (planning, streets, long isochrones, maps) running at once (default: half the cores, at least 1).")
    var heavySlots = PublicSurface.defaultHeavySlots
    @Option(help: "Heavy requests waiting for a slot; more are answered 503.")
    var heavyQueue = 4
    @Option(help: "Seconds a heavy request may take from its arrival before it is answered 503.")
    var timeLimit = 10.0
    @Option(help: "Seconds before a connection with no request in progress (or a request head still arriving) is closed.")
    var idleTimeout = 15.0
    @Option(help: ArgumentHelp("Who may frame the pages (Content-Security-Policy frame-ancestors), e.g. https://portal.example.cn; repeat for several.",
                               valueName: "source"))
    var frameAncestor: [String] = []
    @Option(help: "The address clients reach the service at (e.g. https://pay.example.cn), for links in answers.")
    var publicURL: String?

    func validate() throws {
        guard rateLimit == "on" || rateLimit == "off" else { throw ValidationError("--rate-limit: expected on or off, not '\(rateLimit)'") }
        for block in trustedProxy where AddressBlock(block) == nil {
            throw ValidationError("--trusted-proxy: '\(block)' is not an address or CIDR block such as 10.0.0.0/8 or ::1/128")
        }
        guard heavySlots >= 1 else { throw ValidationError("--heavy-slots: at least 1") }
        guard heavyQueue >= 0 else { throw ValidationError("--heavy-queue: 0 or more") }
        guard timeLimit > 0, timeLimit <= 600 else { throw ValidationError("--time-limit: seconds from above 0 to 600") }
        guard idleTimeout >= 1, idleTimeout <= 3_600 else { throw ValidationError("--idle-timeout: seconds from 1 to 3600") }
        for source in frameAncestor where source.contains(";") || source.contains(",") || source.contains(where: \.isWhitespace) {
            throw ValidationError("--frame-ancestor: '\(source)' is not one source (no spaces, commas or semicolons)")
        }
        if let publicURL, !(publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://")) || publicURL.contains(where: \.isWhitespace) {
            throw ValidationError("--public-url: expected an http:// or https:// address, not '\(publicURL)'")
        }
    }

    var surface: PublicSurface {
        PublicSurface(rateLimits: rateLimit == "off" ? nil : .standard, trustedProxies: TrustedProxies(trustedProxy.compactMap(AddressBlock.init)),
                      heavySlots: heavySlots, heavyQueue: heavyQueue, timeLimit: .milliseconds(Int(timeLimit * 1_000)),
                      idleTimeout: .milliseconds(Int(idleTimeout * 1_000)), frameAncestors: frameAncestor.isEmpty ? ["'self'"] : frameAncestor,
                      publicURL: publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 })
    }
}
