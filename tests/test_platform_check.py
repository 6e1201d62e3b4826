"""A Linux machine that cannot open a window gets one plain sentence, not a Qt abort."""

from __future__ import annotations

from ui import platform_check


def test_other_systems_and_explicit_platforms_are_left_to_qt() -> None:
    assert platform_check.problem({}, "darwin") is None
    assert platform_check.problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None


def test_no_display_is_explained() -> None:
    assert "no display" in (platform_check.problem({}, "linux") or "")


def test_wayland_needs_nothing_more() -> None:
    assert platform_check.problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None


def test_a_missing_x11_library_is_named_with_its_package() -> None:
    message = platform_check.problem(
        {"DISPLAY": ":0"}, "linux", missing_library=lambda: "libxcb-icccm.so.4"
    )
    assert message is not None
    assert "libxcb-icccm.so.4" in message and "sudo apt install libxcb-icccm4" in message
    assert platform_check.problem({"DISPLAY": ":0"}, "linux", lambda: None) is None


def test_debian_package_names() -> None:
    assert platform_check.debian_package("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert platform_check.debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert platform_check.debian_package("libxcb-render-util.so.0") == "libxcb-render-util0"


def test_the_real_probe_answers_without_crashing() -> None:
    found = platform_check.missing_xcb_library()
    assert found is None or ".so" in found
