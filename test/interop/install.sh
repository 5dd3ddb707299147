#!/usr/bin/env bash
# Unpacks vsftpd, ProFTPD (with mod_tls) and Pure-FTPd into a private root for the interop suite.
# The Debian packages conflict with each other (each Provides ftp-server), so they are never
# installed: `apt-get download` + `dpkg-deb -x`, no maintainer scripts, nothing in /etc, no service.
# Only the shared libraries they need and the system lacks are `apt-get install`ed.
# Idempotent: does nothing when everything is already there. Needs root (apt).
# Usage: bash test/interop/install.sh [ROOT]   (default: $FERRY_INTEROP_ROOT or /opt/ferry-interop)
set -euo pipefail
ROOT=${1:-${FERRY_INTEROP_ROOT:-/opt/ferry-interop}}
export DEBIAN_FRONTEND=noninteractive

binaries=(usr/sbin/vsftpd usr/sbin/proftpd usr/lib/proftpd/mod_tls.so usr/sbin/pure-ftpd usr/bin/pure-pw)
missing=0
for b in "${binaries[@]}"; do [ -e "$ROOT/$b" ] || missing=1; done

libs=(libhiredis0.14 libmemcached11 libmemcachedutil2 libpcre2-posix3 libcap2 libwrap0 libssl3 libpam0g libsodium23 openssl)
needed=()
for lib in "${libs[@]}"; do
  dpkg-query -W -f='${Status}' "$lib" 2>/dev/null | grep -q "install ok installed" || needed+=("$lib")
done

if [ "$missing" -eq 0 ] && [ "${#needed[@]}" -eq 0 ]; then
  echo "interop servers present in $ROOT"
  exit 0
fi

# A machine that never ran `apt-get update` knows no package yet.
apt-cache show vsftpd >/dev/null 2>&1 || apt-get update -qq
if [ "${#needed[@]}" -gt 0 ]; then
  echo "installing shared libraries: ${needed[*]}"
  apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
fi

if [ "$missing" -eq 1 ]; then
  cache=$(mktemp -d)
  trap 'rm -rf "$cache"' EXIT
  (cd "$cache" && apt-get -o APT::Sandbox::User=root download -qq vsftpd proftpd-core proftpd-mod-crypto pure-ftpd)
  # mod_tls is only loadable by the proftpd-core of the very same version.
  core=$(ls "$cache"/proftpd-core_*.deb | sed -E 's/.*proftpd-core_([^_]+)_.*/\1/')
  crypto=$(ls "$cache"/proftpd-mod-crypto_*.deb | sed -E 's/.*proftpd-mod-crypto_([^_]+)_.*/\1/')
  if [ "$core" != "$crypto" ]; then
    echo "proftpd-core $core and proftpd-mod-crypto $crypto differ: cannot load mod_tls" >&2
    exit 1
  fi
  mkdir -p "$ROOT"
  for deb in "$cache"/*.deb; do dpkg-deb -x "$deb" "$ROOT"; done
fi

for b in "${binaries[@]}"; do
  [ -e "$ROOT/$b" ] || { echo "missing after unpacking: $ROOT/$b" >&2; exit 1; }
done
echo "interop servers unpacked into $ROOT"
