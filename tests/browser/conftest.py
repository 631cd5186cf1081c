"""A real headless Chromium from Debian's packages, driven by Selenium through chromedriver."""

import base64
import os
import shutil
from pathlib import Path

import pytest

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


def _chromium(profile: Path, *, size: tuple[int, int], javascript: bool = True):
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
    width, height = size
    if width < DESKTOP[0]:
        # A headless window has a minimum width; emulation gives the page a real phone viewport.
        options.add_experimental_option(
            "mobileEmulation",
            {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 2, "touch": True}},
        )
    if not javascript:
        # As a school's locked-down browser, or a page whose script failed to load.
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2}
        )
    options.add_argument(f"--window-size={width},{height}")
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.implicitly_wait(IMPLICIT_WAIT_SECONDS)
    return driver


IMPLICIT_WAIT_SECONDS = 5


@pytest.fixture
def browser(request, tmp_path):
    driver = _chromium(tmp_path / "profile", size=getattr(request, "param", DESKTOP))
    yield driver
    driver.quit()
    shutil.rmtree(tmp_path / "profile", ignore_errors=True)


@pytest.fixture
def browser_without_javascript(tmp_path):
    driver = _chromium(tmp_path / "profile", size=DESKTOP, javascript=False)
    yield driver
    driver.quit()
    shutil.rmtree(tmp_path / "profile", ignore_errors=True)


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
