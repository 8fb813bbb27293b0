#!/usr/bin/env python3
"""Watches PayCircle's /dashboard in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright) while
the control room's data changes through the API, and prints one JSON object saying how long each change took
to show, without a reload:

  1. opens BASE/dashboard and waits for the first live update (body[data-state=ready]);
  2. beats DEVICE with DEVICE_TOKEN (the device comes online), again each second until the page shows it;
  3. puts a queue report of 17 waiting for HALL with ADMIN_TOKEN and times until the hall's row shows 17;
  4. waits for the device's heartbeat timeout (TIMEOUT seconds after its last beat) and times until the page shows
     it offline.

  report_s, offline_s   seconds from the change (the report sent; the timeout run out) to the page showing it
  navigations           page loads seen (1: no reload)
  updates               body[data-updates] at the end; errors: console errors and uncaught page errors
  data                  every data-* attribute of the body; failure: what went wrong, if the probe could not finish

usage: dashboard_probe.py BASE HALL ADMIN_TOKEN DEVICE DEVICE_TOKEN TIMEOUT [--screenshot PATH]
"""
import argparse
import json
import time
import traceback
import urllib.request

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError, sync_playwright


def send(base, method, path, token, body):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), method=method,
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def main():
    parser = argparse.ArgumentParser()
    for name in ["base", "hall", "admin_token", "device", "device_token"]:
        parser.add_argument(name)
    parser.add_argument("timeout", type=float)
    parser.add_argument("--screenshot")
    args = parser.parse_args()
    result = {"errors": [], "navigations": 0}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        page.on("console", lambda message: result["errors"].append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: result["errors"].append(str(error)))
        page.on("response", lambda response: result["errors"].append("%d %s" % (response.status, response.url)) if response.status >= 400 else None)
        page.on("framenavigated", lambda frame: result.__setitem__("navigations", result["navigations"] + 1) if frame == page.main_frame else None)
        try:
            page.goto(args.base + "/dashboard")
            page.wait_for_selector("body[data-state=ready]", timeout=15000)
            # The device goes offline TIMEOUT seconds after a beat, so a page slower than that to show one beat
            # would never show it online: it beats again each second until the page shows it (up to 25 s).
            online = "() => document.querySelector('#device-online .big')?.textContent === '1'"
            deadline = time.monotonic() + 25
            while True:
                send(args.base, "POST", "/v1/devices/%s/heartbeat" % args.device, args.device_token, {"status": "ok", "counters": {"transactions": 7}})
                beat = time.monotonic()
                try:
                    page.wait_for_function(online, timeout=1000)
                    break
                except PlaywrightTimeoutError:
                    if time.monotonic() > deadline:
                        raise

            send(args.base, "PUT", "/v1/halls/%s/queue" % args.hall, args.admin_token,
                 {"services": {"cash": {"waiting": 17, "open_counters": 3, "handling_s": 180, "served_today": 40}}})
            sent = time.monotonic()
            page.wait_for_function("(hall) => document.querySelector(`tr[data-hall='${hall}'] td.waiting`)?.textContent === '17'",
                                   arg=args.hall, timeout=25000)
            result["report_s"] = round(time.monotonic() - sent, 3)

            page.wait_for_function("() => document.querySelector('#device-offline .big')?.textContent === '1'",
                                   timeout=int((args.timeout + 25) * 1000))
            result["offline_s"] = round(time.monotonic() - (beat + args.timeout), 3)
            result["updates"] = page.evaluate("() => Number(document.body.dataset.updates)")
            result["data"] = page.evaluate("() => Object.assign({}, document.body.dataset)")
            result["incidents"] = page.evaluate("() => [...document.querySelectorAll('#incidents li')].map((li) => li.textContent)")
            if args.screenshot:
                page.screenshot(path=args.screenshot, full_page=True)
        except Exception:
            result["failure"] = traceback.format_exc()[-1500:]
        browser.close()
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
