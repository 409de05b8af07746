#!/usr/bin/env python3
# check-json-schema.py SCHEMA DOCUMENT — validates DOCUMENT against the subset of JSON Schema
# that tests/data/*.schema.json use (type, const, required, properties, items), with the
# standard library only. Prints the first problem and exits 1; exits 0 when valid.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import sys

TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}
KNOWN = {"$schema", "$id", "title", "description", "type", "const", "required",
         "properties", "items"}


def check(schema, value, where):
    unknown = set(schema) - KNOWN
    if unknown:
        raise SystemExit(f"schema keyword not supported here: {sorted(unknown)}")
    types = schema.get("type")
    if types is not None:
        types = [types] if isinstance(types, str) else types
        if not any(TYPES[t](value) for t in types):
            return f"{where}: expected {'/'.join(types)}, got {type(value).__name__}"
    if "const" in schema and value != schema["const"]:
        return f"{where}: expected {schema['const']!r}"
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                return f"{where}: missing {key!r}"
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                problem = check(sub, value[key], f"{where}.{key}")
                if problem:
                    return problem
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            problem = check(schema["items"], item, f"{where}[{i}]")
            if problem:
                return problem
    return None


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        document = json.load(f)
    problem = check(schema, document, "$")
    if problem:
        print(problem)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
