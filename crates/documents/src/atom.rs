//! Atom feeds (RFC 4287) of the public site: news, stories, events.

use crate::escape_xml as xml;

/// A feed: where it lives and what it is called.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed<'a> {
    /// The feed's language, `xml:lang`.
    pub lang: &'a str,
    /// The absolute address of the page the feed mirrors (also its id).
    pub page: String,
    /// The absolute address of the feed itself.
    pub feed: String,
    pub title: String,
    /// The author named for every entry (the platform).
    pub author: String,
}

/// An entry of a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'a> {
    /// A stable absolute id (an address that does not change with the title).
    pub id: String,
    pub link: String,
    pub title: &'a str,
    pub summary: &'a str,
    /// The entry's language when it differs from the feed's (a fallback to Latvian).
    pub lang: Option<&'a str>,
    pub published: i64,
    pub updated: i64,
}

/// A time as RFC 3339 (UTC), as feeds and the API give it.
pub fn rfc3339(at: i64) -> String {
    jiff::Timestamp::from_second(at)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

/// The feed as XML; its `updated` is the latest entry's.
pub fn render(feed: &Feed, entries: &[Entry]) -> String {
    let updated = entries.iter().map(|e| e.updated).max().unwrap_or(0);
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n\
         <id>{}</id>\n<title>{}</title>\n<updated>{}</updated>\n\
         <link rel=\"self\" href=\"{}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml(feed.lang),
        xml(&feed.page),
        xml(&feed.title),
        rfc3339(updated),
        xml(&feed.feed),
        xml(&feed.page),
    );
    for e in entries {
        let lang = e
            .lang
            .map(|l| format!(" xml:lang=\"{}\"", xml(l)))
            .unwrap_or_default();
        out.push_str(&format!(
            "<entry{lang}><id>{}</id><title>{}</title><updated>{}</updated>\
             <published>{}</published><link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\
             <author><name>{}</name></author><summary>{}</summary></entry>\n",
            xml(&e.id),
            xml(e.title),
            rfc3339(e.updated),
            rfc3339(e.published),
            xml(&e.link),
            xml(&feed.author),
            xml(e.summary),
        ));
    }
    out.push_str("</feed>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feed_escapes_its_text_and_dates_its_entries() {
        let feed = Feed {
            lang: "lv",
            page: "https://x.lv/lv/news".to_owned(),
            feed: "https://x.lv/lv/news.atom".to_owned(),
            title: "Romu platforma — Jaunumi".to_owned(),
            author: "Romu platforma".to_owned(),
        };
        let out = render(
            &feed,
            &[Entry {
                id: "https://x.lv/news/1".to_owned(),
                link: "https://x.lv/lv/news/1-a?b=1&c=2".to_owned(),
                title: "A <b> & \"c\"",
                summary: "Ģimenes",
                lang: Some("lv"),
                published: 0,
                updated: 86_400,
            }],
        );
        assert!(
            out.contains("<updated>1970-01-02T00:00:00Z</updated>"),
            "{out}"
        );
        assert!(out.contains("A &lt;b&gt; &amp; &quot;c&quot;"));
        assert!(out.contains("href=\"https://x.lv/lv/news/1-a?b=1&amp;c=2\""));
        assert!(out.contains("<entry xml:lang=\"lv\">"));
        assert!(out.ends_with("</feed>\n"));
    }
}
