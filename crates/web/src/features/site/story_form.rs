//! The text form of a success story: its fields, their checks as the conversion into a
//! [`Story`] (the territory's existence checked beside them), the form page for a new story
//! or an existing one, and saving it (a published story whose text changes goes back to
//! review). Consent, photo and media are the editorial desk's, in [`super::stories`].

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::auth::Permission;
use serde::Deserialize;
use store::stories::{Status, Story};

use crate::AppState;
use crate::http::choices::{TerritoryGroups, territory_groups};
use crate::http::error::AppResult;
use crate::http::forms::{
    AppForm, FormErrors, block_field, checked, optional_id, parse_id, required_by_name, text_field,
};
use crate::page::PageCtx;
use crate::principal::{ClientIp, CurrentUser};

#[derive(Default, Deserialize)]
pub struct StoryFields {
    #[serde(default)]
    person_name: String,
    #[serde(default)]
    anonymised: String,
    #[serde(default)]
    territory_id: String,
    #[serde(default)]
    title_lv: String,
    #[serde(default)]
    summary_lv: String,
    #[serde(default)]
    body_lv: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    summary_en: String,
    #[serde(default)]
    body_en: String,
    #[serde(default)]
    title_rom: String,
    #[serde(default)]
    summary_rom: String,
    #[serde(default)]
    body_rom: String,
    /// The version of the story the form was loaded with (`store::versions`).
    #[serde(default)]
    version: String,
}

crate::http::forms::debug_without_text!(StoryFields);

#[derive(Template)]
#[template(path = "site/story_edit.html")]
struct EditPage {
    ctx: PageCtx,
    id: i64,
    f: StoryFields,
    errors: FormErrors,
    territories: TerritoryGroups,
    /// Saved by someone else since the form was loaded: what differs now.
    stale: Option<crate::http::stale::Stale>,
}

fn fields_of(s: &Story) -> StoryFields {
    let o = |x: &Option<String>| x.clone().unwrap_or_default();
    StoryFields {
        person_name: s.person_name.clone(),
        anonymised: if s.anonymised {
            "yes".to_owned()
        } else {
            String::new()
        },
        territory_id: s.territory_id.map(|t| t.to_string()).unwrap_or_default(),
        title_lv: s.title_lv.clone(),
        summary_lv: s.summary_lv.clone(),
        body_lv: crate::rich::to_input(&s.body_lv),
        title_en: o(&s.title_en),
        summary_en: o(&s.summary_en),
        body_en: s
            .body_en
            .as_deref()
            .map(crate::rich::to_input)
            .unwrap_or_default(),
        title_rom: o(&s.title_rom),
        summary_rom: o(&s.summary_rom),
        body_rom: s
            .body_rom
            .as_deref()
            .map(crate::rich::to_input)
            .unwrap_or_default(),
        version: String::new(),
    }
}

