#!/usr/bin/env bash
# `cloak verify` benchmark: verify with originals (replay, attribute comparison, pixel data
# compared byte for byte, residual PHI scan) on a >= 1 GB CT output, against `cp -r` of that
# output in the same run.
#
# The corpus: SLICES (default 2200) 512x512 16-bit CT slices, 1.16 GB, made by cloak-bench's
# MakeCtCorpus, de-identified once with `cloak run` (dicom-basic). The page cache is warmed
# once; then cp -r and cloak verify alternate for ROUNDS rounds under /usr/bin/time -v; medians
# are reported with the load average of each round. verify reads both trees (inputs and outputs,
# 2.3 GB) where cp reads one and writes one. Everything generated is deleted at the end
# (KEEP=1 keeps it).
#
# Usage: bench/verify.sh     env: SLICES ROUNDS THREADS (default: cores) JAVA_OPTS KEEP
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/bench/work/verify
CLOAK=$ROOT/cloak-cli/target/cloak.jar
BENCH=$ROOT/cloak-bench/target/cloak-bench.jar
SLICES=${SLICES:-2200}
ROUNDS=${ROUNDS:-3}
THREADS=${THREADS:-$(nproc)}
JAVA_OPTS=${JAVA_OPTS:-}
IN=$WORK/in
OUT=$WORK/out
COPY=$WORK/copy
VAULT=$WORK/vault

cleanup() { [ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"; }
trap cleanup EXIT

if [ ! -x /usr/bin/time ]; then
    echo "== installing Debian 'time' (for /usr/bin/time -v)"
    if [ "$(id -u)" = 0 ]; then apt-get install -y time; else sudo apt-get install -y time; fi
fi

echo "== build"
mvn -q -o -B -DskipTests -pl cloak-cli,cloak-bench -am package || mvn -q -B -ntp -DskipTests -pl cloak-cli,cloak-bench -am package

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo)," \
     "$(java -version 2>&1 | head -1), filesystem $(df -T "$ROOT" | awk 'NR==2 {print $2}')"

rm -rf "$WORK"
mkdir -p "$WORK"
echo "== generating $SLICES CT slices"
java -cp "$BENCH" org.cloak.bench.MakeCtCorpus "$IN" "$SLICES"
echo "== cloak run --profile dicom-basic"
java $JAVA_OPTS -jar "$CLOAK" run --in "$IN" --out "$OUT" --vault "$VAULT" --threads "$THREADS" 2>&1 | tail -2
SIZE=$(du -sb "$OUT" | awk '{print $1}')
echo "== output: $(find "$OUT" -name '*.dcm' | wc -l) files, $(awk -v s="$SIZE" 'BEGIN {printf "%.2f GB", s / 1e9}')"

# measure CMD...: runs CMD under /usr/bin/time -v; sets WALL (s), RSS (KiB), CPU (user+sys s), STATUS
measure() {
    local log
    log=$(mktemp)
    sync
    set +e
    /usr/bin/time -v -o "$log" "$@" > "$log.out" 2>&1
    STATUS=$?
    set -e
    WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$log")
    RSS=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    CPU=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$log")
    LAST=$(grep '^cloak verify:' "$log.out" | head -1 || true)
    rm -f "$log" "$log.out"
}

echo "== warming the page cache"
cat "$IN"/*.dcm "$OUT"/*.dcm > /dev/null

CPS=()
VERS=()
VCPU=()
for r in $(seq 1 "$ROUNDS"); do
    rm -rf "$COPY"
    measure cp -r "$OUT" "$COPY"
    CPS+=("$WALL")
    echo "round $r: cp -r          ${WALL} s  cpu ${CPU} s  (load $(cut -d' ' -f1 /proc/loadavg))"
    rm -rf "$COPY"
    measure java $JAVA_OPTS -jar "$CLOAK" verify --out "$OUT" --in "$IN" --vault "$VAULT" --threads "$THREADS" \
        --json "$WORK/qc.json"
    [ "$STATUS" = 0 ] || { echo "verify did not pass (exit $STATUS): $LAST"; exit 1; }
    VERS+=("$WALL")
    VCPU+=("$CPU")
    echo "round $r: cloak verify   ${WALL} s  cpu ${CPU} s  peak RSS $((RSS / 1024)) MiB  (load $(cut -d' ' -f1 /proc/loadavg))"
    echo "         $LAST"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
CP=$(median "${CPS[@]}")
VER=$(median "${VERS[@]}")
echo "== median: cp -r ${CP} s, cloak verify ${VER} s: ratio $(awk -v a="$VER" -v b="$CP" 'BEGIN {printf "%.2f", a / b}')x" \
     "($(awk -v s="$SIZE" -v t="$VER" 'BEGIN {printf "%.0f", s / 1e6 / t}') MB/s of output verified;" \
     "verify CPU $(median "${VCPU[@]}") s, $(awk -v c="$(median "${VCPU[@]}")" -v n="$SLICES" 'BEGIN {printf "%.1f", c * 1000 / n}') ms per file)"
