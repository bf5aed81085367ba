#!/usr/bin/env bats
# The committed bundle test vectors (version 3 in tests/vectors, version 2
# in tests/vectors/v2) check against an independent reader written in
# Python with PyNaCl and hashlib (tests/vectors/check_bundle.py).

setup() {
    ROOT=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
    PY=/usr/bin/python3
    if ! "$PY" -c 'import nacl.bindings' 2>/dev/null; then
        skip "python3-nacl is not installed (scripts/deps.sh check installs it)"
    fi
}

@test "vectors: the Python reader opens and verifies every vector" {
    run "$PY" "$ROOT/tests/vectors/check_bundle.py" "$ROOT/tests/vectors"
    echo "$output"
    [ "$status" -eq 0 ]
    [ "$(echo "$output" | grep -c '^ok - ')" -eq 8 ]
    echo "$output" | grep -qx 'ok - content2: version 3, content format 2: 1 record(s) with subject id and consent scope'
    echo "$output" | grep -qx 'ok - content7: version 3, content format 7: 1 record(s) with subject id and consent scope, 3 notice(s), 2 with their origin'
    [ "$(echo "$output" | grep -c '^ok - v2/')" -eq 3 ]
}

@test "vectors: the Python reader refuses an altered vector" {
    tmp=$(mktemp -d)
    cp -r "$ROOT"/tests/vectors/* "$tmp"/
    printf '\001' | dd of="$tmp/small.bin" bs=1 seek=300 conv=notrunc 2>/dev/null
    printf '\001' | dd of="$tmp/v2/chunks.bin" bs=1 seek=70000 conv=notrunc 2>/dev/null
    run "$PY" "$tmp/check_bundle.py" "$tmp"
    rm -rf "$tmp"
    echo "$output"
    [ "$status" -eq 1 ]
    [ "$(echo "$output" | grep -c '^not ok - ')" -eq 2 ]
    echo "$output" | grep -q '^not ok - small'
    echo "$output" | grep -q '^not ok - v2/chunks'
}

@test "vectors: the Python reader refuses format 2 content without a subject id or consent scope" {
    run "$PY" - "$ROOT/tests/vectors" <<'EOF'
import json, sys
sys.path.insert(0, sys.argv[1])
import check_bundle as cb
raw = open(sys.argv[1] + "/content2.content", "rb").read()
def rebuild(change):
    out, items = b"", list(cb.items(raw))
    for i, (t, off, n) in enumerate(items):
        data = raw[off:off + n]
        if i == 1:
            doc = json.loads(data); change(doc); data = json.dumps(doc).encode()
        out += bytes([t]) + len(data).to_bytes(8, "little") + data
    return out
cases = [(lambda d: d.pop("subject"), "a record without a valid subject id"),
         (lambda d: d.__setitem__("subject", "Nari"), "a record without a valid subject id"),
         (lambda d: d.pop("consent"), "a record without its consent scope"),
         (lambda d: d["consent"].pop("embargo"), "a record without its consent scope"),
         (lambda d: d["consent"].__setitem__("quote", "no"), "a bad consent scope"),
         (lambda d: d["consent"].__setitem__("method", "telepathy"), "a bad consent scope"),
         (lambda d: d["consent"].__setitem__("embargo", "2026-6-1"), "a bad consent scope")]
assert len(cb.check_content(raw)) == 1
for change, want in cases:
    try:
        cb.check_content(rebuild(change))
        print("accepted:", want); sys.exit(1)
    except cb.Refused as e:
        assert str(e) == want, (str(e), want)
print("refused", len(cases))
EOF
    echo "$output"
    [ "$status" -eq 0 ]
    [ "$output" = "refused 7" ]
}

@test "vectors: both Python readers take a consent counter (seq) in content format 6 only, an integer 1..2147483647" {
    run "$PY" - "$ROOT/tests/vectors" <<'EOF'
import json, sys
sys.path.insert(0, sys.argv[1])
import check_bundle as cb, kit_reader as kr
raw = open(sys.argv[1] + "/content2.content", "rb").read()
def rebuild(fmt, seq):
    out, items = b"", list(cb.items(raw))
    for i, (t, off, n) in enumerate(items):
        data = raw[off:off + n]
        if i == 0:
            doc = json.loads(data); doc["format"] = fmt
            if fmt[-1] != "2":
                doc["notices"] = []
            data = json.dumps(doc).encode()
        if i == 1:
            doc = json.loads(data); doc["consent"]["seq"] = seq; data = json.dumps(doc).encode()
        out += bytes([t]) + len(data).to_bytes(8, "little") + data
    return out
assert len(cb.check_content(rebuild("intake-content-6", 1))) == 1
assert len(cb.check_content(rebuild("intake-content-6", 2147483647))) == 1
bad = [("intake-content-5", 1), ("intake-content-2", 3), ("intake-content-6", 0),
       ("intake-content-6", 2147483648), ("intake-content-6", "3"), ("intake-content-6", True)]
c = {"export": True, "quote": False, "publish": False, "attachments": False,
     "method": None, "recorded": "2026-01-01T00:00:00Z", "embargo": None}
kr.check_consent(dict(c, seq=7), 6)
for fmt, seq in bad:
    try:
        cb.check_content(rebuild(fmt, seq))
        print("accepted:", fmt, seq); sys.exit(1)
    except cb.Refused as e:
        assert str(e) in ("a bad consent scope", "a record without its consent scope"), str(e)
    try:
        kr.check_consent(dict(c, seq=seq), int(fmt[-1]))
        print("kit reader accepted:", fmt, seq); sys.exit(1)
    except kr.Refused:
        pass
print("refused", len(bad))
EOF
    echo "$output"
    [ "$status" -eq 0 ]
    [ "$output" = "refused 6" ]
}

@test "vectors: both Python readers take a notice's origin in content format 7 only, on any notice kind (B-10), exactly a hex key and a subject id" {
    run "$PY" - "$ROOT/tests/vectors" <<'EOF'
import json, sys
sys.path.insert(0, sys.argv[1])
import check_bundle as cb, kit_reader as kr
raw = open(sys.argv[1] + "/content7.content", "rb").read()
head = cb.first_json(raw)
good = head["notices"][1]
assert good["origin"]["subject"] == "3kq8w1dz0v7m5xrt" and len(good["origin"]["key"]) == 64
def rebuild(fmt, notice):
    out, items = b"", list(cb.items(raw))
    for i, (t, off, n) in enumerate(items):
        data = raw[off:off + n]
        if i == 0:
            doc = json.loads(data); doc["format"] = fmt; doc["notices"] = [notice]
            data = json.dumps(doc).encode()
        out += bytes([t]) + len(data).to_bytes(8, "little") + data
    return out
assert len(cb.check_content(rebuild("intake-content-7", good))) == 1
kr.check_notices([good], 7)
o = good["origin"]
scope = {"export": True, "quote": False, "publish": False, "attachments": False,
         "method": None, "recorded": "2026-01-01T00:00:00Z", "embargo": None}
bad = [("intake-content-6", good),
       ("intake-content-7", dict(good, origin=dict(o, key=o["key"].upper()))),
       ("intake-content-7", dict(good, origin=dict(o, key=o["key"][:62]))),
       ("intake-content-7", dict(good, origin=dict(o, subject="Nari"))),
       ("intake-content-7", dict(good, origin=dict(o, day="2026-01-01"))),
       ("intake-content-7", dict(good, origin={"key": o["key"]})),
       ("intake-content-7", dict(good, origin=o["key"])),
       ("intake-content-6", {"kind": "scope", "subject": good["subject"], "record": None,
                             "day": good["day"], "scope": scope, "origin": o}),
       ("intake-content-7", {"kind": "scope", "subject": good["subject"], "record": None,
                             "day": good["day"], "scope": scope, "origin": dict(o, round=1)})]
# every notice kind passed on names its origin (issue 16 adv16 B-10)
for n in ({"kind": "scope", "subject": good["subject"], "record": None, "day": good["day"],
           "scope": scope, "origin": o},
          {"kind": "removal", "subject": good["subject"], "record": good["subject"],
           "day": good["day"], "attachment": "ab" * 32, "origin": o}):
    assert len(cb.check_content(rebuild("intake-content-7", n))) == 1
    kr.check_notices([n], 7)
for fmt, n in bad:
    try:
        cb.check_content(rebuild(fmt, n))
        print("accepted:", fmt, n); sys.exit(1)
    except cb.Refused as e:
        assert str(e) == "a bad notice", str(e)
    try:
        kr.check_notices([n], int(fmt[-1]))
        print("kit reader accepted:", fmt, n); sys.exit(1)
    except kr.Refused:
        pass
print("refused", len(bad))
EOF
    echo "$output"
    [ "$status" -eq 0 ]
    [ "$output" = "refused 9" ]
}

@test "vectors: both Python readers take the origin's round on a withdrawal of the whole subject or a re-consent only, an integer 1..2147483647" {
    run "$PY" - "$ROOT/tests/vectors" <<'EOF'
import json, sys
sys.path.insert(0, sys.argv[1])
import check_bundle as cb, kit_reader as kr
raw = open(sys.argv[1] + "/content7.content", "rb").read()
head = cb.first_json(raw)
o = [n for n in head["notices"] if "origin" in n][0]["origin"]
w = {"kind": "withdrawal", "subject": "fedcba9876543210", "record": None, "day": "2026-01-02"}
def rebuild(notice):
    out, items = b"", list(cb.items(raw))
    for i, (t, off, n) in enumerate(items):
        data = raw[off:off + n]
        if i == 0:
            doc = json.loads(data); doc["notices"] = [notice]
            data = json.dumps(doc).encode()
        out += bytes([t]) + len(data).to_bytes(8, "little") + data
    return out
scope = {"export": True, "quote": False, "publish": False, "attachments": False,
         "method": None, "recorded": "2026-01-01T00:00:00Z", "embargo": None, "seq": 3}
rc = dict(w, kind="reconsent", round=1, scope=scope)
for r in (1, 2, 2147483647):
    for good in (dict(w, origin=dict(o, round=r)), dict(rc, origin=dict(o, round=r)),
                 dict(rc, origin=o)):
        assert len(cb.check_content(rebuild(good))) == 1
        kr.check_notices([good], 7)
bad = [dict(w, origin=dict(o, round=0)), dict(w, origin=dict(o, round=2147483648)),
       dict(w, origin=dict(o, round="2")), dict(w, origin=dict(o, round=2.0)),
       dict(w, record="0123456789abcdef", origin=dict(o, round=2)),
       dict(w, kind="deletion", origin=dict(o, round=2)),
       dict(rc, origin=dict(o, round=0)),
       dict(w, kind="scope", scope=scope, origin=dict(o, round=2))]
for n in bad:
    try:
        cb.check_content(rebuild(n))
        print("accepted:", n); sys.exit(1)
    except cb.Refused as e:
        assert str(e) == "a bad notice", str(e)
    try:
        kr.check_notices([n], 7)
        print("kit reader accepted:", n); sys.exit(1)
    except kr.Refused:
        pass
print("refused", len(bad))
EOF
    echo "$output"
    [ "$status" -eq 0 ]
    [ "$output" = "refused 8" ]
}
