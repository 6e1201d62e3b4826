"""The ``.parallax`` session format: a ReviewState to JSON and back (docs/SESSION_FORMAT.md).

Writing is plain ``json``; reading is strict, because a session may come from anywhere (a
colleague, a half-synced folder, a truncated download): anything that does not hold together
raises SessionError with one line for the user. Older format versions go through
``app.session_migrate`` first.
"""

from __future__ import annotations

import gzip
import io
import json
import math
import zlib
from datetime import UTC, datetime
from typing import Any

from app import __version__
from app.edits import Edit, EditKind
from app.jsonio import FORMAT as COMPARISON_FORMAT
from app.jsonio import VERSION as COMPARISON_VERSION
from app.jsonio import link_from, to_json
from app.model import Block, BlockKind, Claim, Comparison, Document, Link, Relation, Side, Topic
from app.review import Note, ReviewState, ViewState
from app.session_migrate import migrate

__all__ = [
    "FORMAT",
    "VERSION",
    "NewerVersionError",
    "SessionError",
    "session_from_bytes",
    "session_from_dict",
    "session_to_bytes",
    "session_to_dict",
]

FORMAT = "parallax.session"
VERSION = 1
SUFFIX = ".parallax"
#: Two 20 MB documents, their claims and links stay far below this; it stops a stray
#: multi-gigabyte file (or a gzip bomb) from exhausting memory before we can refuse it.
MAX_BYTES = 256 * 1024 * 1024
#: Comparison.extra key under which a loaded session remembers when it was first saved.
CREATED_KEY = "session_created"
FILTERS = ("all", "differences", "omissions")
#: Scroll positions are read into the GUI's 32-bit scroll bars.
MAX_SCROLL = 2**31 - 1


class SessionError(Exception):
    """A session that cannot be read or written; the message is one line for the user."""


class NewerVersionError(SessionError):
    """The file was written by a newer Parallax, in a format version this one cannot read."""


class _Damage(ValueError):
    """Internal: a precise reason why the content does not hold together."""


# --- writing -------------------------------------------------------------------------------


def session_to_bytes(
    state: ReviewState, extra: dict[str, Any] | None = None, now: str | None = None
) -> bytes:
    d = session_to_dict(state, now)
    if extra:
        d.update(extra)
    try:
        text = json.dumps(d, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except ValueError as exc:  # a NaN score: refuse rather than write a file we cannot read
        raise SessionError(f"cannot save this session ({exc})") from None
    try:
        return text.encode("utf-8") + b"\n"
    except UnicodeEncodeError:
        # a lone surrogate (pasted from somewhere odd) has no UTF-8 form; as a \u escape it
        # still round-trips, so escape everything rather than fail the save
        return json.dumps(d, separators=(",", ":"), allow_nan=False).encode("ascii") + b"\n"


def session_to_dict(state: ReviewState, now: str | None = None) -> dict[str, Any]:
    """The session as plain JSON values (format version ``VERSION``)."""
    cmp = state.comparison
    saved = now or timestamp()
    comparison = to_json(cmp)
    # The comparison JSON rounds scores and leaves out sentence numbers; a session is
    # lossless (a saved and reopened review equals the one saved), so put them back.
    for out, claim in zip(comparison["claims"], cmp.claims, strict=True):
        out["sentence"] = claim.sentence
    for out, link in zip(comparison["links"], cmp.links, strict=True):
        out["score"] = link.score
    view = state.view
    return {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "created": str(cmp.extra.get(CREATED_KEY) or saved),
        "saved": saved,
        "view": {
            "selected_claim": view.selected_claim,
            "selected_topic": view.selected_topic,
            "filter": view.filter,
            "scroll_a": view.scroll_a,
            "scroll_b": view.scroll_b,
        },
        "notes": [
            {"target": n.target, "text": n.text, "flags": sorted(n.flags)}
            for n in state.notes
            if not n.empty
        ],
        "edits": [
            {
                "kind": e.kind.value,
                "a": list(e.a),
                "b": list(e.b),
                "relation": e.relation.value if e.relation else None,
            }
            for e in state.edits
        ],
        "comparison": comparison,
    }


def timestamp() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


# --- reading -------------------------------------------------------------------------------


def session_from_bytes(data: bytes) -> ReviewState:
    if len(data) > MAX_BYTES:
        raise SessionError("too large to be a Parallax session")
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data)
    data = data.removeprefix(b"\xef\xbb\xbf")  # a BOM, if an editor added one
    head = data[:200].lstrip()
    if not head.startswith(b"{"):
        raise SessionError("not a Parallax session file")
    try:
        d = json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, UnicodeDecodeError
        if FORMAT.encode() in head:
            where = f" at character {exc.pos}" if isinstance(exc, json.JSONDecodeError) else ""
            raise SessionError(f"the file is damaged or incomplete (invalid JSON{where})") from None
        raise SessionError("not a Parallax session file") from None
    return session_from_dict(d)


