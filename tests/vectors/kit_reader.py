#!/usr/bin/python3
"""A complete bundle reader written from docs/FORMAT.md ("Bundle", "Reader,
in this order", "Armor", "Payload", "Bundle content", "Errors"), in
Python with PyNaCl (Debian python3-nacl) and hashlib; it shares no code
with the C reader.  It reads the test kit (tests/testkit/*.kit): each file
is one expectation line, then a bundle, and the outcome must be the one
the line states: the content's SHA-256 and the sender's key, or the exit
status and the error name.

Usage: kit_reader.py FILE...     (or check_bundle.py --kit FILE...)
Prints "ok - FILE" or "not ok - FILE: ..." for each; exit 0 when every
file meets its expectation, 1 otherwise, 2 on a file that is not a kit
file."""
import base64
import hashlib
import json
import sys

from nacl import bindings as nb

STANZA, COMMIT, SSHDR, CHUNK, SIG, MAXR = 80, 32, 24, 65536, 64, 64
ABYTES = {2: 17, 3: 16}
TAIL = {2: COMMIT + SSHDR, 3: COMMIT}
LABELS = {2: (b"intake-bundle-v1 commitment", b"intake-bundle-v1 payload"),
          3: (b"intake-bundle-v3 commitment", b"intake-bundle-v3 payload")}
DOMAIN = {2: b"intake-bundle-v2 signature", 3: b"intake-bundle-v3 signature"}
CHUNKS = b"intake-bundle-v3 chunks"
BEGIN = b"-----BEGIN INTAKE BUNDLE-----"
END = b"-----END INTAKE BUNDLE-----"
SS = nb.crypto_secretstream_xchacha20poly1305_STATEBYTES
T_MESSAGE = nb.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
T_FINAL = nb.crypto_secretstream_xchacha20poly1305_TAG_FINAL
JSON_MAX, ATT_MAX, BLOB_MAX = 64 << 20, 64 << 10, 1 << 40
TEXT_MAX, BODY_MAX = 4096, 64 << 20
ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
B64 = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")


class Refused(Exception):
    def __init__(self, code, name, why=""):
        super().__init__(name)
        self.code, self.name, self.why = code, name, why


def padme(n):
    if n < 2:
        return n
    e = n.bit_length() - 1
    s = e.bit_length()
    mask = (1 << (e - s)) - 1
    return (n + mask) & ~mask


