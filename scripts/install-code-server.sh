#!/usr/bin/env bash
# Installs a real VS Code for the end-to-end tests: code-server 4.100.3 (= VS Code 1.100.3, the
# last release that runs on Node 20) into a git-ignored folder, using only the npm registry and
# Debian packages. Idempotent: a second run returns at once.
#
#   bash scripts/install-code-server.sh [DIR]     # DIR defaults to .e2e/code-server
#
# Needs: Chromium (driven by playwright-core from devDependencies), ripgrep, and build tools for
# code-server's native modules. Installed with apt-get when missing and running as root.
# Two tricks make an offline install work: @vscode/ripgrep's download cache is pre-filled with
# Debian's rg, and node-gyp builds against the local Node headers (npm_config_nodedir=/usr).
set -euo pipefail
cd "$(dirname "$0")/.."
CS_VERSION=${CS_VERSION:-4.100.3}
DIR=${1:-.e2e/code-server}
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
STAMP="$DIR/.installed-$CS_VERSION"
ENTRY="$DIR/node_modules/code-server/out/node/entry.js"

have_tools() {
  command -v rg >/dev/null && { command -v chromium >/dev/null || [ -x /usr/bin/chromium ]; }
}

if [ -f "$STAMP" ] && [ -f "$ENTRY" ] && have_tools; then
  echo "code-server $CS_VERSION already installed in $DIR"
  exit 0
fi

# 1. System packages: build tools for native modules, Kerberos headers, Debian's ripgrep, Chromium.
need=()
for pkg in build-essential python3 libkrb5-dev ripgrep chromium; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "apt-get install ${need[*]}"
    apt-get update -q >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "warning: missing packages (${need[*]}) and not root: install them yourself" >&2
  fi
fi
command -v rg >/dev/null || { echo "ripgrep (rg) is required" >&2; exit 1; }

if [ -f "$STAMP" ] && [ -f "$ENTRY" ]; then
  echo "code-server $CS_VERSION already installed in $DIR"
  exit 0
fi

# 2. @vscode/ripgrep's postinstall downloads rg from GitHub: pre-fill its cache with Debian's rg.
export TMPDIR="$DIR/tmp"
RG_CACHE="$TMPDIR/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
tar -C "$(dirname "$(command -v rg)")" -czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" rg

# 3. node-gyp must use the local Node headers instead of downloading them.
[ -f /usr/include/node/node.h ] && export npm_config_nodedir=/usr

# 4. code-server's own postinstall runs unchanged (argon2/kerberos fall back to compiling).
#    npm_config_yes: node-pty's postinstall calls npx; --unsafe-perm: needed as root.
echo "installing code-server $CS_VERSION into $DIR (about a minute)"
start=$(date +%s)
rm -f "$DIR"/.installed-*
[ -f "$DIR/package.json" ] || echo '{"name":"code-server-host","version":"1.0.0","private":true}' > "$DIR/package.json"
(cd "$DIR" && npm_config_yes=true npm install --no-audit --no-fund --unsafe-perm "code-server@$CS_VERSION" >install.log 2>&1) \
  || { tail -40 "$DIR/install.log" >&2; exit 1; }
# code-server writes into HOME even for --version: keep it inside the install folder.
version=$(HOME="$DIR/tmp/home" XDG_CONFIG_HOME="$DIR/tmp/home/.config" XDG_DATA_HOME="$DIR/tmp/home/.local/share" \
  node "$ENTRY" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -1 || true)
case "$version" in
  "$CS_VERSION"*) ;;
  *) echo "code-server did not start after install (--version printed: '$version'); see $DIR/install.log" >&2; exit 1 ;;
esac
touch "$STAMP"
echo "installed code-server $version in $DIR in $(( $(date +%s) - start ))s"
