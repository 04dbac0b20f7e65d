#!/usr/bin/env bash
# Idempotent set-up of a fresh machine: the Debian packages in scripts/apt-packages.txt, a check for the .NET 10 SDK,
# and a NuGet restore of the solution. The demo and test commands call it; running it again costs seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
while read -r pkg _; do
  [[ -z "$pkg" || "$pkg" == \#* ]] && continue
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done < scripts/apt-packages.txt
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""; [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null; then
  echo "setup: the .NET 10 SDK is required (dotnet not found on PATH)" >&2
  exit 1
fi
if [[ "$(dotnet --version)" != 10.* ]]; then
  echo "setup: the .NET 10 SDK is required, found $(dotnet --version)" >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet restore Firmware.sln --verbosity quiet
