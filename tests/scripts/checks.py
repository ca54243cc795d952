"""The count of passed and failed checks that the test scripts share
(cli_tester.Tester, test_browser_session.py, test_view_browser.py,
test_plot_render.py).

Not a test itself (CMake runs only test_*.py).  A failed check prints a
`FAIL name` line with its details and counts; the script ends with
`return t.report()`, which prints `N passed, M failed` and gives the exit
code: 1 when any check failed, so that CTest sees the failure.  Standard
library only.
"""

import time


class Checks:
    # Problems shown by a failed `none` check.
    shown_problems = 5

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, condition, details=""):
        """Counts the check; prints it with its details when it failed.
        Returns the condition, for checks that later ones depend on."""
        if condition:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {name}" + (f"\n     {details}" if details else ""))
        return condition

    def equal(self, name, actual, expected):
        return self.check(name, actual == expected, f"expected {expected!r}, got {actual!r}")

    def none(self, name, problems):
        """A check that the list of problems is empty; shows the first few."""
        shown = "\n     ".join(str(p) for p in problems[:self.shown_problems])
        more = f"\n     ... and {len(problems) - self.shown_problems} more" if len(problems) > self.shown_problems else ""
        return self.check(name, not problems, shown + more)

    def raises(self, name, action, error_type, containing=""):
        """Checks that action() raises error_type with `containing` in its
        message; returns the seconds it took."""
        start = time.monotonic()
        try:
            action()
        except error_type as error:
            self.check(name, containing in str(error), f"the message {str(error)!r} lacks {containing!r}")
        except Exception as error:  # noqa: BLE001 - any other failure is this check's failure
            self.check(name, False, f"raised {type(error).__name__}: {error}")
        else:
            self.check(name, False, f"no {error_type.__name__} raised")
        return time.monotonic() - start

    def report(self, after=""):
        """Prints `N passed, M failed` (then `after`) and returns the exit
        code: 0 when every check passed, 1 otherwise."""
        print(f"{self.passed} passed, {self.failed} failed{after}")
        return 1 if self.failed else 0
