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

@test "redact: a blocked record's reason on standard error gives the protected word's length only (F24)" {
    ID=$(printf 'Accounts: altaa85.\n' | ik record Suvd --title "Testimony" --date 2024-03-15)
    run --separate-stderr ik redact "$ID"
    expect_status 1
    [[ "$stderr" == *"may not leave the device"* ]]
    [[ "$stderr" == *"protected-term [7 characters]"* ]]
    [[ "$stderr" != *altaa85* ]]
    [[ "$stderr" != *ltaa* ]]
    run --separate-stderr ik redact "$ID" --json
    expect_status 1
    [[ "$stderr" != *altaa85* ]]
}
