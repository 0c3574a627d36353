"""Measure what a built page really loads, in Debian's Chromium.

    python tools/page_weight.py [--site DIR] [PAGE ...]   # PAGE: paths under the site

Serves ``_build/html`` on 127.0.0.1, opens each page in headless Chromium
(``/usr/bin/chromium`` driven by Playwright, never a downloaded browser),
waits for the network to go idle and for MathJax to finish, and prints the
uncompressed bytes of every response by type, with the total. Requests to any
other host are blocked and listed.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _kind(url, content_type):
    for suffix, kind in ((".js", "js"), (".css", "css"), (".woff", "fonts"),
                         (".woff2", "fonts"), (".ttf", "fonts"), (".png", "images"),
                         (".svg", "images"), (".html", "html")):
        if url.split("?")[0].endswith(suffix):
            return kind
    return content_type.split(";")[0] or "other"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory=SITE):
    """Serve ``directory`` on an ephemeral 127.0.0.1 port; return (server, base URL)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def block_other_hosts(page, base):
    """Let ``page`` fetch only from ``base``; return the list it records
    every other requested address in (each such request is aborted)."""
    blocked = []

    def route(r):
        if r.request.url.startswith(base):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    return blocked


def record_sizes(page):
    """Count the uncompressed bytes of every response ``page`` receives from
    now on; return the dict ``{kind: bytes}`` that fills as they arrive."""
    sizes = defaultdict(int)

    def on_response(resp):
        try:
            body = resp.body()
        except Exception:  # redirects and aborted requests have no body
            return
        sizes[_kind(resp.url, resp.headers.get("content-type", ""))] += len(body)

    page.on("response", on_response)
    return sizes


def weigh(browser, base, page_path):
    """Load one page in ``browser``; return (bytes_by_kind, blocked_urls)."""
    page = browser.new_page()
    blocked = block_other_hosts(page, base)
    sizes = record_sizes(page)
    page.goto(base + page_path, wait_until="networkidle")
    page.wait_for_timeout(300)
    page.close()
    return dict(sizes), blocked


def measure(pages, site=SITE):
    """Return ``{page: (bytes_by_kind, blocked_urls)}`` for each page path."""
    from playwright.sync_api import sync_playwright

    server, base = serve(site)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            results = {path: weigh(browser, base, path) for path in pages}
            browser.close()
    finally:
        server.shutdown()
    return results


def main(argv):
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=SITE, help="built HTML folder")
    parser.add_argument("pages", nargs="*", default=["chapters/introduction.html"])
    args = parser.parse_args(argv)
    for page, (sizes, blocked) in measure(args.pages, args.site).items():
        total = sum(sizes.values())
        parts = ", ".join(f"{k} {v / 1024:.0f} KB" for k, v in sorted(sizes.items()))
        print(f"{page}: {total / 1024:.0f} KB ({parts})")
        for url in blocked:
            print(f"  blocked request to another host: {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
