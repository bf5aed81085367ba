#!/usr/bin/env bats
# Brief s25 num25 (report-adv24 A-1, A-2, A-2b, A-3, A-8..A-11, A-20;
# issue 12), end to end on the real binary, one test per kind: digit
# groups split by any punctuation of any script (by Unicode class:
# quotes, brackets, list marks, ellipses), groups split inside or with a
# phone's tail after a word, a date of birth split by words and marks, a
# plate's or an IBAN's letters with their groups, and a registered number
# split by such marks.  The full set of cases, with neighbours and
# negatives: tests/data/leaks/num25.jsonl (test_leaks_names) and
# num25-detect.jsonl (test_leaks_detect).

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "leaks-num25: a phone's groups split by any quote, bracket, list mark, dash or ellipsis are a phone (A-1, A-2, A-2b, A-3, adv25b C-2)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        'Phone «010» «5521» «7788». Phone 「010」「5521」「7788」. Phone 010、5521、7788. Phone 010… 5521… 7788. Телефон 8〜912〜345〜67〜89. Chapters «12» «13» were long.' \
        'Phone «[PHONE-1]». Phone 「[PHONE-2]」. Phone [PHONE-2]. Phone [PHONE-3]. Телефон [PHONE-4]. Chapters «12» «13» were long.'
    exports_clean 5521 7788
}

@test "leaks-num25: groups split inside, and a phone's tail after a word, are the phone (A-8, A-9)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        'Утас 99-55, 22-11. Phone 010 5521 and 7788. Телефон 8 (912) 345, 67, 89. Meet me at 10: 30; or 11: 45.' \
        'Утас [PHONE-1]. Phone [PHONE-2]. Телефон [PHONE-3]. Meet me at 10: 30; or 11: 45.'
}

@test "leaks-num25: a date of birth split by a month's name, an ordinal or spaced colons is one date (A-10)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        'We met in 1998, 2000 and 2004. born 15, April, 1989. Born on 1989 : 04 : 15.' \
        'We met in 1998, 2000 and 2004. born [DATE-1]. Born on [DATE-2].'
}

@test "leaks-num25: a plate's, an IBAN's and an SSN's groups split by marks go whole (A-11, A-20, A-1)" {
    redacts_to '--name "Kim Jong-su" --pseudonym Tulga' \
        'Plate ABC, 1234. IBAN DE89, 3704, 0044, 0532, 0130, 00. SSN «123» «45» «6789». It cost 1,234,567 won.' \
        'Plate [ID-1]. IBAN [ID-2]. SSN «[ID-3]». It cost 1,234,567 won.'
    # The IBAN goes whole, but as an ID, not an ACCOUNT: so on 014203a5
    # (session 31's end) unseen, this file being sampled in make check;
    # the category is left for the next session (session 32's note)
}

@test "leaks-num25: a registered number split by quotes or an ellipsis is the number, with its letter (A-1, A-2, A-3, A-20)" {
    redacts_to '--name "Kim Jong-su" --contact "+82 10 9911 2233" --term id:M4829173 --term id:12가3456 --pseudonym Tulga' \
        'Phone «010» «9911» «2233». Passport “M” “482” “9173”. plate 12가 ... 3456. It is M, 482, 9173.' \
        'Phone «[PHONE-1]». Passport “[ID-1]”. plate [ID-2]. It is [ID-1].'
    exports_clean 9911 2233 9173 3456
}
