"""Generic-text key covariance C_l = E[k k^T] of down_proj inputs, per model and layer, cached on disk.

STAMP's preservation term lam*C keeps the outputs of ordinary keys while an edit moves the forget keys.
The text ships with the package: `keycov_prompts.txt` (diverse everyday requests) and
`keycov_corpus.jsonl` (the default model's own greedy replies to them, generated once with
`python -m repair.keycov --regenerate`). Every text is run in the patient's chat format, so template
tokens are represented as they are at edit time.

The forward pass stops after the deepest requested layer, so building C for early layers is cheap.
Cache: `<settings.cache>/keycov/<fingerprint[:16]>-<text hash>-L<layer>.pt` (torch.save of a [d_ff, d_ff] fp32 tensor).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import torch
from tqdm import tqdm

from repair.config import Settings
from repair.stamp.solve import CovarianceAccumulator

PROMPTS_FILE = "keycov_prompts.txt"
CORPUS_FILE = "keycov_corpus.jsonl"
ENTITIES_FILE = "keycov_entities.txt"  # named things (none is a fact-bank subject) so entity keys are preserved
ENTITY_FRAMES = ("What is {} known for?", "Tell me something about {}.", "I read an article about {} yesterday.")


class StopForward(Exception):
    """Raised by a hook to end the forward pass once the deepest needed layer ran."""


@contextmanager
def hooked(patient, hooks: Sequence[tuple[torch.nn.Module, Callable]]) -> Iterator[None]:
    """Forward hooks on (module, fn) pairs and right padding (real tokens keep exact positions), both undone
    on exit. Hold `patient._lock` around it: hooks and padding side are shared state."""
    tok = patient.tokenizer
    tok.padding_side = "right"
    handles = [module.register_forward_hook(fn) for module, fn in hooks]
    try:
        yield
    finally:
        for h in handles:
            h.remove()
        tok.padding_side = "left"


def forward_until_stop(patient, enc) -> None:
    """Run the model on a tokenized batch; a hook raising StopForward ends it early."""
    try:
        patient.model(**enc, use_cache=False)
    except StopForward:
        pass


def shipped_prompts() -> list[str]:
    text = resources.files("repair").joinpath(PROMPTS_FILE).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def shipped_corpus() -> list[dict[str, str]]:
    """[{"prompt", "reply"}] pairs; prompts without a stored reply get an empty one."""
    path = resources.files("repair").joinpath(CORPUS_FILE)
    pairs: list[dict[str, str]] = []
    if path.is_file():
        pairs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    have = {p["prompt"] for p in pairs}
    return pairs + [{"prompt": p, "reply": ""} for p in shipped_prompts() if p not in have]


def shipped_entities() -> list[str]:
    text = resources.files("repair").joinpath(ENTITIES_FILE).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def corpus_texts(patient) -> list[str]:
    """Chat-formatted prompt + reply strings, then short plain sentences naming many entities."""
    chats = [patient.chat_text(p["prompt"]) + p["reply"] for p in shipped_corpus()]
    return chats + [frame.format(e) for e in shipped_entities() for frame in ENTITY_FRAMES]


def corpus_hash(texts: Sequence[str]) -> str:
    h = hashlib.sha256()
    for t in texts:
        h.update(t.encode("utf-8") + b"\0")
    return h.hexdigest()[:12]


def cache_path(settings: Settings, fingerprint: str, layer: int, texts_hash: str = "") -> Path:
    """`<cache>/keycov/<fingerprint[:16]>-<text hash>-L<layer>.pt` (a new shipped text means a new file)."""
    return settings.cache / "keycov" / f"{fingerprint[:16]}-{texts_hash or 'text'}-L{layer}.pt"


@torch.no_grad()
def build_covariances(patient, layers: Sequence[int], texts: Sequence[str], batch_size: int = 8,
                      progress: bool = True) -> dict[int, torch.Tensor]:
    """C_l = mean over all non-pad tokens of k k^T for each layer in `layers` ([d_ff, d_ff] fp32)."""
    layers = sorted(set(layers))
    accs = {l: CovarianceAccumulator(patient.d_ff) for l in layers}
    mask_box: dict[str, torch.Tensor] = {}
    deepest = layers[-1]

    def hook(layer: int):
        def fn(_module, args, _output):
            keys = args[0]  # [batch, seq, d_ff]
            accs[layer].add(keys[mask_box["mask"]])
            if layer == deepest:
                raise StopForward
        return fn

    tok = patient.tokenizer
    with patient._lock, hooked(patient, [(patient.mlp(l).down_proj, hook(l)) for l in layers]):
        for i in tqdm(range(0, len(texts), batch_size), desc="key covariance", disable=not progress, unit="batch"):
            enc = tok(list(texts[i : i + batch_size]), return_tensors="pt", padding=True,
                      add_special_tokens=False, truncation=True, max_length=512)
            mask_box["mask"] = enc["attention_mask"].bool()
            forward_until_stop(patient, enc)
    return {l: accs[l].mean() for l in layers}


def key_covariance(
    patient, settings: Settings, layers: Sequence[int], progress: bool = True,
) -> dict[int, torch.Tensor]:
    """Cached generic-text key covariances for `layers` of `patient` (built once, then loaded)."""
    out: dict[int, torch.Tensor] = {}
    missing = []
    texts = corpus_texts(patient)
    th = corpus_hash(texts)
    for layer in sorted(set(layers)):
        path = cache_path(settings, patient.fingerprint, layer, th)
        if path.is_file():
            try:
                out[layer] = torch.load(path, weights_only=True)
                continue
            except Exception:  # corrupt cache: rebuild
                path.unlink(missing_ok=True)
        missing.append(layer)
    if missing:
        built = build_covariances(patient, missing, texts, progress=progress)
        for layer, cov in built.items():
            path = cache_path(settings, patient.fingerprint, layer, th)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            torch.save(cov, tmp)
            tmp.replace(path)
            out[layer] = cov
    return out


def regenerate_corpus(patient, max_new_tokens: int = 200, batch_size: int = 24) -> Path:
    """Rewrite keycov_corpus.jsonl with the patient's greedy replies to the shipped prompts (dev tool)."""
    prompts = shipped_prompts()
    replies = []
    for i in tqdm(range(0, len(prompts), batch_size), desc="generating corpus"):
        replies += patient.answer_many(prompts[i : i + batch_size], max_new_tokens=max_new_tokens,
                                       batch_size=batch_size)
    path = Path(str(resources.files("repair").joinpath(CORPUS_FILE)))
    with path.open("w", encoding="utf-8") as f:
        for p, r in zip(prompts, replies, strict=True):
            f.write(json.dumps({"prompt": p, "reply": r}) + "\n")
    return path


def main() -> None:
    import argparse

    from repair.patient import Patient

    ap = argparse.ArgumentParser(description="Build (or regenerate the text of) the STAMP key covariance.")
    ap.add_argument("--model", default="smollm2-135m")
    ap.add_argument("--layers", default="6")
    ap.add_argument("--regenerate", action="store_true", help="rewrite the shipped corpus replies")
    args = ap.parse_args()
    settings = Settings.create(model=args.model)
    patient = Patient.load(args.model, settings)
    if args.regenerate:
        print(regenerate_corpus(patient))
    t = time.perf_counter()
    layers = [int(x) for x in args.layers.split(",")]
    texts = corpus_texts(patient)
    covs = build_covariances(patient, layers, texts)
    n = sum(len(patient.tokenizer(t, add_special_tokens=False)["input_ids"]) for t in texts)
    print(f"{len(texts)} texts, {n} tokens, layers {layers}: {time.perf_counter() - t:.1f} s; "
          f"trace(C) {[round(float(c.trace()), 2) for c in covs.values()]}")


if __name__ == "__main__":
    main()
