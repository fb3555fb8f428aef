//! An event's agenda: ordered items with optional times, a title in Latvian (and English),
//! and speakers — people from the registry and/or free text. Every change is audited.

use domain::audit::AuditAction;
use sqlx::SqliteConnection;

use crate::audit::{self, Event as AuditEvent};
use crate::{Actor, Db, Error};

/// One agenda item, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: i64,
    pub position: i64,
    /// Local `HH:MM`.
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    pub title_lv: String,
    pub title_en: Option<String>,
    pub speakers_text: Option<String>,
    /// Registry speakers: id, name, and whether their name may appear publicly (a standing
    /// public-directory consent that includes the name).
    pub speakers: Vec<Speaker>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub person_id: i64,
    pub name: String,
    pub public: bool,
}

impl Item {
    /// The speakers as one line: registry names (only those who may be named publicly, when
    /// `public`), then the free text.
    pub fn speakers_line(&self, public: bool) -> String {
        let mut parts: Vec<&str> = self
            .speakers
            .iter()
            .filter(|s| !public || s.public)
            .map(|s| s.name.as_str())
            .collect();
        if let Some(t) = &self.speakers_text {
            parts.push(t);
        }
        parts.join(", ")
    }

    pub fn title(&self, lang: &str) -> &str {
        match (&self.title_en, lang) {
            (Some(en), "en") => en,
            _ => &self.title_lv,
        }
    }
}

/// What a coordinator enters for an item.
#[derive(Debug, Clone, Default)]
pub struct ItemInput {
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    pub title_lv: String,
    pub title_en: Option<String>,
    pub speakers_text: Option<String>,
    pub speaker_ids: Vec<i64>,
}

/// id, position, starts_at, ends_at, title_lv, title_en, speakers_text.
type ItemRow = (
    i64,
    i64,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
);

/// The agenda of an event, in order.
pub async fn items(db: &Db, event_id: i64) -> crate::Result<Vec<Item>> {
    let rows: Vec<ItemRow> = sqlx::query_as(
        "SELECT id, position, starts_at, ends_at, title_lv, title_en, speakers_text
         FROM event_agenda_items WHERE event_id = $1 ORDER BY position, id",
    )
    .bind(event_id)
    .fetch_all(&db.reader)
    .await?;
    let speakers: Vec<(i64, i64, String, Option<String>)> = sqlx::query_as(
        "SELECT s.item_id, p.id, p.name,
                (SELECT l.fields FROM directory_listings l
                 WHERE l.subject_kind = 'person' AND l.subject_id = p.id AND l.withdrawn_at IS NULL
                 ORDER BY l.id DESC LIMIT 1)
         FROM event_agenda_speakers s
         JOIN event_agenda_items i ON i.id = s.item_id
         JOIN people p ON p.id = s.person_id
         WHERE i.event_id = $1 AND p.merged_into_id IS NULL AND p.restricted_at IS NULL
         ORDER BY s.item_id, s.id",
    )
    .bind(event_id)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, position, starts_at, ends_at, title_lv, title_en, speakers_text)| {
                let mut list: Vec<Speaker> = Vec::new();
                for (item, person_id, name, fields) in &speakers {
                    if *item == id && !list.iter().any(|s| s.person_id == *person_id) {
                        list.push(Speaker {
                            person_id: *person_id,
                            name: name.clone(),
                            public: fields
                                .as_deref()
                                .is_some_and(|f| f.split(',').any(|x| x == "name")),
                        });
                    }
                }
                Item {
                    id,
                    position,
                    starts_at,
                    ends_at,
                    title_lv,
                    title_en,
                    speakers_text,
                    speakers: list,
                }
            },
        )
        .collect())
}

/// The registry's people, for choosing speakers: (id, name), in Latvian order.
pub async fn speaker_choices(db: &Db) -> crate::Result<Vec<(i64, String)>> {
    Ok(sqlx::query_as(
        "SELECT id, name FROM people WHERE merged_into_id IS NULL AND restricted_at IS NULL
         ORDER BY sort_key, id",
    )
    .fetch_all(&db.reader)
    .await?)
}

