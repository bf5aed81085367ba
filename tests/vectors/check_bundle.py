#!/usr/bin/python3
"""Independent reader of intake bundles (docs/FORMAT.md), in Python with
PyNaCl 1.5 (Debian python3-nacl) and hashlib, checked against
tests/vectors/ (version 3) and tests/vectors/v2/ (version 2).

It shares no code with the C reader: it re-derives every key, finds the
stanza, checks the commitment (whose key tells the version), decrypts
every chunk, parses the payload, checks the padding length against PADME
and verifies the signature: in version 3 pure Ed25519 over the header and
the SHA-256 root of the signed part's 64 KiB pieces; in version 2
Ed25519ph over everything but blob data, and each blob's BLAKE2b-256
against the signed attachment item before it.  Exit 0 when every vector
checks, 1 otherwise.

Usage: check_bundle.py [DIR]   (default: the folder of this script)
       check_bundle.py --kit FILE...   each test kit file (tests/testkit)
       against its expectation line, read by kit_reader.py, which applies
       every rule of docs/FORMAT.md in its order, with its error name"""
import base64
import hashlib
import json
import os
import sys

from nacl import bindings as nb

# PADME and the key derivation, as the kit's reader computes them.
from kit_reader import file_len, kdf, padded_plen, padme  # noqa: F401

STANZA, COMMIT, SSHDR, CHUNK, SIG = 80, 32, 24, 65536, 64
ABYTES = {2: 17, 3: 16}
TAIL = {2: COMMIT + SSHDR, 3: COMMIT}     # header bytes after the stanzas
MAXR = 64
DOMAIN = {2: b"intake-bundle-v2 signature", 3: b"intake-bundle-v3 signature"}
LABELS = {2: (b"intake-bundle-v1 commitment", b"intake-bundle-v1 payload"),
          3: (b"intake-bundle-v3 commitment", b"intake-bundle-v3 payload")}
CHUNKS = b"intake-bundle-v3 chunks"
BLOB = 3
TAG_MESSAGE = nb.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
TAG_FINAL = nb.crypto_secretstream_xchacha20poly1305_TAG_FINAL

# name: (recipient seeds that must open it, armored)
VECTORS = {"small": ([1, 2], False), "chunks": ([1], False),
           "armored": ([1, 2], True)}
# Version 3 only: real bundle content (formats 2 and 7), checked by check_content.
CONTENT_VECTORS = {"content2": ([1], False), "content7": ([1], False)}
ID_ALPHABET = set("0123456789abcdefghjkmnpqrstvwxyz")
SCOPE_FLAGS = ("export", "quote", "publish", "attachments")
SENDER_SEED = bytes([3]) * 32


class Refused(Exception):
    pass


def dearmor(text):
    lines = text.decode("ascii").strip().splitlines()
    if lines[0] != "-----BEGIN INTAKE BUNDLE-----" or \
            lines[-1] != "-----END INTAKE BUNDLE-----":
        raise Refused("bad armor lines")
    if any(len(l) > 64 for l in lines[1:-1]):
        raise Refused("armor line longer than 64 columns")
    return base64.b64decode("".join(lines[1:-1]), validate=True)


def open_header(data, pk, sk):
    """Returns (version, file key, header length)."""
    key, mine = None, None
    for i in range(MAXR):
        if (i + 1) * STANZA + COMMIT > len(data):
            break
        st = bytearray(data[i * STANZA:(i + 1) * STANZA])
        st[31] &= 0x7F
        try:
            key = nb.crypto_box_seal_open(bytes(st), pk, sk)
            mine = i
            break
        except Exception:
            continue
    if key is None:
        raise Refused("not addressed to this key")
    for n in range(1, MAXR + 1):
        for v in (3, 2):
            if n * STANZA + TAIL[v] > len(data):
                continue
            c = nb.crypto_generichash_blake2b_salt_personal(
                data[:n * STANZA], digest_size=32, key=kdf(key, LABELS[v][0]))
            if c == data[n * STANZA:n * STANZA + COMMIT]:
                if n <= mine:
                    raise Refused("commitment mismatch")
                return v, key, n * STANZA + TAIL[v]
    raise Refused("commitment mismatch")


