# Territories.
nav-territories = Teritorijas
territories-title = Teritorijas
territories-intro = Latvijas valstspilsētas un novadi kopš 2021. gada administratīvi teritoriālās reformas, pilsētas un bijušie novadi, kā arī partneru vietas ārvalstīs. Meklējiet pēc nosaukuma un uzziniet, kurai pašvaldībai vieta piederēja konkrētā datumā.
territories-search = Vietas nosaukums
territories-search-hint = Garumzīmes un mīkstinājuma zīmes nav obligātas: „Vilaka” atradīs „Viļaka”.
territories-on = Datums
territories-date-invalid = Izvēlieties datumu kalendārā vai ierakstiet to, piemēram, 2026-12-10.
territories-find = Meklēt
territories-units-on = Pašvaldības { $date }
territories-results-for = Meklēšanas rezultāti: „{ $query }”
territories-none = Nekas netika atrasts.
territories-name = Nosaukums
territories-kind = Veids
territories-unit = Pašvaldība šajā datumā
territories-region = Plānošanas reģions
territories-code = ISO kods
territories-until = līdz { $date }
territory-kind-state-city = Valstspilsēta
territory-kind-municipality = Novads
territory-kind-town = Pilsēta
territory-kind-former-municipality = Bijušais novads (līdz 2021)
territory-kind-foreign = Vieta ārvalstīs
region-riga = Rīgas plānošanas reģions
region-vidzeme = Vidzemes plānošanas reģions
region-kurzeme = Kurzemes plānošanas reģions
region-zemgale = Zemgales plānošanas reģions
region-latgale = Latgales plānošanas reģions
count-units = { $count ->
    [0] nav pašvaldību
    [one] { $count } pašvaldība
    [zero] { $count } pašvaldības
   *[other] { $count } pašvaldības
}
