"""Textual chat app over the public `repair` API."""
