/// The script of the map pages. It draws from the API only — streets from `/v1/streets` as a vector layer
/// (no tile server), channels from `/v1/nearest` or `/v1/points`, routes, isochrones, coverage and gaps —
/// and records what it drew, and any script error, in `data-*` attributes of the body for tests.
///
/// Every string from the data (names, route steps, gap names) reaches the page as text: the panel's
/// content and Leaflet's tooltips are elements built here, with strings appended as text nodes. Nothing
/// is parsed as HTML, and nothing needs inline script or style, so the pages run under a
/// Content-Security-Policy of `script-src 'self'; style-src 'self'`.
enum MapScript {
    static let text = PageScriptBasics.text + #"""
    async function getJSON(url) {
      const response = await fetch(url);
      const answer = await response.json();
      if (!response.ok) throw new Error(answer.error ? answer.error.message : response.statusText);
      return answer;
    }

    function text(id, value) { document.getElementById(id).textContent = value; }
    function item(list, ...children) { document.getElementById(list).append(element("li", null, ...children)); }
    function badge(value) { return element("span", "badge", value); }
    // Leaflet shows an element as it is, where it would parse a string as HTML.
    function label(value) { return element("span", null, value); }
    function minutes(seconds) { return (seconds / 60).toFixed(1); }
    function is24h(channel) { return channel.opening_hours === "24/7"; }

    function newMap() {
      const map = L.map("map", { zoomControl: body.dataset.view !== "screen", preferCanvas: true });
      map.attributionControl.setPrefix(false);
      map.attributionControl.addAttribution("© OpenStreetMap contributors, ODbL · PayCircle");
      return map;
    }

