//! The demo's public site: the "about" and "contacts" pages and a few news items — every one
//! says it is invented.

use store::{Actor, Db};

const NEWS: [(&str, &str, &str, &str, bool); 4] = [
    (
        "call",
        "Demo: aicinām romu jauniešus uz darbnīcu Jelgavā (izdomāts)",
        "Izdomāts aicinājums: darbnīca par izglītību un darbu jauniešiem no 16 līdz 29 gadiem.",
        "<p>Šis ir izdomāts demonstrācijas paziņojums. Pieteikšanās — pie pašvaldības romu mediatora.</p>",
        true,
    ),
    (
        "programme",
        "Demo: ESF+ atbalsts ģimenēm ar bērniem (izdomāts)",
        "Izdomāts apraksts par atbalsta programmu, ko var izmantot romu ģimenes.",
        "<p>Izdomāts teksts: kā pieteikties, kas palīdz, kur jautāt.</p><ul><li>Sociālais dienests</li><li>Romu mediators</li></ul>",
        true,
    ),
    (
        "announcement",
        "Demo: ikgadējās koordinācijas sanāksmes kopsavilkums publicēts (izdomāts)",
        "Izdomāts paziņojums par sanāksmes ieteikumiem.",
        "<p>Izdomāts teksts demonstrācijai.</p>",
        true,
    ),
    (
        "event",
        "Demo: melnraksts — labās prakses vizīte (izdomāts)",
        "Šis melnraksts redzams tikai koordinatoriem.",
        "<p>Izdomāts melnraksts.</p>",
        false,
    ),
];

/// Seeds the site's demo pages and news (called once, from the demo seed).
pub async fn seed(db: &Db, now: i64, actor: &Actor) -> store::Result<()> {
    for (i, (kind, title, summary, body, publish)) in NEWS.iter().enumerate() {
        store::news::save(
            db,
            now - (NEWS.len() - i) as i64 * 86_400 * 9,
            actor,
            &store::news::Item {
                kind: crate::coded(kind),
                title_lv: (*title).to_owned(),
                summary_lv: (*summary).to_owned(),
                body_lv: (*body).to_owned(),
                ..store::news::Item::default()
            },
            *publish,
        )
        .await?;
    }
    for (slug, title_lv, title_en, body_lv, body_en) in [
        (
            "about",
            "Par platformu (demo)",
            "About the platform (demo)",
            "<p>Demonstrācijas teksts: Latvijas Romu platforma koordinē romu integrācijas politiku valsts, reģionālā un vietējā līmenī un iesaista romus, īpaši jauniešus un sievietes.</p>",
            "<p>Demo text: the Latvian Roma Platform coordinates the Roma integration policy at national, regional and local level and involves Roma, especially youth and women.</p>",
        ),
        (
            "contacts",
            "Kontakti (demo)",
            "Contacts (demo)",
            "<p>Izdomāta kontaktinformācija: platforma@example.invalid</p>",
            "<p>Invented contact: platforma@example.invalid</p>",
        ),
    ] {
        store::site_pages::save(
            db,
            now,
            actor,
            &store::site_pages::Page {
                slug: slug.to_owned(),
                title_lv: title_lv.to_owned(),
                title_en: Some(title_en.to_owned()),
                body_lv: body_lv.to_owned(),
                body_en: Some(body_en.to_owned()),
                updated_at: now,
            },
        )
        .await?;
    }
    Ok(())
}
