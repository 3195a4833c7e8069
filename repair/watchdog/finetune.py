"""Fine-tune the top of the MiniLM encoder (LoRA) jointly with the logistic head (torch, CPU, cold path only).

Used by `python -m repair.watchdog.train`; never imported at run time. Deterministic: one thread, fixed seeds,
a fixed batch order from a seeded generator, no dropout (the model is in eval mode; LoRA has no dropout).

Cost control: the lower `6 - TOP_LAYERS` layers are frozen, so their outputs are computed once per distinct text
(`Trunk`) and every training step only runs (and back-propagates through) the top layers.

    features(text) = [pool(top(h(text))) (384), pool(top(h(frame(text)))) (384), lexical(text) (N_LEXICAL)]
    loss = sum_i s_i * logloss(w . features_i + b, y_i) / n + ||w||^2 / (2 C n)     (s_i: balanced class weights)
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn

from repair.watchdog.adapter import TARGETS, Adapter, module_name
from repair.watchdog.encoder import MAX_TOKENS, clip_chars, head_tail, load_tokenizer, model_dir

TOP_LAYERS = 3  # adapted layers (of 6): 3, 4 and 5
RANK = 8
ALPHA = 16.0
EPOCHS = 4
BATCH = 32
LR = 1e-3  # LoRA factors
LR_HEAD = 3e-3
SEED = 0
N_LAYERS = 6


@dataclass(frozen=True)
class Config:
    top_layers: int = TOP_LAYERS
    rank: int = RANK
    alpha: float = ALPHA
    epochs: int = EPOCHS
    batch: int = BATCH
    lr: float = LR
    lr_head: float = LR_HEAD
    seed: int = SEED
    c: float = 10.0  # head L2 (same meaning as train.C)

    def to_json(self) -> str:
        return json.dumps(self.__dict__, sort_keys=True)


@contextlib.contextmanager
def deterministic():
    """One thread and deterministic kernels inside the block; torch's previous settings restored on exit."""
    threads, strict = torch.get_num_threads(), torch.are_deterministic_algorithms_enabled()
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    try:
        yield
    finally:
        torch.set_num_threads(threads)
        torch.use_deterministic_algorithms(strict)


def load_bert(folder: Path | None = None):
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(folder or model_dir()), local_files_only=True, attn_implementation="eager")
    model.eval()
    for p in model.parameters():
        p.requires_grad_(False)
    return model


class LoRALinear(nn.Module):
    """base(x) + scale * (x @ A^T) @ B^T; A [rank, in] small random, B [out, rank] zero (starts as the base)."""

    def __init__(self, base: nn.Linear, rank: int, alpha: float, generator: torch.Generator):
        super().__init__()
        self.base = base
        self.scale = alpha / rank
        self.A = nn.Parameter(torch.randn(rank, base.in_features, generator=generator) / base.in_features ** 0.5)
        self.B = nn.Parameter(torch.zeros(base.out_features, rank))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + self.scale * (x @ self.A.T) @ self.B.T


def _get(model: nn.Module, path: str) -> nn.Module:
    for part in path.split("."):
        model = getattr(model, part)
    return model


def attach(model, cfg: Config) -> dict[str, LoRALinear]:
    """Wrap the target linears of the top layers in LoRALinear (in place); returns them by state-dict name."""
    gen = torch.Generator().manual_seed(cfg.seed)
    wrapped = {}
    for layer in range(N_LAYERS - cfg.top_layers, N_LAYERS):
        block = model.encoder.layer[layer]
        for target in TARGETS:
            parent_path, _, leaf = target.rpartition(".")
            parent = _get(block, parent_path)
            lora = LoRALinear(getattr(parent, leaf), cfg.rank, cfg.alpha, gen)
            setattr(parent, leaf, lora)
            wrapped[module_name(layer, target)] = lora
    return wrapped


