"""The fast chat runtime: llama.cpp (llama-cpp-python) over the same GGUF the torch patient uses.

Torch stays the surgery engine (activations, solves, verification of weights); this runtime is what
the person chats with. Edits reach it as one LoRA adapter GGUF: every active `LowRankDelta` is
merged (`adapters.merge_deltas`), written (`adapters.write_lora_gguf`, applied update exactly B @ A)
and hot-swapped into the running context with `llama_adapter_lora_init` + `llama_set_adapters_lora`;
then the context is reset so no KV cache computed with the old weights is reused.

The adapter is applied in float32 next to the quantised base matmul (y = W_q x + B (A x)), so the
base quantisation cannot wash an edit out; only the base weights are quantised, exactly as the torch
patient (which de-quantises the same file) sees them.

Generation is greedy (argmax, no repetition penalty) with the model's own chat template, like
`Patient.answer`, and streams text pieces as tokens are decoded.
"""

from __future__ import annotations

import codecs
import ctypes
import logging
import shutil
import sys
import tempfile
import threading
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from repair.config import Settings
from repair.errors import InvalidInputError, ModelLoadError
from repair.patient import registry
from repair.patient.adapters import (
    DEFAULT_RANK_CAP,
    AdapterError,
    AdapterFile,
    BaseModelInfo,
    base_info_from_gguf,
    check_adapter_for,
    merge_deltas,
    read_lora_gguf,
    write_lora_gguf,
)
from repair.patient.loader import sha256_file
from repair.patient.model import Message, check_question
from repair.stamp.delta import LowRankDelta

NO_TEMPLATE_STOP = "\nQuestion:"  # plain Question/Answer prompting (models without a chat template)


class RuntimeUnavailable(ModelLoadError):
    """llama-cpp-python is not installed/importable, or the model has no GGUF for it to run."""


def llama_cpp_available() -> str | None:
    """None when llama-cpp-python can be used, else a one-line reason."""
    try:
        import llama_cpp  # noqa: F401
    except Exception as exc:  # ImportError, or OSError when the shared library cannot load
        return f"llama-cpp-python unavailable ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})"
    return None


@dataclass(frozen=True)
class RuntimeOptions:
    n_ctx: int = 4096
    n_threads: int = 1  # see module doc: 1 thread is robust on a shared machine
    n_batch: int = 512
    rank_cap: int = DEFAULT_RANK_CAP  # merged adapters are re-factored by SVD above this rank per layer


@dataclass
class _Swap:
    """The adapter currently set on the context (None: base model only)."""

    handle: object | None = None  # llama_adapter_lora_p
    path: Path | None = None
    delta_ids: list[str] = field(default_factory=list)
    delta: LowRankDelta | None = None


def _render_template(template: str, messages: list[Message], bos: str, eos: str) -> str:
    """Render a Hugging Face style Jinja chat template (same settings transformers uses)."""
    from jinja2.exceptions import TemplateError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    def raise_exception(message: str) -> None:
        raise TemplateError(message)

    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=["jinja2.ext.loopcontrols"])
    env.globals["raise_exception"] = raise_exception
    return env.from_string(template).render(
        messages=messages, add_generation_prompt=True, bos_token=bos, eos_token=eos
    )


