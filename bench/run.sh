#!/usr/bin/env bash
# `cloak run` benchmark: de-identification with profile dicom-basic, the default layout and the
# vault on (a fresh --vault and --key-file) against cp -r of the same folder in the same run;
# then the production run adding `--audit report.xlsx`, and that run reading a zip archive of
# the folder (zip -0, stored: the archive read is what is measured, not inflate).
#
# 1. A folder of 512x512 16-bit CT slices (SLICES=2200: 1.16 GB), the codec benchmark's corpus
#    (bench/work/ct/full, made by cloak-bench's MakeCtCorpus; reused when bench/codec.sh left it).
#    Target: cloak run <= 1.5x cp -r.
# 2. SMALL=10000 small files (64x64 16-bit, full header with fake PHI, 100 per folder), made by
#    cloak-bench's MakeSmallCorpus. Target: >= 2000 files/s on 2 cores.
# cloak run makes every output durable before it records its study finished (flushed to disk in
# groups) and cp -r does not, so cp -r followed by sync is measured too, as the baseline with the
# same durability. cloak runs through the ./cloak launcher, as users run it (its JVM flags and
# class-data archive included; CLOAK_JAVA_OPTS overrides the flags).
# Before every measured command the page cache is emptied and the input read back into it (see
# settle); cp -r, cp -r + sync and the cloak runs alternate for ROUNDS rounds, each under
# /usr/bin/time -v (wall time, peak RSS, CPU time). Medians are reported, with the load average
# of each round: other work on the machine skews the figures, CPU seconds per file much less so.
# Every measured command writes into a folder of its own, and outputs are deleted only after all
# rounds: ext4 slows down file creation for a minute after many files were deleted (its inode
# allocator skips recently freed inodes one by one), which would penalise whichever command runs
# next. For the same reason the script waits SETTLE seconds (default 65) after clearing old outputs.
# Outputs are checked (one per input, readable by dcmdump, no fake patient name left); the small
# corpus is deleted at the end, the CT corpus too with CLEAN=1.
#
# Usage: bench/run.sh     env: SLICES SMALL ROUNDS THREADS (default: cores) CLOAK_JAVA_OPTS CLEAN CT_DIR
#                         SETTLE BUILD=0 CLOAK_JAR=jar (measure a jar built earlier with java -jar)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/bench/work
CLOAK_JAR=${CLOAK_JAR:-}
BENCH=$ROOT/cloak-bench/target/cloak-bench.jar
SLICES=${SLICES:-2200}
SMALL=${SMALL:-10000}
ROUNDS=${ROUNDS:-3}
THREADS=${THREADS:-$(nproc)}
CT=${CT_DIR:-$WORK/ct/full}
SMALLDIR=$WORK/run/small
OUT=$WORK/run/out
SETTLE=${SETTLE:-65}
VAULT=$WORK/run/vault
KEY=$WORK/run/vault.key
REPORT=$WORK/run/report.xlsx
ZIPS=$WORK/run/zips

need() { # install Debian package $1 for command $2 when missing
    if ! command -v "$2" > /dev/null; then
        echo "== installing Debian '$1'"
        if [ "$(id -u)" = 0 ]; then apt-get install -y "$1"; else sudo apt-get install -y "$1"; fi
    fi
}
[ -x /usr/bin/time ] || need time /usr/bin/time
need zip zip

if [ "${BUILD:-1}" = 1 ]; then
    echo "== build"
    mvn -q -o -B -DskipTests -pl cloak-cli,cloak-bench -am package || mvn -q -B -ntp -DskipTests -pl cloak-cli,cloak-bench -am package
fi
# the launcher records its class-data archive on its first start after a build: not measured
"$ROOT/cloak" --version > /dev/null

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo)," \
     "$(java -version 2>&1 | head -1), $(cp --version | head -1), filesystem $(df -T "$ROOT" | awk 'NR==2 {print $2}')"

mkdir -p "$WORK/run"
if [ "$(find "$CT" -name '*.dcm' 2>/dev/null | wc -l)" != "$SLICES" ]; then
    echo "== generating $SLICES CT slices in $CT"
    rm -rf "$CT"
    java -cp "$BENCH" org.cloak.bench.MakeCtCorpus "$CT" "$SLICES"
