"""Countries and their capitals, as English readouts name them.

A readout lets a place speak for its government ("Kyiv said", "Moscow stressed",
"Britain noted"); the name finder (``app.text.people_names``) reads a capitalised word
before a speech verb as a person, and these names say when it is a place instead. Only
that weak evidence gives way to them: a name after a title stays a name ("Minister Sofia
Reyes", "President Jordan").
"""

from __future__ import annotations


def _names(listed: str) -> frozenset[str]:
    """The names of a list parted by "|", each as written whatever the line breaks."""
    return frozenset(" ".join(name.split()) for name in listed.split("|"))


#: Sovereign states (UN members and observers, and a few others readouts speak of), with
#: the short and older forms in use.
COUNTRIES = _names(
    """Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|
    Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|
    Benin|Bhutan|Bolivia|Bosnia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|
    Burkina Faso|Burundi|Cabo Verde|Cape Verde|Cambodia|Cameroon|Canada|
    Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|
    Côte d’Ivoire|Côte d'Ivoire|Ivory Coast|Croatia|Cuba|Cyprus|Czechia|Czech Republic|
    Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|
    Equatorial Guinea|Eritrea|Estonia|Eswatini|Swaziland|Ethiopia|Fiji|Finland|France|Gabon|
    Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|
    Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|
    Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|
    Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|
    Mali|Malta|Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|
    Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nauru|Nepal|Netherlands|
    Holland|New Zealand|Nicaragua|Niger|Nigeria|North Korea|South Korea|Korea|
    North Macedonia|Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|
    Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|
    Saint Kitts and Nevis|Saint Lucia|Saint Vincent and the Grenadines|Samoa|San Marino|
    São Tomé and Príncipe|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|
    Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Sudan|Spain|Sri Lanka|
    Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|
    Timor-Leste|East Timor|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|Türkiye|
    Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|Britain|
    Great Britain|England|Scotland|Wales|United States|USA|America|Uruguay|Uzbekistan|
    Vanuatu|Vatican|Holy See|Venezuela|Vietnam|Viet Nam|Yemen|Zambia|Zimbabwe"""
)

#: Their capitals (and seats of government where these differ), with the spellings in use.
CAPITALS = _names(
    """Kabul|Tirana|Algiers|Andorra la Vella|Luanda|Buenos Aires|Yerevan|Canberra|Vienna|
    Baku|Nassau|Manama|Dhaka|Bridgetown|Minsk|Brussels|Belmopan|Porto-Novo|Thimphu|La Paz|
    Sucre|Sarajevo|Gaborone|Brasília|Brasilia|Bandar Seri Begawan|Sofia|Ouagadougou|Gitega|
    Bujumbura|Praia|Phnom Penh|Yaoundé|Yaounde|Ottawa|Bangui|N'Djamena|N’Djamena|Santiago|
    Beijing|Bogotá|Bogota|Moroni|Kinshasa|Brazzaville|San José|San Jose|Yamoussoukro|
    Zagreb|Havana|Nicosia|Prague|Copenhagen|Roseau|Santo Domingo|Quito|Cairo|San Salvador|
    Malabo|Asmara|Tallinn|Mbabane|Addis Ababa|Suva|Helsinki|Paris|Libreville|Banjul|Tbilisi|
    Berlin|Accra|Athens|Guatemala City|Conakry|Bissau|Georgetown|Port-au-Prince|Tegucigalpa|
    Budapest|Reykjavík|Reykjavik|New Delhi|Delhi|Jakarta|Tehran|Baghdad|Dublin|Jerusalem|
    Rome|Kingston|Tokyo|Amman|Astana|Nur-Sultan|Nairobi|Tarawa|Pristina|Kuwait City|Bishkek|
    Vientiane|Riga|Beirut|Maseru|Monrovia|Tripoli|Vaduz|Vilnius|Antananarivo|Lilongwe|
    Kuala Lumpur|Putrajaya|Malé|Bamako|Valletta|Majuro|Nouakchott|Port Louis|Mexico City|
    Palikir|Chișinău|Chisinau|Ulaanbaatar|Ulan Bator|Podgorica|Rabat|Maputo|Naypyidaw|
    Nay Pyi Taw|Windhoek|Kathmandu|Amsterdam|The Hague|Wellington|Managua|Niamey|Abuja|
    Pyongyang|Skopje|Oslo|Muscat|Islamabad|Ngerulmud|Ramallah|Panama City|Port Moresby|
    Asunción|Asuncion|Lima|Manila|Warsaw|Lisbon|Doha|Bucharest|Moscow|Kigali|Basseterre|
    Castries|Kingstown|Apia|São Tomé|Riyadh|Dakar|Belgrade|Victoria|Freetown|Bratislava|
    Ljubljana|Honiara|Mogadishu|Pretoria|Cape Town|Seoul|Juba|Madrid|Colombo|Khartoum|
    Paramaribo|Stockholm|Bern|Damascus|Taipei|Dushanbe|Dodoma|Bangkok|Dili|Lomé|Lome|
    Nuku'alofa|Port of Spain|Tunis|Ankara|Ashgabat|Funafuti|Kampala|Kyiv|Kiev|Abu Dhabi|
    London|Washington|Montevideo|Tashkent|Port Vila|Vatican City|Caracas|Hanoi|Sanaa|
    Sana'a|Lusaka|Harare"""
)

