"""Headless Chromium driven through chromedriver (both from Debian's packages), as a person would use it."""

import os
import shutil

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def chromium():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900",
                 "--lang=en-GB"):
        options.add_argument(flag)
    # The driver named outright: Selenium must not go looking for one on the network.
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


def sign_in(driver, base: str, name: str, password: str):
    driver.delete_all_cookies()
    driver.get(base + "/sign-in")
    driver.find_element(By.NAME, "name").send_keys(name)
    driver.find_element(By.NAME, "password").send_keys(password)
    button = driver.find_element(By.CSS_SELECTOR, "form.sign-in button[type=submit]")
    button.click()
    WebDriverWait(driver, 60).until(lambda _: detached(button))  # the next page has loaded
    if "/sign-in" in driver.current_url:
        raise AssertionError(f"{name} could not sign in: {text(driver)[:300]}")


def text(driver) -> str:
    """What a person reads on the page: the rendered text, not the markup."""
    return driver.find_element(By.TAG_NAME, "body").text


def chart_labels(driver) -> list[str]:
    """The text drawn inside the page's SVG charts (axis labels, units, titles)."""
    return [element.text for element in driver.find_elements(By.CSS_SELECTOR, "svg text") if element.text]


def screenshot(driver, path: str):
    """The whole page, not only the window: the window is stretched to the page's height first."""
    height = driver.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
    driver.set_window_size(1280, min(max(height, 900), 16000))
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    driver.save_screenshot(path)
    driver.set_window_size(1280, 900)


def fill(driver, fields: dict[str, str]):
    """Types into the page's inputs, by name."""
    for name, value in fields.items():
        element = driver.find_element(By.NAME, name)
        if element.get_attribute("type") == "date":
            # A date field takes keys in the browser's locale's order; its value is ISO whatever the locale.
            driver.execute_script("arguments[0].value = arguments[1]", element, value)
            continue
        element.clear()
        element.send_keys(value)


def choose(driver, fields: dict[str, str]):
    """Picks an option of the page's selects, by name and the option's value."""
    from selenium.webdriver.support.select import Select
    for name, value in fields.items():
        Select(driver.find_element(By.NAME, name)).select_by_visible_text(value)


def tick(driver, name: str, values: list[str]):
    for value in values:
        driver.find_element(By.CSS_SELECTOR, f"input[type=checkbox][name='{name}'][value='{value}']").click()


def submit(driver, form: str):
    """Sends a form as a person would (its button) and waits for the page that answers."""
    button = driver.find_element(By.CSS_SELECTOR, f"{form} button[type=submit]")
    button.click()
    WebDriverWait(driver, 300).until(lambda _: detached(button))


def detached(element) -> bool:
    """Whether the page the element was on has gone. Chromium's driver reports a node of a page being
    replaced in more than one way (stale, or "does not belong to the document"): each means it has gone."""
    try:
        element.is_enabled()
        return False
    except WebDriverException:
        return True


def attach(driver, name: str, paths: list[str]):
    """Picks files for a file input (several at once where it takes several)."""
    driver.find_element(By.CSS_SELECTOR, f"input[type=file][name='{name}']").send_keys("\n".join(paths))
