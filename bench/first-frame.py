#!/usr/bin/env python3
"""Start-up from outside the program: process start -> first frame with text on screen.

usage: bench/first-frame.py [--display :99] [--runs 3] [--only NAME,...]

Build first: cargo build --release --bin pathok --example naive_label
(Chromium is measured too when `chromium` is installed.) Needs an X server on DISPLAY,
e.g. `Xvfb :99 -screen 0 1400x900x24 &`, and nothing else on it (no window manager:
windows open at the top left).

For the sample article and 100 KB, 10 MB and 50 MB Bengali articles (the test corpus
article repeated), each program is started RUNS times; the screen region where the
text appears is polled through libX11 every few milliseconds until it shows a light
page with dark text (>= 60 % light pixels, >= 1 % dark ones). Printed per run: seconds
from process start to that frame, and the resident memory of the process tree 2 s
after it. Then a Markdown table (median and min-max over the runs) for the README.

Every program is measured in the same run, one after the other, so the figures compare
side by side: Pathok with each renderer (`--renderer`), the naive eframe app (the whole
text in one egui Label, examples/naive_label.rs) with each renderer, and Chromium
showing the same text as HTML in an app window.
"""
import argparse
import ctypes
import html
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "tests", "data", "news-putin-kim.txt")
SAMPLE = os.path.join(ROOT, "assets", "sample", "pathagar.txt")
PATHOK = os.path.join(ROOT, "target", "release", "pathok")
NAIVE = os.path.join(ROOT, "target", "release", "examples", "naive_label")
SIZES = [("sample", None), ("100 KB", 100 * 1024), ("10 MB", 10 * 1024 * 1024),
         ("50 MB", 50 * 1024 * 1024)]
# Where the first lines of text are drawn in every program measured: the top of the
# page (Pathok's title line below its menu bar, the Label's first lines, Chromium's
# first paragraph), left of Pathok's side panel.
REGION = (40, 40, 660, 100)
TIMEOUT_S = 60


class XImage(ctypes.Structure):
    _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int),
                ("xoffset", ctypes.c_int), ("format", ctypes.c_int),
                ("data", ctypes.POINTER(ctypes.c_ubyte)), ("byte_order", ctypes.c_int),
                ("bitmap_unit", ctypes.c_int), ("bitmap_bit_order", ctypes.c_int),
                ("bitmap_pad", ctypes.c_int), ("depth", ctypes.c_int),
                ("bytes_per_line", ctypes.c_int), ("bits_per_pixel", ctypes.c_int)]


class Screen:
    """The X root window, read through libX11."""

    def __init__(self, display):
        x = ctypes.cdll.LoadLibrary("libX11.so.6")
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x.XGetImage.restype = ctypes.c_void_p
        x.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                                ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
        x.XFree.argtypes = [ctypes.c_void_p]
        self.x = x
        self.dpy = x.XOpenDisplay(display.encode())
        if not self.dpy:
            sys.exit(f"first-frame: cannot open display {display} (start Xvfb on it first)")
        self.root = x.XDefaultRootWindow(self.dpy)

    def shows_text(self):
        """True when the region is a light page with dark text on it."""
        x0, y0, w, h = REGION
        img = self.x.XGetImage(self.dpy, self.root, x0, y0, w, h, 0xFFFFFFFF, 2)
        if not img:
            return False
        im = ctypes.cast(img, ctypes.POINTER(XImage)).contents
        buf = ctypes.string_at(im.data, im.bytes_per_line * im.height)
        light = dark = n = 0
        for row in range(0, im.height, 3):
            base = row * im.bytes_per_line
            for col in range(0, im.width, 3):
                i = base + 4 * col
                lum = (buf[i + 2] * 3 + buf[i + 1] * 6 + buf[i]) // 10
                n += 1
                light += lum > 200
                dark += lum < 90
        self.x.XFree(ctypes.cast(im.data, ctypes.c_void_p))
        self.x.XFree(img)
        return light >= 0.6 * n and dark >= 0.01 * n


def tree_rss_mb(pid):
    """Resident memory of `pid` and all its descendants, in MB."""
    pids, frontier = {pid}, [pid]
    while frontier:
        p = frontier.pop()
        try:
            for t in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{t}/children") as f:
                    for c in f.read().split():
                        if int(c) not in pids:
                            pids.add(int(c))
                            frontier.append(int(c))
        except OSError:
            pass
    kb = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        kb += int(line.split()[1])
        except OSError:
            pass
    return kb / 1024


def measure(screen, display, cmd, env):
    """Seconds to the first text frame and MB resident 2 s later (None, None if never)."""
    env = dict(env, DISPLAY=display)
    # The screen must not show text before the program does.
    deadline = time.perf_counter() + 5
    while screen.shows_text() and time.perf_counter() < deadline:
        time.sleep(0.05)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    first = rss = None
    while time.perf_counter() - t0 < TIMEOUT_S and proc.poll() is None:
        if screen.shows_text():
            first = time.perf_counter() - t0
            break
        time.sleep(0.004)
    if first is not None:
        time.sleep(2)
        rss = tree_rss_mb(proc.pid)
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(5)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    return first, rss


