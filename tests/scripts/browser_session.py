"""Drives a page in headless Chromium as a person would: clicks, keys,
hovering, sliders, screenshots.

Not a test itself (CMake runs only test_*.py).  The browser tests
(tests/scripts/test_browser_session.py, test_view_browser.py) import it
after putting its directory on sys.path:

    import browser_session
    chromium = browser_session.chromium_or_skip()   # prints SKIP and exits 0 without it
    with browser_session.open_page("file:///.../trace.html", width=1200, height=800) as page:
        page.evaluate("document.getElementById('time').textContent")
        page.click("#forward")
        page.hover("[data-neuron='h1']")
        page.press("ArrowRight")
        page.set_slider("#step-slider", 7)
        page.wait_for("document.readyState === 'complete'")
        picture = page.screenshot("page.png")        # an svg_render.Picture
        assert page.console_errors() == []

Standard library only.  Chromium is spoken to with the Chrome DevTools
Protocol (https://chromedevtools.github.io/devtools-protocol/) over
`--remote-debugging-pipe`: Chromium reads commands from its file descriptor
3 and writes answers and events to its descriptor 4, each message a JSON
object ended by a NUL byte.  No port is opened, so tests running at the same
time cannot disturb each other.

Every wait is bounded (COMMAND_TIMEOUT, LOAD_TIMEOUT): a Chromium that
hangs or dies fails the test with BrowserError instead of hanging CTest, and
the whole process group of the browser is killed when the page is closed.
Chromium's messages on standard error (it prints many even when all is
well) go to a file and are shown only when something failed.
"""

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import svg_render  # noqa: E402  (find_chromium, chromium_or_skip, decode_png, Picture)

find_chromium = svg_render.find_chromium
chromium_or_skip = svg_render.chromium_or_skip

# Seconds one protocol command may take before the browser is taken for hung.
COMMAND_TIMEOUT = 20
# Seconds for Chromium to start and a page to load.
LOAD_TIMEOUT = 30
# Lines of Chromium's standard error shown after a failure.
SHOWN_STDERR_LINES = 30

# Parts of the lines Chromium always writes on standard error in a container
# without D-Bus, left out when its messages are shown after a failure.
NOISE = ("ERROR:dbus/", "/usr/bin/chromium: ", "Fontconfig error")

# The keys press() knows by name: (key, code, Windows virtual key code, text).
# The virtual key codes are those of the Windows API, which Chromium uses for
# keyCode in its key events.
NAMED_KEYS = {
    "ArrowLeft": ("ArrowLeft", "ArrowLeft", 37, ""),
    "ArrowUp": ("ArrowUp", "ArrowUp", 38, ""),
    "ArrowRight": ("ArrowRight", "ArrowRight", 39, ""),
    "ArrowDown": ("ArrowDown", "ArrowDown", 40, ""),
    "Home": ("Home", "Home", 36, ""),
    "End": ("End", "End", 35, ""),
    "PageUp": ("PageUp", "PageUp", 33, ""),
    "PageDown": ("PageDown", "PageDown", 34, ""),
    "Enter": ("Enter", "Enter", 13, "\r"),
    "Escape": ("Escape", "Escape", 27, ""),
    "Tab": ("Tab", "Tab", 9, ""),
    "Backspace": ("Backspace", "Backspace", 8, ""),
    "Delete": ("Delete", "Delete", 46, ""),
    "Space": (" ", "Space", 32, " "),
    " ": (" ", "Space", 32, " "),
}


class BrowserError(RuntimeError):
    """Chromium failed, hung, or could not do what was asked (an element not
    found or not visible)."""


class JavaScriptError(BrowserError):
    """A JavaScript exception thrown by an expression given to evaluate()."""


def _key_description(key):
    """(key, code, virtual key code, text) of a key name of NAMED_KEYS or one
    printable character."""
    if key in NAMED_KEYS:
        return NAMED_KEYS[key]
    if len(key) == 1:
        if key.isalpha():
            return key, "Key" + key.upper(), ord(key.upper()), key
        if key.isdigit():
            return key, "Digit" + key, ord(key), key
        return key, "", 0, key
    raise ValueError(f"unknown key {key!r}; known: {', '.join(sorted(NAMED_KEYS))} or one character")


