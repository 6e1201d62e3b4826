"""Older ``.parallax`` format versions, rewritten step by step into the current one.

Each step takes the parsed JSON of version N and returns version N+1, and never changes
once released: it describes what version N+1 looked like, not what the code does today.
Steps may derive data the old version lacked but never recompute an alignment. They work
on untrusted input; a malformed file ends in KeyError/TypeError/ValueError, which the
reader turns into SessionError.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app import relations

__all__ = ["migrate"]

Step = Callable[[dict[str, Any]], dict[str, Any]]


def migrate(d: dict[str, Any]) -> dict[str, Any]:
    """Bring a parsed session of any older version up to the newest one this code knows.
    ``d`` itself is not changed."""
    version = d.get("version")
    while isinstance(version, int) and version in _STEPS:
        d = _STEPS[version](d)
        version = d["version"]
    return d


def _v0_to_v1(d: dict[str, Any]) -> dict[str, Any]:
    """Version 0 (Parallax 0.0.x) kept the comparison at the top level; its documents had
    only side, label and text; links had no differences and no manual flag; notes were a
    plain ``{claim id: text}`` map; there were no flags, no view and no ``created``.

    Paragraph blocks are rebuilt from blank lines. Differences are derived again from the
    claim texts for ``differs`` links (the stored relations stay as they are). A link is
    manual when one of the edits made it or set its relation."""
    docs = [
        {**_obj(doc), "blocks": _paragraph_blocks(doc["text"])} for doc in _list(d, "documents")
    ]
    claims = [_obj(c) for c in _list(d, "claims")]
    text_of = {c["id"]: c["text"] for c in claims}
    edits = [_obj(e) for e in _list(d, "edits", optional=True)]
    manual = {
        (tuple(e["a"]), tuple(e["b"])) for e in edits if e.get("kind") in ("link", "relation")
    }
    links = []
    for link in (_obj(x) for x in _list(d, "links")):
        a, b = tuple(link["a"]), tuple(link["b"])
        diffs = []
        if link.get("relation") == "differs":
            text_a = " ".join(str(text_of.get(x, "")) for x in a)
            text_b = " ".join(str(text_of.get(x, "")) for x in b)
            diffs = [
                {"kind": x.kind, "a": x.a, "b": x.b} for x in relations.differences(text_a, text_b)
            ]
        links.append({**link, "differences": diffs, "manual": (a, b) in manual})
    notes = d.get("notes") or {}
    if not isinstance(notes, dict):
        raise TypeError("version 0 notes should be a map of claim id to text")
    saved = d.get("saved", "")
    return {
        "format": "parallax.session",
        "version": 1,
        "app_version": d.get("app_version", ""),
        "created": saved,
        "saved": saved,
        "view": {},
        "notes": [{"target": f"claim:{k}", "text": v, "flags": []} for k, v in notes.items()],
        "edits": edits,
        "comparison": {
            "format": "parallax.comparison",
            "version": 1,
            "engine": d.get("engine", ""),
            "engine_version": d.get("engine_version", ""),
            "documents": docs,
            "claims": claims,
            "links": links,
            "topics": d.get("topics", []),
        },
    }


def _obj(x: Any) -> dict[str, Any]:
    if not isinstance(x, dict):
        raise TypeError("an entry should be an object")
    return x


def _list(d: dict[str, Any], key: str, optional: bool = False) -> list[Any]:
    value = d.get(key, [] if optional else None)
    if not isinstance(value, list):
        raise TypeError(f"'{key}' should be a list")
    return value


def _paragraph_blocks(text: Any) -> list[list[Any]]:
    """``[kind, start, end, level]`` for each blank-line-separated paragraph of ``text``."""
    if not isinstance(text, str):
        raise TypeError("document text should be text")
    blocks: list[list[Any]] = []
    pos = 0
    for part in text.split("\n\n"):
        stripped = part.strip()
        if stripped:
            start = pos + part.index(stripped)
            blocks.append(["paragraph", start, start + len(stripped), 0])
        pos += len(part) + 2
    return blocks


_STEPS: dict[int, Step] = {0: _v0_to_v1}