def nonce(i, last):
    return i.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def decrypt(v, data, key, hlen):
    if v == 2:
        return decrypt_v2(data, key, hlen)
    pkey, out, off, i = kdf(key, LABELS[3][1]), [], hlen, 0
    while off < len(data):
        c = data[off:off + CHUNK + ABYTES[3]]
        last = off + len(c) == len(data)
        try:
            out.append(nb.crypto_aead_chacha20poly1305_ietf_decrypt(
                c, None, nonce(i, last), pkey))
        except Exception:
            raise Refused("chunk %d does not open" % i)
        off, i = off + len(c), i + 1
    if not out or len(out[-1]) == 0:
        raise Refused("no final chunk, or an empty one")
    return b"".join(out)


def decrypt_v2(data, key, hlen):
    st = nb.crypto_secretstream_xchacha20poly1305_state()
    nb.crypto_secretstream_xchacha20poly1305_init_pull(
        st, data[hlen - SSHDR:hlen], kdf(key, LABELS[2][1]))
    out, off, tag = [], hlen, None
    while off < len(data):
        c = data[off:off + CHUNK + ABYTES[2]]
        m, tag = nb.crypto_secretstream_xchacha20poly1305_pull(st, c, None)
        off += len(c)
        if tag == TAG_FINAL:
            break
        if tag != TAG_MESSAGE or len(c) < CHUNK + ABYTES[2]:
            raise Refused("unexpected chunk")
        out.append(m)
    if tag != TAG_FINAL or off != len(data) or len(m) == 0:
        raise Refused("truncated, or data after the final chunk")
    out.append(m)
    return b"".join(out)


def parse(v, pt, hlen, my_pk):
    """Returns (sender pk, recipients, content, signed bytes, signature)."""
    if pt[0] != v:
        raise Refused("version %d inside a version %d header" % (pt[0], v))
    sender, n = pt[1:33], pt[33]
    if n != (hlen - TAIL[v]) // STANZA:
        raise Refused("recipient count does not match the header")
    rcpts = [pt[34 + 32 * i:66 + 32 * i] for i in range(n)]
    if rcpts != sorted(set(rcpts)) or my_pk not in rcpts:
        raise Refused("recipient list unsorted or without this key")
    pos, content, fields = 34 + 32 * n, [], []
    while True:
        seg = int.from_bytes(pt[pos:pos + 4], "little")
        fields.append(pos)
        pos += 4
        if seg == 0:
            break
        if seg > 65536 or pos + seg > len(pt):
            raise Refused("bad segment")
        content.append(pt[pos:pos + seg])
        pos += seg
    content = b"".join(content)
    sig, pad = pt[pos:pos + SIG], pt[pos + SIG:]
    if len(sig) != SIG or pad.count(0) != len(pad):
        raise Refused("bad signature field or padding bytes")
    if len(pt) != padded_plen(v, hlen, pos + SIG):
        raise Refused("padding length is not PADME")
    if v == 3:      # every byte before the signature is signed
        return sender, rcpts, content, pt[:pos], sig
    # The signed bytes in plaintext order: the prefix, then each segment's
    # length and its content without blob data.
    blob = bytearray(len(content))
    for t, off, n in items(content):
        if t == BLOB:
            blob[off:off + n] = b"\x01" * n
    signed, c = [pt[:fields[0]]], 0
    for f in fields:
        seg = int.from_bytes(pt[f:f + 4], "little")
        signed.append(pt[f:f + 4])
        signed.append(bytes(content[i] for i in range(c, c + seg) if not blob[i]))
        c += seg
    return sender, rcpts, content, b"".join(signed), sig


def items(content):
    """The payload items: (type, offset of the data, length)."""
    pos = 0
    while pos < len(content):
        if pos + 9 > len(content):
            raise Refused("payload item header cut short")
        t = content[pos]
        n = int.from_bytes(content[pos + 1:pos + 9], "little")
        if pos + 9 + n > len(content):
            raise Refused("payload item cut short")
        yield t, pos + 9, n
        pos += 9 + n


