#!/usr/bin/env python3
"""Plays a planner's what-if on PayCircle's /planner page in headless Chromium (Debian's /usr/bin/chromium,
driven by Playwright) and prints one JSON object: for each change, the milliseconds from the click to the
next frame after the page redrew (the page's own body[data-what-if-ms]) and the covered share it showed.

  1. opens BASE/planner?hour=HOUR#token=TOKEN and waits for body[data-state=ready];
  2. clicks the map at each --site (new sites), then on a channel marker (taken away), then on it again
     (put back), each time waiting for the page's next what-if.

  changes      [{"action", "ms", "covered_share", "gaps"}] in order
  baseline     the covered share the page showed before any change (from its summary, in %)
  errors       console errors and uncaught page errors; failure: what went wrong, if the probe could not finish

usage: whatif_probe.py BASE TOKEN [--hour 12] [--site X,Y]... [--screenshot PATH]
"""
import argparse
import json
import traceback

from playwright.sync_api import sync_playwright

# Keeps every Leaflet map the page makes, so that a channel marker's place on the screen can be found.
HOOK = r"""
(() => {
  const maps = [];
  Object.defineProperty(window, "__maps", { value: maps });
  let leaflet, hooked = false;
  Object.defineProperty(window, "L", { configurable: true, get() { return leaflet; }, set(value) {
    leaflet = value;
    if (!hooked && value && value.Map && value.Map.addInitHook) { hooked = true; value.Map.addInitHook(function () { maps.push(this); }); }
  } });
})();
"""

CHANNEL = r"""
() => {
  const map = window.__maps[0];
  const box = map.getContainer().getBoundingClientRect();
  let found = null;
  map.eachLayer((layer) => {
    if (found || !layer.feature || !layer.getLatLng || layer.feature.geometry.type !== "Point") return;
    const p = map.latLngToContainerPoint(layer.getLatLng());
    if (p.x > 20 && p.y > 20 && p.x < box.width - 20 && p.y < box.height - 20) found = { x: box.left + p.x, y: box.top + p.y, id: layer.feature.properties.id };
  });
  return found;
}
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("token")
    parser.add_argument("--hour", default="12")
    parser.add_argument("--screenshot")
    parser.add_argument("--site", dest="sites", action="append", type=lambda text: tuple(float(v) for v in text.split(",")),
                        help="where to add a site, as fractions of the map's width and height (x,y); default 0.35,0.5 and 0.65,0.5")
    args = parser.parse_args()
    args.sites = args.sites or [(0.35, 0.5), (0.65, 0.5)]
    result = {"errors": [], "changes": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.add_init_script(HOOK)
        page.on("console", lambda message: result["errors"].append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: result["errors"].append(str(error)))
        try:
            page.goto("%s/planner?hour=%s#token=%s" % (args.base, args.hour, args.token))
            page.wait_for_selector("body[data-state=ready]", timeout=60000)
            result["baseline"] = page.evaluate("() => document.getElementById('summary').textContent")
            box = page.evaluate("() => { const r = document.getElementById('map').getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; }")
            channel = page.evaluate(CHANNEL)
            clicks = [("add", box[0] + box[2] * x, box[1] + box[3] * y) for x, y in args.sites]
            if channel:
                clicks += [("remove " + channel["id"], channel["x"], channel["y"]), ("restore " + channel["id"], channel["x"], channel["y"])]
            for count, (action, x, y) in enumerate(clicks, start=1):
                page.mouse.click(x, y)
                page.wait_for_selector("body[data-what-if='%d']" % count, timeout=30000)
                data = page.evaluate("() => Object.assign({}, document.body.dataset)")
                result["changes"].append({"action": action, "ms": int(data["whatIfMs"]), "covered_share": float(data["coveredShare"]),
                                          "gaps": int(data["gaps"])})
            if args.screenshot:
                page.screenshot(path=args.screenshot)
        except Exception:
            result["failure"] = traceback.format_exc()[-1500:]
        browser.close()
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
