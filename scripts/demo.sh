#!/usr/bin/env bash
# The main job: sets up, builds and runs `canids demo` (the end-to-end demo on built-in data).
# Arguments are passed to `canids demo` (try --help).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bash scripts/setup.sh
dotnet build host-tools/CanIds.Cli/CanIds.Cli.csproj -c Release --no-restore --verbosity quiet -consoleLoggerParameters:NoSummary
exec dotnet host-tools/CanIds.Cli/bin/Release/net10.0/canids.dll demo "$@"
