# The reliability suite's machinery (bash, sourced by run.sh): the
# fixture, one attempt of a writing command under a fault, and the checks
# after it.  The commands themselves are in ./writers.

PASS_A="tiger lamp violet oxygen river"
PASS_B="marble cactus winter ninety lantern"
RECOVERY_RE='[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}'
# A failure that says so changed nothing: the log must be as it was.
NOCHANGE_RE='nothing was (changed|recorded|stored|imported|exported|added)|was not changed|no store was created'
# The names a store folder holds once an intake has opened and closed it.
STORE_NAMES='keyslots|store\.db|store\.db-wal|store\.db-shm|blobs'
# The names inside blobs/: attachment chunk files, 32 hex digits
# (store/blob.h BLOB_NAME_CHARS); anything else there is a leftover.
BLOB_NAMES='[0-9a-f]{32}'

# ---- the table ----

W_NAME=() W_ARGS=() W_PRE=() W_PROOF=() W_FILE=() W_ALWAYS=() W_SECRET=() W_STORE=() W_LOG=()

# writer NAME 'ARGUMENTS' [KEY='VALUE']...: one line of ./writers.
writer() {
    local i=${#W_NAME[@]} kv
    W_NAME[i]=$1 W_ARGS[i]=$2 W_PRE[i]= W_PROOF[i]= W_FILE[i]= W_ALWAYS[i]=
    W_SECRET[i]=old W_STORE[i]=old W_LOG[i]=yes
    shift 2
    for kv in "$@"; do
        case ${kv%%=*} in
        pre) W_PRE[i]=${kv#*=} ;;
        proof) W_PROOF[i]=${kv#*=} ;;
        file) W_FILE[i]=${kv#*=} ;;
        always) W_ALWAYS[i]=${kv#*=} ;;
        secret) W_SECRET[i]=${kv#*=} ;;
        store) W_STORE[i]=${kv#*=} ;;
        log) W_LOG[i]=${kv#*=} ;;
        *) echo "writers: unknown key in '$kv' ($1)" >&2; exit 2 ;;
        esac
    done
}

# ---- intake on the stores of the world $W ----

# ik ARGS...: intake on the store $H with the current passphrase.
ik() {
    "$INTAKE" --home "$H" --passphrase-fd 3 "$@" 3<<<"$CUR" 2>>"$HT/helpers.err"
}

# st NAME ARGS...: intake on the store $W/NAME (passphrase A).
st() {
    local name=$1
    shift
    "$INTAKE" --home "$W/$name" --passphrase-fd 3 "$@" 3<<<"$PASS_A" 2>>"$HT/helpers.err"
}

hq_opens() {
    st hq open "$1" >/dev/null
}

recovery_opens() {
    local key
    key=$(grep -oE "$RECOVERY_RE" <<<"$1" | head -n 1)
    [ -n "$key" ] && "$INTAKE" --home "$H" --passphrase-fd 3 --recovery log --verify \
        3<<<"$key" >/dev/null 2>>"$HT/helpers.err"
}

# ---- the fixture ----

# make_fixture DIR: the world every command starts from (see ./writers),
# made once in DIR; sets RID, PEER_CARD and HQ_GROUP (the last group of
# field and hq's safety number), and fills $REF.
make_fixture() {
    W=$1 H=$1/store IN=$1/in OUT=$1/out CUR=$PASS_A
    mkdir -p "$IN" "$OUT" "$REF"
    {
        "$INTAKE" --home "$H" --passphrase-fd 3 init --kdf interactive --label field 3<<<"$PASS_A" &&
        "$INTAKE" --home "$W/hq" --passphrase-fd 3 init --kdf interactive --label hq 3<<<"$PASS_A" &&
        "$INTAKE" --home "$T/peer" --passphrase-fd 3 init --kdf interactive --label peer 3<<<"$PASS_A"
    } >/dev/null || return 1
    # Their passphrase slots at Argon2id's lowest cost (tests/tools/
    # cheapslot.c): a key derivation was most of each attempt's time.
    for d in "$H" "$W/hq" "$T/peer"; do
        "$CHEAPSLOT" "$d" 3<<<"$PASS_A" || return 1
    done
    PEER_CARD=$("$INTAKE" --home "$T/peer" --passphrase-fd 3 card 3<<<"$PASS_A") &&
    "$INTAKE" --home "$T/peer" --passphrase-fd 3 card --qr png -o "$REF/peer.png" 3<<<"$PASS_A" &&
    ik contact add hq "$(st hq card)" &&
    HQ_GROUP=$(ik contact verify hq | awk 'NR == 1 { print $NF }') &&
    ik contact verify hq --confirm <<<"$HQ_GROUP" >/dev/null &&
    st hq contact add field "$(ik card)" &&
    st hq contact verify field --confirm <<<"$HQ_GROUP" >/dev/null &&
    ik subject add --name "Kim Ji-yeon" --pseudonym Nari >/dev/null &&
    ik consent Nari --export yes --attachments yes --method verbal &&
    RID=$(ik record Nari --title one <<<"We left Chongjin in March.") &&
    head -c 20000 /dev/urandom >"$IN/blob.bin" &&
    ik attach "$RID" "$IN/blob.bin" >/dev/null &&
    echo "Testimony from a file." >"$IN/body.txt" &&
    st hq subject add --name "Pak Su-mi" --pseudonym Dal >/dev/null &&
    st hq consent Dal --export yes --method verbal &&
    st hq record Dal --title office <<<"From the office." >/dev/null &&
    st hq export --to field --all -o "$IN/fromhq.bundle" >/dev/null &&
    ik open "$IN/fromhq.bundle" -o "$REF/open" >/dev/null &&
    ik card --qr png -o "$REF/card.png"
}