def _spawn_with_pipe(command, commands_read_end, answers_write_end, stderr):
    """Starts `command` with commands_read_end as its descriptor 3 and
    answers_write_end as its descriptor 4, in a process group of its own.

    subprocess keeps descriptors open in the child under their own numbers
    (pass_fds), so the two ends are put at 3 and 4 in this process for the
    moment of the start, and whatever was there before is put back."""
    saved = {}
    try:
        for target, source in ((3, commands_read_end), (4, answers_write_end)):
            try:
                saved[target] = fcntl.fcntl(target, fcntl.F_DUPFD_CLOEXEC, 10)
            except OSError:
                saved[target] = None  # nothing was open there
            if source != target:
                os.dup2(source, target, inheritable=False)
        return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=stderr, stderr=stderr,
                                pass_fds=(3, 4), start_new_session=True)
    finally:
        for target, previous in saved.items():
            if previous is None:
                os.close(target)
            else:
                os.dup2(previous, target, inheritable=os.get_inheritable(previous))
                os.close(previous)


class Browser:
    """One headless Chromium process and its DevTools pipe."""

    def __init__(self, chromium=None, width=1200, height=800):
        chromium = chromium or find_chromium()
        if chromium is None:
            raise BrowserError(svg_render.SKIP_MESSAGE)
        self.scratch = tempfile.mkdtemp(prefix="nnsim-browser-")
        self.stderr_path = os.path.join(self.scratch, "chromium-stderr.txt")
        self.process = None
        self.next_id = 0
        self.buffer = b""
        self.events = []  # (sessionId, method, params) not yet looked at
        self.silent = False  # whether the browser once failed to answer in time
        command = [chromium, "--headless", "--disable-gpu", "--remote-debugging-pipe",
                   "--user-data-dir=" + os.path.join(self.scratch, "profile"),
                   f"--window-size={width},{height}", "--hide-scrollbars", "--mute-audio",
                   "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                   "--disable-sync", "--disable-background-networking", "--disable-component-update",
                   "--disable-default-apps", "--disable-background-timer-throttling",
                   "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
                   "--force-color-profile=srgb", "about:blank"]
        # As root Chromium refuses to start inside its sandbox (CI runs as
        # root); the pages shown are the project's own local files.
        if os.geteuid() == 0:
            command.insert(1, "--no-sandbox")
        commands_read, self.commands_write = os.pipe()
        self.answers_read, answers_write = os.pipe()
        try:
            with open(self.stderr_path, "wb") as stderr:
                self.process = _spawn_with_pipe(command, commands_read, answers_write, stderr)
        except BaseException:
            for fd in (self.commands_write, self.answers_read):
                os.close(fd)
            self.commands_write = self.answers_read = None
            self.close()
            raise
        finally:
            os.close(commands_read)
            os.close(answers_write)

    # --- the protocol ---------------------------------------------------------

    def send(self, method, params=None, session=None, timeout=None):
        """Sends one command and returns its result; raises BrowserError on an
        error answer, on a timeout (COMMAND_TIMEOUT seconds unless given), or
        when Chromium has ended."""
        timeout = COMMAND_TIMEOUT if timeout is None else timeout
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        deadline = time.monotonic() + timeout
        while data:
            ready = select.select([], [self.commands_write], [], max(0.0, deadline - time.monotonic()))[1]
            if not ready:
                self.silent = True
                raise BrowserError(f"chromium did not take the command {method} within {timeout} s")
            try:
                data = data[os.write(self.commands_write, data):]
            except BrokenPipeError:
                raise BrowserError(f"chromium ended before the command {method}{self._exit_status()}")
        while True:
            answer = self._read_message(deadline, f"the answer to {method}")
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise BrowserError(f"{method}: {answer['error'].get('message')} {answer['error'].get('data', '')}")
                return answer.get("result", {})
            if "method" in answer:
                self.events.append((answer.get("sessionId"), answer["method"], answer.get("params", {})))

    def wait_event(self, method, session=None, timeout=None):
        """The parameters of the first event `method` (of the session when
        given) not yet looked at, waiting for it at most `timeout` seconds
        (LOAD_TIMEOUT unless given)."""
        timeout = LOAD_TIMEOUT if timeout is None else timeout
        deadline = time.monotonic() + timeout
        while True:
            for index, (event_session, event_method, params) in enumerate(self.events):
                if event_method == method and (session is None or event_session == session):
                    del self.events[index]
                    return params
            message = self._read_message(deadline, f"the event {method}")
            if "method" in message:
                self.events.append((message.get("sessionId"), message["method"], message.get("params", {})))

    def drain(self):
        """Reads the events that have already arrived, without waiting."""
        while True:
            message = self._read_message(time.monotonic(), None)
            if message is None:
                return
            if "method" in message:
                self.events.append((message.get("sessionId"), message["method"], message.get("params", {})))

    def _read_message(self, deadline, awaited):
        """The next message, waiting until `deadline`; None at the deadline
        when `awaited` is None, else BrowserError."""
        while b"\0" not in self.buffer:
            remaining = deadline - time.monotonic()
            ready = select.select([self.answers_read], [], [], max(0.0, remaining))[0]
            if not ready:
                if awaited is None:
                    return None
                self.silent = True
                raise BrowserError(f"chromium sent no {awaited} within the time allowed{self._exit_status()}")
            chunk = os.read(self.answers_read, 1 << 20)
            if not chunk:
                raise BrowserError(f"chromium ended while waiting for {awaited or 'events'}{self._exit_status()}")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def _exit_status(self):
        if self.process is not None and self.process.poll() is not None:
            return f" (exit code {self.process.returncode})"
        return ""

    # --- the end --------------------------------------------------------------

    def stderr_tail(self, lines=SHOWN_STDERR_LINES):
        """The last lines Chromium wrote on standard error and output, but
        those of its complaints that are always there (no D-Bus in a
        container, a warning of Debian's start script)."""
        try:
            with open(self.stderr_path, encoding="utf-8", errors="replace") as f:
                kept = [line for line in f.read().splitlines() if not any(noise in line for noise in NOISE)]
                return "\n".join(kept[-lines:])
        except OSError:
            return ""

    def close(self):
        """Asks Chromium to end (unless it has stopped answering), kills its
        process group after a moment (always, so that no helper process
        outlives the test) and removes the profile."""
        if self.process is not None:
            if self.process.poll() is None and self.commands_write is not None and not self.silent:
                with contextlib.suppress(BrowserError, OSError, ValueError):
                    self.send("Browser.close", timeout=1)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.process.wait(timeout=2)
            # The renderer and other helpers are in the same group.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.process.pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=5)
            self.process = None
        for name in ("commands_write", "answers_read"):
            fd = getattr(self, name, None)
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
                setattr(self, name, None)
        shutil.rmtree(self.scratch, ignore_errors=True)


