#!/usr/bin/env bats
# Brief s43 xini43 (report-adv42 P-3; docs/VARIANTS.md, "Session 43
# (xini43)"), end to end on the real binary: a pseudonym that is the
# subject's own initials written with a digraph (O.Ts. of Olesya Tsoi,
# Yu.G. of Yuri Gagarin, Zh.Sh. of Zhanna Shevchenko) is refused: the
# redactor's own variant list, one rule.  (Дж.С. of John Smith and Юлия,
# Ю.С. of Julia Stone were refused before: the pseudonym's own readings
# meet the name.)  Others stay free.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names
load faults

@test "pseudonym-xini43: the initials of a digraph are refused (P-3)" {
    each_refused "Olesya Tsoi" "O.Ts." "Ts.O."
    each_refused "Олеся Цой" "O.Ts."
    each_refused "Yuri Gagarin" "Yu.G."
    each_refused "Zhanna Shevchenko" "Zh.Sh."
}

@test "pseudonym-xini43: other initials stay free" {
    each_accepted "Olesya Tsoi" "Ch.O." "A.Ts."
    each_accepted "John Smith" "Дж.Б."
    each_accepted "Julia Stone" "Я.С."
}
