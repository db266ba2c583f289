#!/usr/bin/env bash
# Codec benchmark.
#
# 1. Read + rewrite unchanged a folder of 512x512 16-bit CT slices (SLICES=2200: 1.16 GB),
#    against cp -r of the same folder in the same run; wall time, CPU time and peak RSS
#    (/usr/bin/time -v). Target: rewrite <= 1.5x cp -r. Page cache is warmed once, then cp -r,
#    the rewrite on a default JVM and on a small JVM alternate for ROUNDS rounds. The same for
#    half the corpus (hard links to the first half): peak RSS must not grow with the corpus.
# 2. One multi-frame file with MF_GIB GiB of pixel data (2 GiB: 4096 frames, value length 2^31),
#    rewritten with -Xmx64m.
# Outputs are checked byte for byte against their inputs (the codec writes its own files back
# identically) and with dcmdump, then deleted. Inputs stay in bench/work/ (gitignored) for the
# next run; CLEAN=1 deletes them too.
#
# Usage: bench/codec.sh    env: SLICES ROUNDS MF_GIB THREADS (default: cores) JAVA_OPTS OUT_DIR CLEAN
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/bench/work
JAR=$ROOT/cloak-bench/target/cloak-bench.jar
SLICES=${SLICES:-2200}
ROUNDS=${ROUNDS:-3}
MF_GIB=${MF_GIB:-2}
THREADS=${THREADS:-$(nproc)}
JAVA_OPTS=${JAVA_OPTS:-}

if [ ! -x /usr/bin/time ]; then
    echo "== installing Debian 'time' (for /usr/bin/time -v)"
    if [ "$(id -u)" = 0 ]; then apt-get install -y time; else sudo apt-get install -y time; fi
fi

echo "== build"
mvn -q -o -pl cloak-bench -am package -DskipTests || mvn -q -pl cloak-bench -am package -DskipTests

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo)," \
     "$(java -version 2>&1 | sed -n 1p), $(cp --version | sed -n 1p), filesystem $(df -T "$ROOT" | awk 'NR==2 {print $2}')"
df -h "$ROOT" | sed 's/^/   /'

FULL=$WORK/ct/full
HALF=$WORK/ct/half
OUT=${OUT_DIR:-$WORK/out} # OUT_DIR=/dev/shm/cloak-bench takes the disk out of the comparison
mkdir -p "$WORK"
rm -rf "$OUT"

if [ "$(find "$FULL" -name '*.dcm' 2>/dev/null | wc -l)" != "$SLICES" ]; then
    echo "== generating $SLICES slices in $FULL"
    rm -rf "$FULL"
    java -cp "$JAR" org.cloak.bench.MakeCtCorpus "$FULL" "$SLICES"
fi
rm -rf "$HALF"
mkdir -p "$HALF"
mapfile -t ALL < <(find "$FULL" -name '*.dcm' | sort)
ln "${ALL[@]:0:$((SLICES / 2))}" "$HALF"/

# measure LABEL CMD...: runs CMD under /usr/bin/time -v; sets WALL (s), CPU (user + system, s), RSS (KiB)
measure() {
    local log
    log=$(mktemp)
    sync
    if ! /usr/bin/time -v -o "$log" "${@:2}" > "$log.out" 2>&1; then
        echo "FAILED: ${*:2}"; cat "$log.out" "$log"; exit 1
    fi
    WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$log")
    RSS=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    CPU=$(awk -F': ' '/(User|System) time \(seconds\)/ {s += $2} END {print s}' "$log")
    rm -f "$log" "$log.out"
}