def articles(work):
    """The articles measured: (label, .txt path, .html path); the sample has no .txt
    for Pathok (it is built in) but one for the baselines."""
    with open(CORPUS, encoding="utf-8") as f:
        corpus = f.read()
    with open(SAMPLE, encoding="utf-8") as f:
        sample = f.read()
    out = []
    for label, size in SIZES:
        if size is None:
            text = sample
        else:
            parts, n = [], 0
            while n < size:
                parts.append(corpus)
                parts.append("\n")
                n += len(corpus.encode()) + 1
            text = "".join(parts)
        name = label.replace(" ", "")
        txt = os.path.join(work, f"{name}.txt")
        with open(txt, "w", encoding="utf-8") as f:
            f.write(text)
        page = os.path.join(work, f"{name}.html")
        paras = "".join(f"<p>{html.escape(p)}</p>\n" for p in text.split("\n") if p.strip())
        with open(page, "w", encoding="utf-8") as f:
            f.write("<!doctype html><html><head><meta charset='utf-8'><title>article</title>"
                    "<style>@font-face{font-family:'Pathok Bengali';src:url('file://"
                    + os.path.join(ROOT, "fonts", "NotoSansBengali-Regular.ttf")
                    + "')}body{background:#fff;color:#222;font-size:18px;max-width:38em;"
                    "margin:40px auto;font-family:'Pathok Bengali',sans-serif}</style>"
                    f"</head><body>{paras}</body></html>")
        out.append((label, None if size is None else txt, txt, page))
    return out


def subjects(work):
    """(name, function from (pathok article or None, txt, html) to a command)."""
    out = []
    for r in ("glow", "wgpu"):
        out.append((f"Pathok ({r})",
                    lambda own, txt, page, r=r: [PATHOK, "--renderer", r] + ([own] if own else [])))
    for r in ("glow", "wgpu"):
        out.append((f"naive Label ({r})",
                    lambda own, txt, page, r=r: [NAIVE, "--renderer", r, txt]))
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        def chromium_cmd(own, txt, page):
            profile = tempfile.mkdtemp(dir=work, prefix="chromium-")
            # --test-type: no "unsupported flag" bar over the page (it has text).
            return [chromium, "--no-sandbox", "--test-type", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", f"--user-data-dir={profile}",
                    "--window-position=0,0", "--window-size=1100,800",
                    f"--app=file://{page}"]
        out.append(("Chromium (HTML, app window)", chromium_cmd))
    else:
        print("first-frame: chromium is not installed; measured without it", file=sys.stderr)
    return out


def span(values, fmt):
    values = [v for v in values if v is not None]
    if not values:
        return "—"
    lo, hi = min(values), max(values)
    return fmt(lo) if fmt(lo) == fmt(hi) else f"{fmt(lo)}–{fmt(hi)}"


def median(values):
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--display", default=os.environ.get("DISPLAY", ":99"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", help="comma-separated subjects (prefixes), e.g. Pathok,naive")
    args = ap.parse_args()
    for exe in (PATHOK, NAIVE):
        if not os.path.exists(exe):
            sys.exit(f"first-frame: build first (cargo build --release --bin pathok "
                     f"--example naive_label): {exe}")
    screen = Screen(args.display)
    with tempfile.TemporaryDirectory(prefix="pathok-first-frame-") as work:
        # A fresh home: no remembered settings (theme, size) and no recent files.
        home = os.path.join(work, "home")
        os.makedirs(home)
        env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
                   XDG_CONFIG_HOME=os.path.join(home, "config"),
                   XDG_CACHE_HOME=os.path.join(home, "cache"))
        env.pop("PATHOK_RENDERER", None)
        arts = articles(work)
        subs = subjects(work)
        if args.only:
            wanted = [w.strip().lower() for w in args.only.split(",")]
            subs = [s for s in subs if any(s[0].lower().startswith(w) for w in wanted)]
        results = {}
        for label, own, txt, page in arts:
            for name, command in subs:
                for run in range(args.runs):
                    first, rss = measure(screen, args.display, command(own, txt, page), env)
                    results.setdefault((name, label), []).append((first, rss))
                    shown = "never" if first is None else f"{first:.3f} s"
                    mem = "" if rss is None else f", {rss:.0f} MB"
                    print(f"{name:30} {label:7} run {run + 1}: {shown}{mem}", flush=True)
        print()
        print("| process start → first text frame: median (min–max), resident memory | "
              + " | ".join(a[0] for a in arts) + " |")
        print("| --- |" + " --- |" * len(arts))
        for name, _ in subs:
            cells = []
            for label, *_ in arts:
                runs = results.get((name, label), [])
                t = span([r[0] for r in runs], lambda v: f"{v:.2f}")
                mid = median([r[0] for r in runs])
                m = span([r[1] for r in runs], lambda v: f"{v:.0f}")
                never = sum(r[0] is None for r in runs)
                cell = f"**{mid:.2f} s** ({t}), {m} MB" if t != "—" else "no text in 60 s"
                if never and t != "—":
                    cell += f" ({never} run(s) showed no text)"
                cells.append(cell)
            print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