class Page:
    """One tab of a Browser, attached with its own protocol session."""

    def __init__(self, browser, width, height):
        self.browser = browser
        self.width = width
        self.height = height
        self.errors = []
        target = browser.send("Target.createTarget", {"url": "about:blank"}, timeout=LOAD_TIMEOUT)["targetId"]
        self.session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(domain + ".enable")
        # The viewport, and so the screenshot, is exactly width × height CSS
        # pixels at one device pixel each, whatever the window manager (none).
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def send(self, method, params=None, timeout=None):
        return self.browser.send(method, params, session=self.session, timeout=timeout)

    def goto(self, url, timeout=None):
        """Opens url and waits for its load event (at most `timeout` seconds,
        LOAD_TIMEOUT unless given); returns the seconds it took."""
        timeout = LOAD_TIMEOUT if timeout is None else timeout
        start = time.monotonic()
        self._collect_events()
        self.browser.events = [e for e in self.browser.events
                               if not (e[0] == self.session and e[1] == "Page.loadEventFired")]
        result = self.send("Page.navigate", {"url": url}, timeout=timeout)
        if result.get("errorText"):
            raise BrowserError(f"cannot open {url}: {result['errorText']}")
        self.browser.wait_event("Page.loadEventFired", self.session, timeout)
        return time.monotonic() - start

    # --- reading the page -----------------------------------------------------

    def evaluate(self, expression, timeout=None):
        """The value of a JavaScript expression (awaited when a promise),
        converted to Python through JSON: undefined is None.  Raises
        JavaScriptError with the exception's message when it throws."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True, "userGesture": True}, timeout=timeout)
        if "exceptionDetails" in result:
            raise JavaScriptError(f"{expression}: {_exception_text(result['exceptionDetails'])}")
        return result.get("result", {}).get("value")

    def wait_for(self, expression, timeout=10, interval=0.05):
        """Evaluates `expression` until its value is truthy and returns that
        value; raises BrowserError when it is still falsy after `timeout`
        seconds."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise BrowserError(f"still false after {timeout} s: {expression} (last value {value!r})")
            time.sleep(interval)

    def console_errors(self):
        """The texts of the JavaScript exceptions the page did not catch and
        of its console.error / console.assert / log errors so far.  The page
        first finishes the tasks already queued (a click's handler may still
        be running when the click returns, and its exception is reported
        only after it), so that what a caller just did is counted."""
        self.evaluate("new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => resolve()), 0))")
        self._collect_events()
        return list(self.errors)

    def _collect_events(self):
        self.browser.drain()
        kept = []
        for session, method, params in self.browser.events:
            if session != self.session:
                kept.append((session, method, params))
            elif method == "Runtime.exceptionThrown":
                self.errors.append(_exception_text(params["exceptionDetails"]))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                self.errors.append(f"console.{params['type']}: " + " ".join(
                    str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", [])))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                entry = params["entry"]
                self.errors.append(f"{entry.get('source')}: {entry.get('text')} {entry.get('url', '')}".rstrip())
            elif method == "Page.loadEventFired":
                kept.append((session, method, params))
        self.browser.events = kept

    # --- acting on it ---------------------------------------------------------

    def element_point(self, selector, element_expression=None):
        """The (x, y) in the viewport where a mouse reaches the element of
        the CSS `selector` (or of a JavaScript expression whose value is the
        element, when given), scrolled into view first: the centre of the
        first of the element and its descendants whose centre is not covered
        by something else.  Raises BrowserError when there is no such
        element, or it is not displayed."""
        element_expression = element_expression or f"document.querySelector({json.dumps(selector)})"
        found = self.evaluate(f"""(async () => {{
            const element = {element_expression};
            if (!element) return {{problem: "no element matches"}};
            // A scroll may still be moving the page (keys scroll smoothly
            // over several frames, and a loaded machine can skip frames of
            // it): scroll the element into view until it stays in place for
            // three frames in a row.
            let last = "", still = 0;
            for (let frame = 0; frame < 120 && still < 3; ++frame) {{
                element.scrollIntoView({{block: "center", inline: "center", behavior: "instant"}});
                await new Promise((resolve) => requestAnimationFrame(resolve));
                const box = element.getBoundingClientRect(), place = box.left + "," + box.top;
                still = place === last ? still + 1 : 0;
                last = place;
            }}
            const style = getComputedStyle(element);
            if (style.display === "none" || style.visibility === "hidden")
                return {{problem: "the element is hidden (" + style.display + ", " + style.visibility + ")"}};
            for (const part of [element, ...element.querySelectorAll("*")]) {{
                const box = part.getBoundingClientRect();
                if (box.width <= 0 || box.height <= 0) continue;
                const x = box.left + box.width / 2, y = box.top + box.height / 2;
                const hit = document.elementFromPoint(x, y);
                if (hit && element.contains(hit)) return {{x, y}};
            }}
            const box = element.getBoundingClientRect();
            return {{problem: "no visible point of the element (box " + box.left + "," + box.top + " " +
                              box.width + "x" + box.height + ")"}};
        }})()""")
        if "problem" in found:
            raise BrowserError(f"cannot reach {selector}: {found['problem']}")
        return found["x"], found["y"]

    def mouse(self, kind, x, y, button="none", click_count=0):
        self.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": button,
                                               "buttons": 1 if kind == "mousePressed" else 0,
                                               "clickCount": click_count})

    def click(self, selector, element_expression=None):
        """A left click at the element of the CSS selector (or of the
        JavaScript expression, see element_point), as a mouse does it: moved
        there, pressed, released."""
        x, y = self.element_point(selector, element_expression)
        self.mouse("mouseMoved", x, y)
        self.mouse("mousePressed", x, y, "left", 1)
        self.mouse("mouseReleased", x, y, "left", 1)

    def hover(self, selector, element_expression=None):
        """Moves the mouse onto the element (as in click)."""
        x, y = self.element_point(selector, element_expression)
        self.mouse("mouseMoved", x, y)

    def press(self, key):
        """Presses and releases a key: a name of NAMED_KEYS (ArrowRight,
        Home, End, Space, ...) or one character."""
        name, code, virtual_code, text = _key_description(key)
        down = {"type": "keyDown" if text else "rawKeyDown", "key": name, "code": code,
                "windowsVirtualKeyCode": virtual_code, "nativeVirtualKeyCode": virtual_code}
        if text:
            down["text"] = down["unmodifiedText"] = text
        self.send("Input.dispatchKeyEvent", down)
        self.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": name, "code": code,
                                             "windowsVirtualKeyCode": virtual_code,
                                             "nativeVirtualKeyCode": virtual_code})

    def set_slider(self, selector, value):
        """Sets an input's value and sends the `input` and `change` events a
        person's dragging sends; the input keeps the focus, as after a drag,
        so that keys pressed next go to it.  Returns the value the input
        then holds (a range input clamps it to its range and step)."""
        return self.evaluate(f"""(() => {{
            const element = document.querySelector({json.dumps(selector)});
            if (!element) throw new Error("no element matches " + {json.dumps(selector)});
            element.focus();
            element.value = {json.dumps(str(value))};
            element.dispatchEvent(new Event("input", {{bubbles: true}}));
            element.dispatchEvent(new Event("change", {{bubbles: true}}));
            return element.value;
        }})()""")

    def screenshot(self, path=None):
        """The page as shown (the viewport) as an svg_render.Picture; the PNG
        is also written to `path` when given."""
        data = base64.b64decode(self.send("Page.captureScreenshot", {"format": "png"}, timeout=LOAD_TIMEOUT)["data"])
        if path:
            with open(path, "wb") as f:
                f.write(data)
        width, height, channels, rows = svg_render.decode_png(data)
        picture = svg_render.Picture(width, height, channels, rows)
        picture.png = data
        return picture


def _exception_text(details):
    exception = details.get("exception") or {}
    text = exception.get("description") or exception.get("value") or details.get("text", "exception")
    return str(text).split("\n")[0] if exception.get("description") else str(text)


@contextlib.contextmanager
def open_page(url, width=1200, height=800, chromium=None, load_timeout=None):
    """A Page showing url in a fresh headless Chromium with a width × height
    viewport; the browser is ended and its profile removed on leaving.  When
    the body raises, Chromium's last lines of standard error are printed
    first (they often say why)."""
    browser = Browser(chromium, width, height)
    try:
        page = Page(browser, width, height)
        page.load_seconds = page.goto(url, load_timeout)
        yield page
    except BaseException:
        tail = browser.stderr_tail()
        if tail:
            print("chromium's standard error:\n" + tail, file=sys.stderr)
        raise
    finally:
        browser.close()
