#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""DicomEdit's hashUID, written from its published algorithm, independently of Cloak's code.

DicomEdit (org.nrg.dcm.edit.fn.HashUID) makes a name-based version 5 UUID of the value's bytes
with java-uuid-generator's Generators.nameBasedGenerator(): SHA-1 over the name alone (no
namespace), the first 16 bytes, version nibble 5, RFC 4122 variant; then dcm4che's conversion
writes the UUID's 128 bits as an unsigned decimal under the root 2.25 (ISO/IEC 9834-8).

Usage: hashuid.py VALUE... prints one UID per line.
"""
import hashlib
import sys


def hash_uid(value: str) -> str:
    b = bytearray(hashlib.sha1(value.encode("utf-8")).digest()[:16])
    b[6] = (b[6] & 0x0F) | 0x50
    b[8] = (b[8] & 0x3F) | 0x80
    return "2.25." + str(int.from_bytes(bytes(b), "big"))


if __name__ == "__main__":
    # values arrive as UTF-8 lines on standard input: command-line arguments would be decoded
    # with the locale's character set, which need not be UTF-8
    for line in sys.stdin.buffer.read().decode("utf-8").split("\n")[:-1]:
        print(hash_uid(line))
