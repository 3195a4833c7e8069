"""Forget/retain benchmarks for RePAIR."""
