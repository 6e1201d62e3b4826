"""The comparison JSON (format ``parallax.comparison``, version 1): writing and reading."""

from __future__ import annotations

from typing import Any

from app.model import (
    Block,
    BlockKind,
    Claim,
    Comparison,
    Difference,
    Document,
    Link,
    Relation,
    Side,
    Topic,
)

FORMAT = "parallax.comparison"
VERSION = 1


class FormatError(Exception):
    """JSON that is not a comparison this version can read; the message is for the user."""


def to_json(cmp: Comparison) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "engine": cmp.engine,
        "engine_version": cmp.engine_version,
        "documents": [_doc_json(cmp.doc_a, Side.A), _doc_json(cmp.doc_b, Side.B)],
        "claims": [
            {
                "id": c.id,
                "side": c.side.value,
                "start": c.start,
                "end": c.end,
                "text": c.text,
                "topic": c.topic,
            }
            for c in cmp.claims
        ],
        "links": [link_json(link) for link in cmp.links],
        "topics": [{"id": t.id, "label": t.label} for t in cmp.topics],
    }


def link_json(link: Link) -> dict[str, Any]:
    out: dict[str, Any] = {
        "a": list(link.a),
        "b": list(link.b),
        "relation": link.relation.value,
        "score": round(link.score, 4),
        "differences": [{"kind": d.kind, "a": d.a, "b": d.b} for d in link.differences],
    }
    if link.manual:
        out["manual"] = True
    return out


def _doc_json(doc: Document, side: Side) -> dict[str, Any]:
    return {
        "side": side.value,
        "label": doc.label,
        "source": doc.source,
        "url": doc.url,
        "date": doc.date,
        "sha256": doc.sha256,
        "text": doc.text,
        "blocks": [[b.kind.value, b.start, b.end, b.level] for b in doc.blocks],
    }


def from_json(data: Any) -> Comparison:
    """Read a comparison back; raises FormatError for anything malformed."""
    try:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise FormatError("not a Parallax comparison")
        version = data.get("version")
        if not isinstance(version, int) or version > VERSION:
            raise FormatError(f"comparison format version {version} is newer than this app")
        docs = {d["side"]: _doc_from(d) for d in data["documents"]}
        claims = tuple(_claim_from(c, docs) for c in data["claims"])
        ids = {c.id for c in claims}
        links = tuple(link_from(d, ids) for d in data["links"])
        topics = tuple(Topic(str(t["id"]), str(t["label"])) for t in data.get("topics", []))
        return Comparison(
            docs["a"], docs["b"], claims, links, topics,
            engine=str(data.get("engine", "")), engine_version=str(data.get("engine_version", "")),
        )  # fmt: skip
    except FormatError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
        raise FormatError(f"damaged comparison data ({type(exc).__name__}: {exc})") from None


def _doc_from(d: dict[str, Any]) -> Document:
    text = d["text"]
    if not isinstance(text, str):
        raise ValueError("document text is not a string")
    blocks = tuple(
        Block(BlockKind(k), int(s), int(e), int(lv)) for k, s, e, lv in d.get("blocks", [])
    )
    return Document(
        text,
        blocks,
        label=str(d.get("label", "")),
        source=str(d.get("source", "")),
        url=str(d.get("url", "")),
        date=str(d.get("date", "")),
        sha256=str(d.get("sha256", "")),
    )


def _claim_from(c: dict[str, Any], docs: dict[str, Document]) -> Claim:
    side = Side(c["side"])
    start, end = int(c["start"]), int(c["end"])
    text = docs[side.value].text
    if not (0 <= start < end <= len(text)) or text[start:end] != c["text"]:
        raise ValueError(f"claim {c['id']} does not match its document text")
    topic = c.get("topic")
    return Claim(
        str(c["id"]),
        side,
        start,
        end,
        text[start:end],
        sentence=int(c.get("sentence", 0)),
        topic=None if topic is None else str(topic),
    )


def link_from(d: dict[str, Any], ids: set[str]) -> Link:
    a, b = tuple(str(x) for x in d["a"]), tuple(str(x) for x in d["b"])
    if not a or not b or not set(a + b) <= ids:
        raise ValueError("a link names a claim that does not exist")
    diffs = tuple(
        Difference(str(x["kind"]), _opt(x.get("a")), _opt(x.get("b")))
        for x in d.get("differences", [])
    )
    score, manual = d.get("score", 0.0), d.get("manual", False)
    if isinstance(score, bool) or not isinstance(score, int | float):
        raise ValueError("a link score should be a number")
    if not isinstance(manual, bool):  # the text "false" must not read as true
        raise ValueError("a link's 'manual' should be true or false")
    try:
        score = float(score)
    except OverflowError:  # 10**400 is a valid JSON number, but no float
        raise ValueError("a link score is out of range") from None
    return Link(a, b, Relation(d["relation"]), score, diffs, manual=manual)


def _opt(v: object) -> str | None:
    return None if v is None else str(v)
