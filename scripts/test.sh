#!/usr/bin/env bash
# Runs all tests: sets up, builds the whole solution (the nanoFramework gate included: device code that uses
# what the device lacks fails here), runs every test project, and ends with one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

bash scripts/setup.sh || exit 1
dotnet build Firmware.sln -c Release --no-restore --verbosity quiet -consoleLoggerParameters:NoSummary || exit 1

log=$(mktemp)
rm -f TestResults/nanoclr.txt
# One test project at a time (-m:1): run side by side, the training tests' libtorch runs were seen to diverge once
# under the load of the other projects (a resumed training no longer equal to a straight one).
# The console logger at "minimal" names each failed test with its message and stack (quiet MSBuild otherwise).
dotnet test Firmware.sln -c Release --no-build --verbosity quiet -m:1 --logger "console;verbosity=minimal" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
awk '/^(Passed|Failed)!/ { for (i = 1; i < NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "\n%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
# The firmware's own test cases on the nanoFramework runtime (tests/CanIds.Firmware.NanoClr.Tests writes this line).
if [[ -f TestResults/nanoclr.txt ]]; then cat TestResults/nanoclr.txt; else echo "nanoCLR: no result (the test did not run)"; fi
[[ $rc -ne 0 ]] && echo "test run failed (dotnet test exit code $rc)" >&2
exit $rc
