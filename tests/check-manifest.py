#!/usr/bin/env python3
"""Check the Flatpak manifest for the promises the README makes to municipal IT.

Usage: check-manifest.py MANIFEST.json

Exits 0 when the manifest keeps them, 1 with one line per broken promise otherwise.
"""

import json
import re
import sys

APP_ID = "io.github.loketregie.Regie"
COMMAND = "regie"
ALLOWED_FINISH_ARGS = {
    "--share=ipc",
    "--socket=fallback-x11",
    "--socket=wayland",
    "--device=dri",
}
REQUIRED_FINISH_ARGS = {"--socket=wayland", "--socket=fallback-x11"}
SQLCIPHER_URL = re.compile(r"(?:^|/)v?4\.6\.\d+\.tar\.(?:gz|xz|bz2)$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")


def flatten_modules(modules):
    """Yield every module dict, depth first; string entries point to other files."""
    for module in modules:
        if isinstance(module, dict):
            yield module
            yield from flatten_modules(module.get("modules", []))


def check(manifest):
    problems = []

    app_id = manifest.get("id", manifest.get("app-id"))
    if app_id != APP_ID:
        problems.append(f"id is {app_id!r}, expected {APP_ID!r}")

    if manifest.get("command") != COMMAND:
        problems.append(f"command is {manifest.get('command')!r}, expected {COMMAND!r}")

    finish_args = manifest.get("finish-args", [])
    if not isinstance(finish_args, list):
        problems.append("finish-args is not a list")
        finish_args = []
    for arg in finish_args:
        if arg == "--share=network":
            problems.append("finish-args grants network access (--share=network)")
        elif arg.startswith("--filesystem="):
            problems.append(f"finish-args grants file system access ({arg})")
        elif arg == "--talk-name=org.freedesktop.secrets":
            problems.append("finish-args talks to org.freedesktop.secrets; "
                            "libsecret must use the Secret portal")
        elif arg not in ALLOWED_FINISH_ARGS:
            problems.append(f"finish-args has {arg!r}, which is not in the allowed set "
                            f"{sorted(ALLOWED_FINISH_ARGS)}")
    for arg in sorted(REQUIRED_FINISH_ARGS - set(finish_args)):
        problems.append(f"finish-args lacks {arg}")

    top_modules = manifest.get("modules", [])
    modules = list(flatten_modules(top_modules))

    sqlcipher = [m for m in modules if m.get("name") == "sqlcipher"]
    if not sqlcipher:
        problems.append("no module named 'sqlcipher'")
    else:
        pinned = False
        for source in sqlcipher[0].get("sources", []):
            if not isinstance(source, dict) or source.get("type") != "archive":
                continue
            url = source.get("url", "")
            sha256 = source.get("sha256", "")
            if not SQLCIPHER_URL.search(url):
                problems.append(f"sqlcipher archive {url!r} is not a 4.6.x release")
            elif not SHA256.match(sha256):
                problems.append(f"sqlcipher archive {url!r} has no 64-hex sha256")
            else:
                pinned = True
        if not pinned:
            problems.append("sqlcipher has no archive source pinned to a 4.6.x release by sha256")

    last = top_modules[-1] if top_modules else None
    if not isinstance(last, dict) or last.get("buildsystem") != "meson":
        problems.append("the last module is not built with meson (the app itself must come last)")

    return problems


def main(argv):
    if len(argv) != 2:
        print(f"usage: {argv[0]} MANIFEST.json", file=sys.stderr)
        return 2
    path = argv[1]
    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f"{path}: cannot read the manifest: {e}", file=sys.stderr)
        return 1
    if not isinstance(manifest, dict):
        print(f"{path}: the manifest is not a JSON object", file=sys.stderr)
        return 1

    problems = check(manifest)
    for problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"{path}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
