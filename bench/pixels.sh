#!/usr/bin/env bash
# Pixel benchmark, two figures:
# 1. The cost of region-only cleaning: `cloak run` of a CT corpus (SLICES 512x512 16-bit slices,
#    cloak-bench's MakeCtCorpus) with a recipe whose pixel rule blanks a 200x40 region of every
#    file, against the same run without the rule, alternating for ROUNDS rounds; medians.
# 2. OCR throughput: `cloak pixels scan` (Tesseract CLI, one process per frame) over OCR_FILES
#    512x512 CT slices, on THREADS parallel scans (default: cores), in images per second.
# Usage: bench/pixels.sh    env: SLICES (default 200) ROUNDS (3) OCR_FILES (40) THREADS CLOAK_JAR
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/bench/work/pixels
SLICES=${SLICES:-200}
ROUNDS=${ROUNDS:-3}
OCR_FILES=${OCR_FILES:-40}
THREADS=${THREADS:-$(nproc)}
JAR=${CLOAK_JAR:-$ROOT/cloak-cli/target/cloak.jar}
BENCH=$ROOT/cloak-bench/target/cloak-bench.jar
[ -f "$JAR" ] || mvn -B -ntp -q -o package -DskipTests -pl cloak-cli -am
[ -f "$BENCH" ] || mvn -B -ntp -q -o package -DskipTests -pl cloak-bench -am
mkdir -p "$WORK"
CT=$WORK/ct
[ -d "$CT" ] || java -cp "$BENCH" org.cloak.bench.MakeCtCorpus "$CT" "$SLICES"
cat > "$WORK/rule.yaml" <<'YAML'
profile: dicom-basic
pixels:
  rules:
    - name: every-ct
      when: {attribute: Modality, equals: CT}
      regions: [[0, 0, 200, 40]]
YAML
run() { # name recipe-args...
  local name=$1; shift
  rm -rf "$WORK/out-$name" "$WORK/vault-$name"
  local t0=$(date +%s.%N)
  java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$JAR" run --in "$CT" --out "$WORK/out-$name" \
      --vault "$WORK/vault-$name" --threads "$THREADS" "$@" >/dev/null 2>"$WORK/$name.log"
  echo "$(date +%s.%N) - $t0" | bc
}
plain=(); rules=()
for r in $(seq "$ROUNDS"); do
  plain+=("$(run plain)")
  rules+=("$(run rule --recipe "$WORK/rule.yaml")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mp=$(median "${plain[@]}"); mr=$(median "${rules[@]}")
echo "region cleaning: $SLICES CT files, plain $mp s, with a rule on every file $mr s, ratio $(echo "scale=2; $mr / $mp" | bc)"
# OCR throughput
ls "$CT" | head -n "$OCR_FILES" > "$WORK/ocr.list"
rm -rf "$WORK/ocr" && mkdir -p "$WORK/ocr"
split -n "r/$THREADS" "$WORK/ocr.list" "$WORK/ocr/part."
t0=$(date +%s.%N)
for part in "$WORK"/ocr/part.*; do
  ( d=$part.d; mkdir -p "$d"; while read -r f; do ln -s "$CT/$f" "$d/$f"; done < "$part"
    java -jar "$JAR" pixels scan "$d" > "$part.tsv" ) &
done
wait
t=$(echo "$(date +%s.%N) - $t0" | bc)
echo "OCR: $OCR_FILES 512x512 images in $t s on $THREADS threads: $(echo "scale=2; $OCR_FILES / $t" | bc) images/s"
rm -rf "$WORK"/out-* "$WORK"/vault-*
