#!/usr/bin/env python3
"""An independent implementation of RSNA CTP's DicomAnonymizer value algorithms, written from
CTP's published sources (org.rsna.ctp.stdstages.anonymizer.AnonymizerFunctions, DICOMAnonymizer,
org.rsna.util.DigestUtil and DateUtil), with the Python standard library only.

Reads one JSON array a line from standard input, UTF-8: [function, arguments...]; writes one
JSON value a line (a string, or null where CTP's function fails).
"""
import base64
import datetime
import hashlib
import json
import math
import re
import struct
import sys

MAXINT = 2**31 - 1


def usmd5(s):
    # DigestUtil.getUSMD5: MD5 of the UTF-8 bytes, as an unsigned BigInteger in decimal
    return str(int.from_bytes(hashlib.md5(s.encode("utf-8")).digest(), "big"))


def hash_(s, maxlen):
    r = usmd5("null" if s is None else s)
    if maxlen < 1:
        maxlen = MAXINT
    return r if len(r) <= maxlen else r[:maxlen]


def hashuid(prefix, uid):
    prefix = prefix.strip()
    if prefix and not prefix.endswith("."):
        prefix += "."
    h = usmd5(uid)
    out = prefix + ("9" if h.startswith("0") else "") + h
    return out[:64]


def hashptid(site, ptid, maxlen):
    return hash_("[" + site.strip() + "]" + ptid.strip(), maxlen)


def hashname(name, length, words):
    if words <= 0:
        words = MAXINT
    parts = name.split("^")
    s = "".join(parts[:words])
    s = re.sub(r"[\s,'\^\.]", "", s).upper()
    return hash_(s, length)


def initials(name):
    s = re.sub(r"\s+", " ", name.replace("^", " ")).strip()
    if not s:
        return "X"
    letters = [w[0] for w in s.split(" ")]
    if len(letters) > 1:
        letters = letters[1:] + letters[:1]
    return "".join(letters).upper()


def f32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


def round_(age, width):
    age = age.strip()
    if not age:
        return ""
    digits = re.sub(r"\D", "", age)
    if not digits:
        return None
    f = f32(f32(float(digits)) / f32(float(width)))
    r = int(math.floor(f + 0.5)) * width  # Java's Math.round(float)
    out = str(r) + re.sub(r"\d", "", age)
    return "0" + out if len(out) % 2 else out


def calendar(value):
    # DateUtil.getCalendar: the digits, exactly eight, 00 years as 19, a lenient GregorianCalendar
    d = re.sub(r"\D", "", value)
    if len(d) != 8:
        return None
    if d.startswith("00"):
        d = "19" + d[2:]
    y, m, day = int(d[0:4]), int(d[4:6]), int(d[6:8])
    y += (m - 1) // 12
    m = (m - 1) % 12 + 1
    return datetime.date(y, m, 1) + datetime.timedelta(days=day - 1)


def fmt(d, original):
    return "%04d%02d%02d" % (d.year, d.month, d.day) + (original[8:] if len(original) > 8 else "")


def incrementdate(value, days):
    d = calendar(value)
    return None if d is None else fmt(d + datetime.timedelta(days=days), value)


def modifydate(value, y, m, day):
    d = calendar(value)
    if d is None:
        return None
    y = d.year if y < 0 else y
    m = d.month if m < 0 else m
    day = d.day if day < 0 else day
    y += (m - 1) // 12
    m = (m - 1) % 12 + 1
    return fmt(datetime.date(y, m, 1) + datetime.timedelta(days=day - 1), value)


def hashdate(value, hashed):
    h = hash_(hashed, -1)
    inc = -(int(h[-4:]) % 3650)
    return incrementdate(value, inc)


def key(text):
    # getEncryptionKey(keyText, 128): base-64 characters, CTP's nonce appended, '=' padding, decoded
    k = re.sub(r"[^a-zA-Z0-9+/]", "", text.strip())
    while len(k) < 22:
        k += "tszyihnnphlyeaglle"
    return base64.b64encode(base64.b64decode((k[:22] + "===")[:24])).decode("ascii")


FUNCTIONS = {
    "hash": lambda a: hash_(a[0], int(a[1])),
    "hashuid": lambda a: hashuid(a[0], a[1]),
    "hashptid": lambda a: hashptid(a[0], a[1], int(a[2])),
    "hashname": lambda a: hashname(a[0], int(a[1]), int(a[2])),
    "initials": lambda a: initials(a[0]),
    "round": lambda a: round_(a[0], int(a[1])),
    "incrementdate": lambda a: incrementdate(a[0], int(a[1])),
    "modifydate": lambda a: modifydate(a[0], int(a[1]), int(a[2]), int(a[3])),
    "hashdate": lambda a: hashdate(a[0], a[1]),
    "key": lambda a: key(a[0]),
}

for line in sys.stdin.buffer.read().decode("utf-8").splitlines():
    if line.strip():
        call = json.loads(line)
        print(json.dumps(FUNCTIONS[call[0]](call[1:])))
