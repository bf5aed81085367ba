#!/usr/bin/env bats
# Brief s45 scr45 (report-adv44 P-1..P-5, P-8..P-10; docs/PSEUDONYMS.md,
# docs/VARIANTS.md "Session 45 (scr45)"), end to end on the real binary: a
# Latin pseudonym that reads as the subject's name registered only in
# Arabic, Persian or Georgian script (its consonants and long vowels, or
# the Georgian letters by the national romanisation of 2002) is refused;
# other names stay free.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names
load faults

@test "pseudonym-scr45: the Latin form of an Arabic or Persian name is refused (P-1..P-5, P-8, P-9)" {
    each_refused "عمر حداد" "Omar H." "Umar Khaddad"
    each_refused "رضا احمدی" "Reza A."
    each_refused "كريم ناصر" "Karim" "Nasser K."
    each_refused "حسن علي" "Hassan"
    each_refused "رضا کریمی" "Karimi R."
    # the same kind: other positions, other spellings, other names
    each_refused "عمر حداد" "H. Omar" "Haddad" "Omer"
    each_refused "سعيد منصور" "Mansour" "S. Mansur"
}

@test "pseudonym-scr45: the Latin form of a Georgian name is refused (P-10)" {
    each_refused "გიორგი ბერიძე" "Giorgi B." "Beridze" "G. Beridze"
    each_refused "ნინო კაპანაძე" "Nino K."
}

@test "pseudonym-scr45: other names stay free" {
    # (Amir is refused for عمر: one skeleton, docs/PSEUDONYMS.md)
    each_accepted "عمر حداد" "Samir" "Mora Dahl" "Dora Quill"
    # (Rosa is refused for رضا: one skeleton, R-Z-a)
    each_accepted "رضا احمدی" "Mila Hart" "Hamid R." "Tom Reed"
    each_accepted "كريم ناصر" "Kira Nash" "Marek"
    each_accepted "გიორგი ბერიძე" "George Hill" "Boris"
}
