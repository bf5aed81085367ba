#!/usr/bin/env bats
# Brief s41 arab41 (report-adv40 P-1, P-2; docs/PSEUDONYMS.md, "Session
# 41 (arab41)"), end to end on the real binary: a pseudonym in Arabic or
# Persian script that is the subject's name written without its short
# vowels (عمر for Omar, رضا for Reza: two consonants, ع read as none) is
# refused; other names of two consonants stay free.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names
load faults

@test "pseudonym-arab41: the given name without its short vowels is refused (P-1)" {
    each_refused "Omar Haddad" "عمر"
    # the same kind: other names, an initial ع, Persian letters
    each_refused "Emad Saleh" "عماد"
    each_refused "Saba Tehrani" "صبا"
    each_refused "Badr Mansour" "بدر"
}

@test "pseudonym-arab41: other names of two consonants stay free" {
    each_accepted "Omar Haddad" "سعد" "نور" "Samir"
    each_accepted "Reza Ahmadi" "سعد" "نور" "هدى"
}