def detach(model, wrapped: dict[str, LoRALinear], cfg: Config, meta: dict | None = None) -> Adapter:
    """Undo `attach` (base linears back in place, unchanged) and return the factors as a float16 Adapter."""
    factors = {}
    for name, lora in wrapped.items():
        factors[name] = (lora.B.detach().numpy().astype(np.float16), lora.A.detach().numpy().astype(np.float16))
        layer = int(name.split(".")[2])
        target = name.split(".", 3)[3]
        parent_path, _, leaf = target.rpartition(".")
        setattr(_get(model.encoder.layer[layer], parent_path), leaf, lora.base)
    return Adapter(factors=factors, rank=cfg.rank, alpha=cfg.alpha, meta=json.dumps(meta or {}, sort_keys=True))


class Trunk:
    """Hidden states entering the first adapted layer, computed once per distinct text (frozen lower layers)."""

    def __init__(self, model, texts: list[str], first_layer: int, batch: int = 64):
        tok = load_tokenizer(model_dir())
        self.index = {t: i for i, t in enumerate(dict.fromkeys(texts))}
        unique = list(self.index)
        ids = [head_tail(e.ids, MAX_TOKENS) for e in tok.encode_batch([clip_chars(t) for t in unique])]
        self.states: list[torch.Tensor] = []  # [tokens_i, 384] per distinct text
        with torch.no_grad():
            for s in range(0, len(unique), batch):
                chunk = ids[s: s + batch]
                x, mask = _pad(chunk)
                hidden = model(input_ids=x, attention_mask=mask, token_type_ids=torch.zeros_like(x),
                               output_hidden_states=True).hidden_states[first_layer]  # [b, t, 384]
                self.states.extend(hidden[i, : len(r)].clone() for i, r in enumerate(chunk))

    def batch(self, texts: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
        rows = [self.states[self.index[t]] for t in texts]
        t = max(r.shape[0] for r in rows)
        h = torch.zeros(len(rows), t, rows[0].shape[1])
        mask = torch.zeros(len(rows), t, dtype=torch.long)
        for i, r in enumerate(rows):
            h[i, : r.shape[0]] = r
            mask[i, : r.shape[0]] = 1
        return h, mask  # [b, t, 384], [b, t]


def _pad(rows: list[list[int]]) -> tuple[torch.Tensor, torch.Tensor]:
    t = max(len(r) for r in rows)
    x = torch.zeros(len(rows), t, dtype=torch.long)
    mask = torch.zeros(len(rows), t, dtype=torch.long)
    for i, r in enumerate(rows):
        x[i, : len(r)] = torch.tensor(r)
        mask[i, : len(r)] = 1
    return x, mask


def top_embed(model, h: torch.Tensor, mask: torch.Tensor, first_layer: int) -> torch.Tensor:
    """[b, t, 384] hidden states entering `first_layer` -> [b, 384] unit-norm mean-pooled embeddings."""
    ext = (1.0 - mask[:, None, None, :].to(h.dtype)) * torch.finfo(h.dtype).min  # [b, 1, 1, t]
    for layer in model.encoder.layer[first_layer:]:
        out = layer(h, attention_mask=ext)
        h = out[0] if isinstance(out, tuple) else out
    m = mask.unsqueeze(-1).to(h.dtype)
    mean = (h * m).sum(1) / m.sum(1).clamp(min=1e-9)
    return nn.functional.normalize(mean, p=2.0, dim=1)


def embed_all(model, trunk: Trunk, texts: list[str], first_layer: int, batch: int = 64) -> np.ndarray:
    """[n, 384] float32 embeddings of `texts` (all in `trunk`) through the current top layers, no grad."""
    out = []
    with torch.no_grad():
        for s in range(0, len(texts), batch):
            h, mask = trunk.batch(texts[s: s + batch])
            out.append(top_embed(model, h, mask, first_layer).numpy())
    return np.concatenate(out, 0).astype(np.float32) if out else np.zeros((0, 384), np.float32)


def features(model, trunk: Trunk, texts: list[str], frames: list[str], lex: np.ndarray, first_layer: int) -> np.ndarray:
    """[n, 2 * 384 + N_LEXICAL] features in the detector's layout."""
    emb = embed_all(model, trunk, texts, first_layer)
    emb_f = embed_all(model, trunk, frames, first_layer)
    return np.hstack([emb, emb_f, lex]).astype(np.float32)


def fine_tune(model, trunk: Trunk, texts: list[str], frames: list[str], lex: np.ndarray, y: np.ndarray,
              w0: np.ndarray, b0: float, cfg: Config, progress: str | None = None) -> Adapter:
    """Train LoRA factors on the top layers + a linear head (warm-started at w0, b0) on the given rows.

    texts/frames: [n] strings present in `trunk`; lex: [n, N_LEXICAL]; y: [n] in {0, 1}. Returns the adapter
    (float16); the model is left unadapted (its base weights never change)."""
    with deterministic():
        return _fine_tune(model, trunk, texts, frames, lex, y, w0, b0, cfg, progress)


def _fine_tune(model, trunk, texts, frames, lex, y, w0, b0, cfg: Config, progress: str | None) -> Adapter:
    torch.manual_seed(cfg.seed)
    first = N_LAYERS - cfg.top_layers
    wrapped = attach(model, cfg)
    head = nn.Linear(w0.shape[0], 1)
    with torch.no_grad():
        head.weight.copy_(torch.from_numpy(w0.astype(np.float32))[None, :])
        head.bias.fill_(float(b0))
    lora_params = [p for m in wrapped.values() for p in (m.A, m.B)]
    opt = torch.optim.AdamW([{"params": lora_params, "lr": cfg.lr, "weight_decay": 0.0},
                             {"params": list(head.parameters()), "lr": cfg.lr_head, "weight_decay": 0.0}])
    n = len(texts)
    yt = torch.from_numpy(y.astype(np.float32))
    pos = float(y.mean())
    s = torch.where(yt > 0.5, 0.5 / pos, 0.5 / (1.0 - pos))  # [n] balanced class weights
    lex_t = torch.from_numpy(lex.astype(np.float32))
    gen = torch.Generator().manual_seed(cfg.seed + 1)
    steps = cfg.epochs * ((n + cfg.batch - 1) // cfg.batch)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=steps, desc=progress, leave=False)
    for _ in range(cfg.epochs):
        order = torch.randperm(n, generator=gen).tolist()
        for start in range(0, n, cfg.batch):
            idx = order[start: start + cfg.batch]
            distinct = list(dict.fromkeys([texts[i] for i in idx] + [frames[i] for i in idx]))
            h, mask = trunk.batch(distinct)
            emb = top_embed(model, h, mask, first)  # [distinct, 384]
            pos_of = {t: k for k, t in enumerate(distinct)}
            e_t = emb[[pos_of[texts[i]] for i in idx]]
            e_f = emb[[pos_of[frames[i]] for i in idx]]
            x = torch.cat([e_t, e_f, lex_t[idx]], 1)  # [b, d]
            logit = head(x)[:, 0]
            loss = (s[idx] * nn.functional.binary_cross_entropy_with_logits(logit, yt[idx], reduction="none")).sum()
            loss = loss / n * (n / len(idx)) + (head.weight ** 2).sum() / (2 * cfg.c * n)
            opt.zero_grad()
            loss.backward()
            opt.step()
            if bar:
                bar.update(1)
    if bar:
        bar.close()
    return detach(model, wrapped, cfg, meta={"config": json.loads(cfg.to_json())})


class Adapted:
    """Context manager: the adapter merged into the model's weights, restored (bit-exact copy) on exit."""

    def __init__(self, model, adapter: Adapter):
        self.model, self.adapter = model, adapter

    def __enter__(self):
        self.saved = {n: _get(self.model, n).weight.detach().clone() for n in self.adapter.factors}
        self.adapter.merge_into(self.model)
        return self.model

    def __exit__(self, *exc):
        with torch.no_grad():
            for n, w in self.saved.items():
                _get(self.model, n).weight.copy_(w)
        return False