PLACES = COUNTRIES | CAPITALS
#: the most words a name of ``PLACES`` has ("Saint Vincent and the Grenadines")
MAX_PLACE_WORDS = max(len(p.split()) for p in PLACES)

#: One place under two names (old and new, Russian and Ukrainian spellings, English and
#: local), each to the name we compare it by: "in Kiev" and "in Kyiv" are one place.
_ALSO_CALLED = {
    "Kiev": "Kyiv", "Kharkov": "Kharkiv", "Odessa": "Odesa", "Lvov": "Lviv",
    "Nikolaev": "Mykolaiv", "Nikolayev": "Mykolaiv", "Zaporozhye": "Zaporizhzhia",
    "Lugansk": "Luhansk", "Dnepr": "Dnipro", "Dnipropetrovsk": "Dnipro", "Artemovsk": "Bakhmut",
    "Türkiye": "Turkey", "Burma": "Myanmar", "Holland": "Netherlands", "Swaziland": "Eswatini",
    "Ivory Coast": "Côte d'Ivoire", "Côte d’Ivoire": "Côte d'Ivoire", "Czech Republic": "Czechia",
    "Macedonia": "North Macedonia", "Cape Verde": "Cabo Verde", "East Timor": "Timor-Leste",
    "Viet Nam": "Vietnam", "Holy See": "Vatican", "Vatican City": "Vatican", "Peking": "Beijing",
    "Bombay": "Mumbai", "Calcutta": "Kolkata", "Madras": "Chennai", "Belorussia": "Belarus",
    "Byelorussia": "Belarus", "Moldavia": "Moldova", "Kirghizia": "Kyrgyzstan",
    "Nur-Sultan": "Astana", "Ulan Bator": "Ulaanbaatar", "Nay Pyi Taw": "Naypyidaw",
    "Sana'a": "Sanaa", "Brasília": "Brasilia", "Bogotá": "Bogota", "Reykjavík": "Reykjavik",
    "Chișinău": "Chisinau", "Kishinev": "Chisinau", "Asunción": "Asuncion", "Yaoundé": "Yaounde",
    "San José": "San Jose", "Lomé": "Lome", "N’Djamena": "N'Djamena",
}  # fmt: skip


def place_key(name: str) -> str:
    """The name a place is compared by (``_ALSO_CALLED``), else the name itself."""
    return _ALSO_CALLED.get(name, name)
