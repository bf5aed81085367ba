#!/usr/bin/env bats
# Brief s42 foreign42 (report-adv41 P-1..P-3; docs/PSEUDONYMS.md, "Session
# 42 (foreign42)"), end to end on the real binary: a pseudonym that is the
# subject's given name as Persian says it (ض and ذ read z: رضا for Reza),
# or a Russian short form of a Greek or Georgian given name (Коля for
# Nikolaos, Гоша for Giorgi: data/nicknames/regional.txt, the table the
# redactor reads) is refused; other names stay free.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names
load faults

@test "pseudonym-foreign42: ض and ذ read as z, as Persian says them (P-1)" {
    each_refused "Reza Ahmadi" "رضا"
    # the same kind: other names with ض or ذ
    each_refused "Ramazan Aydin" "رمضان"
    each_refused "Zakir Hussain" "ذاكر"
    each_refused "Ahmad Rezaei" "رضایی"
}

@test "pseudonym-foreign42: Russian short forms of Greek and Georgian names are refused (P-2, P-3)" {
    each_refused "Giorgi Kapanadze" "Гоша" "Gosha Lee" "Жора" "Zhora"
    each_refused "Nikolaos Georgiou" "Коля" "Kolya" "Nicky"
}

@test "pseudonym-foreign42: other names stay free" {
    each_accepted "Reza Ahmadi" "سعد" "نور" "Zara"
    each_accepted "Nikolaos Georgiou" "Олег" "Misha" "Гоша"
    each_accepted "Giorgi Kapanadze" "Коля" "Kolya"
}
