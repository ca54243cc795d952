#!/usr/bin/env python3
"""Test of the browser driver tests/scripts/browser_session.py, on a page of
its own written here: a button that counts its clicks, a range input, a key
handler, a hover handler that fills a tooltip, a coloured box at a known
place, a button far below the fold, one covered by another element, a
hidden one, and a button whose handler throws.

The page records what it receives (the key, code and keyCode of each key,
whether an event was trusted, that is, came from the input devices and not
from a script, and where a click landed), so that each action of the driver
is checked by what the page saw.  Then the driver's failures: an expression
that throws, elements it cannot reach, a page that hangs, and fake Chromiums
that never answer or end at once; none may hang, and none may leave a
process, a descriptor or a temporary folder behind.

The fake Chromiums need no browser; without Chromium the rest is skipped
with a visible `SKIP: ...` line.

Usage: python3 tests/scripts/test_browser_session.py [PATH_TO_nnsim]
(nnsim is not used; CTest passes it to every script test.)  Set
NNSIM_KEEP_PNG=FOLDER to keep the screenshot.  Standard library only.
Prints one line per failure and `N passed, M failed`; exits 1 when anything
failed.
"""

import os
import stat
import sys
import shutil
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser_session  # noqa: E402
import checks  # noqa: E402
import svg_render  # noqa: E402

WIDTH, HEIGHT = 800, 600
# The coloured box: its place and colour (CSS pixels, rgb).
BOX_LEFT, BOX_TOP, BOX_WIDTH, BOX_HEIGHT = 420, 300, 120, 80
BOX_COLOUR = (0, 128, 255)

PAGE = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>driver test</title>
<style>
  body {{ margin: 0; font: 14px sans-serif; background: #fff; }}
  #box {{ position: absolute; left: {BOX_LEFT}px; top: {BOX_TOP}px; width: {BOX_WIDTH}px;
         height: {BOX_HEIGHT}px; background: rgb{BOX_COLOUR}; }}
  #far {{ position: absolute; left: 20px; top: 2400px; }}
  #covered {{ position: absolute; left: 20px; top: 200px; }}
  #cover {{ position: absolute; left: 0; top: 180px; width: 200px; height: 80px; background: #eee; }}
  #hidden {{ display: none; }}
  #hover-target {{ position: absolute; left: 250px; top: 100px; width: 60px; height: 40px; background: #ccc; }}
</style></head>
<body>
  <button id="increment">add one</button> <span id="count">0</span>
  <input id="slider" type="range" min="0" max="10" value="3">
  <span id="slider-input">none</span> <span id="slider-change">none</span>
  <div id="hover-target">hover me</div> <div id="tooltip"></div>
  <div id="box"></div>
  <button id="covered">under</button> <div id="cover"></div>
  <button id="hidden">hidden</button>
  <button id="fail">fails</button>
  <button id="far">far below</button> <span id="far-count">0</span>
  <script>
    window.record = {{clicks: [], keys: [], hovers: 0}};
    document.getElementById("increment").addEventListener("click", (event) => {{
      const count = document.getElementById("count");
      count.textContent = String(Number(count.textContent) + 1);
      const box = event.target.getBoundingClientRect();
      record.clicks.push({{trusted: event.isTrusted, inside: event.clientX >= box.left && event.clientX <= box.right &&
                                                          event.clientY >= box.top && event.clientY <= box.bottom}});
    }});
    document.getElementById("far").addEventListener("click", () => {{
      const count = document.getElementById("far-count");
      count.textContent = String(Number(count.textContent) + 1);
    }});
    document.getElementById("covered").addEventListener("click", () => {{ record.coveredClicked = true; }});
    const slider = document.getElementById("slider");
    slider.addEventListener("input", () => {{ document.getElementById("slider-input").textContent = slider.value; }});
    slider.addEventListener("change", () => {{ document.getElementById("slider-change").textContent = slider.value; }});
    // The keys' default actions (End and Space scroll the page, smoothly,
    // over frames a loaded machine spreads far apart) are kept off, so that
    // no scroll is still moving the page when the next check looks at it.
    document.addEventListener("keydown", (event) => {{
      event.preventDefault();
      record.keys.push(event.key + "/" + event.code + "/" + event.keyCode + "/" + event.isTrusted);
    }});
    const target = document.getElementById("hover-target"), tooltip = document.getElementById("tooltip");
    target.addEventListener("mouseenter", (event) => {{
      record.hovers += 1; tooltip.textContent = "over " + target.id + (event.isTrusted ? " (trusted)" : "");
    }});
    target.addEventListener("mouseleave", () => {{ tooltip.textContent = ""; }});
    document.getElementById("fail").addEventListener("click", () => {{ throw new Error("the handler failed on purpose"); }});
    setTimeout(() => {{ window.readyLater = "yes"; }}, 300);
  </script>
