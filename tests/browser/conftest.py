"""A real headless Chromium from Debian's packages, driven by Selenium through chromedriver."""

import base64
import contextlib
import os
from pathlib import Path

import pytest
from selenium.common.exceptions import (
    NoAlertPresentException,
    StaleElementReferenceException,
    WebDriverException,
)

CHROMIUM = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
# Without these, Chromium tries to reach its own services, which a closed network refuses.
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
DESKTOP = (1280, 900)
PHONE = (390, 844)


def _browser_available() -> bool:
    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()


def _chromium(profile: Path):
    if not _browser_available():
        if os.environ.get("CI"):
            pytest.fail(f"CI needs Chromium at {CHROMIUM} and chromedriver at {CHROMEDRIVER}")
        pytest.skip("Debian's chromium and chromium-driver are not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    # The console's messages, where Chromium reports every Content-Security-Policy violation.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.add_argument("--window-size={},{}".format(*DESKTOP))
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


IMPLICIT_WAIT_SECONDS = 5
# How often a wait looks again: Selenium's default of half a second idles most of a second on
# every page a test waits for.
POLL_SECONDS = 0.05


def wait(browser, seconds: float, **options):
    """Selenium's WebDriverWait, looking again every POLL_SECONDS."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, seconds, poll_frequency=POLL_SECONDS, **options)


def left(old):
    """Selenium's staleness_of, for a wait until the page `old` belongs to is gone; in the midst of
    the navigation chromedriver may instead say the node "does not belong to the document"."""

    def gone(_browser) -> bool:
        try:
            old.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in (error.msg or ""):
                return True
            raise
        return False

    return gone


@pytest.fixture(scope="session")
def _chromium_of_the_run(live_server, tmp_path_factory):
    """One Chromium for the whole run (per test process): starting one costs a second or two, and
    the suite asks for a browser forty times. Each test gets it as new (`_start_afresh`): its
    window, phone or not, with or without JavaScript. It closes before the live server stops, so
    no request of its is left open there."""
    driver = _chromium(tmp_path_factory.mktemp("profile"))

    def get(size: tuple[int, int], javascript: bool):
        _start_afresh(driver, size, javascript=javascript, origin=live_server.url)
        return driver

    yield get
    driver.quit()


def _start_afresh(driver, size: tuple[int, int], *, javascript: bool, origin: str) -> None:
    """As a newly started browser: no page, cookie, stored data, log or open dialog; a desktop
    window of `size`, or a phone's screen (touch, twice the pixels) when it is narrower. The
    cache stays: it holds the static files, the same for the whole run, which every test would
    otherwise fetch again (the pages themselves carry no validators, so none is kept)."""
    with contextlib.suppress(NoAlertPresentException):
        driver.switch_to.alert.dismiss()
    # A page that asks before it is left (unsaved edits) must not ask when the test navigates,
    # and a form it was still sending must not set a cookie after they are cleared. (Going to
    # about:blank instead costs a new renderer process per test; no page here sends requests of
    # its own once loaded.)
    driver.execute_script("window.onbeforeunload = null; window.stop();")
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    driver.execute_cdp_cmd("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
    width, height = size
    phone = width < DESKTOP[0]
    driver.set_window_size(*(DESKTOP if phone else size))
    if phone:
        # What chromedriver's mobileEmulation sets, for a browser that is already running.
        metrics = {"width": width, "height": height, "deviceScaleFactor": 2, "mobile": True}
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    else:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.execute_cdp_cmd(
        "Emulation.setTouchEmulationEnabled", {"enabled": phone, "maxTouchPoints": 1}
    )
    # As a school's locked-down browser, or a page whose script failed to load.
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": not javascript})
    driver.implicitly_wait(IMPLICIT_WAIT_SECONDS)
    driver.get_log("browser")


@pytest.fixture
def browser(request, _chromium_of_the_run):
    return _chromium_of_the_run(getattr(request, "param", DESKTOP), True)


@pytest.fixture
def browser_without_javascript(_chromium_of_the_run):
    return _chromium_of_the_run(DESKTOP, False)


@pytest.fixture
def screenshot(browser, request):
    """Saves a screenshot per page when SCREENSHOT_DIR is set, for a person to look at."""
    folder = os.environ.get("SCREENSHOT_DIR")

    def take(name: str, *, full_page: bool = False) -> None:
        if not folder:
            return
        Path(folder).mkdir(parents=True, exist_ok=True)
        safe = request.node.name.replace("[", "-").replace("]", "")
        path = Path(folder) / f"{safe}-{name}.png"
        if not full_page:
            browser.save_screenshot(str(path))
            return
        # The whole page, below the fold too, so a long admin page can be compared in one picture.
        shot = browser.execute_cdp_cmd(
            "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}
        )
        path.write_bytes(base64.b64decode(shot["data"]))

    return take
