#!/bin/sh
# Fails when po/POTFILES.in and the tree disagree.
#
# Usage: tests/check-potfiles.sh SOURCE_ROOT
#
# Every file under src/ and data/ with translatable strings (_(, N_(, C_(, NC_(, ngettext,
# translatable="yes") and every .desktop.in, .metainfo.xml.in and .gschema.xml file there must
# be listed in po/POTFILES.in, and every file listed there must exist.

set -eu

if [ $# -ne 1 ]; then
    echo "usage: $0 SOURCE_ROOT" >&2
    exit 2
fi

srcdir=$1
potfiles="$srcdir/po/POTFILES.in"

if [ ! -f "$potfiles" ]; then
    echo "$potfiles does not exist" >&2
    exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$potfiles" \
    | LC_ALL=C sort -u > "$tmp/listed"

cd "$srcdir"

dirs=
for d in src data; do
    [ -d "$d" ] && dirs="$dirs $d"
done

: > "$tmp/found"
if [ -n "$dirs" ]; then
    # Marked strings in any text file (binary files are skipped by -I).
    # shellcheck disable=SC2086
    grep -rIlE \
        -e '(^|[^A-Za-z0-9_])(_|N_|C_|NC_)[[:space:]]*\(' \
        -e 'ngettext' \
        -e 'translatable="yes"' \
        $dirs >> "$tmp/found" || true
    # Data files whose strings xgettext extracts by ITS rules or as Desktop files.
    # shellcheck disable=SC2086
    find $dirs -type f \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' \
        -o -name '*.gschema.xml' \) -print >> "$tmp/found"
fi
LC_ALL=C sort -u "$tmp/found" -o "$tmp/found"

status=0

LC_ALL=C comm -23 "$tmp/found" "$tmp/listed" > "$tmp/missing"
if [ -s "$tmp/missing" ]; then
    echo "These files have translatable strings but are not in po/POTFILES.in:"
    sed 's/^/  /' "$tmp/missing"
    status=1
fi

: > "$tmp/gone"
while IFS= read -r f; do
    [ -f "$f" ] || echo "$f" >> "$tmp/gone"
done < "$tmp/listed"
if [ -s "$tmp/gone" ]; then
    echo "po/POTFILES.in lists files that do not exist:"
    sed 's/^/  /' "$tmp/gone"
    status=1
fi

if [ $status -eq 0 ]; then
    echo "po/POTFILES.in lists all $(wc -l < "$tmp/listed") files with translatable strings."
fi
exit $status
