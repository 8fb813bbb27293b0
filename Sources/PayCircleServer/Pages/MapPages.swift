/// The HTML shell of the map pages: Leaflet and the page script from this service, a map and a side
/// panel; the script draws everything from the API. `data` becomes `data-*` attributes of the body.
enum MapPages {
    static func page(view: String, title: String, data: [String: String] = [:]) -> String {
        let attributes = data.sorted { $0.key < $1.key }.map { " data-\($0.key)=\"\(escaped($0.value))\"" }.joined()
        return """
        <!doctype html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escaped(title))</title>
        <link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/assets/leaflet.css">
        <link rel="stylesheet" href="/assets/paycircle.css">
        </head>
        <body class="\(view)" data-view="\(view)" data-state="loading"\(attributes)>
        <main>
        <div id="map"></div>
        <aside id="panel">
        <h1 id="title">\(escaped(title))</h1>
        <div id="controls"></div>
        <p id="summary"></p>
        <ol id="steps"></ol>
        <h2 id="channels-title"></h2>
        <ul id="channels"></ul>
        <h2 id="halls-title"></h2>
        <ul id="halls"></ul>
        <h2 id="quiet-title"></h2>
        <ul id="quiet"></ul>
        <p id="status"></p>
        </aside>
        </main>
        <script src="/assets/leaflet.js"></script>
        <script src="/assets/paycircle.js"></script>
        </body>
        </html>

        """
    }

    /// Text safe inside HTML text and double-quoted attributes.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
