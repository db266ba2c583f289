#!/usr/bin/env bash
# Script importers benchmark: `cloak run` with XNAT's basic DicomEdit script (basic-2017.das, read
# from ../shared/data/scripts; alone, and over the dicom-basic profile as its base) against the
# YAML profile dicom-basic, on SMALL=10000 small files (64x64 16-bit, full header with fake PHI,
# made by cloak-bench's MakeSmallCorpus), in the same run. The three runs alternate for ROUNDS
# rounds; medians of wall time and CPU time (user+sys, /usr/bin/time -v) are reported with the
# ratio to dicom-basic. Target: a script costs at most 1.2x the YAML profile. CTP's
# DICOM-PS3.15-Basic profile (DATEINC=-10, UIDROOT=1.2.3) runs alone and over dicom-basic too.
#
# Usage: bench/scripts.sh   env: SMALL ROUNDS THREADS CLOAK_JAR (default cloak-cli/target/cloak.jar, built if absent)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/bench/work/scripts
SMALL=${SMALL:-10000}
ROUNDS=${ROUNDS:-3}
THREADS=${THREADS:-$(nproc)}
JAR=${CLOAK_JAR:-$ROOT/cloak-cli/target/cloak.jar}
BENCH=$ROOT/cloak-bench/target/cloak-bench.jar
XNAT=$ROOT/../shared/data/scripts/dicomedit/danielmarcus+xnat-monorepo/src/main/resources/basic-2017.das
CTP=$ROOT/../shared/data/scripts/ctp/johnperry+CTP/source/files/profiles/dicom/DICOM-PS3.15-Basic
CTP_FLAGS="--recipe-format ctp --param DATEINC=-10 --param UIDROOT=1.2.3"
JAVA="java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar $JAR"
export CLOAK_VAULT_PASSPHRASE=bench-passphrase-0123

[ -f "$XNAT" ] || { echo "missing $XNAT (the shared scripts)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
if [ ! -f "$JAR" ] || [ ! -f "$BENCH" ]; then
    mvn -q -o -pl cloak-cli,cloak-bench -am package -DskipTests -Dcheckstyle.skip
fi
mkdir -p "$WORK"
if [ "$(find "$WORK/small" -name '*.dcm' 2>/dev/null | wc -l)" != "$SMALL" ]; then
    rm -rf "$WORK/small"
    java -cp "$BENCH" org.cloak.bench.MakeSmallCorpus "$WORK/small" "$SMALL"
fi
echo "== $(nproc) cores, $(java -version 2>&1 | head -1), $SMALL files, $ROUNDS rounds, $THREADS threads"

declare -A WALLS CPUS
run() { # NAME ARGS...
    local name=$1; shift
    local out=$WORK/out-$name-$r log
    log=$(mktemp)
    rm -rf "$out" "$WORK/vault"
    /usr/bin/time -v -o "$log" $JAVA run --in "$WORK/small" --out "$out" --vault "$WORK/vault" \
        --threads "$THREADS" "$@" > /dev/null 2>&1
    WALLS[$name]+="$(awk -F': ' '/Elapsed/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log") "
    CPUS[$name]+="$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$log") "
    [ "$(find "$out" -name '*.dcm' | wc -l)" = "$SMALL" ] || { echo "$name: not every file written" >&2; exit 1; }
    rm -rf "$out" "$log"
}
median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for r in $(seq 1 "$ROUNDS"); do
    run yaml-dicom-basic --profile dicom-basic
    run xnat-basic --recipe "$XNAT"
    run xnat-basic+dicom-basic --recipe "$XNAT" --profile dicom-basic
    # shellcheck disable=SC2086 # the flags are words
    run ctp-basic --recipe "$CTP" $CTP_FLAGS
    # shellcheck disable=SC2086
    run ctp-basic+dicom-basic --recipe "$CTP" $CTP_FLAGS --profile dicom-basic
done
base_wall=$(echo "${WALLS[yaml-dicom-basic]}" | median)
base_cpu=$(echo "${CPUS[yaml-dicom-basic]}" | median)
printf '%-26s %8s %8s %8s %8s\n' run wall_s cpu_s wall_x cpu_x
for name in yaml-dicom-basic xnat-basic xnat-basic+dicom-basic ctp-basic ctp-basic+dicom-basic; do
    w=$(echo "${WALLS[$name]}" | median); c=$(echo "${CPUS[$name]}" | median)
    printf '%-26s %8.2f %8.2f %8.2f %8.2f\n' "$name" "$w" "$c" "$(echo "$w / $base_wall" | bc -l)" \
        "$(echo "$c / $base_cpu" | bc -l)"
done
