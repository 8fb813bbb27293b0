/// The HTML shell of the control room's dashboard: Leaflet and the dashboard script from this service,
/// the figures filled in by the script from `GET /v1/dashboard/events`. Labels are in Chinese and English.
enum DashboardPage {
    static let html = """
    <!doctype html>
    <html lang="zh-CN">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>PayCircle · 集中监控 Operations dashboard</title>
    <link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
    <link rel="stylesheet" href="/assets/leaflet.css">
    <link rel="stylesheet" href="/assets/paycircle.css">
    </head>
    <body class="dashboard" data-view="dashboard" data-state="loading">
    <header>
    <h1>集中监控中心 <span class="muted">Operations dashboard</span></h1>
    <p id="clock" class="muted"></p>
    </header>
    <section id="totals" class="tiles"></section>
    <main>
    <div id="map"></div>
    <section id="side">
    <h2>告警 <span class="muted">Alerts</span></h2>
    <ul id="alerts"></ul>
    <h2>未结事件 <span class="muted">Open incidents</span></h2>
    <ul id="incidents"></ul>
    </section>
    </main>
    <section>
    <h2>营业厅 <span class="muted">Halls by grade</span></h2>
    <table id="halls"><thead><tr>
    <th>等级 Grade</th><th>营业厅 Hall</th><th>排队 Waiting</th><th>等候 Wait</th><th>窗口 Counters</th><th>今日受理 Served today</th>
    <th>平均办理 Handling</th><th>设备 Devices</th><th>事件 Incidents</th></tr></thead><tbody></tbody></table>
    </section>
    <section class="charts">
    <figure><figcaption>今日受理量 <span class="muted">Accepted today</span></figcaption><p id="accepted" class="big"></p></figure>
    <figure><figcaption>分时人工业务 <span class="muted">Counter business by hour</span></figcaption><svg id="counter-chart" viewBox="0 0 240 100"></svg></figure>
    <figure><figcaption>今日办理时长 <span class="muted">Handling time today</span></figcaption><svg id="handling-chart" viewBox="0 0 240 100"></svg></figure>
    <figure><figcaption>分时自助业务 <span class="muted">Self-service by hour</span></figcaption><svg id="self-chart" viewBox="0 0 240 100"></svg></figure>
    </section>
    <p id="status"></p>
    <script src="/assets/leaflet.js"></script>
    <script src="/assets/dashboard.js"></script>
    </body>
    </html>

    """
}
