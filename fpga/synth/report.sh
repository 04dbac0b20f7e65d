#!/usr/bin/env bash
# Regenerates fpga/reports/synthesis.md and synthesis.json: yosys on UltraScale+ for several foldings, iCE40 UP5K place and route,
# latency in simulation. Installs what it needs (scripts/setup.sh). Extra arguments go to `canids synth`.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/setup.sh
dotnet build host-tools/CanIds.Cli/CanIds.Cli.csproj -c Release --no-restore --verbosity quiet -consoleLoggerParameters:NoSummary
exec dotnet host-tools/CanIds.Cli/bin/Release/net10.0/canids.dll synth "$@"
