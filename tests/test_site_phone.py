"""Every page of the site in dark mode on a phone (390 x 844), one visit
each: everything tests/test_site_browser.py checks on a desktop, and what a
phone reader needs (no clipped equation, figures that open full-size with
legible text, tables that scroll under their caption). A file of its own so
that pytest-xdist runs it beside the desktop half."""

import pytest

from test_site_browser import PAGES, PHONE_MODE, check_visit

pytestmark = pytest.mark.build


@pytest.mark.parametrize("path", PAGES)
def test_page_in_dark_mode_on_a_phone(browser, base_url, site_dir, path):
    check_visit(browser, base_url, site_dir, path, PHONE_MODE)