# ---- figures ----

declare -A ATTEMPTS=() OUTCOMES=() MSG_COUNT=() MSG_WHERE=()
DAMAGED=0 LOST=0 MISREPORTED=0 PARTIAL=0 LEFTOVER=0 INJECTED=0 CUTS=0 KILLS=0
PROBLEMS=0

# problem KIND TEXT: one of the five failures of the suite, with evidence.
problem() {
    local kind=$1 text=$2
    case $kind in
    damaged) DAMAGED=$((DAMAGED + 1)) ;;
    lost) LOST=$((LOST + 1)) ;;
    misreported) MISREPORTED=$((MISREPORTED + 1)) ;;
    partial) PARTIAL=$((PARTIAL + 1)) ;;
    leftover) LEFTOVER=$((LEFTOVER + 1)) ;;
    esac
    PROBLEMS=$((PROBLEMS + 1))
    {
        echo "PROBLEM ($kind) $WNAME, $FAULT: $text"
        sed 's/^/    stderr: /' "$HT/stderr"
        sed 's/^/    fault: /' "$HT/fault.log" 2>/dev/null
    } | tee -a "$T/problems" >&2
    if [ "$PROBLEMS" -le 5 ]; then
        cp -a "$W" "$T/evidence-$PROBLEMS" 2>/dev/null
        cp "$HT/fault.log" "$T/evidence-$PROBLEMS.fault" 2>/dev/null
    fi
}

# The message a failed command gave, paths and ids made general.
message_of() {
    grep '^intake: ' "$1" | grep -v '^intake: warning:' | tr '\n' ' ' |
        sed -e "s#$W#DIR#g" -e 's/ $//' |
        perl -pe 's/\b(?=[0-9a-z]*\d)[0-9a-z]{16}\b/ID/g; s/\b[0-9a-f]{64}\b/HASH/g'
}

note_message() { # MESSAGE WHERE
    local m=$1
    [ -n "$m" ] || m="(no message, exit $STATUS)"
    MSG_COUNT[$m]=$((${MSG_COUNT[$m]:-0} + 1))
    [ -n "${MSG_WHERE[$m]:-}" ] || MSG_WHERE[$m]=$2
}

# ---- one attempt ----

# attempt KIND VALUE: the command of writer $WI once, under a fault:
#   clean -, kill SECONDS, shim count|cut:N|fail:CLASS:N[:ERRNO],
#   fiu PROBABILITY.  Sets STATUS and OUTCOME (ok, failed, interrupted).
attempt() {
    local kind=$1 val=$2 secrets=$CUR prefix=()
    [ "${W_SECRET[WI]}" = new ] && secrets=$CUR$'\n'$NEXT
    : >"$HT/fault.log"
    case $kind in
    kill) prefix=(timeout --foreground --preserve-status -s KILL "$val") ;;
    shim) prefix=(env LD_PRELOAD="$SHIM" INTAKE_FAULT="$val" INTAKE_FAULT_ROOT="$W"
                  INTAKE_FAULT_LOG="$HT/fault.log" INTAKE_FAULT_THEN_CUT=1) ;;
    fiu) prefix=(fiu-run -x -f "" -c "enable_random name=posix/io/*,probability=$val") ;;
    esac
    (cd "$OUT" && eval "\"\${prefix[@]}\" \"\$INTAKE\" --home \"\$H\" --passphrase-fd 3 ${W_ARGS[WI]}") \
        </dev/null 3< <(printf '%s\n' "$secrets") >"$HT/stdout" 2>"$HT/stderr"
    STATUS=$?
    if [ "$STATUS" -eq 0 ]; then
        OUTCOME=ok
    elif [ "$STATUS" -eq 137 ] && { [ "$kind" = kill ] || grep -q '^cut [0-9]' "$HT/fault.log"; }; then
        OUTCOME=interrupted
    else
        OUTCOME=failed
    fi
    grep -q '^cut ' "$HT/fault.log" && CUTS=$((CUTS + 1))
    grep -q '^fail ' "$HT/fault.log" && INJECTED=$((INJECTED + 1))
    [ "$kind" = kill ] && [ "$OUTCOME" = interrupted ] && KILLS=$((KILLS + 1))
    ATTEMPTS[$MODE]=$((${ATTEMPTS[$MODE]:-0} + 1))
    OUTCOMES[$MODE.$OUTCOME]=$((${OUTCOMES[$MODE.$OUTCOME]:-0} + 1))
}