def file_len(v, hlen, plen):
    return hlen + plen + ABYTES[v] * ((plen + CHUNK - 1) // CHUNK)


def plen_for(v, hlen, flen):
    """The plaintext length of a flen-byte file, or None if none can be."""
    a = ABYTES[v]
    if flen <= hlen + a:
        return None
    x = flen - hlen
    k = (x + CHUNK + a - 1) // (CHUNK + a)
    p = x - k * a
    return p if p > (k - 1) * CHUNK else None


def padded_plen(v, hlen, p0):
    target = padme(file_len(v, hlen, p0))
    while True:
        p = plen_for(v, hlen, target)
        if p is not None and p >= p0:
            return p
        target = padme(target + 1)


def kdf(key, label):
    return nb.crypto_generichash_blake2b_salt_personal(label, digest_size=32,
                                                       key=key)


# ---- text rules (FORMAT.md, "Text") ----

def is_text(b, multiline):
    try:
        t = b.decode("utf-8")
    except UnicodeDecodeError:
        return False
    for ch in t:
        o = ord(ch)
        if o == 0 or o == 0x7F or (o < 0x20 and not (multiline and ch in "\n\r\t")):
            return False
    return True


# ---- armor ----

def looks_like_utf16(w):
    if len(w) >= 2 and w[:2] in (b"\xff\xfe", b"\xfe\xff"):
        w = w[2:]
    if len(w) < 16:
        return False
    even = sum(1 for i in range(0, 16, 2) if w[i] == 0)
    odd = sum(1 for i in range(1, 16, 2) if w[i] == 0)
    return even == 8 or odd == 8


def looks_like_text(w, cut):
    for k in range(4 if cut else 1):
        if k <= len(w) and is_text(w[:len(w) - k], True):
            return True
    return False


def sniff(raw):
    """The binary bundle: raw itself, or decoded from its armor."""
    w = raw[:512]
    if not w:
        return raw
    if looks_like_utf16(w):
        raise Refused(2, "armor-utf16")
    bom = w.startswith(b"\xef\xbb\xbf")
    i = 3 if bom else 0
    while i < len(w) and w[i] in b" \t\r\n":
        i += 1
    if w[i:].startswith(BEGIN):
        end = i + len(BEGIN)
        while end < len(w) and w[end] in b" \t":   # white space at the line's end
            end += 1
        if len(w) == end:
            raise Refused(2, "armor-end-missing")
        if w[end] not in b"\r\n":
            raise Refused(2, "armor-begin-line")
        return dearmor(raw, end)
    if not bom and not looks_like_text(w, len(raw) > len(w)):
        return raw
    if BEGIN in w:
        raise Refused(2, "armor-text-before-begin")
    raise Refused(2, "armor-no-begin")


def dearmor(raw, pos):
    chars, col, padded, trailing = bytearray(), 0, False, False
    while True:
        if pos == len(raw):
            raise Refused(2, "armor-end-missing")
        c = raw[pos]
        pos += 1
        if c in b"\r\n":
            col, trailing = 0, False
            continue
        if c in b" \t":          # only white space, or the line's end, may follow
            trailing = True
            continue
        if trailing:
            raise Refused(2, "armor-character")
        if c == ord("-") and col == 0:
            if raw[pos - 1:pos - 1 + len(END)] != END:
                raise Refused(2, "armor-dash-line")
            if any(b not in b" \t\r\n" for b in raw[pos - 1 + len(END):]):
                raise Refused(2, "armor-after-end")
            break
        if c not in B64:
            raise Refused(2, "armor-character")
        if padded and c != ord("="):
            raise Refused(2, "armor-base64")
        padded = padded or c == ord("=")
        chars.append(c)
        col += 1
    if len(chars) % 4:
        raise Refused(2, "armor-cut")
    try:
        return base64.b64decode(bytes(chars), validate=True)
    except Exception:
        raise Refused(2, "armor-base64")


# ---- header ----

def open_header(data, pk, sk):
    hdr = data[:MAXR * STANZA + COMMIT + SSHDR]
    if len(hdr) < STANZA + COMMIT + ABYTES[3] + 1:
        raise Refused(2, "too-short")
    key = mine = None
    for i in range(MAXR):
        if (i + 1) * STANZA + COMMIT > len(hdr):
            break
        st = bytearray(hdr[i * STANZA:(i + 1) * STANZA])
        st[31] &= 0x7F
        try:
            key, mine = nb.crypto_box_seal_open(bytes(st), pk, sk), i
            break
        except Exception:
            pass
    if key is None:
        raise Refused(1, "not-addressed")
    for n in range(1, MAXR + 1):
        if n * STANZA + COMMIT > len(hdr):
            break
        for v in (3, 2):
            if n * STANZA + TAIL[v] > len(hdr):
                continue
            c = nb.crypto_generichash_blake2b_salt_personal(
                hdr[:n * STANZA], digest_size=32, key=kdf(key, LABELS[v][0]))
            if c == hdr[n * STANZA:n * STANZA + COMMIT]:
                if n <= mine:
                    raise Refused(1, "commitment-mismatch")
                return v, key, n, n * STANZA + TAIL[v]
    raise Refused(1, "commitment-mismatch")


# ---- chunks: a generator of plaintexts, raising at the first bad one ----

def nonce(i, last):
    return i.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def v3_open(pkey, c, i, final):
    if len(c) <= ABYTES[3]:
        return None
    try:
        return nb.crypto_aead_chacha20poly1305_ietf_decrypt(c, None, nonce(i, final), pkey)
    except Exception:
        return None


def chunks_v3(data, key, hlen):
    pkey, off, i = kdf(key, LABELS[3][1]), hlen, 0
    while True:
        c = data[off:off + CHUNK + ABYTES[3]]
        if not c:
            raise Refused(1, "final-chunk-missing")
        final = off + len(c) == len(data)
        m = v3_open(pkey, c, i, final)
        if m is None:
            if not final:
                if v3_open(pkey, c, i, True) is not None:
                    raise Refused(1, "data-appended")
                raise Refused(1, "chunk-altered")
            if len(c) == CHUNK + ABYTES[3] and v3_open(pkey, c, i, False) is not None:
                raise Refused(1, "final-chunk-missing")
            f = padme(off + ABYTES[3] + 1)
            while f < len(data):
                if plen_for(3, hlen, f) is not None and \
                        v3_open(pkey, c[:f - off], i, True) is not None:
                    raise Refused(1, "data-appended")
                f = padme(f + 1)
            raise Refused(1, "truncated")
        yield m
        if final:
            return
        off, i = off + len(c), i + 1


def ss_copy(st):
    new = nb.crypto_secretstream_xchacha20poly1305_state()
    new.statebuf[0:SS] = st.statebuf[0:SS]
    new.rawbuf, new.tagbuf = st.rawbuf, st.tagbuf   # PyNaCl's "initialised" marks
    return new


def chunks_v2(data, key, hlen):
    st = nb.crypto_secretstream_xchacha20poly1305_state()
    nb.crypto_secretstream_xchacha20poly1305_init_pull(
        st, data[hlen - SSHDR:hlen], kdf(key, LABELS[2][1]))
    off, full = hlen, CHUNK + ABYTES[2]
    while True:
        c = data[off:off + full]
        if not c:
            raise Refused(1, "final-chunk-missing")
        saved = ss_copy(st)
        try:
            m, tag = nb.crypto_secretstream_xchacha20poly1305_pull(st, c, None)
        except Exception:
            if len(c) == full:
                raise Refused(1, "chunk-altered")
            f = padme(off + ABYTES[2] + 1)
            while f < len(data):
                if plen_for(2, hlen, f) is not None:
                    try:
                        _, t = nb.crypto_secretstream_xchacha20poly1305_pull(
                            ss_copy(saved), c[:f - off], None)
                        if t == T_FINAL:
                            raise Refused(1, "data-appended")
                    except Refused:
                        raise
                    except Exception:
                        pass
                f = padme(f + 1)
            raise Refused(1, "truncated")
        final = tag == T_FINAL
        if not final and len(c) < full:
            raise Refused(1, "final-chunk-missing")
        if (not final and tag != T_MESSAGE) or len(m) == 0:
            raise Refused(2, "unexpected-chunk")
        if final and off + len(c) < len(data):
            raise Refused(1, "data-appended")
        yield m
        if final:
            return
        off += len(c)


# ---- the plaintext, parsed as it comes ----

class V2Blobs:
    """Version 2: follows the items, leaves blob data out of the signed
    bytes and checks each blob against its attachment item's hash."""

    def __init__(self, signed):
        self.hdr, self.type, self.left, self.att = b"", 0, 0, b""
        self.want, self.blob, self.signed = None, None, signed

    def feed(self, b):
        while b:
            if self.left == 0:
                n = min(9 - len(self.hdr), len(b))
                self.hdr += b[:n]
                self.signed.append(b[:n])
                b = b[n:]
                if len(self.hdr) == 9:
                    self.start()
                continue
            n = min(self.left, len(b))
            d, b = b[:n], b[n:]
            if self.type == 3:
                self.blob.update(d)
            else:
                self.signed.append(d)
                if self.type == 2:
                    self.att += d
            self.left -= n
            if self.left == 0:
                self.end()

    def start(self):
        self.type, self.left = self.hdr[0], int.from_bytes(self.hdr[1:], "little")
        self.hdr, self.att = b"", b""
        if self.type == 2 and self.left > ATT_MAX:
            raise Refused(2, "payload-too-long")
        if self.type == 3:
            self.blob = hashlib.blake2b(digest_size=32)
        if self.left == 0 and self.type in (2, 3):
            self.end()

    def end(self):
        if self.type == 2:
            try:
                h = json.loads(self.att).get("blake2b")
                want = bytes.fromhex(h) if isinstance(h, str) and len(h) == 64 else None
            except Exception:
                want = None
            if want is None:
                raise Refused(2, "content-attachment")
            self.want = want
        elif self.type == 3:
            if self.want is None or self.blob.digest() != self.want:
                raise Refused(1, "blob-altered")
            self.want = None


class Plaintext:
    """The payload plaintext: version, sender, count, recipients, segments,
    signature, padding (FORMAT.md, "Reader, in this order", step 5)."""

    def __init__(self, v, n, my_pk):
        self.v, self.n, self.my_pk = v, n, my_pk
        self.field, self.need, self.buf = "version", 1, b""
        self.sender, self.rcpts, self.content = None, [], []
        self.signed, self.plen, self.p0, self.sig = [], 0, None, None
        self.v2signed = []      # version 2: its signed bytes, in order
        self.v2 = V2Blobs(self.v2signed) if v == 2 else None

    def feed(self, b):
        while b:
            if self.field == "pad":
                if any(b):
                    raise Refused(2, "padding-not-zero")
                self.plen += len(b)
                return
            n = min(self.need - len(self.buf), len(b))
            piece, b = b[:n], b[n:]
            self.plen += n
            if self.field == "segdata":
                self.content.append(piece)
                self.signed.append(piece)
                if self.v2:
                    self.v2.feed(piece)
                self.need -= n
                if self.need == 0:
                    self.expect("seglen", 4)
                continue
            self.buf += piece
            if self.field != "sig":
                self.signed.append(piece)
                self.v2signed.append(piece)
            if len(self.buf) == self.need:
                self.done()

    def expect(self, f, n):
        self.field, self.need, self.buf = f, n, b""

    def done(self):
        f, b = self.field, self.buf
        if f == "version":
            if b[0] not in (2, 3):
                raise Refused(2, "unsupported-version")
            if b[0] != self.v:
                raise Refused(2, "version-mismatch")
            self.expect("sender", 32)
        elif f == "sender":
            self.sender = b
            self.expect("count", 1)
        elif f == "count":
            if b[0] != self.n:
                raise Refused(1, "recipient-count")
            self.expect("rcpt", 32)
        elif f == "rcpt":
            self.rcpts.append(b)
            if len(self.rcpts) < self.n:
                self.expect("rcpt", 32)
                return
            if any(self.rcpts[i - 1] >= self.rcpts[i] for i in range(1, self.n)):
                raise Refused(2, "recipients-unsorted")
            if self.my_pk not in self.rcpts:
                raise Refused(1, "resealed")
            self.expect("seglen", 4)
        elif f == "seglen":
            n = int.from_bytes(b, "little")
            if n > CHUNK:
                raise Refused(2, "segment-too-long")
            if n == 0:
                self.expect("sig", SIG)
            else:
                self.field, self.need, self.buf = "segdata", n, b""
        elif f == "sig":
            self.sig, self.p0 = b, self.plen
            self.expect("pad", 0)

    def finish(self, header, hlen):
        if self.field != "pad":
            raise Refused(2, "ends-before-signature")
        if self.plen != padded_plen(self.v, hlen, self.p0):
            raise Refused(2, "padding-length")
        signed = b"".join(self.signed)
        if self.v == 3:
            pieces = [signed[i:i + CHUNK] for i in range(0, len(signed), CHUNK)]
            root = hashlib.sha256(CHUNKS + b"".join(
                hashlib.sha256(p).digest() for p in pieces)).digest()
            msg = DOMAIN[3] + hlen.to_bytes(4, "little") + header + root
            try:
                nb.crypto_sign_open(self.sig + msg, self.sender)
                return
            except Exception:
                raise Refused(1, "bad-signature")
        # Version 2: the prefix and segment lengths, the content without
        # blob data, in plaintext order.
        st = nb.crypto_sign_ed25519ph_state()
        for part in (DOMAIN[2], hlen.to_bytes(4, "little"), header):
            nb.crypto_sign_ed25519ph_update(st, part)
        nb.crypto_sign_ed25519ph_update(st, b"".join(self.v2signed))
        try:
            ok = nb.crypto_sign_ed25519ph_final_verify(st, self.sig, self.sender)
        except Exception:
            ok = False
        if not ok:
            raise Refused(1, "bad-signature")


# ---- content (FORMAT.md, "Payload" and "Bundle content") ----

def no_dupes(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("duplicate key")
    return dict(pairs)


def bad_constant(c):
    raise ValueError("not JSON: " + c)


def load_json(b):
    try:
        doc = json.loads(b.decode("utf-8"), object_pairs_hook=no_dupes,
                         parse_constant=bad_constant)
    except Exception:
        raise Refused(2, "content-invalid-json")
    if not isinstance(doc, (dict, list)):
        raise Refused(2, "content-invalid-json")
    check_json_values(doc)
    return doc


def check_json_values(x):
    if isinstance(x, str) and "\0" in x:
        raise Refused(2, "content-invalid-json")
    if isinstance(x, int) and not isinstance(x, bool) and not -2**63 <= x < 2**63:
        raise Refused(2, "content-invalid-json")
    if isinstance(x, dict):
        for k, v in x.items():
            check_json_values(k)
            check_json_values(v)
    if isinstance(x, list):
        for v in x:
            check_json_values(v)


def str_field(o, key, most, multiline, optional):
    v = o.get(key)
    if v is None and optional:
        return
    if not isinstance(v, str):
        raise Refused(2, "content-record")
    b = v.encode("utf-8", "surrogatepass")
    if len(b) > most or not is_text(b, multiline):
        raise Refused(2, "content-record")


def valid_day(d):
    return isinstance(d, str) and len(d) == 10 and all(
        (c == "-") if i in (4, 7) else c in "0123456789" for i, c in enumerate(d))


def check_consent(c, fmt=2):
    """Content format 2's consent scope: exactly seven members; format 6
    may add an eighth, "seq" (an integer 1..2147483647)."""
    if fmt >= 6 and isinstance(c, dict) and "seq" in c:
        q = c["seq"]
        if type(q) is not int or not 1 <= q <= 2147483647:
            raise Refused(2, "content-record")
        c = dict((k, v) for k, v in c.items() if k != "seq")
    if not isinstance(c, dict) or len(c) != 7:
        raise Refused(2, "content-record")
    if any(not isinstance(c.get(k), bool) for k in ("export", "quote", "publish", "attachments")):
        raise Refused(2, "content-record")
    m, rec, emb = c.get("method", 0), c.get("recorded"), c.get("embargo", 0)
    if m is not None and m not in ("verbal", "written", "recorded"):
        raise Refused(2, "content-record")
    if not isinstance(rec, str) or not 1 <= len(rec) <= 31 or \
            any(not 0x20 <= ord(ch) <= 0x7E for ch in rec):
        raise Refused(2, "content-record")
    if emb is not None and not valid_day(emb):
        raise Refused(2, "content-record")


def check_notices(ns, fmt=3):
    """Content format 3's header "notices" (issue 16): a list of
    {kind, subject, record, day}, nothing else; format 4 adds the kind
    "scope" with a consent scope ("scope") and record null; format 5 the
    kind "reconsent" (a scope with a "round"), a withdrawal's optional
    "round" (an integer 1..2147483647) and the kind "removal" (a record id
    and an "attachment": 64 lowercase hex digits); format 7 a withdrawal's,
    deletion's or re-consent's optional "origin": {"key": 64 lowercase hex
    digits, "subject": a subject id, and for a withdrawal whose record is
    null or a re-consent an optional "round": 1..2147483647}, nothing
    else."""
    def valid(v):
        return isinstance(v, str) and len(v) == 16 and all(c in ID_ALPHABET for c in v)
    if not isinstance(ns, list) or len(ns) > 100000:
        raise Refused(2, "content-notice")
    for n in ns:
        # Format 7: a withdrawal or deletion passed on names its origin.
        if isinstance(n, dict) and "origin" in n:
            o, k = n["origin"], None
            if isinstance(o, dict):
                k = o.get("key")
            if fmt < 7 or n.get("kind") not in ("withdrawal", "deletion", "reconsent", "scope", "removal") or \
                    not isinstance(o, dict) or len(o) != 2 + ("round" in o) or \
                    not valid(o.get("subject")) or \
                    not isinstance(k, str) or len(k) != 64 or \
                    any(c not in "0123456789abcdef" for c in k):
                raise Refused(2, "content-notice")
            # The origin's round: on a withdrawal of the whole subject or a re-consent.
            if "round" in o and (n.get("kind") not in ("withdrawal", "reconsent") or
                                 n.get("record", 0) is not None
                                 or type(o["round"]) is not int
                                 or not 1 <= o["round"] <= 2147483647):
                raise Refused(2, "content-notice")
            n = dict((x, v) for x, v in n.items() if x != "origin")
        # Format 5: a re-consent (round and scope), and a withdrawal's round.
        if fmt >= 5 and isinstance(n, dict) and "round" in n and \
                n.get("kind") in ("reconsent", "withdrawal"):
            r = n["round"]
            if type(r) is not int or not 1 <= r <= 2147483647 or n.get("record", 0) is not None:
                raise Refused(2, "content-notice")
            n = dict((k, v) for k, v in n.items() if k != "round")
            if n["kind"] == "reconsent":
                n["kind"] = "scope"
        elif isinstance(n, dict) and n.get("kind") == "reconsent":
            raise Refused(2, "content-notice")
        # Format 5: a removal names a record and the hash of the copy sent.
        if isinstance(n, dict) and n.get("kind") == "removal":
            h = n.get("attachment")
            if fmt < 5 or not isinstance(n.get("record"), str) or not isinstance(h, str) or \
                    len(h) != 64 or any(c not in "0123456789abcdef" for c in h):
                raise Refused(2, "content-notice")
            n = dict((k, v) for k, v in n.items() if k != "attachment")
            n["kind"] = "deletion"
        if fmt >= 4 and isinstance(n, dict) and n.get("kind") == "scope":
            if len(n) != 5 or "scope" not in n or n.get("record", 0) is not None:
                raise Refused(2, "content-notice")
            try:
                check_consent(n["scope"], fmt)
            except Refused:
                raise Refused(2, "content-notice")
            n = dict((k, v) for k, v in n.items() if k != "scope")
            n["kind"] = "deletion"          # the rest is checked as for the others
        if not isinstance(n, dict) or len(n) != 4 or \
                n.get("kind") not in ("withdrawal", "deletion") or \
                not valid(n.get("subject")) or \
                not (n.get("record", 0) is None or valid(n.get("record"))) or \
                not valid_day(n.get("day")):
            raise Refused(2, "content-notice")


def check_record(r, fmt=1):
    if not isinstance(r, dict) or not isinstance(r.get("id"), str) or \
            len(r["id"]) != 16 or any(c not in ID_ALPHABET for c in r["id"]):
        raise Refused(2, "content-record")
    for key, most, multi, opt in (("pseudonym", 256, 0, 0), ("title", TEXT_MAX, 0, 0),
                                  ("place", TEXT_MAX, 0, 1), ("language", 64, 0, 1),
                                  ("date", 10, 0, 0), ("body", BODY_MAX, 1, 0)):
        str_field(r, key, most, multi, opt)
    if r["pseudonym"] == "":
        raise Refused(2, "content-record")
    if fmt >= 2:
        sub = r.get("subject")
        if not isinstance(sub, str) or len(sub) != 16 or any(c not in ID_ALPHABET for c in sub):
            raise Refused(2, "content-record")
        check_consent(r.get("consent"), fmt)
    v = r.get("version", 1)
    if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 2147483647:
        raise Refused(2, "content-record")
    tags, att = r.get("tags"), r.get("attachments")
    if not isinstance(tags, list) or len(tags) > 64 or not isinstance(att, list):
        raise Refused(2, "content-record")
    for t in tags:
        if not isinstance(t, str):
            raise Refused(2, "content-record")
        b = t.encode("utf-8", "surrogatepass")
        if not 1 <= len(b) <= 256 or not is_text(b, False):
            raise Refused(2, "content-record")


def valid_file(f):
    if len(f) > 40 or not f.startswith("attachment-"):
        return False
    i = 11
    while i < len(f) and f[i].isascii() and f[i].isdigit():
        i += 1
    if i == 11:
        return False
    if i == len(f):
        return True
    if f[i] != "." or i + 1 == len(f):
        return False
    return all(c in "abcdefghijklmnopqrstuvwxyz0123456789" for c in f[i + 1:])


def check_attachment(a, record):
    if not isinstance(a, dict) or not isinstance(a.get("record"), str) or \
            record is None or a["record"] != record:
        raise Refused(2, "content-attachment-record")
    f, t = a.get("file"), a.get("type")
    if not isinstance(f, str) or not valid_file(f) or not isinstance(t, str) or \
            len(t.encode("utf-8", "surrogatepass")) > 127 or \
            not is_text(t.encode("utf-8", "surrogatepass"), False):
        raise Refused(2, "content-attachment")
    size, h = a.get("size"), a.get("blake2b")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0 or \
            not isinstance(h, str) or len(h) != 64 or \
            any(c not in "0123456789abcdefABCDEF" for c in h):
        raise Refused(2, "content-attachment")
    return size


def check_content(c):
    """The first content refusal, in the order of the bytes."""
    pos, prev, record, header, blob_size = 0, 0, None, 0, None
    while pos < len(c):
        if pos + 9 > len(c):
            raise Refused(2, "payload-cut")
        t, n = c[pos], int.from_bytes(c[pos + 1:pos + 9], "little")
        most = {1: JSON_MAX, 2: ATT_MAX, 3: BLOB_MAX}.get(t)
        if most is None:
            raise Refused(2, "payload-unknown-type")
        if n > most:
            raise Refused(2, "payload-too-long")
        if t != 3 and n < 2:
            raise Refused(2, "payload-empty-json")
        if (prev == 2) != (t == 3):
            raise Refused(2, "payload-order")
        if t == 3 and n != blob_size:
            raise Refused(2, "content-blob-size")
        if t == 2 and record is None:
            raise Refused(2, "content-attachment-record")
        pos += 9
        if pos + n > len(c):
            raise Refused(2, "payload-cut")
        data, pos, prev = c[pos:pos + n], pos + n, t
        if t == 3:
            continue
        doc = load_json(data)
        if t == 2:
            blob_size = check_attachment(doc, record)
        elif not header:
            f = doc.get("format") if isinstance(doc, dict) else None
            header = {"intake-content-1": 1, "intake-content-2": 2,
                      "intake-content-3": 3, "intake-content-4": 4,
                      "intake-content-5": 5, "intake-content-6": 6,
                      "intake-content-7": 7}.get(f) \
                if isinstance(f, str) else None
            if header is None:
                raise Refused(2, "content-format")
            if header >= 3:
                check_notices(doc.get("notices"), header)
        else:
            check_record(doc, header)
            record = doc["id"]
    if prev == 2:
        raise Refused(2, "payload-order")
    if not header:
        raise Refused(2, "content-no-header")


# ---- the whole reader ----

def read(raw, pk, sk):
    """(version, sender, content) of a bundle this key pair opens."""
    data = sniff(raw)
    v, key, n, hlen = open_header(data, pk, sk)
    pt = Plaintext(v, n, pk)
    chunks = chunks_v3(data, key, hlen) if v == 3 else chunks_v2(data, key, hlen)
    for m in chunks:
        pt.feed(m)
    pt.finish(data[:hlen], hlen)
    content = b"".join(pt.content)
    check_content(content)
    return v, pt.sender, content


# ---- contact cards (FORMAT.md, "Contact card", "Parsing rules") ----

CARD_ALPHABET = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"
CARD_GEN = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
SPACE = b" \t\r\n"


def polymod(values):
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            if (top >> i) & 1:
                chk ^= CARD_GEN[i]
    return chk


def label_ok(b):
    if not 1 <= len(b) <= 64:
        return False
    try:
        t = b.decode("utf-8")
    except UnicodeDecodeError:
        return False
    for ch in t:
        o = ord(ch)
        if o < 0x20 or 0x7F <= o <= 0x9F or o == 0x61C or 0x200B <= o <= 0x200F or \
                0x202A <= o <= 0x202E or 0x2066 <= o <= 0x2069 or o == 0xFEFF:
            return False
    return True


def read_card(raw):
    """(label, signing key, encryption key) of a card's text."""
    t = raw.strip(SPACE)
    if not t:
        raise Refused(2, "card-empty")
    if len(t) > 221:
        raise Refused(2, "card-too-long")
    upper = lower = False
    for c in t:
        if c in SPACE:
            raise Refused(2, "card-space")
        if 0x41 <= c <= 0x5A:
            upper = True
        elif 0x61 <= c <= 0x7A:
            lower = True
        elif not 0x30 <= c <= 0x39:
            raise Refused(2, "card-character")
    if upper and lower:
        raise Refused(2, "card-mixed-case")
    t = t.decode("ascii").upper()
    if not t.startswith("INTAKE1"):
        raise Refused(2, "card-prefix")
    if len(t) < 7 + (66 * 8 + 4) // 5 + 6:
        raise Refused(2, "card-too-short")
    if any(c not in CARD_ALPHABET for c in t[7:]):
        raise Refused(2, "card-alphabet")
    d = [CARD_ALPHABET.index(c) for c in t[7:]]
    hrp = [ord(c) >> 5 for c in "intake"] + [0] + [ord(c) & 31 for c in "intake"]
    if polymod(hrp + d) != 0x2BC830A3:
        raise Refused(2, "card-checksum")
    acc, bits, p = 0, 0, bytearray()
    for v in d[:-6]:
        acc, bits = (acc << 5 | v) & 0xFFF, bits + 5
        if bits >= 8:
            bits -= 8
            p.append(acc >> bits & 0xFF)
    if bits >= 5 or (acc << (8 - bits)) & 0xFF:
        raise Refused(2, "card-padding")
    if not p or p[0] != 1:
        raise Refused(2, "card-version")
    if len(p) < 66 or len(p) != 66 + p[65]:
        raise Refused(2, "card-length")
    if not label_ok(bytes(p[66:])):
        raise Refused(2, "card-label")
    spk, bpk = bytes(p[1:33]), bytes(p[33:65])
    if not nb.crypto_core_ed25519_is_valid_point(spk):
        raise Refused(2, "card-sign-key")
    high = bpk[31] & 0x80 or (bpk[31] == 0x7F and all(b == 0xFF for b in bpk[1:31])
                              and bpk[0] >= 0xED)
    try:
        nb.crypto_scalarmult(bytes([9]) + bytes(31), bpk)
        low = False
    except Exception:
        low = True
    if high or low:
        raise Refused(2, "card-box-key")
    return bytes(p[66:]), spk, bpk


def expectation(line):
    f = dict(kv.split("=", 1) for kv in line.split()[1:] if "=" in kv)
    if not line.startswith("intake-testkit-1 ") or "expect" not in f or \
            ("key" not in f and f.get("kind") != "card"):
        return None
    return f


def check_file(path):
    try:
        raw = open(path, "rb").read()
    except OSError as e:
        print("kit_reader: cannot open %s: %s" % (path, e.strerror), file=sys.stderr)
        return 2
    nl = raw.find(b"\n")
    f = expectation(raw[:nl].decode("ascii", "replace")) if nl > 0 else None
    if f is None:
        print("kit_reader: %s is not a kit file" % path, file=sys.stderr)
        return 2
    try:
        if f.get("kind") == "card":
            label, spk, bpk = read_card(raw[nl + 1:])
            got = {"expect": "ok", "label": label.hex(), "sign": spk.hex(),
                   "box": bpk.hex()}
        else:
            pk, sk = nb.crypto_box_seed_keypair(bytes([int(f["key"], 16)]) * 32)
            v, sender, content = read(raw[nl + 1:], pk, sk)
            got = {"expect": "ok", "version": str(v), "sender": sender.hex(),
                   "sha256": hashlib.sha256(content).hexdigest()}
    except Refused as r:
        got = {"expect": "fail", "exit": str(r.code), "error": r.name}
    want = {k: f.get(k) for k in got}
    if want != got or f["expect"] != got["expect"]:
        print("not ok - %s: got %s" % (path, " ".join("%s=%s" % kv for kv in got.items())))
        return 1
    print("ok - %s" % path)
    return 0


def main(paths):
    if not paths:
        print("Usage: kit_reader.py FILE...  (or check_bundle.py --kit FILE...)",
              file=sys.stderr)
        return 2
    worst = 0
    for p in paths:
        worst = max(worst, check_file(p))
    return worst


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