</body></html>
"""


def open_descriptors():
    return set(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else set()


def scratch_folders():
    return {name for name in os.listdir(tempfile.gettempdir()) if name.startswith("nnsim-browser-")}


def process_alive(pid):
    """Whether a process of that id still runs (a zombie does not)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_or_none(page, expression):
    """The first truthy value of `expression` within a few seconds, or None."""
    try:
        return page.wait_for(expression, timeout=5)
    except browser_session.BrowserError:
        return None


def write_executable(path, text):
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)
    return path


# --- without a browser: fake Chromiums that fail ----------------------------

def test_fake_browsers(t, folder):
    """A browser that never answers must fail within the timeout, and its
    whole process group (here a child `sleep` too) must be killed; one that
    ends at once must be reported as ended."""
    pid_file = os.path.join(folder, "sleeper.pid")
    silent = write_executable(os.path.join(folder, "silent-chromium"),
                              f"#!/bin/sh\nsleep 300 &\necho $! > {pid_file}\nwait\n")
    saved = browser_session.LOAD_TIMEOUT
    browser_session.LOAD_TIMEOUT = 1
    try:
        seconds = t.raises("a browser that never answers fails",
                           lambda: browser_session.open_page("about:blank", chromium=silent).__enter__(),
                           browser_session.BrowserError, "within the time allowed")
    finally:
        browser_session.LOAD_TIMEOUT = saved
    t.check("... within a few seconds", seconds < 15, f"{seconds:.1f} s")
    if os.path.isfile(pid_file):
        with open(pid_file) as f:
            sleeper = int(f.read())
        # The kill is delivered asynchronously: give it a moment to land.
        deadline = time.monotonic() + 5
        while process_alive(sleeper) and time.monotonic() < deadline:
            time.sleep(0.05)
        t.check("... and its child process was killed with it", not process_alive(sleeper), f"pid {sleeper}")
    else:
        t.check("the fake browser started its child", False)

    ending = write_executable(os.path.join(folder, "ending-chromium"),
                              "#!/bin/sh\necho 'this fake chromium ends at once, on purpose' >&2\nexit 7\n")
    t.raises("a browser that ends at once is reported", lambda: browser_session.open_page(
        "about:blank", chromium=ending).__enter__(), browser_session.BrowserError, "chromium ended")


# --- with Chromium ------------------------------------------------------------

