#!/usr/bin/env bats
# Positions, home addresses and dates of birth of report-adv17a (D-9, D-35,
# D-37, D-10, D-24; brief s18 loc18), end to end on the real binary: redact
# exits 0 with each replaced whole, export writes, the audit at headquarters
# passes --strict (the same position written twice is one placeholder);
# ordinary dates of events and street names stay. The full
# set of cases: tests/data/leaks/loc18.jsonl (test_leaks_detect). Cities and
# districts are left out here: the hq second opinion WARNs Москва and the
# Mongolian districts as places or names (report-adv17a D-17), not this kind.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

SARA="--name 'Sara Pell' --locale en --pseudonym Yuna"

# strict_pass STRING...: as exports_clean, and the audit passes --strict --k 1 (exit 0).
strict_pass() {
    exports_clean "$@"
    strict_audit_passes
}

@test "leaks-loc18: positions in GPS units' and other languages' writings are one [GPS-n] each (D-9, D-35)" {
    redacts_to "$SARA" \
        'A 47 55.2N 106 55.05E. B 47-55.2N 106-55.05E. C 4755.20N 10655.05E (NMEA). D 北纬47度55分12秒，东经106度55分03秒. E 47 градусов 55 минут северной широты, 106 градусов 55 минут восточной долготы. F UTM 48T 0512345 5307654. G 48T 512345E 5307654N. H zone 48T, 512345 m E, 5307654 m N. I 47,92 N / 106,92 E. J 47.9200 x 106.9175. K $GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47' \
        'A [GPS-1]. B [GPS-1]. C [GPS-2] (NMEA). D 北纬[GPS-3]. E [GPS-4]. F UTM [GPS-5]. G [GPS-6]. H zone [GPS-7]. I [GPS-8]. J [GPS-9]. K $GPGGA,123519,[GPS-10],1,08,0.9,545.4,M,46.9,M,,*47'
    strict_pass 55.2N 4755.20 47度55分 градусов 0512345 512345 47,92 47.9200 4807.038
}

@test "leaks-loc18: home addresses lose their street, building and flat numbers as one [ADDRESS-n] (D-37)" {
    redacts_to "$SARA" \
        'A 그는 서울시 강남구 테헤란로 123, 4층 401호에 산다. B Тэр 13-р хороо, 45-р байр, 12 тоотод амьдардаг. C He lives at 221B Baker Street, London. D Он живёт по адресу: ул. Тверская, д. 7, кв. 15. E 他住在北京市朝阳区建国路88号3号楼1201室。 F 우리 아파트 101동 1203호로 와. G Blk 5 #03-12, Lorong 3 Toa Payoh.' \
        'A 그는 서울시 강남구 [ADDRESS-1]에 산다. B Тэр [ADDRESS-2] амьдардаг. C He lives at [ADDRESS-3], London. D Он живёт по адресу: [ADDRESS-4]. E 他住在北京市朝阳区[ADDRESS-5]。 F 우리 아파트 [ADDRESS-6]로 와. G [ADDRESS-7] Toa Payoh.'
    strict_pass 테헤란로 401호 45-р 221B Тверская 1201室 1203호 03-12
}

@test "leaks-loc18: dates of birth are replaced whole: week dates, 14/3, 3/14/'75, native and lunar days, an age turned (D-10, D-24)" {
    redacts_to "$SARA" \
        "A Тэр гуравдугаар сарын арван дөрөвний өдөр төрсөн. B Date of birth: 1984W113. C Her birthday falls on 14/3. D 생일: 삼월 열나흘. E He turned forty on 14 March 2024. F born 3/14/'75. G Тэр 1975 оны Цагаан сарын шинийн нэгэнд төрсөн. H born week 11 of 1984, on a Wednesday." \
        'A Тэр [DATE-1] өдөр төрсөн. B Date of birth: [DATE-2]. C Her birthday falls on [DATE-3]. D 생일: [DATE-4]. E He turned forty on [DATE-5]. F born [DATE-6]. G Тэр [DATE-7] төрсөн. H born [DATE-8].'
    strict_pass дөрөвний 1984W113 14/3 열나흘 "14 March" 3/14 нэгэнд "week 11"
}

@test "leaks-loc18: dates of events, street names, sizes and places in news stay, with no review flag" {
    local p id
    p=$(eval "st field subject add $SARA")
    st field consent "$p" --export yes --method verbal 2>/dev/null
    id=$(record "$p" 'On 14 March 2023 the factory on Baker Street closed; we turned left on 3 May 2022. The box is 2.50 x 1.20 m. Тэр 2-р байр эзэлсэн. 지하철 2호선을 타고 서울시 강남구에 갔다. 3月3号我们去了北京路。')
    run --separate-stderr st field redact "$id" --report
    expect_status 0
    [[ "$output" != *"flag"* ]] || { printf '%s\n' "$output" >&2; false; }
    [[ "$output" != *"[DATE-"* && "$output" != *"[ADDRESS-"* && "$output" != *"[GPS-"* ]] ||
        { printf '%s\n' "$output" >&2; false; }
}
