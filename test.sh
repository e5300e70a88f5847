#!/usr/bin/env bash
# The one test command: installs the system packages the tests need (quietly, only what is missing), then runs
# the whole build with every unit, integration and end-to-end test.
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
  openjdk-17-jdk-headless   # the JDK the build and the launcher run on
  maven                     # the build
  util-linux                # setsid and flock, used by the launcher and the manager
  procps                    # ps/kill, used by the end-to-end tests
  git
  curl
)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

exec mvn -B -ntp verify "$@"
