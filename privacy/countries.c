/* The names of countries (countries.h).  Generated once from Debian's
 * iso-codes 4.15 (/usr/share/iso-codes/json/iso_3166-1.json: the fields
 * name, common_name and official_name, lower case, the part before a
 * comma or a bracket: "korea" of "Korea, Republic of"), ASCII names only,
 * with short English names added by hand (north korea, russia, usa, uk,
 * burma, ...); brief s28 place28, report-adv27a O-4. */
#include <string.h>

#include "privacy/countries.h"
#include "util/text.h"

/* strcmp order (text_sorted_find). */
static const char *const countries[] = {
    "afghanistan", "albania", "algeria", "america", "american samoa", "andorra", "angola",
    "anguilla", "antarctica", "antigua and barbuda", "arab republic of egypt", "argentina",
    "argentine republic", "armenia", "aruba", "australia", "austria", "azerbaijan", "bahamas",
    "bahrain", "bangladesh", "barbados", "belarus", "belgium", "belize", "benin", "bermuda",
    "bhutan", "bolivarian republic of venezuela", "bolivia", "bonaire",
    "bosnia and herzegovina", "botswana", "bouvet island", "brazil", "britain",
    "british indian ocean territory", "british virgin islands", "brunei darussalam", "bulgaria",
    "burkina faso", "burma", "burundi", "cabo verde", "cambodia", "cameroon", "canada",
    "cayman islands", "central african republic", "chad", "chile", "china", "christmas island",
    "cocos", "colombia", "commonwealth of dominica", "commonwealth of the bahamas",
    "commonwealth of the northern mariana islands", "comoros", "congo", "cook islands",
    "costa rica", "croatia", "cuba", "cyprus", "czech republic", "czechia",
    "democratic people's republic of korea", "democratic republic of sao tome and principe",
    "democratic republic of timor-leste", "democratic socialist republic of sri lanka",
    "denmark", "djibouti", "dominica", "dominican republic", "east timor",
    "eastern republic of uruguay", "ecuador", "egypt", "el salvador", "england",
    "equatorial guinea", "eritrea", "estonia", "eswatini", "ethiopia", "falkland islands",
    "faroe islands", "federal democratic republic of ethiopia",
    "federal democratic republic of nepal", "federal republic of germany",
    "federal republic of nigeria", "federal republic of somalia",
    "federated states of micronesia", "federative republic of brazil", "fiji", "finland",
    "france", "french guiana", "french polynesia", "french republic",
    "french southern territories", "gabon", "gabonese republic", "gambia", "georgia", "germany",
    "ghana", "gibraltar", "grand duchy of luxembourg", "great britain", "greece", "greenland",
    "grenada", "guadeloupe", "guam", "guatemala", "guernsey", "guinea", "guinea-bissau",
    "guyana", "haiti", "hashemite kingdom of jordan", "heard island and mcdonald islands",
    "hellenic republic", "holy see", "honduras", "hong kong",
    "hong kong special administrative region of china", "hungary", "iceland",
    "independent state of papua new guinea", "independent state of samoa", "india", "indonesia",
    "iran", "iraq", "ireland", "islamic republic of afghanistan", "islamic republic of iran",
    "islamic republic of mauritania", "islamic republic of pakistan", "isle of man", "israel",
    "italian republic", "italy", "ivory coast", "jamaica", "japan", "jersey", "jordan",
    "kazakhstan", "kenya", "kingdom of bahrain", "kingdom of belgium", "kingdom of bhutan",
    "kingdom of cambodia", "kingdom of denmark", "kingdom of eswatini", "kingdom of lesotho",
    "kingdom of morocco", "kingdom of norway", "kingdom of saudi arabia", "kingdom of spain",
    "kingdom of sweden", "kingdom of thailand", "kingdom of the netherlands",
    "kingdom of tonga", "kiribati", "korea", "kosovo", "kuwait", "kyrgyz republic",
    "kyrgyzstan", "lao people's democratic republic", "laos", "latvia", "lebanese republic",
    "lebanon", "lesotho", "liberia", "libya", "liechtenstein", "lithuania", "luxembourg",
    "macao", "macao special administrative region of china", "macedonia", "madagascar",
    "malawi", "malaysia", "maldives", "mali", "malta", "marshall islands", "martinique",
    "mauritania", "mauritius", "mayotte", "mexico", "micronesia", "moldova", "monaco",
    "mongolia", "montenegro", "montserrat", "morocco", "mozambique", "myanmar", "namibia",
    "nauru", "nepal", "netherlands", "new caledonia", "new zealand", "nicaragua", "niger",
    "nigeria", "niue", "norfolk island", "north korea", "north macedonia",
    "northern mariana islands", "norway", "oman", "pakistan", "palau", "palestine", "panama",
    "papua new guinea", "paraguay", "people's democratic republic of algeria",
    "people's republic of bangladesh", "people's republic of china", "peru", "philippines",
    "pitcairn", "plurinational state of bolivia", "poland", "portugal", "portuguese republic",
    "principality of andorra", "principality of liechtenstein", "principality of monaco",
    "puerto rico", "qatar", "republic of albania", "republic of angola", "republic of armenia",
    "republic of austria", "republic of azerbaijan", "republic of belarus", "republic of benin",
    "republic of bosnia and herzegovina", "republic of botswana", "republic of bulgaria",
    "republic of burundi", "republic of cabo verde", "republic of cameroon", "republic of chad",
    "republic of chile", "republic of colombia", "republic of costa rica",
    "republic of croatia", "republic of cuba", "republic of cyprus", "republic of djibouti",
    "republic of ecuador", "republic of el salvador", "republic of equatorial guinea",
    "republic of estonia", "republic of fiji", "republic of finland", "republic of ghana",
    "republic of guatemala", "republic of guinea", "republic of guinea-bissau",
    "republic of guyana", "republic of haiti", "republic of honduras", "republic of iceland",
    "republic of india", "republic of indonesia", "republic of iraq", "republic of kazakhstan",
    "republic of kenya", "republic of kiribati", "republic of latvia", "republic of liberia",
    "republic of lithuania", "republic of madagascar", "republic of malawi",
    "republic of maldives", "republic of mali", "republic of malta", "republic of mauritius",
    "republic of moldova", "republic of mozambique", "republic of myanmar",
    "republic of namibia", "republic of nauru", "republic of nicaragua",
    "republic of north macedonia", "republic of palau", "republic of panama",
    "republic of paraguay", "republic of peru", "republic of poland", "republic of san marino",
    "republic of senegal", "republic of serbia", "republic of seychelles",
    "republic of sierra leone", "republic of singapore", "republic of slovenia",
    "republic of south africa", "republic of south sudan", "republic of suriname",
    "republic of tajikistan", "republic of the congo", "republic of the gambia",
    "republic of the marshall islands", "republic of the niger", "republic of the philippines",
    "republic of the sudan", "republic of trinidad and tobago", "republic of tunisia",
    "republic of uganda", "republic of uzbekistan", "republic of vanuatu", "republic of yemen",
    "republic of zambia", "republic of zimbabwe", "romania", "russia", "russian federation",
    "rwanda", "rwandese republic", "saint helena", "saint kitts and nevis", "saint lucia",
    "saint martin", "saint pierre and miquelon", "saint vincent and the grenadines", "samoa",
    "san marino", "sao tome and principe", "saudi arabia", "scotland", "senegal", "serbia",
    "seychelles", "sierra leone", "singapore", "sint maarten", "slovak republic", "slovakia",
    "slovenia", "socialist republic of viet nam", "solomon islands", "somalia", "south africa",
    "south georgia and the south sandwich islands", "south korea", "south sudan", "spain",
    "sri lanka", "state of israel", "state of kuwait", "state of qatar", "sudan",
    "sultanate of oman", "suriname", "svalbard and jan mayen", "swaziland", "sweden",
    "swiss confederation", "switzerland", "syria", "syrian arab republic", "taiwan",
    "tajikistan", "tanzania", "thailand", "the state of eritrea", "the state of palestine",
    "timor-leste", "togo", "togolese republic", "tokelau", "tonga", "trinidad and tobago",
    "tunisia", "turkey", "turkmenistan", "turks and caicos islands", "tuvalu", "uae", "uganda",
    "uk", "ukraine", "union of the comoros", "united arab emirates", "united kingdom",
    "united kingdom of great britain and northern ireland", "united mexican states",
    "united republic of tanzania", "united states", "united states minor outlying islands",
    "united states of america", "uruguay", "usa", "uzbekistan", "vanuatu", "vatican",
    "venezuela", "viet nam", "vietnam", "virgin islands", "virgin islands of the united states",
    "wales", "wallis and futuna", "western sahara", "yemen", "zambia", "zimbabwe",
};

int country_name(const char *w, size_t n)
{
    char low[64];

    if (n == 0 || n >= sizeof low)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= 0x80)
            return 0;
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return text_sorted_find(countries, sizeof countries / sizeof countries[0], low, n) >= 0;
}