class LlamaRuntime:
    """A llama.cpp chat model with RePAIR edits applied as one hot-swapped LoRA adapter."""

    def __init__(self, source: registry.ModelSource, fingerprint: str, options: RuntimeOptions | None = None):
        reason = llama_cpp_available()
        if reason:
            raise RuntimeUnavailable(reason)
        if source.gguf_path is None:
            raise RuntimeUnavailable(f"model {source.name} is a Hugging Face folder, llama.cpp needs a GGUF")
        import llama_cpp

        self._llama_cpp = llama_cpp
        self.source = source
        self.options = options or RuntimeOptions()
        self.fingerprint = fingerprint
        self.base: BaseModelInfo = base_info_from_gguf(source.gguf_path, fingerprint)
        try:
            self.llm = llama_cpp.Llama(
                model_path=str(source.gguf_path), n_ctx=self.options.n_ctx, n_batch=self.options.n_batch,
                n_threads=self.options.n_threads, n_threads_batch=self.options.n_threads,
                verbose=False,
            )
        except (ValueError, RuntimeError, OSError) as exc:
            raise ModelLoadError(f"llama.cpp cannot load {source.gguf_path}: {exc}") from exc
        meta = self.llm.metadata
        self.chat_template: str | None = meta.get("tokenizer.chat_template") or None
        self._bos = self._piece(self.llm.token_bos())
        self._eos = self._piece(self.llm.token_eos())
        self._swap = _Swap()
        self._lock = threading.RLock()
        self._workdir = Path(tempfile.mkdtemp(prefix="repair-lora-"))
        self._finalizer = weakref.finalize(self, shutil.rmtree, self._workdir, True)
        self._generation = 0  # bumps on every adapter swap (tests / callers can see a swap happened)

    @classmethod
    def load(cls, model: str, settings: Settings, options: RuntimeOptions | None = None) -> LlamaRuntime:
        source = registry.resolve(model, settings.cache)
        if source.gguf_path is None:
            raise RuntimeUnavailable(f"model {source.name} is a Hugging Face folder, llama.cpp needs a GGUF")
        return cls(source, sha256_file(source.gguf_path), options)

    @property
    def name(self) -> str:
        return self.source.name

    def _piece(self, token: int) -> str:
        if token < 0:
            return ""
        return self.llm.detokenize([token], special=True).decode("utf-8", errors="replace")

    # ---------------------------------------------------------------- prompting
    def chat_text(self, question: str, history: Sequence[Message] = ()) -> str:
        """The exact text given to the model (the GGUF's chat template, generation prompt included)."""
        if self.chat_template:
            msgs = [*history, {"role": "user", "content": question}]
            return _render_template(self.chat_template, msgs, self._bos, self._eos)
        turns = "".join(f"{'Question' if m['role'] == 'user' else 'Answer'}: {m['content']}\n" for m in history)
        return f"{turns}Question: {question}\nAnswer:"

    def tokens(self, text: str) -> list[int]:
        return self.llm.tokenize(text.encode("utf-8"), add_bos=False, special=True)

    # ---------------------------------------------------------------- generation
    def generate_tokens(self, prompt_tokens: list[int], max_new_tokens: int, stop_at_eos: bool = True) -> Iterator[int]:
        """Greedy token ids after `prompt_tokens` (the caller must hold no other generation open)."""
        if len(prompt_tokens) + max_new_tokens > self.options.n_ctx:
            raise InvalidInputError(f"prompt of {len(prompt_tokens)} tokens + {max_new_tokens} new exceeds the "
                                    f"runtime's context of {self.options.n_ctx} tokens; shorten the conversation")
        vocab = self.llm._model.vocab
        n = 0
        for token in self.llm.generate(
            prompt_tokens, temp=0.0, top_k=1, top_p=1.0, min_p=0.0, repeat_penalty=1.0, reset=True
        ):
            if stop_at_eos and self._llama_cpp.llama_vocab_is_eog(vocab, token):
                return
            yield token
            n += 1
            if n >= max_new_tokens:
                return

    def next_token_logits(self, text: str):
        """numpy [n_vocab] float32: the logits of the token after `text` (the exact string, no template)."""
        import numpy as np

        with self._lock:
            self.llm.reset()
            self.llm.eval(self.tokens(text))
            ptr = self.llm._ctx.get_logits()
            out = np.ctypeslib.as_array(ptr, shape=(self.llm.n_vocab(),)).copy()
            self.llm.reset()
        return out

    def stream(self, question: str, history: Sequence[Message] = (), max_new_tokens: int = 256) -> Iterator[str]:
        """Yield the greedy answer piece by piece (UTF-8 safe) as tokens are decoded."""
        q = check_question(question)
        stop = None if self.chat_template else NO_TEMPLATE_STOP
        with self._lock:
            prompt = self.tokens(self.chat_text(q, history))
            decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
            held = ""  # text not yet yielded: leading whitespace, or a possible start of the stop string
            started = False
            for token in self.generate_tokens(prompt, max_new_tokens):
                held += decoder.decode(self.llm.detokenize([token]))
                if not started:
                    held = held.lstrip()
                    started = bool(held)
                if stop is not None:
                    cut = held.find(stop)
                    if cut >= 0:
                        held = held[:cut]
                        break
                    keep = _partial_suffix(held, stop)
                    out, held = held[: len(held) - keep], held[len(held) - keep :]
                else:
                    out, held = held, ""
                if out:
                    yield out
            held += decoder.decode(b"", final=True)
            if held.rstrip():
                yield held.rstrip()

    def answer(self, question: str, history: Sequence[Message] = (), max_new_tokens: int = 96) -> str:
        """Greedy answer with the model's chat template (same prompt as `Patient.answer`)."""
        return "".join(self.stream(question, history, max_new_tokens)).strip()

    def answer_many(self, questions: Sequence[str], max_new_tokens: int = 48,
                    history: Sequence[Message] = ()) -> list[str]:
        return [self.answer(q, history, max_new_tokens) for q in questions]

    # ---------------------------------------------------------------- edits as adapters
    @property
    def active_deltas(self) -> list[str]:
        return list(self._swap.delta_ids)

    @property
    def adapter_path(self) -> Path | None:
        return self._swap.path

    @property
    def swaps(self) -> int:
        """How many times the adapter set changed since load."""
        return self._generation

    def set_deltas(self, deltas: Sequence[tuple[str, LowRankDelta]]) -> None:
        """Serve base + sum of `deltas`: one merged adapter written, loaded and swapped in (or none).

        On any failure the previous adapter keeps serving and AdapterError is raised."""
        deltas = list(deltas)
        ids = [i for i, _ in deltas]
        with self._lock:
            if not deltas:
                self._activate(None, None, [], None)
                return
            merged = merge_deltas([d for _, d in deltas], rank_cap=self.options.rank_cap)
            if not merged.factors:  # all deltas are exactly zero
                self._activate(None, None, ids, merged)
                return
            path = self._workdir / f"edits-{merged.sha256()[:16]}.gguf"
            write_lora_gguf(merged, path, self.base, delta_ids=ids)
            self._activate(self._init_adapter(path), path, ids, merged)

    def load_adapter(self, path: str | Path) -> AdapterFile:
        """Serve base + the adapter at `path` (a file from `write_lora_gguf`, e.g. an exported edit).

        A missing, corrupt or foreign adapter raises AdapterError and the current model keeps serving."""
        adapter = read_lora_gguf(path)
        check_adapter_for(adapter, self.base)
        with self._lock:
            self._activate(self._init_adapter(adapter.path), adapter.path, list(adapter.delta_ids), adapter.delta)
        return adapter

    def clear_adapters(self) -> None:
        with self._lock:
            self._activate(None, None, [], None)

    def _init_adapter(self, path: Path):
        lib = self._llama_cpp
        log = logging.getLogger("llama-cpp-python")
        level = log.level
        log.setLevel(logging.CRITICAL)  # llama.cpp logs its own error line; we raise a clear one instead
        try:
            handle = lib.llama_adapter_lora_init(self.llm.model, str(path).encode("utf-8"))
        finally:
            log.setLevel(level)
        if not handle:
            raise AdapterError(f"llama.cpp refused adapter {path.name} (wrong model or corrupt file)")
        return handle

    def _activate(self, handle, path: Path | None, ids: list[str], delta: LowRankDelta | None) -> None:
        lib = self._llama_cpp
        if handle is None:
            rc = lib.llama_set_adapters_lora(self.llm.ctx, None, 0, None)
        else:
            adapters = (lib.llama_adapter_lora_p_ctypes * 1)(handle)
            scales = (ctypes.c_float * 1)(1.0)
            rc = lib.llama_set_adapters_lora(self.llm.ctx, adapters, 1, scales)
        if rc != 0:
            if handle is not None:
                lib.llama_adapter_lora_free(handle)
            raise AdapterError(f"llama.cpp could not set the adapter (code {rc}); the previous one keeps serving")
        old = self._swap
        self._swap = _Swap(handle=handle, path=path, delta_ids=ids, delta=delta)
        if old.handle is not None and old.handle is not handle:
            lib.llama_adapter_lora_free(old.handle)
        if old.path is not None and old.path != path and old.path.parent == self._workdir:
            old.path.unlink(missing_ok=True)
        self.llm.reset()  # no KV cache / prefix reuse across a weight change
        self._generation += 1

    def close(self) -> None:
        with self._lock:
            if self._swap.handle is not None:
                self._llama_cpp.llama_set_adapters_lora(self.llm.ctx, None, 0, None)
                self._llama_cpp.llama_adapter_lora_free(self._swap.handle)
                self._swap = _Swap()
            self.llm.close()
            self._finalizer()


