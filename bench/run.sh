#!/usr/bin/env bash
# `cloak run` benchmark: de-identification (profile dicom-basic) against cp -r of the same folder
# in the same run.
#
# 1. A folder of 512x512 16-bit CT slices (SLICES=2200: 1.16 GB), the codec benchmark's corpus
#    (bench/work/ct/full, made by cloak-bench's MakeCtCorpus; reused when bench/codec.sh left it).
#    Target: cloak run <= 1.5x cp -r.
# 2. SMALL=10000 small files (64x64 16-bit, full header with fake PHI, 100 per folder), made by
#    bench/MakeSmallCorpus.java. Target: >= 2000 files/s on 2 cores.
# cloak run forces every output to disk before renaming it (atomic, durable writes) and cp -r does
# not, so cp -r followed by sync is measured too, as the baseline with the same durability.
# The page cache is warmed once; then cp -r and cloak run alternate for ROUNDS rounds, each under
# /usr/bin/time -v (wall time, peak RSS, CPU time). Medians are reported, with the load average
# of each round: other work on the machine skews the figures, CPU seconds per file much less so.
# Outputs are checked (one per input, readable by dcmdump, no fake patient name left) and
# deleted; the small corpus is deleted at the end, the CT corpus too with CLEAN=1.
#
# Usage: bench/run.sh     env: SLICES SMALL ROUNDS THREADS (default: cores) JAVA_OPTS CLEAN CT_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/bench/work
CLOAK=$ROOT/cloak-cli/target/cloak.jar
BENCH=$ROOT/cloak-bench/target/cloak-bench.jar
SLICES=${SLICES:-2200}
SMALL=${SMALL:-10000}
ROUNDS=${ROUNDS:-3}
THREADS=${THREADS:-$(nproc)}
JAVA_OPTS=${JAVA_OPTS:-}
CT=${CT_DIR:-$WORK/ct/full}
SMALLDIR=$WORK/run/small
OUT=$WORK/run/out
VAULT=$WORK/run/vault

if [ ! -x /usr/bin/time ]; then
    echo "== installing Debian 'time' (for /usr/bin/time -v)"
    if [ "$(id -u)" = 0 ]; then apt-get install -y time; else sudo apt-get install -y time; fi
fi

echo "== build"
mvn -q -o -B -DskipTests -pl cloak-cli,cloak-bench -am package || mvn -q -B -ntp -DskipTests -pl cloak-cli,cloak-bench -am package

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo)," \
     "$(java -version 2>&1 | head -1), $(cp --version | head -1), filesystem $(df -T "$ROOT" | awk 'NR==2 {print $2}')"

mkdir -p "$WORK/run"
rm -rf "$OUT"
if [ "$(find "$CT" -name '*.dcm' 2>/dev/null | wc -l)" != "$SLICES" ]; then
    echo "== generating $SLICES CT slices in $CT"
    rm -rf "$CT"
    java -cp "$BENCH" org.cloak.bench.MakeCtCorpus "$CT" "$SLICES"
fi
if [ "$(find "$SMALLDIR" -name '*.dcm' 2>/dev/null | wc -l)" != "$SMALL" ]; then
    echo "== generating $SMALL small files in $SMALLDIR"
    rm -rf "$SMALLDIR"
    java -cp "$CLOAK" "$ROOT/bench/MakeSmallCorpus.java" "$SMALLDIR" "$SMALL"
fi

# measure CMD...: runs CMD under /usr/bin/time -v; sets WALL (s), RSS (KiB), CPU (user+sys s)
measure() {
    local log
    log=$(mktemp)
    sync
    if ! /usr/bin/time -v -o "$log" "$@" > "$log.out" 2>&1; then
        echo "FAILED: $*"; cat "$log.out" "$log"; exit 1
    fi
    WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$log")
    RSS=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    CPU=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$log")
    LAST=$(grep '^cloak run: [0-9.]* MB in' "$log.out" || true)
    rm -f "$log" "$log.out"
}

# check IN OUT: one output per input, one read by dcmdump, the fake patient name gone
check() {
    local n m f
    n=$(find "$1" -type f | wc -l)
    m=$(find "$2" -type f -not -path '*/.cloak/*' | wc -l)
    [ "$n" = "$m" ] || { echo "expected $n outputs in $2, found $m"; exit 1; }
    f=$(find "$2" -type f -name '*.dcm' -print -quit)
    dcmdump -q -M "$f" > /dev/null || { echo "dcmdump refused $f"; exit 1; }
    left=$(grep -r -l -a -F 'DOE^JANE' "$2" || true)
    [ -z "$left" ] || { echo "fake patient name left in: $left"; exit 1; }
    echo "   verified: $m outputs, dcmdump reads them, no 'DOE^JANE' left (grep -r -a)"
}

median() { sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

ROWS=()
bench_corpus() {
    local label=$1 dir=$2 files mb cp_s=() cs_s=() rn_s=() cp_r=() rn_r=() rn_c=()
    files=$(find "$dir" -type f | wc -l)
    mb=$(du -sb "$dir" | awk '{printf "%.1f", $1 / 1e6}')
    echo "== $label: $files files, $mb MB, $ROUNDS rounds of cp -r / cloak run --profile dicom-basic ($THREADS threads)"
    rm -rf "$OUT"; mkdir -p "$OUT"; cp -r "$dir" "$OUT/warm"; rm -rf "$OUT" # warm the page cache
    for r in $(seq 1 "$ROUNDS"); do
        rm -rf "$OUT"; mkdir -p "$OUT"
        measure cp -r "$dir" "$OUT/cp"
        cp_s+=("$WALL"); cp_r+=("$RSS")
        rm -rf "$OUT"; mkdir -p "$OUT"
        measure sh -c 'cp -r "$1" "$2" && sync' sh "$dir" "$OUT/cp"
        cs_s+=("$WALL")
        rm -rf "$OUT"; mkdir -p "$OUT"
        # shellcheck disable=SC2086
        measure java $JAVA_OPTS -jar "$CLOAK" run --profile dicom-basic --in "$dir" --out "$OUT/run" \
            --vault "$VAULT" --threads "$THREADS"
        rn_s+=("$WALL"); rn_r+=("$RSS"); rn_c+=("$CPU")
        printf "   round %d: cp -r %6.2f s, cp -r + sync %6.2f s | cloak run %6.2f s, %5.0f files/s, %6.1f MB/s, RSS %6.1f MiB, CPU %6.2f s | ratio %.2f | load %s\n" \
            "$r" "${cp_s[-1]}" "${cs_s[-1]}" "${rn_s[-1]}" "$(echo "$files / ${rn_s[-1]}" | bc -l)" "$(echo "$mb / ${rn_s[-1]}" | bc -l)" \
            "$(echo "${rn_r[-1]} / 1024" | bc -l)" "$CPU" "$(echo "${rn_s[-1]} / ${cp_s[-1]}" | bc -l)" \
            "$(cut -d' ' -f1-3 /proc/loadavg)"
        echo "            $LAST (inside the JVM, without start-up)"
    done
    check "$dir" "$OUT/run"
    rm -rf "$OUT"
    local mcp mcs mrn mcpu
    mcp=$(printf '%s\n' "${cp_s[@]}" | median)
    mcs=$(printf '%s\n' "${cs_s[@]}" | median)
    mrn=$(printf '%s\n' "${rn_s[@]}" | median)
    mcpu=$(printf '%s\n' "${rn_c[@]}" | median)
    ROWS+=("$(printf "%-14s %6d %8.1f %9.2f %9.2f %9.2f %6.2f %6.2f %9.0f %8.1f %9.1f %11.3f" "$label" "$files" "$mb" \
        "$mcp" "$mcs" "$mrn" "$(echo "$mrn / $mcp" | bc -l)" "$(echo "$mrn / $mcs" | bc -l)" "$(echo "$files / $mrn" | bc -l)" "$(echo "$mb / $mrn" | bc -l)" \
        "$(printf '%s\n' "${rn_r[@]}" | sort -g | tail -1 | awk '{print $1 / 1024}')" \
        "$(echo "$mcpu * 1000 / $files" | bc -l)")")
}

bench_corpus "CT 512x512" "$CT"
bench_corpus "small 64x64" "$SMALLDIR"

echo
echo "== results (median wall time over $ROUNDS rounds; files/s and MB/s from it; max peak RSS; CPU = user+sys)"
printf "%-14s %6s %8s %9s %9s %9s %6s %6s %9s %8s %9s %11s\n" "corpus" "files" "MB" "cp -r s" "+sync s" "run s" \
    "ratio" "r/sync" "files/s" "MB/s" "RSS MiB" "CPU ms/file"
printf '%s\n' "${ROWS[@]}"

rm -rf "$SMALLDIR" "$OUT" "$VAULT"
echo "== removed the small corpus, outputs and vault"
if [ "${CLEAN:-0}" = 1 ]; then
    rm -rf "$CT"
    echo "== removed $CT"
fi