def _gunzip(data: bytes) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            out = f.read(MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error):
        raise SessionError("the file is damaged or incomplete (broken compression)") from None
    if len(out) > MAX_BYTES:
        raise SessionError("too large to be a Parallax session")
    return out


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number")


def _one_line(text: str) -> str:
    """A version name from a file, as one short line (it could hold anything)."""
    line = " ".join(text.split())
    return line if len(line) <= 40 else line[:39] + "…"


def session_from_dict(d: Any) -> ReviewState:
    """A ReviewState from parsed JSON, migrating older versions; strict about structure."""
    if not isinstance(d, dict) or d.get("format") != FORMAT:
        raise SessionError("not a Parallax session file")
    version = d.get("version")
    if type(version) is not int or version < 0:
        raise SessionError("the file is damaged (its format version is missing or invalid)")
    if version > VERSION:
        writer = d.get("app_version")
        who = (
            f"Parallax {writer}"
            if isinstance(writer, str) and writer.strip()
            else "a newer version of Parallax"
        )
        raise NewerVersionError(
            f"made by {_one_line(who)} (format {version}); this is Parallax "
            f"{__version__}, which reads up to format {VERSION}: update Parallax to open it"
        )
    try:
        d = migrate(d)
        cmp = _comparison(_get(d, "comparison", dict))
        if created := _get(d, "created", str, ""):
            cmp.extra[CREATED_KEY] = created
        sides = {c.id: c.side for c in cmp.claims}
        return ReviewState(
            cmp,
            notes=_notes(_get(d, "notes", list, []), sides),
            edits=tuple(_edit(e, sides) for e in _get(d, "edits", list, [])),
            view=_view(_get(d, "view", dict, {}), cmp),
        )
    except _Damage as exc:
        raise SessionError(f"the file is damaged ({exc})") from None
    except (
        KeyError, TypeError, ValueError, AttributeError, IndexError, RecursionError, ArithmeticError
    ) as exc:  # fmt: skip
        raise SessionError(f"the file is damaged ({_describe(exc)})") from None


