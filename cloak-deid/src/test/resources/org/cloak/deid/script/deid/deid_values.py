#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""deid's deterministic values, written from deid's and pydicom's published sources, independently of Cloak's code.

pydicom_uuid (deid/dicom/actions/uids.py) calls pydicom.uid.generate_uid(prefix, entropy_srcs=[str(value)]),
which is the SHA-512 of the joined entropy sources' UTF-8 bytes, read as a hexadecimal number, written in
decimal after the prefix and cut to 64 characters. deid's default prefix is "2.25."; pydicom's own default
is its root 1.2.826.0.1.3680043.8.498.

jitter_timestamp (deid/dicom/actions/jitter.py) adds whole days: a DA is written %Y%m%d, a DT
%Y%m%d%H%M%S.%f%z (deid parses with dateutil; the forms below are the ones strptime reads alike).

When Debian's python3-pydicom is installed, every UID is also checked against pydicom's real
generate_uid, and the script fails if they differ.

Input on standard input, UTF-8, one request a line, fields separated by tabs:
  uid <TAB> prefix <TAB> entropy        -> the UID
  jitter <TAB> VR <TAB> value <TAB> days -> the moved value
Output: one answer a line.
"""
import hashlib
import sys
from datetime import datetime, timedelta

try:
    from pydicom.uid import generate_uid as pydicom_generate_uid
except ImportError:  # the stdlib implementation alone is the reference then
    pydicom_generate_uid = None


def generate_uid(prefix, entropy):
    digest = hashlib.sha512("".join(entropy).encode("utf-8")).hexdigest()
    uid = (prefix + str(int(digest, 16)))[:64]
    if pydicom_generate_uid is not None:
        real = str(pydicom_generate_uid(prefix=prefix, entropy_srcs=list(entropy)))
        if real != uid:
            raise SystemExit("pydicom's generate_uid gives %s, this script %s" % (real, uid))
    return uid


DT_FORMATS = ["%Y%m%d%H%M%S.%f%z", "%Y%m%d%H%M%S.%f", "%Y%m%d%H%M%S%z", "%Y%m%d%H%M%S", "%Y%m%d"]


def jitter(vr, value, days):
    if vr == "DA":
        return (datetime.strptime(value, "%Y%m%d") + timedelta(days=days)).strftime("%Y%m%d")
    for fmt in DT_FORMATS:
        try:
            t = datetime.strptime(value, fmt)
        except ValueError:
            continue
        return (t + timedelta(days=days)).strftime("%Y%m%d%H%M%S.%f%z")
    return value


if __name__ == "__main__":
    out = []
    for line in sys.stdin.buffer.read().decode("utf-8").split("\n"):
        if not line:
            continue
        parts = line.split("\t")
        if parts[0] == "uid":
            out.append(generate_uid(parts[1], [parts[2]] if len(parts) > 2 else []))
        elif parts[0] == "jitter":
            out.append(jitter(parts[1], parts[2], int(parts[3])))
        else:
            raise SystemExit("unknown request " + parts[0])
    sys.stdout.write("\n".join(out) + "\n")
    if pydicom_generate_uid is not None:
        sys.stderr.write("checked against pydicom\n")