/// The text form of a new story (`new`) or an existing one.
pub async fn form(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    Path((_lang, id)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    user.require(Permission::ManageSite)?;
    let (id, f) = if id == "new" {
        (0, StoryFields::default())
    } else {
        // The version before the record: a save in between then shows as stale, never lost.
        let version = store::versions::current(state.db(), "stories", parse_id(&id)?).await?;
        let s = store::stories::get(state.db(), parse_id(&id)?, false).await?;
        let mut f = fields_of(&s);
        f.version = version.to_string();
        (s.id, f)
    };
    let territories = territory_groups(&state, ctx.lang).await?;
    Ok(Html(
        EditPage {
            ctx,
            id,
            f,
            errors: FormErrors::default(),
            territories,
            stale: None,
        }
        .render()?,
    ))
}

/// What the form says, checked without the database: the person's name and the Latvian
/// title, summary and text present and within their lengths; an English or Romani version
/// whole (title, summary and text together) or absent. Whether the territory exists is
/// [`save`]'s question.
impl TryFrom<&StoryFields> for Story {
    type Error = FormErrors;

    fn try_from(f: &StoryFields) -> Result<Story, FormErrors> {
        let mut errors = FormErrors::default();
        let needed = |raw: &str, max: usize, field: &'static str, errors: &mut FormErrors| {
            required_by_name(raw, max, field, "story-field-missing", errors)
        };
        let person_name = needed(&f.person_name, 200, "person_name", &mut errors);
        let title_lv = needed(&f.title_lv, 200, "title_lv", &mut errors);
        let summary_lv = needed(&f.summary_lv, 600, "summary_lv", &mut errors);
        let body_lv = needed(&f.body_lv, 50_000, "body_lv", &mut errors);
        // Another language's version: title, summary and text together, or none of them.
        let mut version = |t: &str, s: &str, b: &str, fields: [&'static str; 3]| {
            let title = text_field(t, 200, fields[0], &mut errors);
            let summary = block_field(s, 600, fields[1], &mut errors);
            let body = block_field(b, 50_000, fields[2], &mut errors);
            let given = [title.is_some(), summary.is_some(), body.is_some()];
            if given.iter().any(|g| *g) && !given.iter().all(|g| *g) {
                for (field, g) in fields.iter().zip(given) {
                    if !g {
                        errors.add(field, "story-version-incomplete");
                    }
                }
            }
            (title, summary, body.map(|b| crate::rich::from_input(&b)))
        };
        let (title_en, summary_en, body_en) = version(
            &f.title_en,
            &f.summary_en,
            &f.body_en,
            ["title_en", "summary_en", "body_en"],
        );
        let (title_rom, summary_rom, body_rom) = version(
            &f.title_rom,
            &f.summary_rom,
            &f.body_rom,
            ["title_rom", "summary_rom", "body_rom"],
        );
        let territory_id = optional_id(&f.territory_id).unwrap_or_else(|_| {
            errors.add("territory_id", "territory-invalid");
            None
        });
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Story {
            person_name,
            anonymised: f.anonymised == "yes",
            title_lv,
            title_en,
            title_rom,
            summary_lv,
            summary_en,
            summary_rom,
            body_lv: crate::rich::from_input(&body_lv),
            body_en,
            body_rom,
            territory_id,
            ..Story::default()
        })
    }
}

/// Saves a story's text.
pub async fn save(
    State(state): State<AppState>,
    ctx: PageCtx,
    user: CurrentUser,
    ClientIp(ip): ClientIp,
    Path((_lang, id)): Path<(String, String)>,
    AppForm(f): AppForm<StoryFields>,
) -> AppResult<Response> {
    user.require(Permission::ManageSite)?;
    let id = if id == "new" {
        0
    } else {
        store::stories::get(state.db(), parse_id(&id)?, false)
            .await?
            .id
    };
    let (story, mut errors) = checked::<_, Story>(&f);
    // Asked beside the conversion, on the form as typed, so every problem shows at once.
    if let Ok(Some(territory_id)) = optional_id(&f.territory_id) {
        match store::territories::get(state.db(), territory_id).await {
            Ok(_) => {}
            Err(store::Error::NotFound) => errors.add("territory_id", "territory-invalid"),
            Err(e) => return Err(e.into()),
        }
    }
    if let (Some(s), true) = (story, errors.is_empty()) {
        let s = Story { id, ..s };
        let was_published = id != 0
            && store::stories::get(state.db(), id, false).await?.status == Status::Published;
        let saved = match store::stories::save_checked(
            state.db(),
            state.now(),
            &user.actor(ip),
            &s,
            crate::http::stale::version(&f.version),
        )
        .await
        {
            Ok(saved) => saved,
            Err(store::Error::Conflict(store::Conflict::Database(
                store::DatabaseConflict::Stale,
            ))) => return stale_page(&state, ctx, id, f).await,
            Err(e) => return Err(e.into()),
        };
        let now_published =
            store::stories::get(state.db(), saved, false).await?.status == Status::Published;
        let notice = if was_published && !now_published {
            "story-back-to-review"
        } else {
            "saved"
        };
        return Ok(
            Redirect::to(&ctx.href(&format!("/site/stories/{saved}?notice={notice}")))
                .into_response(),
        );
    }
    let territories = territory_groups(&state, ctx.lang).await?;
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        Html(
            EditPage {
                ctx,
                id,
                f,
                errors,
                territories,
                stale: None,
            }
            .render()?,
        ),
    )
        .into_response())
}

