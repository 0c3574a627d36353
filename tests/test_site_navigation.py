"""Navigation works at phone, tablet and desktop widths, by mouse and by keyboard.

Below 992 px the theme shows the site contents and the page contents as
dialogs opened by the two header buttons; at desktop width the contents
button collapses and restores the sidebar, and the page contents stay beside
the text. Each is clicked here, and the phone dialog is also opened and left
with the keyboard alone.
"""

from __future__ import annotations

import pytest

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


def dialog_state(page, which):
    """(open, links shown, links visible on screen) of the sidebar dialog."""
    return page.evaluate("""id => {
        const d = document.getElementById(id);
        const links = d ? [...d.querySelectorAll('a')] : [];
        const visible = links.filter(a => { const r = a.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && r.top < innerHeight; });
        return [!!(d && d.open), links.length, visible.length]; }""", which)


@pytest.mark.parametrize("viewport", NARROW, ids=lambda v: f"{v[0]}px")
def test_menu_button_opens_and_closes_the_site_contents(open_at, viewport):
    page = open_at(viewport)
    button = page.locator("button.primary-toggle")
    assert button.count() == 1 and button.is_visible()
    assert dialog_state(page, "pst-primary-sidebar-modal")[0] is False
    button.click()
    is_open, links, visible = dialog_state(page, "pst-primary-sidebar-modal")
    assert is_open and links >= TOC_PAGES - 1 and visible > 3
    page.keyboard.press("Escape")
    assert dialog_state(page, "pst-primary-sidebar-modal")[0] is False
    assert page.evaluate("document.activeElement.classList.contains('primary-toggle')")
    assert page.errors == []


@pytest.mark.parametrize("viewport", NARROW, ids=lambda v: f"{v[0]}px")
def test_page_contents_button_opens_and_closes_the_page_contents(open_at, viewport):
    page = open_at(viewport)
    button = page.locator("button.secondary-toggle")
    assert button.count() == 1 and button.is_visible()
    button.click()
    is_open, links, visible = dialog_state(page, "pst-secondary-sidebar-modal")
    assert is_open and links >= 3 and visible >= 3
    page.keyboard.press("Escape")
    assert dialog_state(page, "pst-secondary-sidebar-modal")[0] is False


def test_phone_menu_by_keyboard_alone(open_at):
    """Tab to the menu button, open it with Enter, tab into its links, leave with Escape."""
    page = open_at(PHONE)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('primary-toggle')"):
            break
    else:
        pytest.fail("the menu button cannot be reached with Tab")
    page.keyboard.press("Enter")
    assert dialog_state(page, "pst-primary-sidebar-modal")[0] is True
    page.keyboard.press("Tab")
    inside = page.evaluate("""() => !!document.activeElement.closest('#pst-primary-sidebar-modal')
                              && document.activeElement.tagName""")
    assert inside in ("A", "BUTTON", "INPUT"), inside
    page.keyboard.press("Escape")
    assert dialog_state(page, "pst-primary-sidebar-modal")[0] is False


def _sidebar_shown(page):
    return page.evaluate("""() => { const s = document.getElementById('pst-primary-sidebar');
        return getComputedStyle(s).visibility !== 'hidden' && s.getBoundingClientRect().width > 0
               && [...s.querySelectorAll('a')].some(a => a.getBoundingClientRect().width > 0); }""")


def test_desktop_menu_button_collapses_and_restores_the_sidebar(open_at):
    page = open_at(DESKTOP)
    assert _sidebar_shown(page)
    page.locator("button.primary-toggle").click()
    page.wait_for_timeout(400)                     # the theme animates the collapse
    assert not _sidebar_shown(page)
    assert dialog_state(page, "pst-primary-sidebar-modal")[0] is False
    page.locator("button.primary-toggle").click()
    page.wait_for_timeout(400)
    assert _sidebar_shown(page)


def test_desktop_shows_the_page_contents_beside_the_text(open_at):
    page = open_at(DESKTOP)
    links = page.evaluate("""() => [...document.querySelectorAll('#pst-page-toc-nav a')]
                              .filter(a => a.getBoundingClientRect().width > 0).length""")
    assert links >= 3


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
