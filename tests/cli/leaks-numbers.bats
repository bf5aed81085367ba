#!/usr/bin/env bats
# Number kinds and redact's messages from the outside tester's report
# (report-adv12d): what 'redact' prints on standard error keeps to
# SECURITY.md (lengths only, never a protected word).

bats_require_minimum_version 1.5.0
load helpers

setup() {
    common_setup
    init_store --locale mn
    ik subject add --name "Батбаярын Алтангэрэл" --name "Altangerel" --pseudonym Suvd \
        --locale mn >/dev/null
    ik consent Suvd --export yes --method verbal 2>/dev/null
}
teardown() { common_teardown; }

@test "redact: a short form glued to digits (altaa85) is a handle, replaced; nothing of it on either stream (F24)" {
    ID=$(printf 'Accounts: altaa85.\n' | ik record Suvd --title "Testimony" --date 2024-03-15)
    run --separate-stderr ik redact "$ID"
    expect_status 0
    [[ "$output" == *"Accounts: Suvd."* ]] || { printf '%s\n' "$output" >&2; false; }
    [[ "$output" != *ltaa* && "$stderr" != *ltaa* ]] || false
    # The word alone in lower case is no name (the capital rule: "түвшин").
    ID=$(printf 'Accounts: altaa.\n' | ik record Suvd --title "Testimony" --date 2024-03-15)
    run --separate-stderr ik redact "$ID"
    expect_status 0
    [[ "$stderr" != *ltaa* ]] || false
}

@test "allow: a one-syllable given name, alone or flagged with what follows it, is refused; a name that is a word and other words are not (report-adv12d F37, F38)" {
    ik subject add --name 박민 --locale ko --pseudonym Sora >/dev/null
    ik subject add --name 김나라 --locale ko --pseudonym Hana >/dev/null
    for w in 민 Min 민에게 민아; do
        run --separate-stderr ik allow "$w"
        expect_status 2
        [ "$stderr" = "intake: this text is a form of a registered name whose review flag stands where it may name the person, and cannot be allowed; nothing was changed" ]
    done
    [ -z "$(ik allow --list)" ]
    for w in 나라 민주주의 Park; do
        run --separate-stderr ik allow "$w"
        expect_status 0
    done
    # The flag on 민 stays: the record may not leave.
    ik consent Sora --export yes --method verbal 2>/dev/null
    ID=$(printf '민아, 밥 먹었니?\n' | ik record Sora --title "Testimony" --date 2024-03-15)
    run --separate-stderr ik redact "$ID"
    expect_status 1
    [[ "$stderr" == *"1 review flag unresolved"* ]]
}
