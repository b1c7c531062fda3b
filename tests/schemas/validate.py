#!/usr/bin/env python3
"""Validates a JSON document against a JSON schema: validate.py SCHEMA DOCUMENT.
Exit 0 valid, 1 invalid (the errors on stderr), 3 when the jsonschema module is missing."""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("python3 jsonschema module not installed", file=sys.stderr)
    sys.exit(3)

with open(sys.argv[1], encoding="utf-8") as f:
    schema = json.load(f)
with open(sys.argv[2], encoding="utf-8") as f:
    document = json.load(f)
validator_class = jsonschema.validators.validator_for(schema)
errors = sorted(validator_class(schema).iter_errors(document), key=lambda e: list(e.absolute_path))
for e in errors:
    print("/".join(str(p) for p in e.absolute_path) + ": " + e.message, file=sys.stderr)
sys.exit(1 if errors else 0)
