#!/usr/bin/env bats
# Brief s40 script40 (report-adv39 L-19, L-28; docs/VARIANTS.md, "Other
# scripts, session 40"), end to end on the real binary: a Greek pseudonym
# that is a case form of the person's name (Γιώργο, Γιώργος of Giorgi;
# Γιώργι read as giorgi) is refused with the message every refused
# pseudonym gets; Greek words of another stem stay free.  The set-up is
# pseudonym-39.bats's (each_refused, each_accepted: leaks-names.bash).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names
load faults

@test "pseudonym-40s: a Greek case form of the name is refused (L-19, L-28 kind)" {
    each_refused "Giorgi Beridze" "Γιώργι" "Γιώργο" "Γιώργος"
    each_refused "Nikos Papadopoulos" "Νίκο" "Νίκου"
    each_refused "Kostas Dimas" "Κώστα"
    each_refused "Giannis Kotsis" "Γιάννη"
}

@test "pseudonym-40s: Greek words of another stem stay free" {
    each_accepted "Giorgi Beridze" "Ελένη" "Μαρία"
    each_accepted "Kostas Dimas" "Κόσμος"
    each_accepted "Nikos Papadopoulos" "Σοφία"
}