fi
if [ "$(find "$SMALLDIR" -name '*.dcm' 2>/dev/null | wc -l)" != "$SMALL" ]; then
    echo "== generating $SMALL small files in $SMALLDIR"
    rm -rf "$SMALLDIR"
    java -cp "$BENCH" org.cloak.bench.MakeSmallCorpus "$SMALLDIR" "$SMALL"
fi
if [ -e "$OUT" ]; then
    rm -rf "$OUT"
    sync
    echo "== removed old outputs; waiting ${SETTLE} s for ext4 to release the freed inodes"
    sleep "$SETTLE"
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

# settle PATH...: the same memory state before every measured command: written data flushed, the
# page cache emptied (as root; the outputs of earlier commands would otherwise fill memory, and
# later commands would pay for reclaiming it) and the inputs read back into it
settle() {
    sync
    if [ -w /proc/sys/vm/drop_caches ]; then echo 1 > /proc/sys/vm/drop_caches; fi
    find "$@" -type f -exec cat {} + > /dev/null
}

median() { sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

ROWS=()
# cloak ARGS...: one measured run with a fresh vault and key file
cloak() {
    rm -rf "$VAULT" "$KEY" "$REPORT"
    if [ -n "$CLOAK_JAR" ]; then
        # shellcheck disable=SC2086
        measure java ${CLOAK_JAVA_OPTS:-} -jar "$CLOAK_JAR" run --profile dicom-basic \
            --vault "$VAULT" --key-file "$KEY" --threads "$THREADS" "$@"
    else
        measure "$ROOT/cloak" run --profile dicom-basic --vault "$VAULT" --key-file "$KEY" --threads "$THREADS" "$@"
    fi
}

# The measured commands besides cp -r: plain de-identification (profile, default layout, vault),
# the production run adding the xlsx audit report, and the production run reading the zip. The
# zip run extracts the archive into the output's state folder and deletes the extracted files,
# which slows the next file creations (see above), so its rounds come after all the others,
# followed by a pause before the next corpus.
VARIANTS=("cloak run" "run + audit")
ZIPPED="audit, zip in"
variant() { # variant N IN OUT
    case $1 in
        0) cloak --in "$2" --out "$3" ;;
        1) cloak --in "$2" --out "$3" --audit "$REPORT" ;;
    esac
}

