"""Navigation works at phone, tablet and desktop widths, by mouse and by keyboard.

Below 992 px the theme shows the site contents and the page contents as
dialogs opened by the two header buttons; at desktop width the contents
button collapses and restores the sidebar, and the page contents stay beside
the text. Each is clicked here, and the phone dialog is also opened and left
with the keyboard alone.

Everything that settles after an event (a dialog opening or closing, the
focus coming back, the sidebar's animated collapse) is read with Playwright's
auto-waiting assertions (``expect``, ``wait_for_function``), which retry until
it holds or a timeout passes, never once at once: the page settles later on a
busy machine.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import toc_files

pytestmark = pytest.mark.build
PAGE = "chapters/introduction.html"
PHONE, TABLET, DESKTOP = (390, 844), (820, 1180), (1400, 900)
NARROW = [PHONE, TABLET]
TOC_PAGES = len(toc_files())


@pytest.fixture()
def open_at(browser, base_url):
    """open_at((width, height)) -> a page showing PAGE at that viewport."""
    pages = []

    def open_page(viewport, path=PAGE):
        page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        page.errors = []
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.goto(base_url + path, wait_until="networkidle")
        pages.append(page)
        return page

    yield open_page
    for page in pages:
        page.close()


#: How long (ms) an auto-waiting check waits for the page to settle.
SETTLE_MS = 10_000
DIALOG_STATE = """id => {
        const d = document.getElementById(id);
        const links = d ? [...d.querySelectorAll('a')] : [];
        const visible = links.filter(a => { const r = a.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && r.top < innerHeight; });
        return [!!(d && d.open), links.length, visible.length]; }"""


def dialog_state(page, which):
    """(open, links shown, links visible on screen) of the sidebar dialog, now."""
    return page.evaluate(DIALOG_STATE, which)


def settles(page, condition, arg, what, seen=lambda: ""):
    """Wait until the JavaScript ``condition(arg)`` holds in ``page``
    (Playwright polls it on every animation frame); fail naming ``what``
    and what ``seen()`` says if it does not within SETTLE_MS."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(condition, arg=arg, timeout=SETTLE_MS)
    except PlaywrightTimeout:
        pytest.fail(f"{what}: not so after {SETTLE_MS} ms {seen()}")


def dialog_opens(page, which, min_links, min_visible):
    """The sidebar dialog ``which`` is open, with at least ``min_links``
    links of which ``min_visible`` are on screen (waiting for it)."""
    settles(page, f"""([id, links, visible]) => {{ const [o, l, v] = ({DIALOG_STATE})(id);
                return o && l >= links && v >= visible; }}""",
            [which, min_links, min_visible],
            f"{which} open with {min_links} links, {min_visible} on screen",
            lambda: f"(open, links, on screen: {dialog_state(page, which)})")


def dialog_closed(page, which):
    """The sidebar dialog ``which`` is closed (waiting for it)."""
    expect(page.locator(f"#{which}")).to_have_js_property("open", False, timeout=SETTLE_MS)


@pytest.mark.parametrize("viewport", NARROW, ids=lambda v: f"{v[0]}px")
def test_menu_button_opens_and_closes_the_site_contents(open_at, viewport):
    page = open_at(viewport)
    button = page.locator("button.primary-toggle")
    expect(button).to_have_count(1)
    expect(button).to_be_visible()
    dialog_closed(page, "pst-primary-sidebar-modal")
    button.click()
    dialog_opens(page, "pst-primary-sidebar-modal", TOC_PAGES - 1, 4)
    page.keyboard.press("Escape")
    dialog_closed(page, "pst-primary-sidebar-modal")
    expect(button).to_be_focused(timeout=SETTLE_MS)
    assert page.errors == []


@pytest.mark.parametrize("viewport", NARROW, ids=lambda v: f"{v[0]}px")
def test_page_contents_button_opens_and_closes_the_page_contents(open_at, viewport):
    page = open_at(viewport)
    button = page.locator("button.secondary-toggle")
    expect(button).to_have_count(1)
    expect(button).to_be_visible()
    button.click()
    dialog_opens(page, "pst-secondary-sidebar-modal", 3, 3)
    page.keyboard.press("Escape")
    dialog_closed(page, "pst-secondary-sidebar-modal")


def test_phone_menu_by_keyboard_alone(open_at):
    """Tab to the menu button, open it with Enter, tab into its links, leave with Escape."""
    page = open_at(PHONE)
    button = page.locator("button.primary-toggle")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('primary-toggle')"):
            break
    else:
        pytest.fail("the menu button cannot be reached with Tab")
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    dialog_opens(page, "pst-primary-sidebar-modal", 1, 1)
    page.keyboard.press("Tab")
    settles(page, """() => { const a = document.activeElement;
                return !!a.closest('#pst-primary-sidebar-modal')
                       && ['A', 'BUTTON', 'INPUT'].includes(a.tagName); }""", None,
            "the focus on a link, button or field inside the menu")
    page.keyboard.press("Escape")
    dialog_closed(page, "pst-primary-sidebar-modal")


SIDEBAR_SHOWN = """shown => { const s = document.getElementById('pst-primary-sidebar');
        return shown === (getComputedStyle(s).visibility !== 'hidden'
                          && s.getBoundingClientRect().width > 0
                          && [...s.querySelectorAll('a')]
                             .some(a => a.getBoundingClientRect().width > 0)); }"""


def test_desktop_menu_button_collapses_and_restores_the_sidebar(open_at):
    page = open_at(DESKTOP)
    settles(page, SIDEBAR_SHOWN, True, "the sidebar shown")
    page.locator("button.primary-toggle").click()
    # The theme animates the collapse: wait until it is over.
    settles(page, SIDEBAR_SHOWN, False, "the sidebar collapsed")
    dialog_closed(page, "pst-primary-sidebar-modal")
    page.locator("button.primary-toggle").click()
    settles(page, SIDEBAR_SHOWN, True, "the sidebar restored")


def test_desktop_shows_the_page_contents_beside_the_text(open_at):
    page = open_at(DESKTOP)
    settles(page, """() => [...document.querySelectorAll('#pst-page-toc-nav a')]
                       .filter(a => a.getBoundingClientRect().width > 0).length >= 3""", None,
            "three links of the page contents shown")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=lambda v: f"{v[0]}px")
def test_first_visit_logs_no_error_and_has_a_favicon(open_at, base_url, viewport):
    """A reader with nothing stored yet (no theme choice): no console error;
    the page names an icon, which loads."""
    page = open_at(viewport)
    assert page.errors == []
    href = page.evaluate("document.querySelector('link[rel~=icon]')?.href")
    assert href and page.request.get(href).ok, href


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=lambda v: f"{v[0]}px")
def test_search_icon_leaves_the_query_readable(open_at, viewport):
    """The magnifying glass in the search page's field ends before the text
    of the query begins."""
    page = open_at(viewport, "search.html?q=calmodulin")
    gap = page.evaluate("""() => {
        const input = [...document.querySelectorAll('form.bd-search input')]
            .find(i => i.getBoundingClientRect().width > 0);
        const icon = input.parentElement.querySelector('i, svg');
        const text_starts = input.getBoundingClientRect().left
            + parseFloat(getComputedStyle(input).paddingLeft);
        return text_starts - icon.getBoundingClientRect().right; }""")
    assert gap >= 2, f"the icon overlaps the query by {-gap:.1f} px"