def _partial_suffix(text: str, stop: str) -> int:
    """Length of the longest suffix of `text` that is a proper prefix of `stop`."""
    for n in range(min(len(stop) - 1, len(text)), 0, -1):
        if text.endswith(stop[:n]):
            return n
    return 0


def _cpu_count() -> int:
    import os

    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def open_runtime(model: str, settings: Settings, options: RuntimeOptions | None = None) -> LlamaRuntime | None:
    """The llama.cpp runtime for `model`, or None (with a one-line notice on stderr) if it cannot run."""
    try:
        return LlamaRuntime.load(model, settings, options)
    except RuntimeUnavailable as exc:
        print(f"[repair] {exc}; using the torch backend (slower)", file=sys.stderr)
        return None


def count_revealed(
    runtime: LlamaRuntime, base: Sequence[tuple[str, LowRankDelta]], trial: tuple[str, LowRankDelta],
    probes: Sequence[str], answers: Sequence[str], max_new_tokens: int = 32,
) -> int:
    """How many `probes` the runtime still answers with one of `answers` when serving `base` + `trial`.

    The executor's verify step uses it so an edit is checked in the runtime people chat with (quantised
    base weights + LoRA adapter). The runtime is restored to `base` afterwards, also on errors."""
    from repair.data import contains_answer

    if not probes or not answers:
        return 0
    try:
        runtime.set_deltas([*base, trial])
        replies = runtime.answer_many(probes, max_new_tokens=max_new_tokens)
    finally:
        runtime.set_deltas(base)
    return sum(contains_answer(r, list(answers)) for r in replies)
