#!/usr/bin/python3
"""Independent check of the digest set filter (docs/FORMAT.md, "Digest set
filter"): SipHash-2-4 written here from its paper (Aumasson and Bernstein,
2012; its reference vector checked first), the filter key by hashlib's
BLAKE2b, and the filter of FORMAT.md's vector rebuilt bit by bit.  Shares
no code with privacy/digestset.c.  Exit 0 when every vector checks.

Usage: digest_filter.py"""
import hashlib
import struct
import sys

M = (1 << 64) - 1


def rotl(x, b):
    return ((x << b) | (x >> (64 - b))) & M


def siphash24(k, m):
    k0, k1 = struct.unpack('<QQ', k)
    v = [k0 ^ 0x736f6d6570736575, k1 ^ 0x646f72616e646f6d,
         k0 ^ 0x6c7967656e657261, k1 ^ 0x7465646279746573]

    def rounds(n):
        for _ in range(n):
            v[0] = (v[0] + v[1]) & M; v[1] = rotl(v[1], 13); v[1] ^= v[0]; v[0] = rotl(v[0], 32)
            v[2] = (v[2] + v[3]) & M; v[3] = rotl(v[3], 16); v[3] ^= v[2]
            v[0] = (v[0] + v[3]) & M; v[3] = rotl(v[3], 21); v[3] ^= v[0]
            v[2] = (v[2] + v[1]) & M; v[1] = rotl(v[1], 17); v[1] ^= v[2]; v[2] = rotl(v[2], 32)

    whole = len(m) // 8 * 8
    for i in range(0, whole, 8):
        w = struct.unpack('<Q', m[i:i + 8])[0]
        v[3] ^= w; rounds(2); v[0] ^= w
    last = (len(m) & 0xff) << 56
    for i, c in enumerate(m[whole:]):
        last |= c << (8 * i)
    v[3] ^= last; rounds(2); v[0] ^= last
    v[2] ^= 0xff
    rounds(4)
    return v[0] ^ v[1] ^ v[2] ^ v[3]


def filter_of(digest_key, keys, n):
    fkey = hashlib.blake2b(b'intake digest filter', digest_size=16, key=digest_key).digest()
    size = 8
    while size < 2 * n:
        size *= 2
    f = bytearray(size)
    for k in keys:
        h = siphash24(fkey, k)
        for j in range(4):
            b = ((h & 0xffffffff) + j * (h >> 32)) & 0xffffffff & (8 * size - 1)
            f[b >> 3] |= 1 << (b & 7)
    return fkey, bytes(f)


def main():
    ok = siphash24(bytes(range(16)), b'') == 0x726fdb47dd0e0e31      # the paper's vector
    fkey, f = filter_of(bytes(range(32)), [b'kimcholjin'], 1)
    ok = ok and fkey.hex() == '1deb6444c52d7a324f45e3cef8592547'
    ok = ok and f.hex() == '0000000004081020'
    print('digest set filter vectors: ' + ('ok' if ok else 'FAIL'))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
