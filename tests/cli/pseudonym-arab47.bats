#!/usr/bin/env bats
# Brief s47 arab47 (report-adv46 "Pseudonyms": Musavi, Moussavi, Mousavi for
# رضا موسوی; Goga, Гога, Gogi for გიორგი; Khasan, Гасан for حسن; Ahmed for
# يوسف الأحمد; docs/PSEUDONYMS.md, docs/VARIANTS.md "Session 47 (arab47)"),
# end to end on the real binary: a pseudonym word that the redactor takes for
# the person's own name registered only in Arabic, Persian or Georgian script
# (its Latin or Cyrillic spellings and the short forms the lists give) is
# refused with the one message; other names stay free.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names
load faults

@test "pseudonym-arab47: spellings of a Persian name are refused (و as v, ou, ss)" {
    each_refused "رضا موسوی" "Musavi Hill" "Moussavi Hill" "Mousavi" "Мусави Хилл"
}

@test "pseudonym-arab47: the Russian h of ح, Latin kh and Cyrillic х and г, is refused" {
    each_refused "حسن جعفری" "Khasan Bell" "Гасан Белл" "Хасан Белл"
}

@test "pseudonym-arab47: a name word without its article is refused (Ahmed of الأحمد)" {
    each_refused "يوسف الأحمد" "Ahmed Bell" "Ahmad Bell"
}

@test "pseudonym-arab47: a Georgian name's listed short forms are refused" {
    each_refused "გიორგი კაპანაძე" "Goga Bell" "Гога Белл" "Gogi Bell"
}

@test "pseudonym-arab47: other names stay free" {
    each_accepted "رضا موسوی" "Paul Bell" "Mustafa Hill"
    each_accepted "حسن جعفری" "Kira Bell" "Hans Bell"
    each_accepted "يوسف الأحمد" "Amber Bell"
    each_accepted "გიორგი კაპანაძე" "Gogol Bell" "Bell Hill"
}
