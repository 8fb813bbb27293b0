#!/usr/bin/env python3
"""Loads one PayCircle map page in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright; no
browser is downloaded) and prints one JSON object on stdout saying what hostile text in the data could
have done there and what the page shows:

  dialogs      every alert/confirm/prompt the page opened (each is dismissed)
  errors       console errors and uncaught page errors
  violations   Content-Security-Policy violations the page reported
  pwned        window.__pwned as text, or null when the page never set it
  injected     elements that did not come from the page itself, seen at any moment: an element with id
               "pwn" or an on* attribute anywhere, a script that is not one of the page's /assets/, an
               iframe/object/embed, in #panel or a Leaflet tooltip anything but the panel's own tags
               (h1 h2 p ol ul li span div label input), and in the map an img/svg/script Leaflet did not make
  panel        the visible text of #panel (of the body on pages without one); items: the text of each li of #steps, #channels and #halls
  heading      the text of #title; summary: of #summary; title: the document's title
  tooltips     the text of every marker's tooltip (opened one by one), hovered: those seen by hovering
  state, data  body[data-state] and every data-* attribute of the body
  served_policy  the Content-Security-Policy header of the page's response (null when none)
  failure      what went wrong, when the probe itself could not finish

usage: page_probe.py URL [--policy POLICY] [--click-map] [--screenshot PATH]
  --policy      a Content-Security-Policy that Chromium enforces when the page's response carries none
  --click-map   click the map (30% from its left and top), then wait for body[data-route] (the route drawn)
"""
import argparse
import json
import sys
import traceback

from playwright.sync_api import sync_playwright

# Runs in the page before any of its scripts: watches every element added to the document, records
# policy violations, and keeps every Leaflet map made (through a hook on L.Map, installed as Leaflet
# assigns window.L) so that tooltips can be found and opened.
WATCH = r"""
(() => {
  const probe = { injected: [], seen: new Set(), violations: [], maps: [] };
  Object.defineProperty(window, "__probe", { value: probe });
  const panelTags = new Set(["h1", "h2", "p", "ol", "ul", "li", "span", "div", "label", "input"]);
  const active = new Set(["script", "img", "svg", "iframe", "object", "embed"]);
  const ownScript = (el) => el.localName === "script" && (el.getAttribute("src") || "").startsWith("/assets/");
  const fromLeaflet = (el) => /(^|\s)leaflet-/.test(el.getAttribute("class") || "");
  function isInjected(el) {
    if (el.id === "pwn") return true;
    if ([...el.attributes].some((a) => /^on/i.test(a.name))) return true;
    if (["iframe", "object", "embed"].includes(el.localName)) return true;
    if (el.localName === "script" && !ownScript(el)) return true;
    const host = el.parentElement && el.parentElement.closest("#panel, .leaflet-tooltip, .leaflet-popup-content");
    if (host) return !panelTags.has(el.localName);
    return Boolean(el.closest(".leaflet-container")) && active.has(el.localName) && !fromLeaflet(el);
  }
  function check(el) {
    if (!probe.seen.has(el) && isInjected(el)) {
      probe.seen.add(el);
      probe.injected.push(el.outerHTML.slice(0, 200));
    }
  }
  probe.sweep = (root) => { if (root.nodeType === 1) { check(root); root.querySelectorAll("*").forEach(check); } };
  new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach(probe.sweep);
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener("securitypolicyviolation", (event) => {
    probe.violations.push(event.violatedDirective + " " + (event.blockedURI || "") + " " + (event.sample || ""));
  });
  let leaflet, hooked = false;
  Object.defineProperty(window, "L", {
    configurable: true,
    get() { return leaflet; },
    set(value) {
      leaflet = value;
      if (!hooked && value && value.Map && value.Map.addInitHook) {
        hooked = true;
        value.Map.addInitHook(function () { probe.maps.push(this); });
      }
    },
  });
})();
"""

# The screen positions of the markers that have a tooltip, inside the window.
MARKERS = r"""
() => window.__probe.maps.flatMap((map) => {
  const box = map.getContainer().getBoundingClientRect();
  const points = [];
  map.eachLayer((layer) => {
    if (layer.getTooltip && layer.getTooltip() && layer.getLatLng) {
      const p = map.latLngToContainerPoint(layer.getLatLng());
      const x = box.left + p.x, y = box.top + p.y;
      if (x >= 0 && y >= 0 && x < window.innerWidth && y < window.innerHeight) points.push({ x, y });
    }
  });
  return points;
})
"""

