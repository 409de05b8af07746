#!/bin/sh
# Fails when po/nl.po lacks a Dutch translation for any string in the sources.
#
# Usage: tests/check-translations.sh SOURCE_ROOT
#
# Extracts a fresh template from po/POTFILES.in (C files by keyword; .ui, gschema and metainfo
# files by their ITS rules; .desktop.in as Desktop), merges po/nl.po into a temporary copy and
# lists every message that is untranslated or fuzzy there. Nothing in the tree is changed.

set -eu

if [ $# -ne 1 ]; then
    echo "usage: $0 SOURCE_ROOT" >&2
    exit 2
fi

srcdir=$1
potfiles="$srcdir/po/POTFILES.in"
po="$srcdir/po/nl.po"

for tool in xgettext msgcat msgmerge msgattrib; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "$0: $tool not found (Debian package: gettext)" >&2
        exit 1
    fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# POTFILES.in without comments and blank lines; desktop files go separately because only
# --language=Desktop reads them reliably.
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$potfiles" > "$tmp/all"
grep -E '\.desktop(\.in)*$' "$tmp/all" > "$tmp/desktop" || true
grep -v -E '\.desktop(\.in)*$' "$tmp/all" > "$tmp/other" || true

extract() {
    xgettext --from-code=UTF-8 --add-comments --package-name=regie --directory="$srcdir" "$@"
}

: > "$tmp/other.pot"
if [ -s "$tmp/other" ]; then
    extract --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
        --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
        --files-from="$tmp/other" --output="$tmp/other.pot"
fi

: > "$tmp/desktop.pot"
if [ -s "$tmp/desktop" ]; then
    extract --language=Desktop --files-from="$tmp/desktop" --output="$tmp/desktop.pot"
fi

# xgettext writes nothing when a group has no strings; join whatever exists.
set --
for pot in "$tmp/other.pot" "$tmp/desktop.pot"; do
    [ -s "$pot" ] && set -- "$@" "$pot"
done
if [ $# -eq 0 ]; then
    echo "$0: no translatable strings found in the files of $potfiles" >&2
    exit 1
fi
msgcat --use-first --output-file="$tmp/regie.pot" "$@"

msgmerge --quiet --previous --output-file="$tmp/nl.po" "$po" "$tmp/regie.pot"

# Print "location: msgid" for each entry msgattrib selects; msgids can span several lines.
list_entries() {
    msgattrib --no-wrap --no-obsolete "$@" "$tmp/nl.po" | awk '
        /^#: /        { if (loc == "") loc = substr($0, 4); next }
        /^msgctxt /   { ctx = substr($0, 9) " | "; next }
        /^msgid /     { id = substr($0, 7); inid = 1; next }
        /^"/ && inid  { id = id $0; next }
        /^msgid_plural|^msgstr/ {
            if (inid && id != "\"\"") printf "  %s: %s%s\n", loc, ctx, id
            inid = 0; loc = ""; ctx = ""; next
        }
    '
}

list_entries --untranslated > "$tmp/untranslated"
list_entries --only-fuzzy > "$tmp/fuzzy"

status=0
if [ -s "$tmp/untranslated" ]; then
    echo "po/nl.po has no Dutch for these strings:"
    cat "$tmp/untranslated"
    status=1
fi
if [ -s "$tmp/fuzzy" ]; then
    echo "po/nl.po has fuzzy (unchecked) Dutch for these strings:"
    cat "$tmp/fuzzy"
    status=1
fi

if [ $status -ne 0 ]; then
    echo "Update po/nl.po (e.g. ninja -C BUILDDIR regie-update-po), translate, and remove the fuzzy flags."
else
    total=$(grep -c '^msgid ' "$tmp/regie.pot" || true)
    echo "po/nl.po translates all $((total - 1)) strings."
fi
exit $status
