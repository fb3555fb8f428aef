//! The public site: home, pages, news, good practices, success stories and open data.

pub mod home;
pub mod news;
pub mod open_data;
pub mod pages;
pub mod practice_form;
pub mod practices;
pub mod stories;
pub mod story_form;

use crate::http::registry::{Access, Registry};

/// The site area's routes, each with the access it needs (added to the one registry, which
/// the role × route matrix test reads).
#[rustfmt::skip]
pub fn routes(r: &mut Registry) {
    use Access::*;
    use domain::auth::Permission::*;
    // Public site.
    r.get("/", Public, home::root);
    r.get("/{lang}/", Public, home::home);
    r.get("/{lang}/processing", Public, home::processing);
    r.get("/{lang}/accessibility", Public, pages::accessibility);
    r.get("/{lang}/privacy", Public, pages::privacy);
    r.get("/{lang}/open-data", Public, open_data::page);
    r.get("/open-data/{file}", Public, open_data::file);
    r.get("/{lang}/pages/{slug}", Public, pages::page);
    r.get("/{lang}/news", Public, news::list);
    r.get("/{lang}/news.atom", Public, news::atom);
    r.get("/{lang}/news/{item}", Public, news::item);
    r.get("/{lang}/site/news", Page(ManageSite), news::manage);
    r.get("/{lang}/site/news/export", Page(ManageSite), news::manage_export);
    r.get("/{lang}/site/news/{id}/edit", Page(ManageSite), news::form);
    r.post("/{lang}/site/news/{id}/edit", Page(ManageSite), news::save);
    r.get("/{lang}/practices", Public, practices::library);
    r.get("/{lang}/practices/export", Public, practices::export);
    r.get("/{lang}/practices/{item}", Public, practices::practice);
    r.get("/practices/{id}/files/{item}", Public, practices::file);
    r.get("/{lang}/practice-submissions", Page(SubmitPractice), practices::submissions);
    r.get(
        "/{lang}/practice-submissions/export",
        Page(SubmitPractice),
        practices::submissions_export,
    );
    r.get("/{lang}/practice-submissions/{id}", Page(SubmitPractice), practices::preview);
    r.get("/{lang}/practice-submissions/{id}/edit", Page(SubmitPractice), practice_form::form);
    r.post("/{lang}/practice-submissions/{id}/edit", Page(SubmitPractice), practice_form::save);
    r.post("/{lang}/practice-submissions/{id}/review", Page(ManageSite), practices::review);
    r.post("/{lang}/practice-submissions/{id}/files", Page(SubmitPractice), practices::upload_file);
    r.post("/{lang}/practice-submissions/{id}/files/{item}/remove", Page(SubmitPractice), practices::remove_file);
    r.get("/{lang}/stories", Public, stories::list);
    r.get("/{lang}/stories.atom", Public, stories::atom);
    r.get("/{lang}/stories/{item}", Public, stories::story);
    r.get("/stories/{id}/photo", Public, stories::photo);
    r.get("/{lang}/site/stories", Page(ManageSite), stories::manage);
    r.post("/{lang}/site/stories/export", Page(ManageSite), stories::manage_export);
    r.get("/{lang}/site/stories/{id}", Page(ManageSite), stories::detail);
    r.get("/{lang}/site/stories/{id}/preview", Page(ManageSite), stories::preview);
    r.get("/{lang}/site/stories/{id}/edit", Page(ManageSite), story_form::form);
    r.post("/{lang}/site/stories/{id}/edit", Page(ManageSite), story_form::save);
    r.post("/{lang}/site/stories/{id}/step", Page(ManageSite), stories::step);
    r.post("/{lang}/site/stories/{id}/consent", Page(ManageSite), stories::record_consent);
    r.post("/{lang}/site/stories/{id}/consent/withdraw", Page(ManageSite), stories::withdraw_consent);
    r.post("/{lang}/site/stories/{id}/photo", Page(ManageSite), stories::upload_photo);
    r.post("/{lang}/site/stories/{id}/photo/remove", Page(ManageSite), stories::remove_photo);
    r.post("/{lang}/site/stories/{id}/media", Page(ManageSite), stories::add_media);
    r.post("/{lang}/site/stories/{id}/media/{item}/remove", Page(ManageSite), stories::remove_media);
    r.post("/{lang}/site/stories/{id}/delete", Page(ManageSite), stories::delete);
    r.get("/{lang}/site/pages", Page(ManageSite), pages::pages);
    r.get("/{lang}/site/pages/{slug}/edit", Page(ManageSite), pages::edit);
    r.post("/{lang}/site/pages/{slug}/edit", Page(ManageSite), pages::save);
    r.get("/robots.txt", Public, pages::robots);
    r.get("/sitemap.xml", Public, pages::sitemap);
    r.get("/api/v1/news", Public, news::api);
    r.get("/api/v1/practices", Public, practices::api);
    r.get("/api/v1/stories", Public, stories::api);
}