    function bboxOf(bounds) { return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()].map((v) => v.toFixed(6)).join(","); }

    // Walking-time colours: green at 0, yellow at half the limit, orange at the limit, dark red at twice.
    function walkColour(seconds, limit) {
      if (seconds === null || seconds === undefined) return "#808080";
      const stops = [[0, [26, 152, 80]], [0.5, [255, 215, 0]], [1, [255, 140, 0]], [2, [139, 0, 0]]];
      const t = Math.min(2, Math.max(0, seconds / limit));
      for (let i = 1; i < stops.length; i++) {
        if (t <= stops[i][0]) {
          const [t0, c0] = stops[i - 1], [t1, c1] = stops[i], f = (t - t0) / (t1 - t0);
          return "rgb(" + c0.map((c, k) => Math.round(c + (c1[k] - c) * f)).join(",") + ")";
        }
      }
      return "rgb(139,0,0)";
    }

    // Draws the streets in `bounds`; `byId`, when given, is filled with each edge's layer by its id.
    async function drawStreets(map, bounds, query, byId) {
      const streets = await getJSON("/v1/streets?bbox=" + bboxOf(bounds) + (query || ""));
      const limit = 600;
      L.geoJSON(streets, {
        style: (feature) => query
          ? { color: walkColour(feature.properties.walk_s, limit), weight: 3, opacity: 0.9 }
          : { color: feature.properties.highway === "footway" || feature.properties.highway === "steps" ? "#b6b0a6" : "#8c95a3", weight: 2 },
        onEachFeature: (feature, layer) => { if (byId) byId.set(feature.properties.id, layer); },
      }).addTo(map);
      body.dataset.streets = String(streets.features.length);
      return streets.features.length;
    }

    function channelMarker(channel, highlight) {
      const open = channel.open;
      const marker = L.circleMarker([channel.lat, channel.lon], {
        radius: is24h(channel) ? 9 : 7, weight: is24h(channel) ? 4 : 2,
        color: highlight ? "#f4b400" : "#ffffff", fillColor: open === false ? "#9e9e9e" : "#1f4e9c", fillOpacity: 0.95,
      });
      marker.bindTooltip(label(channel.name + (is24h(channel) ? " · 24h" : "")));
      return marker;
    }

    // The hall's navigation screen: its ten-minute isochrone, the streets, the nearest channels open now
    // (or at the page's data-at moment; 24-hour ones marked) and the walk to the nearest open 24-hour
    // kiosk or bank booth, with its steps.
    async function hallScreen() {
      const hall = await getJSON("/v1/points/" + encodeURIComponent(body.dataset.hall));
      text("title", hall.name + " · 缴费导航");
      const map = newMap();
      const isochrone = await getJSON("/v1/isochrone?lat=" + hall.lat + "&lon=" + hall.lon + "&minutes=10&format=geojson");
      const reach = L.geoJSON(isochrone, { style: { color: "#2b8cbe", weight: 2, fillColor: "#2b8cbe", fillOpacity: 0.12 } });
      map.fitBounds(reach.getBounds(), { padding: [24, 24] });
      await drawStreets(map, reach.getBounds().pad(0.1));
      reach.addTo(map);
      body.dataset.isochrone = "1";
      L.circleMarker([hall.lat, hall.lon], { radius: 12, color: "#ffffff", weight: 3, fillColor: "#d7301f", fillOpacity: 1 })
        .bindTooltip(label(hall.name), { permanent: true, direction: "top" }).addTo(map);

      const moment = body.dataset.at ? "&at=" + encodeURIComponent(body.dataset.at) : "";
      const nearest = await getJSON("/v1/nearest?lat=" + hall.lat + "&lon=" + hall.lon + "&k=8&by=walk" + moment);
      const channels = nearest.results.filter((c) => c.id !== hall.id && c.open !== false && c.reachable !== false);
      const selfService = (c) => c.kind === "kiosk" || c.kind === "bank_booth";
      const target = channels.find((c) => selfService(c) && is24h(c) && c.open === true) || channels.find(selfService) || channels[0];
      text("channels-title", "附近可缴费 · Nearby places to pay");
      for (const channel of channels) {
        channelMarker(channel, target && channel.id === target.id).addTo(map);
        item("channels", channel.name, is24h(channel) ? badge("24h") : null, " ", muted(minutes(channel.walk_s) + " 分钟 min"));
      }
      body.dataset.channels = String(channels.length);
      if (!target) { text("summary", "附近没有营业中的缴费点 · No open place to pay nearby"); body.dataset.state = "ready"; return; }

      const route = await getJSON("/v1/route?from=" + hall.lat + "," + hall.lon + "&to_point=" + encodeURIComponent(target.id));
      L.polyline(route.geometry.coordinates.map(([lon, lat]) => [lat, lon]), { color: "#f4b400", weight: 8, opacity: 0.95 }).addTo(map);
      text("summary", "步行 " + minutes(route.duration_s) + " 分钟 · " + Math.round(route.distance_m) + " 米 → " + target.name);
      for (const step of route.steps) item("steps", step.instruction, " ", muted(Math.round(step.distance_m) + " m"));
      body.dataset.route = String(route.steps.length);

      // The other halls nearby and their current waits, from their queue machines (or marked as estimates).
      const halls = await getJSON("/v1/nearest?lat=" + hall.lat + "&lon=" + hall.lon + "&k=6&kind=hall,bank_branch&by=time" + moment);
      const others = halls.results.filter((h) => h.id !== hall.id && h.reachable !== false);
      text("halls-title", others.length > 0 ? "其他营业厅排队 · Other halls' waits" : "");
      for (const other of others) {
        const wait = other.wait_s === null ? "暂停服务 · closed counters"
          : (other.wait_known ? "等候约 " + minutes(other.wait_s) + " 分钟 wait" : "等候未知 · wait unknown");
        item("halls", other.name, " ", muted(wait + " · 步行 " + minutes(other.walk_s) + " 分钟 walk"));
      }
      body.dataset.halls = String(others.length);
      body.dataset.hallWaitsKnown = String(others.filter((h) => h.wait_known && h.wait_s !== null).length);

      // Best time to come: this hall's quietest hours for the rest of the day, from its queue history.
      const service = (hall.services || [])[0] || "cash";
      const hasQueue = hall.kind === "hall" || hall.kind === "bank_branch";
      const quiet = hasQueue ? (await getJSON("/v1/halls/" + encodeURIComponent(hall.id) + "/forecast?service=" + encodeURIComponent(service) + moment)).today.quietest : [];
      text("quiet-title", quiet.length > 0 ? "今日较空闲时段 · Quieter hours today" : "");
      for (const hour of quiet) {
        item("quiet", String(hour.hour).padStart(2, "0") + ":00", " ", muted(hour.wait_s === null ? "等候未知 · wait unknown" : "等候约 " + minutes(hour.wait_s) + " 分钟 wait"));
      }
      body.dataset.quietHours = quiet.map((hour) => hour.hour).join(",");
      text("status", "更新于 Updated " + new Date().toLocaleTimeString("zh-CN"));
      body.dataset.state = "ready";
      setTimeout(() => location.reload(), 60000);
    }

    // The general view: every channel; click anywhere for the nearest by walking, the route (its step
    // count in data-route) and the ten-minute isochrone from there.
    async function generalView() {
      const map = newMap();
      const health = await getJSON("/healthz");
      const world = await getJSON("/v1/points?bbox=-180,-90,180,90&limit=5000");
      const points = L.geoJSON(world, { pointToLayer: (f, at) => channelMarker({ ...f.properties, lat: at.lat, lon: at.lng }, false) });
      if (world.features.length > 0) map.fitBounds(points.getBounds(), { padding: [24, 24] }); else map.setView([23.02, 113.75], 13);
      await drawStreets(map, map.getBounds());
      points.addTo(map);
      body.dataset.channels = String(world.features.length);
      text("summary", health.points + " 个缴费点 · places to pay. 点击地图查询 · Click the map for the nearest.");
      const overlay = L.layerGroup().addTo(map);
      map.on("click", async (event) => {
        overlay.clearLayers();
        document.getElementById("steps").replaceChildren();
        const { lat, lng } = event.latlng;
        const isochrone = await getJSON("/v1/isochrone?lat=" + lat + "&lon=" + lng + "&minutes=10&format=geojson");
        L.geoJSON(isochrone, { style: { color: "#2b8cbe", weight: 2, fillOpacity: 0.1 } }).addTo(overlay);
        const nearest = await getJSON("/v1/nearest?lat=" + lat + "&lon=" + lng + "&k=1&by=walk");
        const target = nearest.results[0];
        if (!target) return;
        const route = await getJSON("/v1/route?from=" + lat + "," + lng + "&to_point=" + encodeURIComponent(target.id));
        L.polyline(route.geometry.coordinates.map(([lon, la]) => [la, lon]), { color: "#f4b400", weight: 6 }).addTo(overlay);
        text("summary", "步行 " + minutes(route.duration_s) + " 分钟 → " + target.name);
        for (const step of route.steps) item("steps", step.instruction);
        body.dataset.route = String(route.steps.length);
      });
      body.dataset.state = "ready";
    }

    // The hour in the planner's address (?hour=0..23), 22 when missing or not an hour.
    function plannerHour() {
      const hour = Number(new URLSearchParams(location.search).get("hour") || "22");
      return Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : 22;
    }

    // The planner's hour field, which reloads the page at the hour chosen, and the colour key of the
    // streets (swatches coloured through the style property, which the page's policy allows).
    function plannerControls(hour) {
      const input = element("input");
      Object.assign(input, { id: "hour", type: "number", min: "0", max: "23", value: String(hour) });
      input.addEventListener("change", () => { location.search = "?hour=" + encodeURIComponent(input.value); });
      const swatch = (seconds) => { const span = element("span"); span.style.background = walkColour(seconds, 600); return span; };
      return [element("label", null, "时刻 Hour ", input),
              element("div", "legend muted", "0", swatch(0), "5", swatch(300), "10 min", swatch(600), "20+", swatch(1200))];
    }

    // The planner's view: streets coloured by the walk to the nearest channel open at a chosen hour,
    // the channels, and the gaps (areas below 90% covered) outlined. Streets, coverage and gaps count open
    // channels by the same rule as /v1/coverage with its defaults (channels with unknown hours are not
    // counted), so the page and the API agree.
    async function plannerView() {
      const hour = plannerHour();
      document.getElementById("controls").replaceChildren(...plannerControls(hour));
      const day = new Date();
      day.setHours(hour, 0, 0, 0);
      const at = encodeURIComponent(day.toISOString());
      const map = newMap();
      const world = await getJSON("/v1/points?bbox=-180,-90,180,90&limit=5000");
      const points = L.geoJSON(world, { pointToLayer: (f, at2) => channelMarker({ ...f.properties, lat: at2.lat, lon: at2.lng }, false) });
      if (world.features.length > 0) map.fitBounds(points.getBounds(), { padding: [24, 24] }); else map.setView([23.02, 113.75], 13);
      body.dataset.at = day.toISOString();
      const streetsById = new Map();
      await drawStreets(map, map.getBounds(), "&times=true&at=" + at, streetsById);
      points.addTo(map);
      whatIf(map, points, streetsById, day.toISOString());
      try {
        const coverage = await getJSON("/v1/coverage?at=" + at);
        text("summary", (coverage.covered_share * 100).toFixed(1) + "% 的居民十分钟内可缴费 · of people within 10 min (" + coverage.channels.counted + " 个营业中 open)");
        body.dataset.openChannels = String(coverage.channels.counted);
        await drawHours(at);
        const gaps = await getJSON("/v1/gaps?format=geojson&at=" + at);
        L.geoJSON(gaps, { style: { color: "#d7301f", weight: 1, fillColor: "#d7301f", fillOpacity: 0.25 } }).addTo(map);
        text("channels-title", "缺口 · Gaps");
        for (const gap of gaps.features) item("channels", gap.properties.name, " ", muted(gap.properties.uncovered_population + " 人 people"));
        body.dataset.gaps = String(gaps.features.length);
      } catch (error) {
        text("summary", "无人口数据 · No population data: " + error.message);
      }
      body.dataset.state = "ready";
    }

    async function postJSON(url, payload, token) {
      const response = await fetch(url, { method: "POST", body: JSON.stringify(payload),
        headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token } });
      const answer = await response.json();
      if (!response.ok) throw new Error(answer.error ? answer.error.message : response.statusText);
      return answer;
    }

    // What if, with a planner token (the page's #token=, or typed in and kept for the session): a click on a
    // channel takes it away or puts it back, a click on the map adds a new 24-hour site and a click on a new
    // site removes it; each change asks /v1/coverage/what-if once and redraws the summary, the gap list and
    // the street colours. The body records how many were drawn and the last one's milliseconds from click to
    // the next frame, for tests.
    function whatIf(map, points, streetsById, at) {
      const stored = new URLSearchParams(location.hash.slice(1)).get("token") || sessionStorage.getItem("planner-token") || "";
      const input = element("input");
      Object.assign(input, { id: "planner-token", type: "password", value: stored, placeholder: "planner token" });
      input.addEventListener("change", () => sessionStorage.setItem("planner-token", input.value));
      document.getElementById("controls").append(element("label", null, "规划令牌 Planner token (what if) ", input));
      const removed = new Set(), added = [];
      let drawn = 0, pending = Promise.resolve();
      async function redraw(started) {
        if (!input.value) { text("status", "输入规划令牌以试算 · Enter a planner token to try changes"); return; }
        const answer = await postJSON("/v1/coverage/what-if", { add: added.map((site) => site.place), remove: [...removed], at, bbox: bboxOf(map.getBounds()) }, input.value);
        text("summary", (answer.covered_share * 100).toFixed(1) + "% 的居民十分钟内可缴费 · of people within 10 min (" + answer.channels.counted
          + " 个营业中 open; what if: +" + added.length + " −" + removed.size + ")");
        const gaps = answer.areas.filter((area) => area.covered_share < 0.9)
          .sort((a, b) => (b.population - b.covered_population) - (a.population - a.covered_population));
        document.getElementById("channels").replaceChildren(...gaps.map((gap) =>
          element("li", null, gap.name, " ", muted(Math.round(gap.population - gap.covered_population) + " 人 people"))));
        for (const street of answer.streets || []) {
          const layer = streetsById.get(street.id);
          if (layer) layer.setStyle({ color: walkColour(street.walk_s, 600) });
        }
        await new Promise((resolve) => requestAnimationFrame(() => resolve()));
        drawn += 1;
        Object.assign(body.dataset, { whatIf: String(drawn), whatIfMs: String(Math.round(performance.now() - started)),
                                      coveredShare: String(answer.covered_share), gaps: String(gaps.length) });
      }
      function change(started) { pending = pending.then(() => redraw(started)).catch((error) => noteError(error.message)); }
      points.eachLayer((layer) => layer.on("click", (event) => {
        L.DomEvent.stopPropagation(event);
        const id = layer.feature.properties.id;
        if (removed.has(id)) removed.delete(id); else removed.add(id);
        layer.setStyle({ fillColor: removed.has(id) ? "#9e9e9e" : "#1f4e9c", dashArray: removed.has(id) ? "2 4" : null });
        change(performance.now());
      }));
      map.on("click", (event) => {
        const started = performance.now();
        const site = { place: { lat: event.latlng.lat, lon: event.latlng.lng } };
        site.marker = L.circleMarker(event.latlng, { radius: 8, color: "#0b2545", fillColor: "#f4b400", fillOpacity: 1 }).addTo(map);
        site.marker.on("click", (inner) => {
          L.DomEvent.stopPropagation(inner);
          added.splice(added.indexOf(site), 1);
          map.removeLayer(site.marker);
          change(performance.now());
        });
        added.push(site);
        change(started);
      });
    }

    // The covered share at each hour of the chosen day, as a row of bars (divs sized through the CSSOM,
    // which the page's style policy allows), the chosen hour marked.
    async function drawHours(at) {
      const day = await getJSON("/v1/coverage/hours?at=" + at);
      const chart = element("div", "hours");
      for (const hour of day.hours) {
        const bar = element("div", "hourbar" + (hour.at === new Date(decodeURIComponent(at)).toISOString().replace(".000", "") ? " chosen" : ""));
        bar.style.height = Math.max(2, Math.round(hour.covered_share * 60)) + "px";
        bar.title = String(hour.hour).padStart(2, "0") + ":00 " + (hour.covered_share * 100).toFixed(1) + "%";
        chart.append(bar);
      }
      text("halls-title", "全天覆盖 · Covered by hour (" + day.time_zone + ")");
      document.getElementById("halls").replaceChildren(element("li", null, chart));
      body.dataset.hours = String(day.hours.length);
    }

    const views = { screen: hallScreen, general: generalView, planner: plannerView };
    views[body.dataset.view]().catch((error) => { noteError(error.message); body.dataset.state = "failed"; });
    """#
}