def check_blobs(content):
    """Each blob must hash to the blake2b of the attachment item before it."""
    want = None
    for t, off, n in items(content):
        data = content[off:off + n]
        if t == 2:
            want = bytes.fromhex(json.loads(data)["blake2b"])
        elif t == BLOB:
            got = nb.crypto_generichash_blake2b_salt_personal(data, digest_size=32)
            if want is None or got != want:
                raise Refused("a blob does not match its signed hash")
            want = None


def verify(v, header, signed, sig, sender):
    if v == 3:
        pieces = [signed[i:i + CHUNK] for i in range(0, len(signed), CHUNK)]
        root = hashlib.sha256(CHUNKS + b"".join(
            hashlib.sha256(p).digest() for p in pieces)).digest()
        msg = DOMAIN[3] + len(header).to_bytes(4, "little") + header + root
        try:
            nb.crypto_sign_open(sig + msg, sender)
        except Exception:
            raise Refused("bad signature")
        return
    state = nb.crypto_sign_ed25519ph_state()
    nb.crypto_sign_ed25519ph_update(state, DOMAIN[2])
    nb.crypto_sign_ed25519ph_update(state, len(header).to_bytes(4, "little"))
    nb.crypto_sign_ed25519ph_update(state, header)
    nb.crypto_sign_ed25519ph_update(state, signed)
    if not nb.crypto_sign_ed25519ph_final_verify(state, sig, sender):
        raise Refused("bad signature")


def read_bundle(raw, pk, sk, armored):
    data = dearmor(raw) if armored else raw
    if armored != raw.startswith(b"-----BEGIN"):
        raise Refused("armor detection")
    v, key, hlen = open_header(data, pk, sk)
    pt = decrypt(v, data, key, hlen)
    sender, rcpts, content, signed, sig = parse(v, pt, hlen, pk)
    verify(v, data[:hlen], signed, sig, sender)
    if len(data) != padme(len(data)):
        raise Refused("file length is not a PADME length")
    if v == 2:      # version 3 signs blob data; version 2 binds it here
        check_blobs(content)
    return v, sender, rcpts, content


def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise Refused("duplicate key")
    return dict(pairs)


def valid_id(v):
    return isinstance(v, str) and len(v) == 16 and set(v) <= ID_ALPHABET


def check_consent(c, fmt=2):
    """A record's consent scope as content format 2 carries it; format 6
    may add "seq", the subject's counter (an integer 1..2147483647)."""
    if fmt >= 6 and isinstance(c, dict) and "seq" in c:
        q = c["seq"]
        if type(q) is not int or not 1 <= q <= 2147483647:
            raise Refused("a bad consent scope")
        c = {k: v for k, v in c.items() if k != "seq"}
    if not isinstance(c, dict) or set(c) != set(SCOPE_FLAGS) | {
            "method", "recorded", "embargo"}:
        raise Refused("a record without its consent scope")
    if not all(isinstance(c[f], bool) for f in SCOPE_FLAGS):
        raise Refused("a bad consent scope")
    if c["method"] not in (None, "verbal", "written", "recorded"):
        raise Refused("a bad consent scope")
    r = c["recorded"]
    if not (isinstance(r, str) and 1 <= len(r) <= 31 and
            all(0x20 <= ord(ch) <= 0x7e for ch in r)):
        raise Refused("a bad consent scope")
    e = c["embargo"]
    if e is not None and not (isinstance(e, str) and len(e) == 10 and
                              all(ch == "-" if i in (4, 7) else ch.isdigit()
                                  for i, ch in enumerate(e))):
        raise Refused("a bad consent scope")