def _describe(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"missing field {exc}"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


_TYPE_NAMES = {dict: "an object", list: "a list", str: "text", int: "a whole number"}


def _get(d: dict[str, Any], key: str, typ: type, default: Any = ...) -> Any:
    """``d[key]``, checked to be of ``typ`` (a bool is not a number here)."""
    if key not in d:
        if default is ...:
            raise _Damage(f"missing field '{key}'")
        return default
    value = d[key]
    if not isinstance(value, typ) or (typ is int and isinstance(value, bool)):
        raise _Damage(f"'{key}' should be {_TYPE_NAMES.get(typ, typ.__name__)}")
    return value


def _opt_str(d: dict[str, Any], key: str) -> str | None:
    value = d.get(key)
    if value is not None and not isinstance(value, str):
        raise _Damage(f"'{key}' should be text")
    return value


def _comparison(c: dict[str, Any]) -> Comparison:
    # a session embeds the comparison JSON; one of another kind or a later version would
    # otherwise be half-read (unknown fields dropped without a word)
    if c.get("format", COMPARISON_FORMAT) != COMPARISON_FORMAT:
        raise _Damage("its comparison is not a Parallax comparison")
    inner = c.get("version", COMPARISON_VERSION)
    if type(inner) is not int or inner < 1:
        raise _Damage("its comparison's format version is invalid")
    if inner > COMPARISON_VERSION:
        raise _Damage(f"its comparison is in format version {inner}, newer than this app reads")
    docs = _get(c, "documents", list)
    by_side = {_get(_check_obj(doc), "side", str): doc for doc in docs}
    if len(docs) != 2 or set(by_side) != {"a", "b"}:
        raise _Damage("a session needs exactly the documents of side a and side b")
    doc_a, doc_b = _document(by_side["a"]), _document(by_side["b"])
    topics = tuple(_topic(_check_obj(t)) for t in _get(c, "topics", list, []))
    topic_ids = {t.id for t in topics}
    if len(topic_ids) != len(topics):
        raise _Damage("two topics share one id")
    texts = {Side.A: doc_a.text, Side.B: doc_b.text}
    claims = tuple(_claim(_check_obj(x), texts, topic_ids) for x in _get(c, "claims", list))
    sides = {x.id: x.side for x in claims}
    if len(sides) != len(claims):
        raise _Damage("two claims share one id")
    ids = set(sides)
    links = tuple(_link(_check_obj(x), sides, ids) for x in _get(c, "links", list))
    if len({(frozenset(x.a), frozenset(x.b)) for x in links}) != len(links):
        raise _Damage("two links join the same claims")
    return Comparison(
        doc_a, doc_b, claims, links, topics,
        engine=_get(c, "engine", str, ""), engine_version=_get(c, "engine_version", str, ""),
    )  # fmt: skip


def _check_obj(x: Any) -> dict[str, Any]:
    if not isinstance(x, dict):
        raise _Damage("an entry should be an object")
    return x


def _document(d: dict[str, Any]) -> Document:
    text = _get(d, "text", str)
    blocks = []
    for item in _get(d, "blocks", list, []):
        if not (isinstance(item, list) and len(item) == 4):
            raise _Damage("a block should be [kind, start, end, level]")
        kind, start, end, level = item
        if not all(type(v) is int for v in (start, end, level)):
            raise _Damage("block offsets should be whole numbers")
        if not 0 <= start <= end <= len(text):
            raise _Damage(f"a block runs outside its document ({start}..{end})")
        blocks.append(Block(BlockKind(kind), start, end, level))
    meta = {k: _get(d, k, str, "") for k in ("label", "source", "url", "date", "sha256")}
    return Document(text, tuple(blocks), **meta)


def _topic(t: dict[str, Any]) -> Topic:
    return Topic(_get(t, "id", str), _get(t, "label", str))


def _claim(c: dict[str, Any], texts: dict[Side, str], topic_ids: set[str]) -> Claim:
    cid = _get(c, "id", str)
    side = Side(_get(c, "side", str))
    start, end = _get(c, "start", int), _get(c, "end", int)
    text = texts[side]
    if not 0 <= start < end <= len(text) or text[start:end] != _get(c, "text", str):
        raise _Damage(f"claim {cid} does not match its document text")
    topic = _opt_str(c, "topic")
    if topic is not None and topic not in topic_ids:
        raise _Damage(f"claim {cid} names an unknown topic")
    sentence = _get(c, "sentence", int, 0)
    return Claim(cid, side, start, end, text[start:end], sentence=sentence, topic=topic)


def _link(d: dict[str, Any], sides: dict[str, Side], ids: set[str]) -> Link:
    for key in ("a", "b", "differences"):
        _get(d, key, list, [])
    for x in _get(d, "differences", list, []):
        if not isinstance(x, dict):
            raise _Damage("a difference should be an object")
    link = link_from(d, ids)
    if len(set(link.a)) != len(link.a) or len(set(link.b)) != len(link.b):
        raise _Damage("a link names one claim twice")
    if any(sides[c] is not Side.A for c in link.a) or any(sides[c] is not Side.B for c in link.b):
        raise _Damage("a link joins claims on the wrong sides")
    if not math.isfinite(link.score):
        raise _Damage("a link score is not a number")
    return link


def _ids(value: Any, sides: dict[str, Side], side: Side) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise _Damage("claim ids should be a list of text")
    if any(sides.get(x) is not side for x in value):
        raise _Damage(f"an edit or note names an unknown claim on side {side.value}")
    return tuple(value)


def _edit(e: Any, sides: dict[str, Side]) -> Edit:
    e = _check_obj(e)
    kind = EditKind(_get(e, "kind", str))
    relation = _opt_str(e, "relation")
    edit = Edit(kind, _ids(e.get("a"), sides, Side.A), _ids(e.get("b"), sides, Side.B),
                None if relation is None else Relation(relation))  # fmt: skip
    if kind is EditKind.RELATION and edit.relation is None:
        raise _Damage("a relation edit has no relation")
    return edit


def _notes(items: list[Any], sides: dict[str, Side]) -> tuple[Note, ...]:
    notes: dict[str, Note] = {}
    for n in items:
        n = _check_obj(n)
        target = _get(n, "target", str)
        _check_target(target, sides)
        flags = _get(n, "flags", list, [])
        if not all(isinstance(f, str) for f in flags):
            raise _Damage("note flags should be text")
        if target in notes:
            raise _Damage(f"two notes on {target}")
        note = Note(target, _get(n, "text", str, ""), frozenset(flags))
        if not note.empty:
            notes[target] = note
    return tuple(notes.values())


def _check_target(target: str, sides: dict[str, Side]) -> None:
    kind, _, rest = target.partition(":")
    if kind == "claim" and rest in sides:
        return
    if kind == "link" and "|" in rest:
        a, _, b = rest.partition("|")
        _ids(a.split(","), sides, Side.A)
        _ids(b.split(","), sides, Side.B)
        return
    raise _Damage(f"a note is attached to something unknown ({target[:40]})")


def _view(v: dict[str, Any], cmp: Comparison) -> ViewState:
    # The view is advice, not content: a selection that no longer exists is simply cleared.
    claim, topic = _opt_str(v, "selected_claim"), _opt_str(v, "selected_topic")
    scroll_a, scroll_b = _get(v, "scroll_a", int, 0), _get(v, "scroll_b", int, 0)
    filt = _get(v, "filter", str, "all")
    return ViewState(
        selected_claim=claim if claim in cmp.claim_by_id else None,
        selected_topic=topic if any(t.id == topic for t in cmp.topics) else None,
        filter=filt if filt in FILTERS else "all",
        scroll_a=min(max(scroll_a, 0), MAX_SCROLL),
        scroll_b=min(max(scroll_b, 0), MAX_SCROLL),
    )