/// The form again after someone saved the story since it was loaded: what was typed, what
/// differs in the stored story now, and the current version.
async fn stale_page(
    state: &AppState,
    ctx: PageCtx,
    id: i64,
    mut f: StoryFields,
) -> AppResult<Response> {
    use crate::http::stale::{Stale, plain};
    let version = store::versions::current(state.db(), "stories", id).await?;
    let story = store::stories::get(state.db(), id, false).await?;
    let s = fields_of(&story);
    let lang = ctx.lang.code();
    let territory = match story.territory_id {
        Some(t) => match store::territories::get(state.db(), t).await {
            Ok(t) => t.name(lang).to_owned(),
            Err(_) => String::new(),
        },
        None => String::new(),
    };
    let stale = Stale::compare(vec![
        plain("story-person", &f.person_name, &s.person_name),
        (
            "story-anonymised",
            &f.anonymised,
            &s.anonymised,
            ctx.t(crate::http::stale::ticked(&s.anonymised)),
        ),
        ("story-place", &f.territory_id, &s.territory_id, territory),
        plain("story-title", &f.title_lv, &s.title_lv),
        plain("practice-summary", &f.summary_lv, &s.summary_lv),
        plain("story-body", &f.body_lv, &s.body_lv),
    ])
    .and_in(
        "stale-in-english",
        vec![
            plain("story-title", &f.title_en, &s.title_en),
            plain("practice-summary", &f.summary_en, &s.summary_en),
            plain("story-body", &f.body_en, &s.body_en),
        ],
    )
    .and_in(
        "stale-in-romani",
        vec![
            plain("story-title", &f.title_rom, &s.title_rom),
            plain("practice-summary", &f.summary_rom, &s.summary_rom),
            plain("story-body", &f.body_rom, &s.body_rom),
        ],
    );
    f.version = version.to_string();
    let territories = territory_groups(state, ctx.lang).await?;
    Ok((
        StatusCode::CONFLICT,
        Html(
            EditPage {
                ctx,
                id,
                f,
                errors: FormErrors::default(),
                territories,
                stale: Some(stale),
            }
            .render()?,
        ),
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> StoryFields {
        StoryFields {
            person_name: "Ilze".into(),
            title_lv: "No skolas līdz universitātei".into(),
            summary_lv: "Īsumā".into(),
            body_lv: "Stāsts.".into(),
            ..StoryFields::default()
        }
    }

    #[test]
    fn a_latvian_story_converts_and_a_version_comes_whole_or_not_at_all() {
        let s = Story::try_from(&filled()).unwrap_or_else(|e| panic!("valid: {e:?}"));
        assert_eq!(s.person_name, "Ilze");
        assert_eq!(s.title_en, None);
        let half = StoryFields {
            title_rom: "Andar i škola".into(),
            ..filled()
        };
        let errors = match Story::try_from(&half) {
            Ok(_) => panic!("a Romani title alone"),
            Err(e) => e,
        };
        assert_eq!(errors.get("summary_rom"), Some("story-version-incomplete"));
        assert_eq!(errors.get("body_rom"), Some("story-version-incomplete"));
        assert!(!errors.has("title_rom"));
        let nameless = StoryFields {
            person_name: " ".into(),
            territory_id: "x".into(),
            ..filled()
        };
        let errors = match Story::try_from(&nameless) {
            Ok(_) => panic!("no name"),
            Err(e) => e,
        };
        assert_eq!(errors.get("person_name"), Some("story-field-missing"));
        assert_eq!(errors.get("territory_id"), Some("territory-invalid"));
    }
}
