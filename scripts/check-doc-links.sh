#!/usr/bin/env bash
# Checks every relative link in README.md and docs/*.md: the file (or folder) must exist and, for
# a #anchor into a Markdown file, a heading must produce that anchor (GitHub's rule: lower case,
# punctuation dropped, spaces to hyphens). Prints each broken link; exits 1 if there is any.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C.UTF-8

slugs() { # the anchors the headings of Markdown file $1 produce (outside code fences)
  awk '/^```/ { fenced = !fenced; next } !fenced && /^#+ / { sub(/^#+ +/, ""); print }' "$1" |
    tr '[:upper:]' '[:lower:]' | sed -E 's/[^[:alnum:] _-]//g; s/ /-/g'
}

broken=0
for doc in README.md docs/*.md; do
  dir=$(dirname "$doc")
  # Markdown links outside code fences and inline code: ](target)
  links=$(awk '/^```/ { fenced = !fenced; next } !fenced { gsub(/`[^`]*`/, ""); print }' "$doc" |
    grep -o '\](\([^)]*\))' | sed -E 's/^\]\((.*)\)$/\1/' || true)
  for link in $links; do
    case "$link" in http://*|https://*|mailto:*) continue ;; esac
    path=${link%%#*}
    anchor=""
    [[ "$link" == *"#"* ]] && anchor=${link#*#}
    target=$doc
    [ -n "$path" ] && target="$dir/$path"
    if [ ! -e "$target" ]; then
      echo "$doc: $link: no such file ($target)"
      broken=1
      continue
    fi
    if [ -n "$anchor" ] && [[ "$target" == *.md ]] && ! slugs "$target" | grep -qxF -- "$anchor"; then
      echo "$doc: $link: no heading makes #$anchor in $target"
      broken=1
    fi
  done
done

if [ "$broken" -eq 0 ]; then
  echo "doc links: all good"
fi
exit "$broken"
