#!/usr/bin/env bash
# Runs the benchmarks and prints a table. Arguments go to io.infrakit.bench.Benchmarks (--runs N, --instances N,
# --socket-instances N, --skip-cli). Build first: mvn -B -ntp -q install -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f cli/target/infrakit.jar ] || mvn -B -ntp -q install -DskipTests
mvn -B -ntp -q -pl bench exec:java -Dexec.mainClass=io.infrakit.bench.Benchmarks -Dexec.args="$*"