bench_corpus() {
    local label=$1 dir=$2 files mb cp_s=() cs_s=() loads=() v
    local -A vs=() vr=()
    files=$(find "$dir" -type f | wc -l)
    mb=$(du -sb "$dir" | awk '{printf "%.1f", $1 / 1e6}')
    ZIP=$ZIPS/$(basename "$dir").zip
    mkdir -p "$ZIPS"; rm -f "$ZIP"
    (cd "$(dirname "$dir")" && zip -0 -q -r "$ZIP" "$(basename "$dir")")
    echo "== $label: $files files, $mb MB ($(du -sb "$ZIP" | awk '{printf "%.1f", $1 / 1e6}') MB as zip -0)," \
         "$ROUNDS rounds of cp -r, cp -r + sync, ${VARIANTS[*]/#/| }, then $ROUNDS of $ZIPPED ($THREADS threads)"
    mkdir -p "$OUT"; cat "$ZIP" > /dev/null; find "$dir" -type f -exec cat {} + > /dev/null # warm the page cache
    for r in $(seq 1 "$ROUNDS"); do
        local o=$OUT/$(basename "$dir")-$r line
        mkdir -p "$o"
        settle "$dir"
        measure cp -r "$dir" "$o/cp"
        cp_s+=("$WALL")
        settle "$dir"
        measure sh -c 'cp -r "$1" "$2" && sync' sh "$dir" "$o/cpsync"
        cs_s+=("$WALL")
        line=$(printf "   round %d: cp -r %6.2f s, +sync %6.2f s" "$r" "${cp_s[-1]}" "${cs_s[-1]}")
        for v in "${!VARIANTS[@]}"; do
            settle "$dir"
            variant "$v" "$dir" "$o/run$v"
            vs[$v]+="$WALL "; vr[$v]+="$RSS "
            line+=$(printf " | %s %6.2f s (%5.0f files/s, %5.0f MiB, CPU %6.2f s)" "${VARIANTS[$v]}" "$WALL" \
                "$(echo "$files / $WALL" | bc -l)" "$(echo "$RSS / 1024" | bc -l)" "$CPU")
            [ "$r" = 1 ] && check "$dir" "$o/run$v"
            [ "$r" = 1 ] && [ "$v" != 0 ] && python3 -c "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert '[Content_Types].xml' in z.namelist()" "$REPORT" \
                && echo "   audit report: $(du -h "$REPORT" | cut -f1) xlsx"
            [ "$v" = 0 ] && line+=" [$LAST]"
        done
        loads+=("$(cut -d' ' -f1 /proc/loadavg)")
        echo "$line | load $(cut -d' ' -f1-3 /proc/loadavg)"
    done
    local zs=() zr=()
    for r in $(seq 1 "$ROUNDS"); do
        settle "$ZIP"
        cloak --in "$ZIP" --out "$OUT/$(basename "$dir")-$r/zip" --audit "$REPORT"
        zs+=("$WALL"); zr+=("$RSS")
        [ "$r" = 1 ] && check "$dir" "$OUT/$(basename "$dir")-$r/zip"
        printf "   round %d: %s %6.2f s (%5.0f files/s, %5.0f MiB, CPU %6.2f s)\n" "$r" "$ZIPPED" "$WALL" \
            "$(echo "$files / $WALL" | bc -l)" "$(echo "$RSS / 1024" | bc -l)" "$CPU"
    done
    rm -f "$ZIP"
    sync
    sleep "$SETTLE"
    local mcp mcs
    mcp=$(printf '%s\n' "${cp_s[@]}" | median)
    mcs=$(printf '%s\n' "${cs_s[@]}" | median)
    row "$label" "cp -r" "$files" "$mb" "$mcp" "$mcp" "$mcs" ""
    row "$label" "cp -r + sync" "$files" "$mb" "$mcs" "$mcp" "$mcs" ""
    for v in "${!VARIANTS[@]}"; do
        # shellcheck disable=SC2086
        row "$label" "${VARIANTS[$v]}" "$files" "$mb" "$(printf '%s\n' ${vs[$v]} | median)" "$mcp" "$mcs" \
            "$(printf '%s\n' ${vr[$v]} | sort -g | tail -1)"
    done
    row "$label" "$ZIPPED" "$files" "$mb" "$(printf '%s\n' "${zs[@]}" | median)" "$mcp" "$mcs" \
        "$(printf '%s\n' "${zr[@]}" | sort -g | tail -1)"
    LOADS+=("$label: load average (1 min) after each round: ${loads[*]}")
}

# row CORPUS WHAT FILES MB SECONDS CP_SECONDS CPSYNC_SECONDS RSS_KIB
row() {
    ROWS+=("$(printf "%-12s %-14s %6d %8.1f %8.2f %7.2f %7.2f %8.0f %7.1f %8s" "$1" "$2" "$3" "$4" "$5" \
        "$(echo "$5 / $6" | bc -l)" "$(echo "$5 / $7" | bc -l)" "$(echo "$3 / $5" | bc -l)" "$(echo "$4 / $5" | bc -l)" \
        "$([ -n "$8" ] && awk -v k="$8" 'BEGIN {printf "%.0f", k / 1024}' || echo -)")")
}

LOADS=()
bench_corpus "CT 512x512" "$CT"
bench_corpus "small 64x64" "$SMALLDIR"

echo
echo "== results (median wall time over $ROUNDS rounds; files/s and MB/s from it; max peak RSS over the rounds)"
printf "%-12s %-14s %6s %8s %8s %7s %7s %8s %7s %8s\n" "corpus" "command" "files" "MB" "wall s" "x cp-r" "x +sync" \
    "files/s" "MB/s" "RSS MiB"
printf '%s\n' "${ROWS[@]}"
printf '%s\n' "${LOADS[@]}"

rm -rf "$SMALLDIR" "$OUT" "$VAULT" "$KEY" "$REPORT" "$ZIPS"
echo "== removed the small corpus, zips, outputs, report and vault"
if [ "${CLEAN:-0}" = 1 ]; then
    rm -rf "$CT"
    echo "== removed $CT"
fi
