#!/usr/bin/env bats
# The pseudonym attempts of session 53's black-box attack (docs/outside/
# report-adv53.md), end to end on the real binary: the attempts refused
# today stay refused; those accepted wrongly (translations, Arabic chat
# spellings, initials spelled out, a surname swapped) are open (skipped)
# until the pseudonym check reads them.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names
load faults

@test "pseudonym-adv53: own forms and translations refused in the attack stay refused" {
    each_refused "김종수|Kim Jong-su" "Zhongxiu"
    each_refused "Батбаярын Алтангэрэл|Altangerel" "Golden Light" "Gold Light"
    each_refused "Бат-Эрдэнэ|Bat-Erdene" "Firm Jewel"
    each_refused "Khalid Ahmad Al-Mutairi|خالد أحمد المطيري" "Abu Khalid"
}

@test "pseudonym-adv53: refused since session 53 (pseud53: Arabic roots, chat digits and name meanings)" {
    each_refused "Khalid Ahmad Al-Mutairi|خالد أحمد المطيري" "5aled" "Eternal" "Immortal" "Khulud" "Mr Otairi"
    each_refused "Nurul Aini binti Hassan" "Light of Eyes"
}

@test "pseudonym-adv53: accepted in the attack: translations, Arabizi, initials spelled out (adv53: open)" {
    skip "open: accepted today (docs/outside/report-adv53.md P-1..P-27; 21 of the 27)"
    each_refused "Khalid Ahmad Al-Mutairi|خالد أحمد المطيري" "Forever" "Lid Kha"
    each_refused "Nurul Aini binti Hassan" "Nour" "Cahaya"
    each_refused "김종수|Kim Jong-su" "JS Lee" "J-S" "Jay Ess" "Kay Jay" "Kei Jei" "Usgnoj" "Golden Bell" "Gold Bell" "Mr Bell"
    each_refused "Батбаярын Алтангэрэл|Altangerel" "Goldlight" "Zolotoy Svet" "Jinguang" "Altyn" "Goldie Ray" "Golden Gerry" "Bat Light" "Lereg"
}

@test "pseudonym-adv53: unrelated pseudonyms are accepted" {
    each_accepted "Khalid Ahmad Al-Mutairi" "Peter Hall"
    each_accepted "Nurul Aini binti Hassan" "Mira Stone"
}

@test "pseudonym-adv53b: accepted in the retry on the merge: Gulf pet forms, a translation, an initial and tail (adv53b: open)" {
    skip "open: accepted today (docs/outside/report-adv53b.md, kind 4)"
    each_refused "Abdulrahman Al-Otaibi|عبد الرحمن العتيبي" "Dahoom Clark" "Rahoomi Clark"
    each_refused "Saad Al-Rashidi|سعد الرشيدي" "Rightly Guided"
    each_refused "최성철|Choe Song-chol" "Cchol Park"
}