def test_page(t, page, keep):
    t.check("the page loads within 10 s", page.load_seconds < 10, f"{page.load_seconds:.1f} s")
    t.equal("no errors after loading", page.console_errors(), [])

    # evaluate: JSON values come back as Python values, promises are awaited.
    t.equal("evaluate: text", page.evaluate("document.title"), "driver test")
    t.equal("evaluate: a number", page.evaluate("6 * 7"), 42)
    t.equal("evaluate: an object", page.evaluate("({a: [1, 'b', null], c: true})"), {"a": [1, "b", None], "c": True})
    t.equal("evaluate: undefined is None", page.evaluate("undefined"), None)
    t.equal("evaluate: a promise is awaited", page.evaluate("new Promise(r => setTimeout(() => r('late'), 50))"), "late")
    t.raises("evaluate: an exception is raised with its message",
             lambda: page.evaluate("null.property"), browser_session.JavaScriptError, "TypeError")
    t.raises("evaluate: a thrown Error's own message",
             lambda: page.evaluate("(() => { throw new Error('deliberate failure'); })()"),
             browser_session.JavaScriptError, "deliberate failure")
    t.equal("an exception of evaluate is not a page error", page.console_errors(), [])

    # wait_for
    t.equal("wait_for: the value once truthy", page.wait_for("window.readyLater", timeout=5), "yes")
    seconds = t.raises("wait_for: a timeout", lambda: page.wait_for("window.never", timeout=0.3),
                       browser_session.BrowserError, "window.never")
    t.check("wait_for: the timeout is kept", seconds < 3, f"{seconds:.1f} s")

    # clicks: real mouse events at the element
    page.click("#increment")
    page.click("#increment")
    page.click("#increment")
    t.equal("click: three clicks counted", page.evaluate("document.getElementById('count').textContent"), "3")
    t.equal("click: trusted events inside the button", page.evaluate("record.clicks"),
            [{"trusted": True, "inside": True}] * 3)
    page.click("#far")
    t.equal("click: an element below the fold is scrolled to", page.evaluate(
        "document.getElementById('far-count').textContent"), "1")
    t.check("click: ... and the page scrolled", page.evaluate("window.scrollY") > 1000, page.evaluate("window.scrollY"))
    page.evaluate("window.scrollTo(0, 0)")
    t.raises("click: no such element", lambda: page.click("#missing"), browser_session.BrowserError, "no element matches")
    t.raises("click: a hidden element", lambda: page.click("#hidden"), browser_session.BrowserError, "hidden")
    t.raises("click: a covered element", lambda: page.click("#covered"), browser_session.BrowserError, "no visible point")
    t.equal("click: the covered element got nothing", page.evaluate("record.coveredClicked === true"), False)

    # a handler that throws is a page error
    page.click("#fail")
    errors = page.console_errors()
    t.check("an exception of a handler is reported", len(errors) == 1 and "the handler failed on purpose" in errors[0],
            repr(errors))
    page.evaluate("console.error('said on the console')")
    t.check("console.error is reported", page.console_errors()[-1:] == ["console.error: said on the console"],
            repr(page.console_errors()))

    # the slider
    t.equal("set_slider: the value", page.set_slider("#slider", 7), "7")
    t.equal("set_slider: input event", page.evaluate("document.getElementById('slider-input').textContent"), "7")
    t.equal("set_slider: change event", page.evaluate("document.getElementById('slider-change').textContent"), "7")
    t.equal("set_slider: clamped to the range", page.set_slider("#slider", 15), "10")
    t.equal("set_slider: the slider has the focus", page.evaluate("document.activeElement.id"), "slider")

    # keys, with the focus on the page itself
    page.evaluate("document.activeElement && document.activeElement.blur()")
    for key in ("ArrowRight", "ArrowLeft", "Home", "End", "Space", "a", "7"):
        page.press(key)
    t.equal("press: key, code and keyCode of each key", page.evaluate("record.keys"), [
        "ArrowRight/ArrowRight/39/true", "ArrowLeft/ArrowLeft/37/true", "Home/Home/36/true", "End/End/35/true",
        " /Space/32/true", "a/KeyA/65/true", "7/Digit7/55/true"])

    # hovering
    t.equal("no tooltip before hovering", page.evaluate("document.getElementById('tooltip').textContent"), "")
    # Chromium delivers mouseenter/mouseleave at its next hit test, which a
    # loaded machine can put after the next evaluation: wait for the handler.
    page.hover("#hover-target")
    hovered = "document.getElementById('tooltip').textContent"
    t.equal("hover: the tooltip", wait_or_none(page, hovered), "over hover-target (trusted)")
    page.hover("#box")
    t.equal("hover elsewhere: the tooltip is gone", wait_or_none(page, f"{hovered} === ''") and page.evaluate(hovered), "")
    t.equal("hover: one enter", page.evaluate("record.hovers"), 1)

    # the screenshot, of the page's top
    page.evaluate("window.scrollTo({left: 0, top: 0, behavior: 'instant'})")
    path = os.path.join(keep, "browser-session.png") if keep else None
    picture = page.screenshot(path)
    t.equal("screenshot: the viewport's size", (picture.width, picture.height), (WIDTH, HEIGHT))
    t.check("screenshot: a PNG", picture.png.startswith(b"\x89PNG"))
    inside = picture.count(lambda colour: colour == BOX_COLOUR,
                           (BOX_LEFT, BOX_TOP, BOX_LEFT + BOX_WIDTH, BOX_TOP + BOX_HEIGHT))
    t.equal("screenshot: the box is all its colour", inside, BOX_WIDTH * BOX_HEIGHT)
    t.equal("screenshot: the box's colour nowhere else",
            picture.count(lambda colour: colour == BOX_COLOUR), BOX_WIDTH * BOX_HEIGHT)
    t.equal("screenshot: white below the box", picture.pixel(BOX_LEFT + BOX_WIDTH // 2, BOX_TOP + BOX_HEIGHT + 5),
            svg_render.WHITE)
    if path:
        with open(path, "rb") as f:
            t.check("screenshot: saved", f.read() == picture.png)

    t.equal("the errors, in order", len(page.console_errors()), 2)


def test_hung_page(t, folder, chromium):
    """A page whose script never ends: evaluate fails within its timeout and
    leaving the page still ends the browser promptly."""
    path = os.path.join(folder, "hang.html")
    with open(path, "w") as f:
        f.write("<!DOCTYPE html><title>hang</title><p>loops when asked</p>")
    start = time.monotonic()
    with browser_session.open_page("file://" + path, 300, 200, chromium=chromium) as page:
        t.raises("a script that never ends times out", lambda: page.evaluate("while (true) {}", timeout=2),
                 browser_session.BrowserError, "within the time allowed")
    seconds = time.monotonic() - start
    t.check("... and the browser ends promptly", seconds < 20, f"{seconds:.1f} s")


def main():
    # A temporary folder of this test's own, so that the driver's scratch
    # folders can be counted while other tests (the viewer's browser test)
    # run at the same time (ctest -j2).
    private = tempfile.mkdtemp(prefix="nnsim-browser-selftest-")
    tempfile.tempdir = private
    try:
        return run_checks()
    finally:
        tempfile.tempdir = None
        shutil.rmtree(private, ignore_errors=True)


def run_checks():
    t = checks.Checks()
    descriptors = open_descriptors()
    folders = scratch_folders()
    keep = os.environ.get("NNSIM_KEEP_PNG")
    if keep:
        os.makedirs(keep, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="nnsim-browser-test-") as folder:
        test_fake_browsers(t, folder)
        chromium = browser_session.find_chromium()
        if chromium is None:
            if t.report():
                return 1
            browser_session.chromium_or_skip()
        page_path = os.path.join(folder, "page.html")
        with open(page_path, "w", encoding="utf-8") as f:
            f.write(PAGE)
        try:
            with browser_session.open_page("file://" + page_path, WIDTH, HEIGHT, chromium=chromium) as page:
                browser = page.browser
                test_page(t, page, keep)
            t.check("the browser has ended", browser.process is None)
            test_hung_page(t, folder, chromium)
        except browser_session.BrowserError as error:
            t.check("the browser works", False, str(error))
    t.equal("no descriptor left open", open_descriptors(), descriptors)
    t.equal("no temporary folder left", scratch_folders() - folders, set())
    return t.report()


if __name__ == "__main__":
    sys.exit(main())
