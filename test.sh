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
  qemu-system-x86           # real VMs (TCG) booting the images we build
  busybox-static            # the userland of those images
  grub-pc-bin               # GRUB's BIOS modules, so the images' ISOs boot
  grub-common               # grub-mkrescue, which makes those ISOs
  xorriso                   # the ISO writer grub-mkrescue runs
  mtools                    # the FAT tools grub-mkrescue uses
  qemu-utils                # qemu-img, which converts the ISO into the qcow2 disk
  openssh-server            # sshd (with ssh-keygen and ssh-agent) serving playbooks over ssh:// in their tests
  docker.io                 # dockerd, started by the docker plugin's and the swarm flavor's tests with their own data roots
  iproute2                  # ip netns, one network namespace per dockerd of the swarm tests
  python3                   # the python example plugin (examples/plugins/python-instance), run by its tests
  perl                      # the perl example plugin (examples/plugins/perl-instance; core JSON::PP), run by its tests
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

# The distribution's kernel, unpacked where the image tests look for it (INFRAKIT_TEST_KERNEL_DIR).
kernel_dir="${INFRAKIT_TEST_KERNEL_DIR:-$HOME/.cache/infrakit/kernel}"
if ! ls "$kernel_dir"/boot/vmlinuz-* >/dev/null 2>&1; then
  echo "test.sh: unpacking the linux-image package into $kernel_dir"
  work="$(mktemp -d)"
  chmod 755 "$work"   # apt-get download hands the file to its _apt user
  kernel_package() { apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/{print $2; exit}'; }
  package="$(kernel_package)"
  if [ -z "$package" ]; then
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    package="$(kernel_package)"
  fi
  (cd "$work" && apt-get download -qq "$package" >/dev/null)
  mkdir -p "$kernel_dir"
  dpkg-deb -x "$work"/linux-image-*.deb "$kernel_dir"
  rm -rf "$work"
fi
export INFRAKIT_TEST_KERNEL_DIR="$kernel_dir"

# moto_server, the EC2 emulator the aws plugin's tests start: preinstalled in this machine kind's Python; installed
# with pip where it is not. Its absence fails the run here, with this message, rather than skipping those tests.
if ! command -v moto_server >/dev/null 2>&1; then
  echo "test.sh: installing moto[server] with pip"
  python3 -m pip install --quiet 'moto[server]' >/dev/null 2>&1 || true
  hash -r
fi
if ! command -v moto_server >/dev/null 2>&1; then
  echo "test.sh: moto_server (the EC2 emulator of the aws plugin's tests) is missing and pip could not install it" >&2
  exit 1
fi

exec mvn -B -ntp verify "$@"
