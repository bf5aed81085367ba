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

# Brief s41 script41 (report-adv40 P-3): a pseudonym that is one of the
# given name's listed short forms in any script (Гога, Гия, Gio of
# Giorgi; Nick, Нико, Nikolaos of Nikos; Ömer, Омер of Omar:
# data/nicknames/regional.txt) is refused; other names stay free.
@test "pseudonym-40s: a listed short form of the given name is refused (adv40 P-3 kind)" {
    each_refused "Giorgi Beridze" "Гога" "Гия" "Gio"
    each_refused "Nikos Papadopoulos" "Nick" "Нико" "Nikolaos"
    each_refused "Omar Haddad" "Ömer" "Омер"
}

@test "pseudonym-40s: other names in those scripts stay free" {
    each_accepted "Omar Haddad" "سمير" "مریم" "Yusuf Kaya"
    each_accepted "Reza Ahmadi" "Farid Noor"
    each_accepted "Giorgi Beridze" "Дато"
}