async fn write_speakers(conn: &mut SqliteConnection, item: i64, ids: &[i64]) -> crate::Result<()> {
    sqlx::query("DELETE FROM event_agenda_speakers WHERE item_id = $1")
        .bind(item)
        .execute(&mut *conn)
        .await?;
    for p in ids {
        let live: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM people
                 WHERE id = $1 AND merged_into_id IS NULL AND restricted_at IS NULL",
        )
        .bind(p)
        .fetch_optional(&mut *conn)
        .await?;
        live.ok_or(Error::Conflict(crate::EventConflict::Speaker.into()))?;
        sqlx::query("INSERT INTO event_agenda_speakers (item_id, person_id) VALUES ($1, $2)")
            .bind(item)
            .bind(p)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

async fn touch_event(conn: &mut SqliteConnection, now: i64, event_id: i64) -> crate::Result<()> {
    let n = sqlx::query("UPDATE events SET updated_at = $1, sequence = sequence + 1 WHERE id = $2")
        .bind(now)
        .bind(event_id)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    if n == 0 {
        return Err(Error::NotFound);
    }
    Ok(())
}

/// Adds an item at the end of the agenda.
pub async fn add(
    db: &Db,
    now: i64,
    actor: &Actor,
    event_id: i64,
    i: &ItemInput,
) -> crate::Result<i64> {
    let mut tx = db.write().await?;
    touch_event(&mut tx, now, event_id).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO event_agenda_items (event_id, position, starts_at, ends_at, title_lv, title_en,
             speakers_text, created_at, updated_at)
         VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM event_agenda_items WHERE event_id = $1),
                 $2, $3, $4, $5, $6, $7, $7)
         RETURNING id",
    )
    .bind(event_id)
    .bind(i.starts_at.as_deref())
    .bind(i.ends_at.as_deref())
    .bind(&i.title_lv)
    .bind(i.title_en.as_deref())
    .bind(i.speakers_text.as_deref())
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    write_speakers(&mut tx, id, &i.speaker_ids).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::AgendaItemAdded)
            .on("event", event_id)
            .detail(format!("item={id}")),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Checks that `item` belongs to `event_id` (object-level check).
async fn owned(conn: &mut SqliteConnection, event_id: i64, item: i64) -> crate::Result<i64> {
    let pos: Option<i64> = sqlx::query_scalar(
        "SELECT position FROM event_agenda_items WHERE id = $1 AND event_id = $2",
    )
    .bind(item)
    .bind(event_id)
    .fetch_optional(&mut *conn)
    .await?;
    pos.ok_or(Error::NotFound)
}

/// Changes an item if it is still at `expected` (`crate::versions`; `None`: unchecked):
/// refused as stale when someone saved it since the form was loaded.
pub async fn update(
    db: &Db,
    now: i64,
    actor: &Actor,
    event_id: i64,
    item: i64,
    i: &ItemInput,
    expected: Option<i64>,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    owned(&mut tx, event_id, item).await?;
    crate::versions::claim(&mut tx, "event_agenda_items", item, expected).await?;
    sqlx::query(
        "UPDATE event_agenda_items SET starts_at = $1, ends_at = $2, title_lv = $3, title_en = $4,
             speakers_text = $5, updated_at = $6 WHERE id = $7",
    )
    .bind(i.starts_at.as_deref())
    .bind(i.ends_at.as_deref())
    .bind(&i.title_lv)
    .bind(i.title_en.as_deref())
    .bind(i.speakers_text.as_deref())
    .bind(now)
    .bind(item)
    .execute(&mut *tx)
    .await?;
    write_speakers(&mut tx, item, &i.speaker_ids).await?;
    touch_event(&mut tx, now, event_id).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::AgendaItemUpdated)
            .on("event", event_id)
            .detail(format!("item={item}")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn remove(
    db: &Db,
    now: i64,
    actor: &Actor,
    event_id: i64,
    item: i64,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    owned(&mut tx, event_id, item).await?;
    // Its documents stay with the event.
    sqlx::query("UPDATE event_documents SET agenda_item_id = NULL WHERE agenda_item_id = $1")
        .bind(item)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM event_agenda_speakers WHERE item_id = $1")
        .bind(item)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM event_agenda_items WHERE id = $1")
        .bind(item)
        .execute(&mut *tx)
        .await?;
    touch_event(&mut tx, now, event_id).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::AgendaItemRemoved)
            .on("event", event_id)
            .detail(format!("item={item}")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Swaps an item with its neighbour above (`up`) or below; at either end nothing moves.
pub async fn move_item(
    db: &Db,
    now: i64,
    actor: &Actor,
    event_id: i64,
    item: i64,
    up: bool,
) -> crate::Result<()> {
    let mut tx = db.write().await?;
    let pos = owned(&mut tx, event_id, item).await?;
    let neighbour: Option<(i64, i64)> = if up {
        sqlx::query_as(
            "SELECT id, position FROM event_agenda_items WHERE event_id = $1 AND position < $2
             ORDER BY position DESC LIMIT 1",
        )
    } else {
        sqlx::query_as(
            "SELECT id, position FROM event_agenda_items WHERE event_id = $1 AND position > $2
             ORDER BY position LIMIT 1",
        )
    }
    .bind(event_id)
    .bind(pos)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((other, other_pos)) = neighbour else {
        return Ok(());
    };
    for (id, p) in [(item, other_pos), (other, pos)] {
        sqlx::query("UPDATE event_agenda_items SET position = $1 WHERE id = $2")
            .bind(p)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    touch_event(&mut tx, now, event_id).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        &AuditEvent::new(AuditAction::AgendaItemMoved)
            .on("event", event_id)
            .detail(format!("item={item} {}", if up { "up" } else { "down" })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
