/// The dashboard's script: it listens to `/v1/dashboard/events` and redraws the tiles, the map, the hall
/// table, alerts, incidents and the four charts from each event, without reloading. As on the map pages,
/// every string from the data goes in as a text node (nothing is parsed as HTML) and there is no inline
/// script or style. It records in `data-*` attributes of the body how many updates it drew and any script
/// error, for tests.
enum DashboardScript {
    static let text = PageScriptBasics.text + #"""
    let updates = 0, map = null, layer = null, fitted = false;
    function minutes(seconds) { return seconds === null ? "–" : (seconds / 60).toFixed(1) + " min"; }
    const statusNames = { online: "在线 online", offline: "离线 offline", fault: "故障 fault", maintenance: "维护 maintenance", off: "关机 off", unmonitored: "未监控 unmonitored" };
    function deviceSummary(devices) {
      return Object.keys(statusNames).filter((status) => devices[status] > 0).map((status) => devices[status] + " " + status).join(", ") || "–";
    }

    function tile(id, label, value) {
      const node = element("div", "tile", element("span", "big", value), element("span", "muted", label));
      node.id = id;
      return node;
    }
    function drawTotals(data) {
      const totals = data.totals;
      const tiles = [tile("total-waiting", "排队人数 waiting", totals.waiting), tile("total-accepted", "今日受理 accepted today", totals.accepted_today),
        tile("total-incidents", "未结事件 open incidents", totals.open_incidents), tile("total-alerts", "告警 alerts", totals.alerts)];
      for (const status of Object.keys(statusNames)) tiles.push(tile("device-" + status, "设备" + statusNames[status], totals.devices[status]));
      document.getElementById("totals").replaceChildren(...tiles);
      document.getElementById("clock").textContent = data.day + " · " + new Date(data.at).toLocaleTimeString("zh-CN") + " · " + updates + " updates";
    }

    function drawHalls(data) {
      const rows = data.halls.map((hall) => {
        const row = element("tr", hall.fresh ? null : "stale",
          element("td", null, hall.grade || "–"), element("td", null, hall.name), element("td", "waiting", hall.waiting),
          element("td", "wait", minutes(hall.wait_s)), element("td", null, hall.open_counters), element("td", "served", hall.served_today),
          element("td", null, hall.mean_handling_s === null ? "–" : hall.mean_handling_s + " s"), element("td", "devices", deviceSummary(hall.devices)),
          element("td", null, hall.open_incidents));
        row.dataset.hall = hall.id;
        return row;
      });
      document.querySelector("#halls tbody").replaceChildren(...rows);
    }

    function drawList(id, items, describe) {
      const list = document.getElementById(id);
      list.replaceChildren(...(items.length ? items.map((item) => { const node = element("li", null, ...describe(item)); node.dataset.point = item.point_id; return node; })
        : [element("li", "muted", "无 none")]));
    }

    function colour(point) {
      if (!point.open) return "#9e9e9e";
      if (point.devices && (point.devices.offline > 0 || point.devices.fault > 0)) return "#f4b400";
      if (point.wait_s !== undefined && point.wait_s !== null && point.wait_s > 1200) return "#d93025";
      return "#188038";
    }
    function drawMap(data) {
      if (typeof L === "undefined") return;
      if (!map) {
        map = L.map("map", { preferCanvas: true });
        map.attributionControl.setPrefix(false);
        map.attributionControl.addAttribution("© OpenStreetMap contributors, ODbL · PayCircle");
        layer = L.layerGroup().addTo(map);
      }
      layer.clearLayers();
      const points = data.halls.concat(data.machines);
      for (const point of points) {
        const marker = L.circleMarker([point.lat, point.lon], { radius: point.kind === "hall" ? 9 : 5, color: colour(point), fillOpacity: 0.8 });
        // An element, not a string: Leaflet shows it as it is, where it would parse a string as HTML.
        marker.bindTooltip(element("span", null, point.name, " · ", point.open ? "开放 open" : "关闭 closed"));
        layer.addLayer(marker);
      }
      if (!fitted && points.length) {
        map.fitBounds(L.latLngBounds(points.map((point) => [point.lat, point.lon])).pad(0.1));
        fitted = true;
      }
    }

    const svgNS = "http://www.w3.org/2000/svg";
    function bars(id, values, labels) {
      const svg = document.getElementById(id);
      const highest = Math.max(1, ...values);
      const width = 240 / Math.max(1, values.length);
      const shapes = values.map((value, index) => {
        const bar = document.createElementNS(svgNS, "rect");
        const height = 90 * value / highest;
        bar.setAttribute("x", String(index * width + 1));
        bar.setAttribute("y", String(95 - height));
        bar.setAttribute("width", String(Math.max(1, width - 2)));
        bar.setAttribute("height", String(height));
        bar.setAttribute("class", "bar");
        const title = document.createElementNS(svgNS, "title");
        title.textContent = (labels ? labels[index] : index + ":00") + ": " + value;
        bar.append(title);
        return bar;
      });
      svg.replaceChildren(...shapes);
      svg.dataset.total = String(values.reduce((a, b) => a + b, 0));
    }

    function draw(data) {
      updates += 1;
      body.dataset.updates = String(updates);
      drawTotals(data);
      drawHalls(data);
      drawList("alerts", data.alerts, (alert) => [element("strong", null, alert.kind), " ", alert.message]);
      drawList("incidents", data.incidents, (incident) => [incident.device_id, " ", muted(incident.status + (incident.detail ? " · " + incident.detail : "")),
        " ", muted(new Date(incident.start).toLocaleTimeString("zh-CN"))]);
      document.getElementById("accepted").textContent = String(data.themes.accepted_today);
      bars("counter-chart", data.themes.counter_by_hour);
      const handled = data.themes.handling_today.filter((hall) => hall.mean_handling_s !== null);
      bars("handling-chart", handled.map((hall) => hall.mean_handling_s), handled.map((hall) => hall.name));
      bars("self-chart", data.themes.self_service_by_hour);
      drawMap(data);
      body.dataset.state = "ready";
    }

    const events = new EventSource("/v1/dashboard/events");
    events.addEventListener("dashboard", (event) => {
      try { draw(JSON.parse(event.data)); } catch (error) { noteError(error.message); }
    });
    events.onerror = () => { body.dataset.state = body.dataset.state === "ready" ? "reconnecting" : body.dataset.state; };
    """#
}
