#!/bin/sh
# Rebuilds the demo study in samples/ from the dump texts in tools/samples/src/ with dcmtk's dump2dcm.
# One fake patient (DOE^JOHN), one study, two series: ct-phantom.dcm and ct-phantom-2.dcm
# (axial, 128x128) and ct-scout.dcm (localizer, 64x64). The pixel data is a synthetic head
# phantom computed here, so the output is the same on every run.
# Needs: dcmtk (dump2dcm), a POSIX awk.  Usage: tools/samples/make-samples.sh
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src="$here/src"
out="$here/../../samples"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# phantom SIZE SLICE > raw: 16-bit little-endian pixels, 12 bits stored (value = HU + 1024):
# air outside, a skull ring, brain inside, two ventricles that grow with the slice number.
phantom() {
    LC_ALL=C awk -v n="$1" -v slice="$2" 'BEGIN {
        c = n / 2; r = n * 0.42
        for (y = 0; y < n; y++) for (x = 0; x < n; x++) {
            dx = (x + 0.5 - c) / r; dy = (y + 0.5 - c) / (r * 1.15); d = sqrt(dx * dx + dy * dy)
            v = 0
            if (d <= 1.0) v = 1024 + 1000
            if (d <= 0.9) v = 1024 + 35 + (x + y) % 4
            vx = (dx < 0 ? -dx : dx) - 0.18; vy = dy / (0.35 + slice * 0.05)
            if (d <= 0.9 && (vx * vx) / 0.01 + vy * vy <= 1.0) v = 1024 + 5
            printf "%c%c", v % 256, int(v / 256)
        }
    }'
}

phantom 128 0 > "$work/ct-phantom.raw"
phantom 128 1 > "$work/ct-phantom-2.raw"
phantom 64 0 > "$work/ct-scout.raw"

# dump2dcm reads "=file" values relative to the working directory
cd "$work"
build() { # build OUTPUT SERIES INSTANCE
    cat "$src/study.dump" "$src/$2.dump" "$src/$3.dump" > "$work/$3.dump"
    dump2dcm --write-xfer-little "$work/$3.dump" "$out/$1"
    echo "wrote samples/$1"
}
build ct-phantom.dcm series-1 ct-phantom
build ct-phantom-2.dcm series-1 ct-phantom-2
build ct-scout.dcm series-2 ct-scout