def check_notices(ns, fmt=3):
    """Content format 3's header "notices" (issue 16); format 4 adds the
    kind "scope", with the subject's consent scope and no record; format 5
    the kind "reconsent" (a scope with a "round"), a withdrawal's
    optional "round" (an integer 1..2147483647) and the kind "removal"
    (a record id and an "attachment": 64 lowercase hex digits); format 7 a
    withdrawal's, deletion's or re-consent's "origin" ({"key", "subject"},
    and for a withdrawal whose record is null or a re-consent an optional
    "round": the origin's)."""
    if not isinstance(ns, list):
        raise Refused("a header without its notices")
    for n in ns:
        # Format 7: a withdrawal or deletion passed on names its origin,
        # the signing key (hex) and subject id of the device that made it.
        if isinstance(n, dict) and "origin" in n:
            o = n["origin"]
            k = o.get("key") if isinstance(o, dict) else None
            if fmt < 7 or n.get("kind") not in ("withdrawal", "deletion", "reconsent", "scope", "removal") or \
                    not isinstance(o, dict) or set(o) - {"round"} != {"key", "subject"} or \
                    not valid_id(o["subject"]) or not isinstance(k, str) or len(k) != 64 or \
                    any(c not in "0123456789abcdef" for c in k):
                raise Refused("a bad notice")
            # The origin's round: on a withdrawal of the whole subject or a re-consent.
            if "round" in o and (n.get("kind") not in ("withdrawal", "reconsent") or
                                 n.get("record", 0) is not None
                                 or type(o["round"]) is not int
                                 or not 1 <= o["round"] <= 2147483647):
                raise Refused("a bad notice")
            n = {x: v for x, v in n.items() if x != "origin"}
        # Format 5: a re-consent (round and scope), and a withdrawal's round.
        if fmt >= 5 and isinstance(n, dict) and "round" in n and \
                n.get("kind") in ("reconsent", "withdrawal"):
            r = n["round"]
            if type(r) is not int or not 1 <= r <= 2147483647 or n.get("record", 0) is not None:
                raise Refused("a bad notice")
            n = {k: v for k, v in n.items() if k != "round"}
            if n["kind"] == "reconsent":
                n["kind"] = "scope"
        elif isinstance(n, dict) and n.get("kind") == "reconsent":
            raise Refused("a bad notice")
        # Format 5: a removal names a record and the hash of the copy sent.
        if isinstance(n, dict) and n.get("kind") == "removal":
            h = n.get("attachment")
            if fmt < 5 or not isinstance(n.get("record"), str) or not isinstance(h, str) or \
                    len(h) != 64 or any(c not in "0123456789abcdef" for c in h):
                raise Refused("a bad notice")
            n = {k: v for k, v in n.items() if k != "attachment"}
            n["kind"] = "deletion"
        if fmt >= 4 and isinstance(n, dict) and n.get("kind") == "scope":
            if set(n) != {"kind", "subject", "record", "day", "scope"} or n["record"] is not None:
                raise Refused("a bad notice")
            check_consent(n["scope"], fmt)
            n = {k: v for k, v in n.items() if k != "scope"}
            n["kind"] = "withdrawal"        # the rest is checked as for the others
        if not (isinstance(n, dict) and set(n) == {"kind", "subject", "record", "day"} and
                n["kind"] in ("withdrawal", "deletion") and valid_id(n["subject"]) and
                (n["record"] is None or valid_id(n["record"])) and
                isinstance(n["day"], str) and len(n["day"]) == 10 and
                all(ch == "-" if i in (4, 7) else ch.isdigit()
                    for i, ch in enumerate(n["day"]))):
            raise Refused("a bad notice")