# check DIR OUT: a few outputs byte-identical to their inputs, one readable by dcmtk
check() {
    local files n f
    mapfile -t files < <(cd "$1" && find . -type f | sort)
    n=${#files[@]}
    for f in "${files[0]}" "${files[$((n / 2))]}" "${files[$((n - 1))]}"; do
        cmp "$1/$f" "$2/$f" || { echo "DIFFERENT: $f"; exit 1; }
    done
    [ "$(cd "$2" && find . -type f | wc -l)" = "$n" ] || { echo "missing outputs in $2"; exit 1; }
    dcmdump -q -M "$2/${files[$((n / 2))]}" > /dev/null || { echo "dcmdump refused $2/${files[$((n / 2))]}"; exit 1; }
    echo "   verified: $n outputs, 3 byte-identical to their input (cmp), dcmdump reads them"
}

# The commands compared, in the order they alternate within a round: cp -r; the rewrite on a
# default JVM; the rewrite on a small CLI-style JVM (64 MiB heap, serial GC, C1 JIT only: on
# 2 cores, C2 compiling for ~2 s of CPU competes with the copy itself).
SMALL_JVM="-Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
NAMES=("cp -r" "rewrite" "rewrite small JVM")
run_cmd() { # INDEX DIR TARGET
    case $1 in
        0) measure cp cp -r "$2" "$3" ;;
        # shellcheck disable=SC2086
        1) measure rw java $JAVA_OPTS -jar "$JAR" "$2" "$3" "$THREADS" ;;
        # shellcheck disable=SC2086
        2) measure rw java $SMALL_JVM -jar "$JAR" "$2" "$3" "$THREADS" ;;
    esac
}
median() { sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
maximum() { sort -g | awk 'END {print $1}'; }

ROWS=()
bench_corpus() {
    local label=$1 dir=$2 files mb r i line
    declare -A T M C
    files=$(find "$dir" -type f | wc -l)
    mb=$(du -sm "$dir" | cut -f1)
    echo "== $label: $files files, $mb MiB; $ROUNDS rounds of: $(IFS=/; echo "${NAMES[*]}") ($THREADS threads)"
    for r in $(seq 1 "$ROUNDS"); do
        line="   round $r:"
        for i in "${!NAMES[@]}"; do
            rm -rf "$OUT"; mkdir -p "$OUT"
            run_cmd "$i" "$dir" "$OUT/$i"
            T[$i,$r]=$WALL; M[$i,$r]=$RSS; C[$i,$r]=$CPU
            line+=$(printf " %s %.2f s (cpu %.2f) %.0f MiB |" "${NAMES[$i]}" "$WALL" "$CPU" "$(echo "$RSS / 1024" | bc -l)")
            [ "$i" = 0 ] || check "$dir" "$OUT/$i" > /dev/null
        done
        echo "$line load $(cut -d' ' -f1-3 /proc/loadavg)"
    done
    check "$dir" "$OUT/$((${#NAMES[@]} - 1))"
    rm -rf "$OUT"
    local row cp0 t c
    row=$(printf "%-12s %6d %7d" "$label" "$files" "$mb")
    cp0=$(for r in $(seq 1 "$ROUNDS"); do echo "${T[0,$r]}"; done | median)
    for i in "${!NAMES[@]}"; do
        t=$(for r in $(seq 1 "$ROUNDS"); do echo "${T[$i,$r]}"; done | median)
        c=$(for r in $(seq 1 "$ROUNDS"); do echo "${C[$i,$r]}"; done | median)
        row+=$(printf " | %6.2f s %5.2fx %6.2f s %6.1f MiB" "$t" "$(echo "$t / $cp0" | bc -l)" "$c" \
            "$(for r in $(seq 1 "$ROUNDS"); do echo "${M[$i,$r]}"; done | maximum | awk '{print $1 / 1024}')")
    done
    ROWS+=("$row")
}

echo "== warming the page cache (cp -r once, not measured)"
rm -rf "$OUT"; mkdir -p "$OUT"; cp -r "$FULL" "$OUT/warm"; rm -rf "$OUT"

bench_corpus "full corpus" "$FULL"
bench_corpus "half corpus" "$HALF"

echo
echo "== corpus results: median wall time over $ROUNDS rounds, its ratio to cp -r, median CPU time, max peak RSS"
printf "%-12s %6s %7s" "corpus" "files" "MiB"
for n in "${NAMES[@]}"; do printf " | %-35s" "$n: wall ratio cpu RSS"; done
echo
printf '%s\n' "${ROWS[@]}"

MF=$WORK/mf/${MF_GIB}GiB/multiframe.dcm # alone in its folder: cp -r and RewriteFolder take the folder
if [ ! -f "$MF" ]; then
    echo "== generating a $MF_GIB GiB multi-frame file (with -Xmx64m too)"
    mkdir -p "$(dirname "$MF")"
    java -Xmx64m -cp "$JAR" org.cloak.bench.MakeMultiframe "$MF" "$MF_GIB"
fi
echo "== multi-frame: $(du -m "$MF" | cut -f1) MiB, $(dcmdump -q -M "$MF" | grep -o 'IS \[[0-9]*\].*NumberOfFrames' | tr -s ' ')"
cat "$MF" > /dev/null # warm
rm -rf "$OUT"; mkdir -p "$OUT"
measure cp cp -r "$(dirname "$MF")" "$OUT/cp"
MF_CP=$WALL; MF_CP_RSS=$RSS; MF_CP_CPU=$CPU
rm -rf "$OUT"; mkdir -p "$OUT"
measure rw java -Xmx64m -jar "$JAR" "$(dirname "$MF")" "$OUT/mf" 1
printf "   cp -r %.2f s (cpu %.2f s), %.1f MiB | rewrite with -Xmx64m: OK, %.2f s (cpu %.2f s), peak RSS %.1f MiB | ratio %.2f\n" \
    "$MF_CP" "$MF_CP_CPU" "$(echo "$MF_CP_RSS / 1024" | bc -l)" "$WALL" "$CPU" "$(echo "$RSS / 1024" | bc -l)" \
    "$(echo "$WALL / ($MF_CP + 0.005)" | bc -l)"
cmp "$MF" "$OUT/mf/$(basename "$MF")" && echo "   verified: output byte-identical to the input (cmp)"
dcmdump -q -M "$OUT/mf/$(basename "$MF")" | grep -E 'PixelData' | tr -s ' ' | sed 's/^/   dcmdump: /'
rm -rf "$OUT"

if [ "${CLEAN:-0}" = 1 ]; then
    rm -rf "$WORK"
    echo "== removed $WORK"
fi
