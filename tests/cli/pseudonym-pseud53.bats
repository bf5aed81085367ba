#!/usr/bin/env bats
# Session 53 (brief pseud53, report-adv52 P-1..P-19): other forms of the
# kinds fixed, tried by us.  An Arabic name's root in other vowels
# (privacy/pseudonym_root.c), pet forms, translations of Arabic and
# Mongolian name elements (privacy/pseudonym_gloss.c), a Korean given
# name abbreviated to initial + tail (privacy/pseudonym_form.c); and, as
# guards, unrelated pseudonyms that must stay accepted.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names
load faults

@test "pseudonym-pseud53: an Arabic surname's root in other vowels and spellings is refused" {
    each_refused "Khalid Al-Enezi|خالد العنزي" "Anizi" "Alanazi" "Anezi Smith" "Onaiza" "3enzi"
    each_refused "Abdullah Al-Mutairi|عبدالله المطيري" "Mutayri" "Motairy" "Matari" "Mtiri Jones"
    each_refused "Saeed Al-Harbi|سعيد الحربي" "Harby" "Hrbi" "Harib"
    each_refused "Faisal Al-Shammari" "Shamari" "Shmari" "Chammari"
}

@test "pseudonym-pseud53: Arabic pet and short forms by the root are refused" {
    each_refused "Abdullah Al-Mutairi|عبدالله المطيري" "Ubaid" "Abid" "Abdo" "Abdel"
    each_refused "Khalid Al-Enezi|خالد العنزي" "Khaloudi" "Lidu" "Khalda"
    each_refused "Mohammed Al-Rashidi|محمد الرشيدي" "Hamoudi" "Hamed Jones" "Mu7ammad" "Rashoud"
    each_refused "Mahmoud Haddad|محمود حداد" "Hamdi" "Hamada"
}

@test "pseudonym-pseud53: translations of Arabic and Mongolian name elements are refused" {
    each_refused "Abdullah Al-Mutairi|عبدالله المطيري" "Slave of God" "God's Servant" "Rain Servant"
    each_refused "Khalid Al-Enezi|خالد العنزي" "Immortal" "Everlasting Goat"
    each_refused "Abdulaziz Al-Saeed|عبدالعزيز السعيد" "Servant of the Mighty" "Lucky Servant"
    each_refused "Батсүх Энхжаргал|Batsukh Enkhjargal" "Peace Bliss" "Joyful Happiness" "Strong Axe"
    each_refused "Төмөрхуяг|Tumurkhuyag" "Iron Mail" "Armour of Iron"
}

@test "pseudonym-pseud53: a Korean given name as initial + tail is refused" {
    each_refused "한명혁|Han Myong-hyok" "Mhyeok"
    each_refused "김성희|Kim Song-hui" "Shui" "Shui Park"
    each_refused "한명혁|Han Myong-hyok" "Mhyok Lee"
}

@test "pseudonym-pseud53: unrelated pseudonyms stay accepted (guards)" {
    each_accepted "Khalid Al-Enezi" "Peter Hall" "Omar Farouk" "Nadia Brown" "Zaid Karam"
    each_accepted "Abdullah Al-Mutairi" "Tamer Hosny" "Samir Haddad" "Rami Jones" "Happy Joy"
    each_accepted "Батсүх Энхжаргал" "Otgon Saran" "Iron Hero" "Bright Star"
    each_accepted "Төмөрхуяг" "Happy Joy" "Golden Flower"
    each_accepted "한명혁" "Bright" "Mirae" "Sunny Park"
    each_accepted "Daniel Morgan" "Enzi" "Matar" "Dodi" "Lido"
}

@test "pseudonym-pseud53: subject rename refuses what subject add refuses (report-adv53b: rename asked none of the subject's own names)" {
    each_rename_refused "리명혁|Ri Myong-hyok" "Mhyk Lee"
    each_rename_refused "Батбаярын Энхтуяа|Enkhtuyaa" "Ray Of Peace"
    each_rename_refused "Abdulrahman Al-Otaibi|عبد الرحمن العتيبي" "Merciful Servant"
    each_rename_refused "Faisal Al-Harbi" "7arbi Green"
    each_rename_refused "Khalid Al-Enezi" "Enzi Smith"
}

@test "pseudonym-pseud53: subject rename to an unrelated pseudonym works" {
    mkstore r
    st r subject add --name "Khalid Al-Enezi" --pseudonym "Tom Grey" >/dev/null
    run -0 st r subject rename "Tom Grey" "Peter Hall"
    run -0 st r subject list
    [[ "$output" == *"Peter Hall"* ]]
}