# ---- the checks ----

# The world for writer $WI: a copy of the fixture, its secrets and log.
start_world() {
    rm -rf "$W"
    cp -a "$FIX" "$W"
    CUR=$PASS_A NEXT=$PASS_B IN=$W/in OUT=$W/out N=0
    declare -gA ACKED_FILES=()
    if [ "${W_STORE[WI]}" = new ]; then
        H=$W/new/store
        LOG_ACKED= LOG_BEFORE=
    else
        H=$W/store
        LOG_ACKED=$(ik log) LOG_BEFORE=$LOG_ACKED
    fi
}

# before_attempt: the writer's pre step; the log as it is now.
before_attempt() {
    if [ "${W_STORE[WI]}" = new ]; then
        rm -rf "$W/new"
        LOG_ACKED= LOG_BEFORE=
        return 0
    fi
    if [ -n "${W_PRE[WI]}" ]; then
        eval "${W_PRE[WI]}" >/dev/null 2>>"$HT/helpers.err" || {
            echo "reliability: the pre step of $WNAME failed: ${W_PRE[WI]}" >&2
            return 1
        }
        LOG_BEFORE=$(ik log)
        LOG_ACKED=$LOG_BEFORE
    fi
}

# opener: which of $CUR and $NEXT opens the store and verifies its log,
# in WHO, and the log it lists in NOW: one unlock (intake shell runs both
# commands), as a key derivation is most of what a check costs.  Fails
# with the message in $HT/verify.err.
opener() {
    local s rc out
    WHO= NOW=
    for s in "$CUR" "$NEXT"; do
        out=$(printf 'log --verify\nlog\n' |
              "$INTAKE" --home "$H" --passphrase-fd 3 shell 3<<<"$s" 2>"$HT/verify.err")
        rc=$?
        # The shell goes on after a command fails: "log intact" or not.
        if [ "$rc" -eq 0 ] && [[ $out == "log intact: "* ]]; then
            WHO=$s NOW=${out#*$'\n'}
            return 0
        fi
        # 1: this secret does not open it (a wrong passphrase, or the old
        # one after a rekey that re-encrypted but did not finish): the
        # other may.  Anything else is the store's failure.
        [ "$rc" -eq 1 ] || return 1
    done
    return 1
}

# sum_of PATH: a file's or a folder's content as one hash.
sum_of() {
    if [ -d "$1" ]; then
        (cd "$1" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum) | sha256sum
    else
        sha256sum <"$1"
    fi
}

# check_outputs: what the command left in $OUT (and the store folder).
check_outputs() {
    local f name
    for f in "$OUT"/* "$OUT"/.[!.]*; do
        [ -e "$f" ] || continue
        name=${f##*/}
        if [[ $name == .intake-tmp-* ]]; then
            HIDDEN=1
            continue
        fi
        if [ -n "${ACKED_FILES[$f]:-}" ]; then
            [ "$(sum_of "$f")" = "${ACKED_FILES[$f]}" ] ||
                problem lost "$name, written by a success, changed or went"
            continue
        fi
        if [ -z "${W_FILE[WI]}" ]; then
            problem partial "$name appeared in the output folder"
        elif ! F=$f eval "${W_FILE[WI]}"; then
            problem partial "$name is not whole (${W_FILE[WI]})"
        elif [ "$OUTCOME" = ok ]; then
            ACKED_FILES[$f]=$(sum_of "$f")
            continue
        elif [ "$OUTCOME" = failed ] && [[ $(message_of "$HT/stderr") =~ $NOCHANGE_RE ]]; then
            problem misreported "$name is there, whole, after a failure that said nothing was written"
        fi
        # Whole, from an attempt that did not report it: gone for the next.
        [ "$OUTCOME" = ok ] || rm -rf "$f"
    done
}

# check_store_new: init (store=new) after any outcome: a store that opens,
# or none, and then a new init makes one.
check_store_new() {
    if [ ! -e "$H/keyslots" ]; then
        [ "$OUTCOME" = ok ] && problem lost "init reported success, but there is no keyslot file"
        if ! "$INTAKE" --home "$H" --passphrase-fd 3 init --kdf interactive 3<<<"$CUR" \
                >/dev/null 2>"$HT/verify.err"; then
            problem damaged "the next init fails: $(message_of "$HT/verify.err")"
            return 1
        fi
        # The store the checks look at is that init's, not the attempt's.
        LOG_BEFORE=$(ik log) LOG_ACKED=
    fi
    return 0
}