VISIBLE_TOOLTIPS = r"""
() => [...document.querySelectorAll(".leaflet-tooltip")].map((el) => el.textContent)
"""

# Opens every tooltip in turn (closing again those that were closed) and returns their text.
OPEN_TOOLTIPS = r"""
() => {
  const texts = [];
  for (const map of window.__probe.maps) {
    const layers = [];
    map.eachLayer((layer) => { if (layer.getTooltip && layer.getTooltip() && layer.getLatLng) layers.push(layer); });
    for (const layer of layers) {
      const wasOpen = layer.isTooltipOpen();
      if (!wasOpen) layer.openTooltip();
      const element = layer.getTooltip().getElement();
      if (element) { window.__probe.sweep(element); texts.push(element.textContent); }
      if (!wasOpen) layer.closeTooltip();
    }
  }
  return texts;
}
"""

REPORT = r"""
() => {
  const probe = window.__probe;
  probe.sweep(document.documentElement);
  const text = (id) => { const el = document.getElementById(id); return el ? el.textContent : null; };
  const items = (id) => [...document.querySelectorAll("#" + id + " > li")].map((li) => li.textContent);
  return {
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
    injected: probe.injected,
    violations: probe.violations,
    state: document.body.dataset.state || null,
    data: { ...document.body.dataset },
    title: document.title,
    heading: text("title"),
    summary: text("summary"),
    panel: document.getElementById("panel") ? document.getElementById("panel").innerText : document.body.innerText,
    items: { steps: items("steps"), channels: items("channels"), halls: items("halls") },
  };
}
"""


def unique(values):
    return list(dict.fromkeys(values))


def visit(page, url, policy, click_map, screenshot, report):
    """Loads the page, clicks the map when asked, hovers every marker and opens every tooltip."""
    def dialog(d):
        report["dialogs"].append(d.type + ": " + d.message)
        d.dismiss()

    def document(route):
        if route.request.resource_type != "document":
            route.continue_()
            return
        response = route.fetch()
        headers = dict(response.headers)
        report["served_policy"] = headers.get("content-security-policy")
        if policy and "content-security-policy" not in headers:
            headers["content-security-policy"] = policy
        route.fulfill(response=response, headers=headers)

    page.add_init_script(WATCH)
    page.on("dialog", dialog)
    page.on("console", lambda m: m.type == "error" and report["errors"].append("console: " + m.text))
    page.on("pageerror", lambda e: report["errors"].append("page: " + str(e)))
    page.route("**/*", document)
    page.goto(url)
    page.wait_for_selector("body[data-state=ready], body[data-state=failed]", state="attached", timeout=60000)
    if click_map:
        box = page.locator("#map").bounding_box()
        page.mouse.click(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.3)
        page.wait_for_selector("body[data-route]", state="attached", timeout=30000)
    for point in page.evaluate(MARKERS):
        page.mouse.move(point["x"], point["y"])
        page.wait_for_timeout(80)
        report["hovered"] += page.evaluate(VISIBLE_TOOLTIPS)
    page.mouse.move(0, 0)
    report["hovered"] = unique(report["hovered"])
    report["tooltips"] = unique(page.evaluate(OPEN_TOOLTIPS) + page.evaluate(VISIBLE_TOOLTIPS))
    page.wait_for_timeout(200)
    if screenshot:
        page.screenshot(path=screenshot)


def probe(url, policy, click_map, screenshot):
    report = {"url": url, "dialogs": [], "errors": [], "served_policy": None, "tooltips": [], "hovered": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            try:
                visit(page, url, policy, click_map, screenshot, report)
            except Exception:
                report["failure"] = traceback.format_exc()
            # What the page did is reported even when a step above failed.
            report.update(page.evaluate(REPORT))
        finally:
            browser.close()
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url")
    parser.add_argument("--policy")
    parser.add_argument("--click-map", action="store_true")
    parser.add_argument("--screenshot")
    arguments = parser.parse_args()
    try:
        report = probe(arguments.url, arguments.policy, arguments.click_map, arguments.screenshot)
    except Exception:
        report = {"url": arguments.url, "failure": traceback.format_exc()}
    json.dump(report, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
