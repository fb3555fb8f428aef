# Territories.
nav-territories = Territories
territories-title = Territories
territories-intro = Latvia's state cities and municipalities since the 2021 administrative reform, towns and former municipalities, and partners' places abroad. Search by name and find out which municipality a place belonged to on a given date.
territories-search = Place name
territories-search-hint = Diacritics are optional: “Vilaka” finds “Viļaka”.
territories-on = Date
territories-date-invalid = Pick the date in the calendar or type it, for example 2026-12-10.
territories-find = Search
territories-units-on = Municipalities on { $date }
territories-results-for = Search results for “{ $query }”
territories-none = Nothing found.
territories-name = Name
territories-kind = Kind
territories-unit = Municipality on that date
territories-region = Planning region
territories-code = ISO code
territories-until = until { $date }
territory-kind-state-city = State city
territory-kind-municipality = Municipality
territory-kind-town = Town
territory-kind-former-municipality = Former municipality (until 2021)
territory-kind-foreign = Place abroad
region-riga = Riga Planning Region
region-vidzeme = Vidzeme Planning Region
region-kurzeme = Kurzeme Planning Region
region-zemgale = Zemgale Planning Region
region-latgale = Latgale Planning Region
count-units = { $count ->
    [0] no municipalities
    [one] { $count } municipality
   *[other] { $count } municipalities
}
