#!/usr/bin/env bash
# Runs the benchmarks and prints a Markdown table. Arguments go to io.infrakit.bench.Benchmarks: --quick (a few
# minutes), --runs N, --e2e-runs N, --instances N, --socket-instances N, --launcher PATH, --skip-cli,
# --only SECTION (e.g. playbooks, CLI, heal).
# The full run takes about half an hour. Build first: mvn -B -ntp -q install -DskipTests
# The benchmarks run in their own JVM (not Maven's), so the in-process heap they measure is theirs alone.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f cli/target/infrakit.jar ] || mvn -B -ntp -q install -DskipTests
[ -d bench/target/classes ] || mvn -B -ntp -q -pl bench compile
list="$(mktemp)"
mvn -B -ntp -q -pl bench dependency:build-classpath -Dmdep.outputFile="$list" >/dev/null
classpath="bench/target/classes:$(cat "$list")"
rm -f "$list"
exec java -cp "$classpath" io.infrakit.bench.Benchmarks "$@"
