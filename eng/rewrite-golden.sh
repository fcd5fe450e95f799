#!/usr/bin/env bash
# Rewrites the pinned figures of the golden scenario tests (tests/CascadeGuard.Tests/Simulation/Golden/*.json) with the
# same arguments the tests use. Run it only when a change to the model is meant to change the figures, review the diff,
# and say in the commit why the figures moved.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/CascadeGuard.Tool -c Debug > /dev/null
for scenario in synthetic black-thursday-2020 may-2021 ftx-jan-2022 oracle-spike; do
  dotnet run --no-build --project src/CascadeGuard.Tool -- simulate --scenario "$scenario" --accounts 2000 --runs 2 --seed 7 \
    --json "tests/CascadeGuard.Tests/Simulation/Golden/$scenario.json" > /dev/null
  echo "rewrote tests/CascadeGuard.Tests/Simulation/Golden/$scenario.json"
done