def check_content(content):
    """The bundle content (docs/FORMAT.md, "Bundle content"): a header,
    records (format 2: each with its subject's stable id and consent
    scope), each followed by its attachments. Returns the records."""
    fmt, last, records, want_blob = None, None, [], None
    for t, off, n in items(content):
        data = content[off:off + n]
        if t == BLOB:
            if want_blob != n:
                raise Refused("a blob without its attachment item")
            want_blob = None
            continue
        if want_blob is not None:
            raise Refused("an attachment item without its blob")
        doc = json.loads(data.decode("utf-8"), object_pairs_hook=no_duplicates)
        if fmt is None:
            fmt = doc.get("format")
            if t != 1 or fmt not in ("intake-content-1", "intake-content-2",
                                     "intake-content-3", "intake-content-4",
                                     "intake-content-5", "intake-content-6",
                                     "intake-content-7"):
                raise Refused("unsupported bundle contents")
            if fmt in ("intake-content-3", "intake-content-4", "intake-content-5",
                       "intake-content-6", "intake-content-7"):
                check_notices(doc.get("notices"), int(fmt[-1]))
        elif t == 1:
            if not valid_id(doc.get("id")):
                raise Refused("a record without a valid id")
            if fmt in ("intake-content-2", "intake-content-3", "intake-content-4",
                       "intake-content-5", "intake-content-6", "intake-content-7"):
                if not valid_id(doc.get("subject")):
                    raise Refused("a record without a valid subject id")
                check_consent(doc.get("consent"), int(fmt[-1]))
            last = doc["id"]
            records.append(doc)
        else:
            if doc.get("record") != last:
                raise Refused("an attachment that belongs to no record")
            want_blob = doc["size"]
    if fmt is None or want_blob is not None:
        raise Refused("no header, or an attachment without its blob")
    return records


def first_json(content):
    """The content's first item, the header, as a dict."""
    for t, off, n in items(content):
        return json.loads(content[off:off + n].decode("utf-8"))
    raise Refused("no header")


def check(folder, name, seeds, armored, version):
    raw = open(os.path.join(folder, name + (".asc" if armored else ".bin")),
               "rb").read()
    want = open(os.path.join(folder, name + ".content"), "rb").read()
    sender_pk, _ = nb.crypto_sign_seed_keypair(SENDER_SEED)
    for seed in seeds:
        pk, sk = nb.crypto_box_seed_keypair(bytes([seed]) * 32)
        v, sender, rcpts, content = read_bundle(raw, pk, sk, armored)
        assert v == version, "version"
        assert sender == sender_pk, "sender key"
        assert len(rcpts) == len(seeds), "recipient count"
        assert content == want, "content"
    outsider, osk = nb.crypto_box_seed_keypair(bytes([9]) * 32)
    try:
        read_bundle(raw, outsider, osk, armored)
        raise AssertionError("an outsider opened " + name)
    except Refused:
        pass
    data = bytearray(dearmor(raw) if armored else raw)
    for pos in (0, 31, len(data) // 2, len(data) - 1):     # spot flips
        data[pos] ^= 1
        pk, sk = nb.crypto_box_seed_keypair(bytes([seeds[0]]) * 32)
        try:
            read_bundle(bytes(data), pk, sk, False)
            raise AssertionError("flip at %d accepted in %s" % (pos, name))
        except (Refused, Exception) as e:
            if isinstance(e, AssertionError):
                raise
        data[pos] ^= 1


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--kit":
        import kit_reader
        return kit_reader.main(sys.argv[2:])
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.abspath(__file__))
    failed = 0
    for name, (seeds, armored) in CONTENT_VECTORS.items():
        try:
            check(folder, name, seeds, armored, 3)
            content = open(os.path.join(folder, name + ".content"), "rb").read()
            recs = check_content(content)
            head = first_json(content)
            ns = head.get("notices", [])
            print("ok - %s: version 3, content format %s: %d record(s) with "
                  "subject id and consent scope%s" % (
                      name, head["format"][-1], len(recs),
                      ", %d notice(s), %d with their origin" % (
                          len(ns), sum("origin" in n for n in ns)) if ns else ""))
        except Exception as e:
            failed += 1
            print("not ok - %s: %s" % (name, e))
    for version, sub in ((3, ""), (2, "v2")):
        for name, (seeds, armored) in VECTORS.items():
            label = os.path.join(sub, name)
            try:
                check(os.path.join(folder, sub), name, seeds, armored, version)
                print("ok - %s: version %d opened by %d recipient(s), signature, "
                      "commitment and PADME padding verified"
                      % (label, version, len(seeds)))
            except Exception as e:  # report every vector, then fail
                failed += 1
                print("not ok - %s: %s" % (label, e))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
