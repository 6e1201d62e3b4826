"""Damaged session files: the loader answers SessionError or a valid review, never a crash,
and never touches the file."""

from __future__ import annotations

import contextlib
import copy
import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from session_support import reviewed_state

from app.review import ReviewState
from app.session import SessionError, load_session, session_to_dict
from app.session_codec import session_from_bytes, session_to_bytes

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

GOOD = session_to_bytes(reviewed_state())
GOOD_END = len(GOOD.rstrip())  # cutting only the final newline leaves a whole file
GOOD_DICT = session_to_dict(reviewed_state())
V0 = (Path(__file__).parent / "fixtures" / "session_v0.parallax").read_bytes()
V0_END = len(V0.rstrip())


def survives(data: bytes) -> ReviewState | None:
    """Load ``data``; SessionError is the only failure allowed."""
    try:
        return session_from_bytes(data)
    except SessionError as exc:
        message = str(exc)
        assert message and "\n" not in message and "Traceback" not in message
        return None


@FUZZ
@given(cut=st.integers(0, GOOD_END - 1))
def test_truncated_files_are_refused(cut: int) -> None:
    assert survives(GOOD[:cut]) is None


@FUZZ
@given(cut=st.integers(0, V0_END - 1))
def test_truncated_version_0_files_are_refused(cut: int) -> None:
    assert survives(V0[:cut]) is None


@FUZZ
@given(st.data())
def test_truncated_gzip_is_refused(data: st.DataObject) -> None:
    packed = gzip.compress(GOOD)
    assert survives(packed[: data.draw(st.integers(0, len(packed) - 1))]) is None


@FUZZ
@given(flips=st.lists(st.tuples(st.integers(0, len(GOOD) - 1), st.integers(0, 255)), max_size=8))
def test_flipped_bytes_never_crash(flips: list[tuple[int, int]]) -> None:
    data = bytearray(GOOD)
    for pos, value in flips:
        data[pos] = value
    survives(bytes(data))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@FUZZ
@given(value=json_values)
def test_random_json_is_refused(value: Any) -> None:
    assert survives(json.dumps(value).encode()) is None
    shaped = {"format": "parallax.session", "version": 1, "comparison": value}
    assert survives(json.dumps(shaped).encode()) is None


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += paths(v, (*prefix, i))
    return out


GOOD_PATHS = [p for p in paths(GOOD_DICT) if p]


@FUZZ
@given(where=st.lists(st.sampled_from(GOOD_PATHS), min_size=1, max_size=3), value=json_values)
def test_wrong_values_anywhere_never_crash(where: list[tuple[Any, ...]], value: Any) -> None:
    d = copy.deepcopy(GOOD_DICT)
    for path in where:
        node = d
        try:
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = copy.deepcopy(value)  # the same object twice could nest itself
        except (KeyError, IndexError, TypeError):
            continue  # an earlier replacement removed this path
    survives(json.dumps(d).encode())


@FUZZ
@given(where=st.sampled_from(GOOD_PATHS))
def test_missing_fields_never_crash(where: tuple[Any, ...]) -> None:
    d = copy.deepcopy(GOOD_DICT)
    node = d
    for key in where[:-1]:
        node = node[key]
    del node[where[-1]]
    survives(json.dumps(d).encode())


