import Foundation
import Hummingbird
import HummingbirdTesting
import PayCircleCore
import PayCircleNetwork
import PayCircleServer
import PayCircleSpatiaLite
import PayCircleStore
import PayCircleTestSupport
import Testing
import PayCircleSimulation

/// Hostile text in the data reaches the map pages as text. Points imported from CSV (as `import points`
/// reads them), from OSM XML (as `import osm` does, streets included) and through the admin API carry
/// attribute breakers, script, image and SVG tags, `javascript:` links, quotes, ampersands, escaped
/// entities and Chinese in their names, addresses and hours, and so do the streets (route steps) and the
/// population areas (gaps). Headless Chromium loads `/`, the hostile hall's `/screen` and `/planner`
/// (Tools/reference/page_probe.py): no dialog opens, no script of the data runs, no element is injected,
/// nothing is logged as an error, every name shows exactly as typed, and each page is sent with its
/// Content-Security-Policy. Screenshots are kept in test-artifacts/.
@Suite(.serialized) struct HostileNameBrowserTests {
    static let plane = LocalPlane(origin: Coordinate(latitude: 23.02, longitude: 113.75))

    /// Text that breaks out of an attribute or of text, runs script where parsed as HTML, or shows
    /// mangled where escaped twice or decoded once too often.
    static let corpus = [
        #""><b id=pwn>bold</b>"#,
        #"</script><script>window.__pwned=1</script>"#,
        #"<img src=x onerror="window.__pwned=1">"#,
        #"<svg onload="window.__pwned=1">"#,
        "javascript:window.__pwned=1",
        #"' onmouseover='window.__pwned=1' x='"#,
        #"<a href="javascript:window.__pwned=1">link</a>"#,
        #"<iframe srcdoc="<script>parent.__pwned=1</script>">"#,
        #"O'Brien's "Pay & Go" <kiosk>"#,
        #"&lt;b id=pwn&gt;entity&amp;&#39;"#,
        #"电费 & 水费 <缴费> "网点" '营业厅'"#,
    ]

    /// The hall whose screen is loaded; its id is hostile too (it reaches the page in `data-hall`).
    static let hallID = #"hall-1"><img src=x onerror="window.__pwned=1">"#
    static let hallName = #"南城营业厅 "><b id=pwn>厅</b> & 'x'"#

    /// One street per row (rows 0–8) and per column (9–17) of the 9 × 9 grid, each a hostile name.
    static let streetNames = (0..<18).map { "\(corpus[$0 % corpus.count]) \($0 < 9 ? "东西\($0)路" : "南北\($0 - 9)街")" }

    static let nearName = #"<svg onload="window.__pwned=1"> 城区"#
    static let farName = #""><b id=pwn>远郊</b> & 'x'"#

    /// The Content-Security-Policy Chromium enforces in case the server sends none (the test also
    /// expects the server's own).
    static let policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'"

    /// A payment point as each of the three sources gives it.
    struct Channel: Sendable {
        var id: String
        var name: String
        var kind: String
        var hours: String
        var address: String
        var location: Coordinate
    }

    /// Every corpus name once for each source, spread over the grid; kiosks and booths open 24/7, the rest
    /// with hours of their own (one CSV agency's hostile hours cannot be read).
    static func channels(source: String, seed: UInt64) -> [Channel] {
        var random = SeededGenerator(seed: seed)
        let kinds = [("kiosk", "24/7"), ("bank_booth", "24/7"), ("agency", "Mo-Su 07:00-23:00"), ("hall", "Mo-Fr 08:30-17:30")]
        return corpus.enumerated().map { index, name in
            let (kind, hours) = kinds[index % kinds.count]
            let location = plane.unproject(x: Double.random(in: 60...1_140, using: &random), y: Double.random(in: 60...1_140, using: &random))
            return Channel(id: "\(source)-\(index)", name: name, kind: kind, hours: hours, address: corpus[corpus.count - 1 - index], location: location)
        }
    }

    static let csvChannels = channels(source: "csv", seed: 1)
    static let osmChannels = channels(source: "osm", seed: 2)
    static let apiChannels = channels(source: "api", seed: 3)
    static var names: [String] { [hallName] + corpus }

