"""A real Chromium (Debian's) against `streamlit run` on synthetic tables; never downloads a browser."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives a real Chromium against `streamlit run`")


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}: install Debian's `chromium` package to run browser tests")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args():
    """Debian's Chromium, headless and offline-friendly (pytest-playwright reads this fixture)."""
    return {
        "executable_path": str(CHROMIUM),
        "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A desktop-sized window so the screenshots show the page as a reader sees it."""
    return {**browser_context_args, "viewport": {"width": 1440, "height": 1000}}


@pytest.fixture(scope="session")
def shared_context(browser, browser_context_args):
    """One browser context for the session: its cache keeps Streamlit's scripts and plotly
    between tests, which otherwise each download them again (most of a test's time here)."""
    context = browser.new_context(**browser_context_args)
    yield context
    context.close()


@pytest.fixture
def page(shared_context):
    """A fresh tab per test in the shared context (overrides pytest-playwright's `page`)."""
    tab = shared_context.new_page()
    yield tab
    tab.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("localhost", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def serve_atlas():
    """The server starter for tests that need their own tables: `with serve_atlas(data, articles, logs) as url`."""
    return _serve_atlas


@contextlib.contextmanager
def _serve_atlas(data: Path, articles: Path, log_dir: Path, extra_env: dict[str, str] | None = None):
    """`streamlit run app.py` on localhost over the tables in data (built from articles when that
    folder exists and they are stale); yields its address and stops it afterwards."""
    port = _free_port()
    env = {**os.environ, "MIDDLEPOWERS_DATA": str(data), "MIDDLEPOWERS_ARTICLES": str(articles), **(extra_env or {})}
    log = open(log_dir / f"streamlit-{port}.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "localhost", "--server.port", str(port),
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://localhost:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start; see {log.name}")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="session")
def atlas_url(tmp_path_factory):
    """Start `streamlit run app.py` on synthetic tables; yield its address; stop it."""
    from middlepowers import store
    from middlepowers.synthetic import synthetic_tables

    data = tmp_path_factory.mktemp("tables")
    store.write_tables(synthetic_tables(400, seed=3), data)
    with _serve_atlas(data, data / "no-articles", tmp_path_factory.mktemp("server")) as url:
        yield url
