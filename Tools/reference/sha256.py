#!/usr/bin/env python3
"""Prints the SHA-256 (hex) of standard input, for checking how token secrets are stored."""
import hashlib
import sys

print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())