def damaged(change: str) -> dict[str, Any]:
    d = copy.deepcopy(GOOD_DICT)
    c = d["comparison"]
    exec(change, {"d": d, "c": c})
    return d


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ("c['claims'][0]['start'] = 10**6", "does not match its document text"),
        ("c['claims'][0]['end'] = c['claims'][0]['start']", "does not match its document text"),
        ("c['claims'][0]['text'] = 'something else'", "does not match its document text"),
        ("c['claims'][0]['start'] = 1.5", "'start' should be a whole number"),
        ("c['claims'][0]['start'] = True", "'start' should be a whole number"),
        ("c['claims'][1]['id'] = c['claims'][0]['id']", "two claims share one id"),
        ("c['claims'][0]['topic'] = 'nope'", "unknown topic"),
        ("c['claims'][0]['side'] = 'c'", "'c' is not a valid Side"),
        ("c['links'][0]['a'] = ['zz9']", "a link names a claim that does not exist"),
        (
            "c['links'][0]['a'], c['links'][0]['b'] = c['links'][0]['b'], c['links'][0]['a']",
            "wrong sides",
        ),
        ("c['links'][0]['a'] = 'a1'", "'a' should be a list"),
        ("c['links'].append(dict(c['links'][0]))", "two links join the same claims"),
        ("c['links'][0]['a'] = c['links'][0]['a'] * 2", "a link names one claim twice"),
        ("c['format'] = 'parallax.session'", "not a Parallax comparison"),
        ("c['version'] = 2", "format version 2, newer than this app reads"),
        ("c['version'] = '1'", "comparison's format version is invalid"),
        ("c['links'][0]['relation'] = 'maybe'", "'maybe' is not a valid Relation"),
        ("c['links'][0]['score'] = 'high'", "a link score should be a number"),
        ("c['links'][0]['score'] = True", "a link score should be a number"),
        ("c['links'][0]['score'] = 10**400", "a link score is out of range"),
        ("c['links'][0]['manual'] = 'false'", "'manual' should be true or false"),
        ("c['links'][0]['manual'] = 0", "'manual' should be true or false"),
        ("c['documents'][0]['blocks'][0][2] = 10**6", "a block runs outside its document"),
        ("c['documents'][0]['blocks'][0] = ['heading', 0]", "a block should be"),
        ("c['documents'][0]['text'] = None", "'text' should be text"),
        ("c['documents'].pop()", "exactly the documents of side a and side b"),
        ("c['documents'][1]['side'] = 'a'", "exactly the documents of side a and side b"),
        ("d['edits'][0]['a'] = ['zz9']", "unknown claim on side a"),
        ("d['edits'][0]['kind'] = 'merge'", "'merge' is not a valid EditKind"),
        ("d['edits'][2]['relation'] = None", "a relation edit has no relation"),
        ("d['notes'][0]['target'] = 'claim:zz9'", "attached to something unknown"),
        ("d['notes'][0]['target'] = 'link:a0|zz9'", "unknown claim on side b"),
        ("d['notes'][1]['target'] = d['notes'][0]['target']", "two notes on"),
        ("d['notes'][0]['flags'] = [1]", "note flags should be text"),
        ("d['notes'] = {}", "'notes' should be a list"),
        ("d['view']['scroll_a'] = 'top'", "'scroll_a' should be a whole number"),
        ("del c['claims']", "missing field 'claims'"),
    ],
)
def test_structural_damage_is_named(change: str, reason: str) -> None:
    with pytest.raises(SessionError) as info:
        session_from_bytes(json.dumps(damaged(change)).encode())
    assert str(info.value).startswith("the file is damaged (")
    assert reason in str(info.value)


def test_stale_view_state_is_cleared_not_refused() -> None:
    d = copy.deepcopy(GOOD_DICT)
    d["view"].update(selected_claim="zz9", selected_topic="t99", filter="someday", scroll_b=-5)
    view = session_from_bytes(json.dumps(d).encode()).view
    assert (view.selected_claim, view.selected_topic, view.filter, view.scroll_b) == (
        None, None, "all", 0)  # fmt: skip


def test_scroll_positions_are_clamped_to_what_a_scroll_bar_takes() -> None:
    d = copy.deepcopy(GOOD_DICT)
    d["view"].update(scroll_a=2**40, scroll_b=-(2**40))
    view = session_from_bytes(json.dumps(d).encode()).view
    assert (view.scroll_a, view.scroll_b) == (2**31 - 1, 0)


@pytest.mark.parametrize(
    "data",
    [
        b"[" * 100_000,
        b'{"format":"parallax.session","version":1,"comparison":' + b"[" * 100_000,
        b'{"format":"parallax.session","version":1,"x":NaN}',
        b'{"format":"parallax.session","version":1,"x":1' + b"0" * 5000 + b"}",
        '{"format":"parallax.session"}'.encode("utf-16"),
        GOOD.replace(b'"scroll_a":340', b'"scroll_a":Infinity'),
        b'{"format":"parallax.session","version":1,"created":"\xff\xfe"}',
    ],
)
def test_pathological_json(data: bytes) -> None:
    assert survives(data) is None


@FUZZ
@given(cut=st.integers(0, len(GOOD) - 1), flip=st.integers(0, 255))
def test_loading_never_modifies_the_file(tmp_path_factory: pytest.TempPathFactory, cut: int,
                                         flip: int) -> None:  # fmt: skip
    path = tmp_path_factory.mktemp("s") / "s.parallax"
    data = bytearray(GOOD[: max(cut, 1)])
    data[cut // 2] = flip
    path.write_bytes(bytes(data))
    before = path.stat()
    with contextlib.suppress(SessionError):
        load_session(path)
    after = path.stat()
    assert path.read_bytes() == bytes(data)
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)
    assert [p.name for p in path.parent.iterdir()] == ["s.parallax"]
