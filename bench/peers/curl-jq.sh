#!/usr/bin/env bash
# The hand-written peer: for every path, curl both servers, normalise with
# `jq -S .`, and diff. Prints "<cases> <divergent>" on the last line.
# Usage: bench/peers/curl-jq.sh BASE_A BASE_B PATHS_FILE
set -u
a="$1"; b="$2"; paths="$3"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cases=0; divergent=0
while IFS= read -r path; do
  cases=$((cases + 1))
  curl -s "$a$path" | jq -S . > "$tmp/a.json"
  curl -s "$b$path" | jq -S . > "$tmp/b.json"
  if ! diff -q "$tmp/a.json" "$tmp/b.json" > /dev/null; then divergent=$((divergent + 1)); fi
done < "$paths"
echo "$cases $divergent"
