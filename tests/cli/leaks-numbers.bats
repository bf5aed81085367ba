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