# check: the invariants after an attempt, whatever its outcome.
check() {
    local who now msg=
    HIDDEN=
    [ "$OUTCOME" = failed ] && msg=$(message_of "$HT/stderr")
    [ -n "$msg" ] || [ "$OUTCOME" != failed ] || msg="(no message, exit $STATUS)"
    if [ "$OUTCOME" = failed ]; then
        note_message "$msg" "$WNAME, $FAULT"
    fi
    if [ "${W_STORE[WI]}" = new ]; then
        check_store_new || return
    fi
    if ! opener; then
        problem damaged "neither secret opens the store, or its log fails: $(message_of "$HT/verify.err")"
        return
    fi
    who=$WHO now=$NOW
    # "Damaged ... restore it from a backup" only for data that fails its
    # checks (issue 14 item 4): following it would replace a good store.
    if [ "$OUTCOME" = failed ] && [[ $msg == *"restore it from a backup"* ]]; then
        problem misreported "'$msg', yet the store opens and its log verifies"
    fi
    if [ "${W_SECRET[WI]}" = new ]; then
        if [ "$OUTCOME" = ok ] && [ "$who" != "$NEXT" ]; then
            problem lost "the new passphrase was reported set, but only the old one opens"
        elif [ "$OUTCOME" = failed ] && [[ $msg =~ $NOCHANGE_RE ]] && [ "$who" != "$CUR" ]; then
            problem misreported "'$msg', yet the new passphrase opens"
        fi
    fi
    if [ "$who" = "$NEXT" ]; then
        NEXT=$CUR CUR=$who
    fi
    if [ -n "$LOG_ACKED" ] && [[ "$now"$'\n' != "$LOG_ACKED"$'\n'* ]]; then
        problem lost "the log lost entries a success reported"
    fi
    if [ "$OUTCOME" = ok ]; then
        if [ "$now" = "$LOG_BEFORE" ] && { [ "${W_LOG[WI]}" = yes ] ||
            { [ "${W_LOG[WI]}" = added ] && ! grep -q '^imported 0 record' "$HT/stdout"; }; }; then
            problem misreported "success, but nothing in the log"
        fi
        # ... and one that added nothing (one line, "imported 0 record(s)
        # and 0 attachment(s) ...") changed nothing, the log included.
        if [ "${W_LOG[WI]}" = added ] && [ "$now" != "$LOG_BEFORE" ] &&
            [ "$(wc -l <"$HT/stdout")" -eq 1 ] &&
            grep -q '^imported 0 record(s) and 0 attachment(s)' "$HT/stdout"; then
            problem misreported "'$(cat "$HT/stdout")', yet the log changed"
        fi
        if [ -n "${W_PROOF[WI]}" ] && ! STDOUT=$(cat "$HT/stdout") eval "${W_PROOF[WI]}" >/dev/null; then
            problem lost "reported success, but: ${W_PROOF[WI]}"
        fi
        LOG_ACKED=$now
    elif [ "$OUTCOME" = failed ] && [[ $msg =~ $NOCHANGE_RE ]] && [ "$now" != "$LOG_BEFORE" ]; then
        problem misreported "'$msg', yet the log changed"
    fi
    LOG_BEFORE=$now
    if [ -n "${W_ALWAYS[WI]}" ] && ! eval "${W_ALWAYS[WI]}" >/dev/null; then
        problem lost "after $OUTCOME: ${W_ALWAYS[WI]}"
    fi
    if ls -A "$H" | grep -qvxE "$STORE_NAMES"; then
        problem leftover "the store folder holds $(ls -A "$H" | grep -vxE "$STORE_NAMES" | tr '\n' ' ')"
    fi
    if [ -d "$H/blobs" ] && ls -A "$H/blobs" | grep -qvxE "$BLOB_NAMES"; then
        problem leftover "the attachment folder holds $(ls -A "$H/blobs" | grep -vxE "$BLOB_NAMES" | tr '\n' ' ')"
    fi
    check_outputs
}

# settle: after a writer's last attempt, one clean run must sweep what
# killed runs left hidden in the output folder.
settle() {
    FAULT="a clean run after the faults"
    N=$((N + 1))
    before_attempt || return
    attempt clean -
    check
    HIDDEN=
    check_outputs
    if [ -n "$HIDDEN" ]; then
        problem leftover "hidden temporary files stay in the output folder after a clean run: $(ls -A "$OUT" | grep '^\.intake-tmp-' | tr '\n' ' ')"
    fi
}