    /// Text inside a double-quoted XML attribute.
    static func xml(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&apos;")
    }

    /// A CSV field, always quoted.
    static func csv(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// The 9 × 9 street grid 150 m apart as OSM XML, every street a named residential way, and the OSM
    /// channels as tagged nodes.
    static func osmDocument() -> String {
        var lines = [#"<?xml version="1.0" encoding="UTF-8"?>"#, #"<osm version="0.6" generator="PayCircle tests">"#]
        for row in 0..<9 {
            for column in 0..<9 {
                let at = plane.unproject(x: Double(column) * 150, y: Double(row) * 150)
                lines.append(#"<node id="\#(row * 9 + column + 1)" lat="\#(at.latitude)" lon="\#(at.longitude)"/>"#)
            }
        }
        let tags = ["hall": ("office", "energy_supplier"), "kiosk": ("amenity", "payment_terminal"), "bank_booth": ("amenity", "atm"), "agency": ("shop", "convenience")]
        for (index, channel) in osmChannels.enumerated() {
            let (key, value) = tags[channel.kind]!
            lines.append(#"<node id="\#(1_001 + index)" lat="\#(channel.location.latitude)" lon="\#(channel.location.longitude)">"#)
            for (k, v) in [(key, value), ("name", channel.name), ("opening_hours", channel.hours), ("addr:full", channel.address)] {
                lines.append(#"  <tag k="\#(xml(k))" v="\#(xml(v))"/>"#)
            }
            lines.append("</node>")
        }
        for street in 0..<18 {
            let nodes = (0..<9).map { street < 9 ? street * 9 + $0 + 1 : $0 * 9 + (street - 9) + 1 }
            lines.append(#"<way id="\#(street + 1)">"#)
            lines += nodes.map { #"  <nd ref="\#($0)"/>"# }
            lines.append(#"  <tag k="highway" v="residential"/>"#)
            lines.append(#"  <tag k="name" v="\#(xml(streetNames[street]))"/>"#)
            lines.append("</way>")
        }
        lines.append("</osm>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The hostile hall and the CSV channels as an `import points` file.
    static func csvDocument() -> String {
        var rows = ["id,name,kind,grade,services,opening_hours,address,lat,lon"]
        let hall = plane.unproject(x: 600, y: 610)
        rows.append([hallID, hallName, "hall", "A", "cash,card,invoice", "Mo-Fr 08:30-17:30", corpus[0], "\(hall.latitude)", "\(hall.longitude)"].map(csv).joined(separator: ","))
        for (index, channel) in csvChannels.enumerated() {
            let hours = channel.kind == "agency" && index == 2 ? #"Mo-Su 08:00-20:00 <script>window.__pwned=1</script>"# : channel.hours
            rows.append([channel.id, channel.name, channel.kind, channel.kind == "hall" ? "B" : "", "cash,card", hours, channel.address,
                         "\(channel.location.latitude)", "\(channel.location.longitude)"].map(csv).joined(separator: ","))
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }

    /// Two population areas as an `import areas` file: one over the grid, one 2.5 km east of it, out of
    /// reach (a gap).
    static func areasDocument() throws -> Data {
        func square(_ x0: Double, _ x1: Double) -> [[[Double]]] {
            let corners: [(x: Double, y: Double)] = [(x0, -20), (x1, -20), (x1, 1_220), (x0, 1_220), (x0, -20)]
            return [corners.map { corner in
                let at = plane.unproject(x: corner.x, y: corner.y)
                return [at.longitude, at.latitude]
            }]
        }
        func feature(_ id: String, _ name: String, _ population: Double, _ polygon: [[[Double]]]) -> [String: Any] {
            let properties: [String: Any] = ["id": id, "name": name, "population": population]
            let geometry: [String: Any] = ["type": "Polygon", "coordinates": polygon]
            return ["type": "Feature", "properties": properties, "geometry": geometry]
        }
        let collection: [String: Any] = ["type": "FeatureCollection",
                                         "features": [feature("near", nearName, 6_000, square(-20, 1_220)), feature("far", farName, 2_000, square(3_700, 4_100))]]
        return try JSONSerialization.data(withJSONObject: collection)
    }

    /// A live server over the hostile city: OSM network and channels imported as `import osm` does, the
    /// CSV points and the areas read as `import points` and `import areas` read them, and the API
    /// channels posted with an admin token.
    static func withHostileCity(_ body: @Sendable (any TestClientProtocol, Int) async throws -> Void) async throws {
        let directory = try Reference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let registry = try await PointRegistry(store: SpatiaLiteStore(path: directory.appendingPathComponent("s.sqlite").path))

        let osm = directory.appendingPathComponent("city.osm")
        try Data(osmDocument().utf8).write(to: osm)
        let mapping = try ChannelMapping(contentsOf: Reference.repositoryRoot.appendingPathComponent("GeoData/channels.json"))
        let imported = try await OSMImporter(mapping: mapping).importFile(osm, into: registry)
        #expect(imported.points == osmChannels.count && imported.networkEdges == 18 * 8, "\(imported)")

        let csv = directory.appendingPathComponent("points.csv")
        try Data(csvDocument().utf8).write(to: csv)
        try await registry.apply(PointChange(upserts: try PointFileReader.read(contentsOf: csv)))

        let areas = directory.appendingPathComponent("areas.geojson")
        try areasDocument().write(to: areas)
        try await registry.store.replaceAreas(try AreaFileReader.read(contentsOf: areas))

        let admin = try await registry.store.createToken(name: "hostile data", role: .admin).secret
        let service = try await PayCircleService.loading(registry)
        #expect(service.leaflet != nil, "Leaflet (libjs-leaflet) is not installed")
        let app = Application(router: service.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            for channel in Self.apiChannels {
                let object: [String: Any] = ["id": channel.id, "name": channel.name, "kind": channel.kind, "opening_hours": channel.hours,
                                             "services": ["card", "qr"], "address": channel.address,
                                             "lat": channel.location.latitude, "lon": channel.location.longitude]
                var headers = HTTPFields()
                headers[.authorization] = "Bearer " + admin
                headers[.contentType] = "application/json"
                let json = try JSONSerialization.data(withJSONObject: object)
                try await client.execute(uri: "/v1/points", method: .post, headers: headers, body: ByteBuffer(bytes: json)) { response in
                    #expect(response.status == .created, "\(channel.id): \(String(buffer: response.body))")
                }
            }
            #expect(registry.index.count == 1 + Self.csvChannels.count + Self.osmChannels.count + Self.apiChannels.count)
            try await body(client, try #require(client.port))
        }
    }

    /// What page_probe.py saw on one page.
    struct PageReport: Decodable, Sendable {
        var dialogs: [String]?
        var errors: [String]?
        var violations: [String]?
        var pwned: String?
        var injected: [String]?
        var state: String?
        var data: [String: String]?
        var title: String?
        var heading: String?
        var summary: String?
        var panel: String?
        var items: [String: [String]]?
        var tooltips: [String]?
        var hovered: [String]?
        var servedPolicy: String?
        var failure: String?

        enum CodingKeys: String, CodingKey {
            case dialogs, errors, violations, pwned, injected, state, data, title, heading, summary, panel, items, tooltips, hovered, failure
            case servedPolicy = "served_policy"
        }

        func list(_ id: String) -> [String] { items?[id] ?? [] }
    }

    /// The probe printed something other than its report.
    struct ProbeFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Loads `path` in Chromium through the probe (clicking the map first when asked) and keeps a screenshot.
    static func probe(_ port: Int, _ path: String, clickMap: Bool = false, screenshot: String) async throws -> PageReport {
        let artifacts = Reference.repositoryRoot.appendingPathComponent("test-artifacts")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let script = Reference.repositoryRoot.appendingPathComponent("Tools/reference/page_probe.py").path
        let arguments = ["python3", script, "http://127.0.0.1:\(port)\(path)", "--policy", policy,
                         "--screenshot", artifacts.appendingPathComponent(screenshot).path] + (clickMap ? ["--click-map"] : [])
        let output = try await ExternalProgram.run("/usr/bin/env", arguments)
        do {
            return try JSONDecoder().decode(PageReport.self, from: Data(output.utf8))
        } catch {
            throw ProbeFailure(description: "page_probe.py printed no report: \(output.prefix(2_000))")
        }
    }

    /// Nothing of the data ran, opened, was injected or went wrong on the page.
    static func expectHarmless(_ page: PageReport, _ name: String) {
        #expect(page.failure == nil, "\(name): \(page.failure ?? "")")
        #expect(page.state == "ready" && page.data?["errors"] == "0", "\(name): \(page.data ?? [:]), \(page.panel ?? "")")
        #expect(page.dialogs?.isEmpty == true, "\(name): dialogs \(page.dialogs ?? [])")
        #expect(page.pwned == nil, "\(name): window.__pwned = \(page.pwned ?? "")")
        #expect(page.injected?.isEmpty == true, "\(name): injected \(page.injected ?? [])")
        #expect(page.errors?.isEmpty == true, "\(name): errors \(page.errors ?? [])")
        #expect(page.violations?.isEmpty == true, "\(name): policy violations \(page.violations ?? [])")
    }

    /// Every marker's tooltip is a name exactly as typed, marked " · 24h" for 24-hour channels; every
    /// name in `expected` has one; hovering showed some.
    static func expectTooltips(_ page: PageReport, naming expected: [String], _ name: String) {
        let tooltips = page.tooltips ?? []
        let isName = { (text: String) in names.contains { text == $0 || text == $0 + " · 24h" } }
        #expect(!tooltips.isEmpty && tooltips.allSatisfy(isName), "\(name): tooltips \(tooltips)")
        for expectedName in expected {
            #expect(tooltips.contains { $0 == expectedName || $0 == expectedName + " · 24h" }, "\(name): no tooltip reads \(expectedName)")
        }
        #expect(page.hovered?.isEmpty == false && (page.hovered ?? []).allSatisfy(isName), "\(name): hovered \(page.hovered ?? [])")
    }

    /// A route step names a street exactly as typed: "Head east on NAME", "Turn left onto NAME", with
    /// `after` following the name.
    static func namesAStreet(_ step: String, followedBy after: String) -> Bool {
        streetNames.contains { step.contains(" on " + $0 + after) || step.contains(" onto " + $0 + after) }
    }

    /// The page answered with a Content-Security-Policy without inline script or style, and Chromium saw it.
    static func expectPolicy(_ client: any TestClientProtocol, _ path: String, _ page: PageReport) async throws {
        let header = try await client.execute(uri: path, method: .get) { response in response.headers[.contentSecurityPolicy] }
        let directives = (header ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        for directive in ["default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'none'"] {
            #expect(directives.contains(directive), "\(path): Content-Security-Policy \(header ?? "missing") lacks \(directive)")
        }
        #expect(!(header ?? "").contains("unsafe-"), "\(path): \(header ?? "")")
        #expect(page.servedPolicy == header, "\(path): Chromium saw \(page.servedPolicy ?? "no policy")")
    }

    @Test func theGeneralViewShowsEveryHostileNameAsText() async throws {
        try await Self.withHostileCity { client, port in
            let page = try await Self.probe(port, "/", clickMap: true, screenshot: "hostile-general.png")
            Self.expectHarmless(page, "/")
            #expect(page.data?["channels"] == String(1 + Self.corpus.count * 3))
            Self.expectTooltips(page, naming: Self.names, "/")
            // The click's route: each step but the arrival names a hostile street as typed.
            let steps = page.list("steps")
            #expect(steps.count == Int(page.data?["route"] ?? "") && steps.count >= 2, "\(steps)")
            #expect(steps.dropLast().allSatisfy { Self.namesAStreet($0, followedBy: "") }, "\(steps)")
            #expect(Self.names.contains { page.summary?.hasSuffix("→ " + $0) == true }, "\(page.summary ?? "")")
            try await Self.expectPolicy(client, "/", page)
        }
    }

    @Test func theHostileHallsScreenShowsNamesStepsAndWaitsAsText() async throws {
        try await Self.withHostileCity { client, port in
            let hall = Self.hallID.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789-"))!
            // A Tuesday morning in Beijing, when every channel is open.
            let path = "/screen?hall=\(hall)&at=2026-11-24T10:00:00%2B08:00"
            let page = try await Self.probe(port, path, screenshot: "hostile-screen.png")
            Self.expectHarmless(page, "/screen")
            #expect(page.title == Self.hallName + " · 缴费导航" && page.heading == Self.hallName + " · 缴费导航", "\(page.title ?? "") / \(page.heading ?? "")")
            #expect(page.data?["hall"] == Self.hallID && page.data?["isochrone"] == "1")
            Self.expectTooltips(page, naming: [Self.hallName], "/screen")
            // The nearby channels ("NAME[24h] 3.2 分钟 min"), the other halls ("NAME wait · walk") and the
            // steps of the walk ("Turn left onto NAME 150 m") each begin with or hold a name as typed.
            let channels = page.list("channels"), halls = page.list("halls"), steps = page.list("steps")
            #expect(!channels.isEmpty && String(channels.count) == page.data?["channels"], "\(channels)")
            #expect(channels.allSatisfy { item in Self.corpus.contains { item.hasPrefix($0) } && item.hasSuffix(" 分钟 min") }, "\(channels)")
            #expect(!halls.isEmpty && String(halls.count) == page.data?["halls"], "\(halls)")
            #expect(halls.allSatisfy { item in Self.corpus.contains { item.hasPrefix($0 + " ") } && item.hasSuffix(" 分钟 walk") }, "\(halls)")
            #expect(steps.count >= 2 && String(steps.count) == page.data?["route"], "\(steps)")
            #expect(steps.dropLast().allSatisfy { Self.namesAStreet($0, followedBy: " ") }, "\(steps)")
            #expect(Self.corpus.contains { page.summary?.hasSuffix("→ " + $0) == true }, "\(page.summary ?? "")")
            #expect(page.panel?.hasPrefix(Self.hallName + " · 缴费导航") == true, "\(page.panel ?? "")")
            try await Self.expectPolicy(client, path, page)
        }
    }

    @Test func thePlannerShowsHostileGapNamesAsTextAndIgnoresAHostileHour() async throws {
        try await Self.withHostileCity { client, port in
            let path = "/planner?hour=%22%3E%3Cb%20id%3Dpwn%3E"
            let page = try await Self.probe(port, path, screenshot: "hostile-planner.png")
            Self.expectHarmless(page, "/planner")
            Self.expectTooltips(page, naming: Self.names, "/planner")
            // The far area is out of reach: a gap listed by its name as typed ("NAME 2000 人 people").
            let gaps = page.list("channels")
            #expect(Int(page.data?["gaps"] ?? "") ?? 0 >= 1 && String(gaps.count) == page.data?["gaps"], "\(gaps)")
            #expect(gaps.contains { $0.hasPrefix(Self.farName + " ") && $0.hasSuffix(" 人 people") }, "\(gaps)")
            #expect(gaps.allSatisfy { $0.hasPrefix(Self.farName + " ") || $0.hasPrefix(Self.nearName + " ") }, "\(gaps)")
            try await Self.expectPolicy(client, "/planner", page)
        }
    }

    /// The dashboard draws the hostile city's names in its hall table and map tooltips as text: no dialog,
    /// no injected element, no policy violation, every tooltip a channel's name as typed.
    @Test func theDashboardShowsHostileNamesAsText() async throws {
        try await Self.withHostileCity { client, port in
            let page = try await Self.probe(port, "/dashboard", screenshot: "hostile-dashboard.png")
            Self.expectHarmless(page, "/dashboard")
            let tooltips = page.tooltips ?? []
            #expect(!tooltips.isEmpty && tooltips.allSatisfy { tip in Self.names.contains { tip.hasPrefix($0 + " · ") } }, "tooltips \(tooltips)")
            try await Self.expectPolicy(client, "/dashboard", page)
        }
    }
}
