"""The patient: an fp32 causal LM that answers, exposes its MLP keys, and takes low-rank edits.

Edit site: `model.model.layers[l].mlp.down_proj`, weight W_l of shape [d_model, d_ff]. Its input
k = act(gate(x)) * up(x) (shape [d_ff]) is the "key" and W_l k (shape [d_model]) the "output".

Weights are always `base + sum(active deltas, in order)`, recomputed from a pristine copy of the
base weight of every touched layer, so removing a delta gives bit-identical weights to never
having applied it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import torch

from repair.config import Settings
from repair.errors import EditError, InvalidInputError
from repair.patient import loader, registry
from repair.stamp.delta import LowRankDelta

MAX_QUESTION_CHARS = 8000
Message = dict[str, str]  # {"role": "user"|"assistant"|"system", "content": str}


@dataclass
class Capture:
    """Activations of the down_proj of some layers for a list of prompts.

    input_ids[i]:      LongTensor [seq_i]            token ids of prompt i (chat-formatted if chat=True)
    keys[l][i]:        FloatTensor [seq_i, d_ff]     down_proj input at every position
    outputs[l][i]:     FloatTensor [seq_i, d_model]  down_proj output (= W_l @ key) at every position
    """

    texts: list[str]
    input_ids: list[torch.Tensor]
    keys: dict[int, list[torch.Tensor]]
    outputs: dict[int, list[torch.Tensor]]


def check_question(question: object) -> str:
    if not isinstance(question, str):
        raise InvalidInputError(f"question must be text, got {type(question).__name__}")
    q = question.strip()
    if not q:
        raise InvalidInputError("empty question: type something to ask")
    if len(q) > MAX_QUESTION_CHARS:
        raise InvalidInputError(f"question too long ({len(q)} characters, limit {MAX_QUESTION_CHARS})")
    return q


class Patient:
    def __init__(self, loaded: loader.LoadedModel, source: registry.ModelSource):
        self.model = loaded.model
        self.model.requires_grad_(False)  # surgery is closed-form; training baselines re-enable on a copy
        self.tokenizer = loaded.tokenizer
        self.source = source
        self.fingerprint = loaded.fingerprint
        self.load_seconds = loaded.seconds
        self.loaded_from_cache = loaded.from_cache
        cfg = self.model.config
        self.n_layers: int = cfg.num_hidden_layers
        self.d_model: int = cfg.hidden_size
        self.d_ff: int = cfg.intermediate_size
        self.has_chat_template = bool(getattr(self.tokenizer, "chat_template", None))
        if self.tokenizer.pad_token_id is None:
            self.tokenizer.pad_token = self.tokenizer.eos_token
        self._base: dict[int, torch.Tensor] = {}  # layer -> pristine down_proj weight [d_model, d_ff]
        self._deltas: dict[str, LowRankDelta] = {}  # insertion-ordered active deltas
        self._lock = threading.RLock()

    # ---------------------------------------------------------------- loading
    @classmethod
    def load(cls, model: str, settings: Settings) -> Patient:
        source = registry.resolve(model, settings.cache)
        return cls(loader.load(source, settings.models_dir), source)

    @property
    def name(self) -> str:
        return self.source.name

    # ---------------------------------------------------------------- prompting
    def chat_text(self, question: str, history: Sequence[Message] = ()) -> str:
        """The exact text the model sees for `question` after `history` (generation prompt included)."""
        if self.has_chat_template:
            msgs = [*history, {"role": "user", "content": question}]
            return self.tokenizer.apply_chat_template(msgs, tokenize=False, add_generation_prompt=True)
        turns = "".join(
            f"{'Question' if m['role'] == 'user' else 'Answer'}: {m['content']}\n" for m in history
        )
        return f"{turns}Question: {question}\nAnswer:"

    def _encode(self, texts: list[str]) -> dict[str, torch.Tensor]:
        self.tokenizer.padding_side = "left"
        return self.tokenizer(texts, return_tensors="pt", padding=True, add_special_tokens=False)

    def _clean(self, text: str) -> str:
        if not self.has_chat_template:
            text = text.split("\nQuestion:")[0]
        return text.strip()

    # ---------------------------------------------------------------- answering
    @torch.no_grad()
    def answer_many(
        self, questions: Sequence[str], max_new_tokens: int = 48, batch_size: int = 16,
        history: Sequence[Message] = (),
    ) -> list[str]:
        """Greedy answers to many questions, batched with left padding (same history for all)."""
        qs = [check_question(q) for q in questions]
        out: list[str] = []
        with self._lock:
            for i in range(0, len(qs), batch_size):
                chunk = [self.chat_text(q, history) for q in qs[i : i + batch_size]]
                enc = self._encode(chunk)
                gen = self.model.generate(
                    **enc, max_new_tokens=max_new_tokens, do_sample=False, num_beams=1,
                    pad_token_id=self.tokenizer.pad_token_id,
                )
                new = gen[:, enc["input_ids"].shape[1] :]
                out += [self._clean(t) for t in self.tokenizer.batch_decode(new, skip_special_tokens=True)]
        return out

    def answer(self, question: str, history: Sequence[Message] = (), max_new_tokens: int = 96) -> str:
        """Greedy answer with the model's chat template."""
        return self.answer_many([question], max_new_tokens=max_new_tokens, history=history)[0]

    def stream(self, question: str, history: Sequence[Message] = (), max_new_tokens: int = 256) -> Iterator[str]:
        """Yield the greedy answer piece by piece as it is generated.

        Closing the iterator early (the consumer stopped, e.g. the chat app quit mid-reply) stops the
        generation after the current token and joins its thread, so no generation outlives the caller."""
        from transformers import StoppingCriteria, StoppingCriteriaList, TextIteratorStreamer

        q = check_question(question)
        enc = self._encode([self.chat_text(q, history)])
        streamer = TextIteratorStreamer(self.tokenizer, skip_prompt=True, skip_special_tokens=True)
        closed = threading.Event()

        class StopWhenClosed(StoppingCriteria):
            def __call__(self, input_ids: torch.Tensor, scores, **kwargs) -> torch.Tensor:
                return torch.full((input_ids.shape[0],), closed.is_set(), dtype=torch.bool)

        def run() -> None:
            with self._lock, torch.no_grad():
                self.model.generate(**enc, max_new_tokens=max_new_tokens, do_sample=False, streamer=streamer,
                                    pad_token_id=self.tokenizer.pad_token_id,
                                    stopping_criteria=StoppingCriteriaList([StopWhenClosed()]))

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        try:
            yield from streamer
        finally:
            closed.set()
            thread.join()

    # ---------------------------------------------------------------- activations
    def mlp(self, layer: int) -> torch.nn.Module:
        if not 0 <= layer < self.n_layers:
            raise InvalidInputError(f"layer {layer} out of range 0..{self.n_layers - 1}")
        return self.model.model.layers[layer].mlp

    @torch.no_grad()
    def capture(self, prompts: Sequence[str], layers: Sequence[int], chat: bool = True) -> Capture:
        """Run each prompt and record down_proj inputs/outputs at `layers` (hooks removed afterwards).

        With chat=True each prompt is a question wrapped in the chat template; otherwise raw text.
        """
        layers = sorted(set(layers))
        for layer in layers:
            self.mlp(layer)
        texts = [self.chat_text(check_question(p)) if chat else p for p in prompts]
        keys: dict[int, list[torch.Tensor]] = {l: [] for l in layers}
        outs: dict[int, list[torch.Tensor]] = {l: [] for l in layers}
        ids_list: list[torch.Tensor] = []

        def hook(layer: int):
            def fn(_module, args, output):
                keys[layer].append(args[0][0].detach().clone())  # [seq, d_ff]
                outs[layer].append(output[0].detach().clone())  # [seq, d_model]
            return fn

        with self._lock:
            handles = [self.mlp(l).down_proj.register_forward_hook(hook(l)) for l in layers]
            try:
                for text in texts:
                    ids = self.tokenizer(text, return_tensors="pt", add_special_tokens=False)["input_ids"]
                    self.model(input_ids=ids, use_cache=False)
                    ids_list.append(ids[0])
            finally:
                for h in handles:
                    h.remove()
        return Capture(texts=texts, input_ids=ids_list, keys=keys, outputs=outs)

    def subject_positions(self, text: str, subject: str) -> list[int]:
        """Token index of the last token of every occurrence of `subject` in `text` (case-insensitive).

        `text` is the exact string given to the model (e.g. from `chat_text`). Empty when absent.
        """
        enc = self.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
        offsets = enc["offset_mapping"]
        low, sub = text.lower(), subject.lower().strip()
        positions: list[int] = []
        start = low.find(sub) if sub else -1
        while start >= 0:
            end = start + len(sub)
            idx = [i for i, (s, e) in enumerate(offsets) if s < end and e > start]
            if idx:
                positions.append(idx[-1])
            start = low.find(sub, end)
        return positions

    # ---------------------------------------------------------------- edits
    @property
    def active_deltas(self) -> list[str]:
        return list(self._deltas)

    def delta_items(self) -> list[tuple[str, LowRankDelta]]:
        """The active deltas as (id, delta) pairs, in the order they were applied."""
        with self._lock:
            return list(self._deltas.items())

    def base_weight(self, layer: int) -> torch.Tensor:
        """The pristine (unedited) down_proj weight of `layer`, shape [d_model, d_ff]."""
        w = self._base.get(layer)
        return w if w is not None else self.mlp(layer).down_proj.weight.detach()

    def _recompute(self, layers: set[int]) -> None:
        for layer in sorted(layers):
            w = self._base[layer].clone()
            for delta in self._deltas.values():
                if layer in delta.factors:
                    w += delta.dense(layer)
            with torch.no_grad():
                self.mlp(layer).down_proj.weight.copy_(w)

    def apply_delta(self, delta_id: str, delta: LowRankDelta) -> None:
        """Make `delta` active (weights = base + all active deltas, in the order they were applied)."""
        with self._lock:
            if delta_id in self._deltas:
                raise EditError(f"delta {delta_id} is already applied")
            for layer, (b, a) in delta.factors.items():
                w = self.mlp(layer).down_proj.weight
                if (b.shape[0], a.shape[1]) != tuple(w.shape):
                    raise EditError(f"delta for layer {layer} has shape {(b.shape[0], a.shape[1])}, "
                                    f"the model's down_proj is {tuple(w.shape)}")
            for layer in delta.factors:
                if layer not in self._base:
                    self._base[layer] = self.mlp(layer).down_proj.weight.detach().clone()
            self._deltas[delta_id] = delta
            self._recompute(set(delta.factors))

    def remove_delta(self, delta_id: str) -> None:
        with self._lock:
            delta = self._deltas.pop(delta_id, None)
            if delta is None:
                raise EditError(f"delta {delta_id} is not applied")
            self._recompute(set(delta.factors))

    def set_deltas(self, deltas: Sequence[tuple[str, LowRankDelta]]) -> None:
        """Replace all active deltas by `deltas` (in order), recomputing every touched layer once."""
        with self._lock:
            touched = {l for d in self._deltas.values() for l in d.factors}
            for _delta_id, delta in deltas:
                for layer in delta.factors:
                    if layer not in self._base:
                        self._base[layer] = self.mlp(layer).down_proj.weight.detach().clone()
                    touched.add(layer)
            self._deltas = dict(deltas)
            self._recompute(touched)
