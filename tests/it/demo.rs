//! `roma-platform demo`: creates or reuses a demo database, prints a working login per role
//! (new passwords at every start), and serves.

use std::io::BufRead as _;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Starts `demo` in `dir`; returns the child, the printed (role, e-mail, password) lines and
/// the base URL.
pub(crate) fn start_demo(
    dir: &std::path::Path,
) -> (
    std::process::Child,
    Vec<(String, String, String)>,
    String,
    String,
) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_roma-platform"))
        .args(["demo", "--bind", "127.0.0.1:0"])
        .current_dir(dir)
        .env_remove("ROMA__BIND")
        .env_remove("ROMA__DATABASE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("demo: {e}"));
    let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
    let mut lines = std::io::BufReader::new(stdout).lines();
    let mut logins = Vec::new();
    let mut first = String::new();
    let base = loop {
        let line = lines
            .next()
            .unwrap_or_else(|| panic!("demo ended before listening"))
            .unwrap_or_else(|e| panic!("{e}"));
        if first.is_empty() {
            first = line.clone();
        }
        if let Some(addr) = line.strip_prefix("Roma Platform listening on ") {
            break addr.trim().to_owned();
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        if parts.len() == 3 && parts[1].contains('@') {
            logins.push((
                parts[0].to_owned(),
                parts[1].to_owned(),
                parts[2].to_owned(),
            ));
        }
    };
    // Keep draining stdout so the server never blocks on it.
    std::thread::spawn(move || for _ in lines {});
    (child, logins, base, first)
}

pub(crate) fn stop(child: &mut std::process::Child) {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    for _ in 0..300 {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
}

#[tokio::test]
async fn demo_prints_a_working_login_per_role_and_reuses_its_database() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (mut child, logins, base, first) = start_demo(dir.path());
    assert!(first.contains("Loaded the synthetic demo data"), "{first}");
    let roles: Vec<&str> = logins.iter().map(|(r, _, _)| r.as_str()).collect();
    assert_eq!(
        roles,
        [
            "coordinator",
            "ministry",
            "municipality",
            "mediator",
            "ngo",
            "coordinator",
            "dpo"
        ]
    );
    for (role, email, password) in &logins {
        assert!(
            email.ends_with(".invalid"),
            "demo e-mails reach nobody: {email}"
        );
        let c = testkit::Client::new(&base);
        let res = c.login(email, password).await;
        assert_eq!(res.status, 303, "{role} demo login");
    }
    let coordinator = &logins[0];
    // The demo's annual report is issued and published, in both languages, with its PDF.
    let visitor = testkit::Client::new(&base);
    for (lang, title) in [
        (
            "lv",
            "ikgadējās koordinācijas sanāksmes kopsavilkuma ziņojums 2025",
        ),
        ("en", "Roma Platform Coordination Meeting 2025"),
    ] {
        let list = visitor.get(&format!("/{lang}/publications")).await;
        assert_eq!(list.status, 200);
        assert!(list.text.contains(title), "{title}: {}", list.text);
    }
    let list = visitor.get("/lv/publications").await;
    let start = list.text.find("/lv/publications/").unwrap_or(0);
    let id: String = list.text[start + "/lv/publications/".len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let (status, pdf) = visitor.get_bytes(&format!("/publications/{id}/pdf")).await;
    assert_eq!(status, 200);
    assert!(pdf.starts_with(b"%PDF-"));
    stop(&mut child);
    assert!(dir.path().join("roma-demo.db").exists());

    // Second start: same database, new passwords; the old ones no longer work.
    let (mut child, again, base, first) = start_demo(dir.path());
    assert!(first.contains("Reusing the demo database"), "{first}");
    assert_ne!(again[0].2, coordinator.2);
    let c = testkit::Client::new(&base);
    assert_eq!(c.login(&again[0].1, &again[0].2).await.status, 303);
    let old = testkit::Client::new(&base);
    assert_eq!(old.login(&coordinator.1, &coordinator.2).await.status, 422);
    let users = c.get("/lv/admin/users").await;
    assert!(
        users.text.contains("10 lietotāji"),
        "no duplicates on reuse"
    );
    stop(&mut child);
}

#[tokio::test]
async fn the_demo_meetings_give_the_statistics_real_shapes() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut opts = store::DbOptions::new(dir.path().join("demo.db"));
    opts.synchronous = store::Synchronous::Normal;
    let db = store::Db::open(&opts)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    // 2026-11-26 12:00 UTC.
    let now = 1_795_694_400;
    store::migrate::run(&db, now)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let keys = domain::sealed::Keyring::new(domain::sealed::Key::generate(), Vec::new());
    let started = std::time::Instant::now();
    assert!(
        demo::seed(&db, now, &keys)
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    );
    eprintln!("demo seeded in {:?}", started.elapsed());
    // Every row the demo's store calls wrote reads in words on the audit page.
    let actions = store::audit::actions(&db)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!actions.is_empty());
    for a in &actions {
        assert!(
            domain::audit::AuditAction::parse(a)
                .is_some_and(|x| x != domain::audit::AuditAction::Other),
            "an audit action without its label: {a}"
        );
    }
    let year = |y: i16| {
        store::statistics::Filter::between(
            jiff::civil::date(y, 1, 1),
            jiff::civil::date(y, 12, 31),
            false,
        )
    };
    let youth = domain::participation::Youth::default();
    for y in [2024, 2025, 2026] {
        let s = store::statistics::participation(&db, &year(y), youth)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert!((12..=20).contains(&s.events), "{y}: {} events", s.events);
        assert!(s.participations > s.participants, "{y}: people come again");
        assert!(s.participants >= 120, "{y}: {}", s.participants);
        for c in [
            "state_authority",
            "municipal_authority",
            "roma_representative",
            "mediator",
        ] {
            assert!(s.by_category[c] > 0, "{y}: no {c}");
        }
        assert!(s.roma_self_identified["yes"] > 20, "{y}");
        assert!(s.roma_self_identified["not_stated"] > 0, "{y}");
        assert!(s.youth > 5, "{y}: youth {}", s.youth);
        assert!(s.latvian_places >= 10, "{y}: places {}", s.latvian_places);
    }
    // Every event type, minutes published, actions in every status, feedback, upcoming events.
    let all = store::events::in_range(
        &db,
        store::events::Scope::All,
        &store::events::EventFilter::default(),
        0,
        i64::MAX / 2,
        1000,
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    for t in domain::event::EventType::ALL {
        assert!(all.iter().any(|e| e.event_type == t), "no {t:?}");
    }
    assert!(
        all.iter()
            .any(|e| e.status == domain::event::EventStatus::Published && e.starts_at > now)
    );
    assert!(
        all.iter()
            .any(|e| e.status == domain::event::EventStatus::Cancelled)
    );
    assert!(
        all.iter()
            .any(|e| e.status == domain::event::EventStatus::Reported)
    );
    let actions = store::actions::list(
        &db,
        store::actions::Scope::All,
        false,
        jiff::civil::date(2026, 11, 26),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    for status in domain::event::ActionStatus::ALL {
        assert!(
            actions.iter().any(|a| a.status == *status),
            "no {status:?} action"
        );
    }
    assert!(
        actions
            .iter()
            .any(|a| a.is_overdue(jiff::civil::date(2026, 11, 26)))
    );
    let annual = all
        .iter()
        .find(|e| e.event_type == domain::event::EventType::AnnualCoordination)
        .map(|e| e.id)
        .unwrap_or_default();
    let f = store::feedback::summary(&db, annual)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(f.answers > 10 && f.good * 2 > f.answers, "{f:?}");
    let m = store::minutes::get(&db, annual)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(m.published_at.is_some());
    // No demo mail waits in the outbox.
    let (mails, _) = store::outbox::list(&db, 0)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(mails.is_empty(), "{} mails", mails.len());

    // The privacy work: a data protection officer, four requests (two open, one answered
    // after an extension, one refused), a restricted person, one closed breach.
    let dpo = crate::ok(store::users::find_by_email(&db, demo::DEMO_DPO.0).await);
    assert_eq!(dpo.map(|u| u.role), Some(domain::auth::Role::Dpo));
    let requests = crate::ok(store::subject_requests::list(&db).await);
    assert_eq!(requests.len(), 4);
    assert_eq!(requests.iter().filter(|r| r.is_open()).count(), 2);
    assert!(requests.iter().all(|r| r.input.details.contains("(demo)")));
    let restricted = requests
        .iter()
        .filter_map(|r| r.input.person_id)
        .collect::<Vec<_>>();
    let mut held = 0;
    for p in restricted {
        if crate::ok(store::people::restriction(&db, p).await).is_some() {
            held += 1;
        }
    }
    assert_eq!(held, 1, "one person's processing is restricted");
    let breaches = crate::ok(store::breaches::list(&db).await);
    assert_eq!(breaches.len(), 1);
    assert!(breaches[0].input.closed_on.is_some());

    // Dialogue: about forty invented services (one ending within a month, one ended, one
    // not begun) and needs in every state, some published; referrals point at services.
    let services = crate::ok(store::services::list(&db, None).await);
    assert!(
        (38..=45).contains(&services.len()),
        "{} services",
        services.len()
    );
    assert!(
        services
            .iter()
            .all(|s| s.input.title_lv.contains("(izdomāts)"))
    );
    let today = jiff::civil::date(2026, 11, 26);
    assert!(services.iter().any(|s| !s.current(today)));
    let needs = crate::ok(store::needs::list(&db, &store::needs::Filter::default()).await);
    for status in domain::dialogue::NeedStatus::ALL {
        assert!(
            needs.iter().any(|n| n.status == *status),
            "no {status:?} need"
        );
    }
    assert!(needs.iter().any(|n| n.late(today)));
    assert!(needs.iter().any(|n| n.answered_late()));
    assert_eq!(crate::ok(store::needs::published(&db).await).len(), 2);
    let consultations = crate::ok(store::consultations::list(&db, true).await);
    assert_eq!(consultations.len(), 2);
    let stages: Vec<_> = consultations.iter().map(|c| c.stage(today)).collect();
    assert!(stages.contains(&domain::dialogue::ConsultationStage::Open));
    assert!(stages.contains(&domain::dialogue::ConsultationStage::Summarised));
    assert!(consultations.iter().all(|c| c.title.contains("(izdomāts)")));
    let figures = crate::ok(
        store::mediation_stats::figures(
            &db,
            store::mediation_stats::FigureScope::All,
            &store::mediation_stats::FigureFilter {
                from: jiff::civil::date(2024, 1, 1),
                to: today,
                territory_id: None,
                mediator_user_id: None,
                grouping: store::mediation_stats::Grouping::Year,
            },
        )
        .await,
    );
    let named: i64 = figures
        .referrals_by_service
        .iter()
        .filter(|(k, _)| !k.is_empty())
        .map(|(_, n)| n)
        .sum();
    assert!(named > 10, "{:?}", figures.referrals_by_service);

    // The public site: two pages and three published news items (one draft), all invented.
    let news = crate::ok(store::news::published(&db, 10).await);
    assert_eq!(news.len(), 3);
    assert!(news.iter().all(|n| n.title_lv.starts_with("Demo:")));
    assert_eq!(crate::ok(store::news::all(&db).await).len(), 4);
    assert_eq!(crate::ok(store::site_pages::list(&db).await).len(), 2);
    // Twelve invented practices, ten published (three abroad), with facets to choose from.
    let (practices, facets) =
        crate::ok(store::practices::search(&db, &store::practices::Query::default(), 2026).await);
    assert_eq!(practices.len(), 10);
    assert!(practices.iter().all(|p| p.title_lv.contains("(demo")));
    assert_eq!(
        facets.place.get("EE").copied().unwrap_or(0) + facets.place.get("LT").copied().unwrap_or(0),
        3
    );
    // Five invented stories: three published, one waiting for review, one withdrawn.
    let stories = crate::ok(store::stories::all(&db).await);
    assert_eq!(stories.len(), 5);
    assert_eq!(crate::ok(store::stories::published(&db, 10).await).len(), 3);
    assert!(
        stories
            .iter()
            .any(|s| s.status == store::stories::Status::Withdrawn)
    );
    assert!(stories.iter().all(|s| s.title_lv.contains("(demo")));
    // Mediation: four mediators in five municipalities, 149 invented families, a little over
    // 180 persons assisted over the project period, counted only with a statistics consent.
    let project = store::mediation_stats::FigureFilter {
        from: jiff::civil::date(2024, 9, 1),
        to: jiff::civil::date(2026, 11, 26),
        territory_id: None,
        mediator_user_id: None,
        grouping: store::mediation_stats::Grouping::Year,
    };
    let f = crate::ok(
        store::mediation_stats::figures(&db, store::mediation_stats::FigureScope::All, &project)
            .await,
    );
    eprintln!(
        "mediation: families {} (+{} without consent), persons {}, contacts {}, referrals {}, \
         children followed {} (stayed {})",
        f.families,
        f.no_consent_families,
        f.persons,
        f.contacts,
        f.referrals,
        f.children_followed,
        f.stayed_in_school
    );
    assert_eq!(f.families + f.no_consent_families, 149, "{f:?}");
    assert!(
        f.no_consent_families > 0 && f.no_consent_families < 30,
        "{f:?}"
    );
    assert!(
        (170..=230).contains(&(f.persons + f.no_consent_families)),
        "{f:?}"
    );
    assert_eq!(f.by_municipality.len(), 5, "{f:?}");
    assert!(f.contacts > 500 && f.referrals > 20, "{f:?}");
    assert!(f.contacts_by_area.iter().all(|(_, n)| *n > 0), "{f:?}");
    assert!(
        f.children_followed > 10 && f.stayed_in_school > f.children_followed / 2,
        "{f:?}"
    );
    let assignments = crate::ok(store::mediation::assignments(&db).await);
    let mediators: std::collections::BTreeSet<i64> =
        assignments.iter().map(|a| a.mediator_user_id).collect();
    assert_eq!(mediators.len(), 4, "{assignments:?}");
    // The database file without the key holds no invented name or note.
    let mut raw = std::fs::read(dir.path().join("demo.db")).unwrap_or_default();
    raw.extend(std::fs::read(dir.path().join("demo.db-wal")).unwrap_or_default());
    for secret in [
        "Izdomātā ģimene",
        "Izdomāta piezīme",
        "Izdomāts vārds",
        "Demo pamatskola",
    ] {
        assert!(
            !raw.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "{secret} in the file"
        );
    }

    // Two plans: a closed earlier one and one in force with measures under all seven
    // objectives, indicators with values, and a re-planned measure with its reason.
    let plans = crate::ok(store::plans::list(&db).await);
    assert_eq!(plans.len(), 2);
    assert!(
        plans.iter().all(|p| p.name_lv.starts_with("Demo:")),
        "clearly synthetic"
    );
    let current = plans
        .iter()
        .find(|p| p.status == domain::plan::PlanStatus::InForce)
        .unwrap_or_else(|| panic!("{plans:?}"));
    let measures = crate::ok(store::measures::for_plan(&db, current.id, None).await);
    for o in domain::event::Objective::ALL {
        assert!(measures.iter().any(|m| m.objective == *o), "{o:?}");
    }
    for s in domain::plan::MeasureStatus::ALL {
        assert!(measures.iter().any(|m| m.status == *s), "{s:?}");
    }
    let indicators = crate::ok(store::indicators::for_plan(&db, current.id).await);
    assert!(
        indicators
            .iter()
            .any(|i| i.is_outcome() && i.values.len() >= 2)
    );
    assert!(
        indicators
            .iter()
            .any(|i| !i.is_outcome() && i.measure_id.is_some())
    );
    let mut replanned = 0;
    for m in &measures {
        replanned += crate::ok(store::plans::history(&db, "measure", m.id).await).len();
    }
    assert_eq!(replanned, 1);
    let served: usize = {
        let mut n = 0;
        for m in &measures {
            let s = crate::ok(store::measures::serving(&db, m.id, store::OrgScope::All).await);
            n += s.events.len() + s.actions.len();
        }
        n
    };
    assert!(
        served > 10,
        "demo meetings and actions serve measures: {served}"
    );
    // Two past rounds: one closed, one open past its deadline with every kind of report.
    let rounds = crate::ok(store::rounds::list(&db, Some(current.id)).await);
    assert_eq!(rounds.len(), 2);
    assert_eq!(rounds.iter().filter(|r| r.is_open()).count(), 1);
    let open = rounds
        .iter()
        .find(|r| r.is_open())
        .unwrap_or_else(|| panic!("{rounds:?}"));
    let c = &open.counts;
    assert!(
        c.accepted > 0 && c.returned > 0 && c.submitted > 0 && c.pending > 0,
        "{c:?}"
    );
    let closed = rounds
        .iter()
        .find(|r| !r.is_open())
        .unwrap_or_else(|| panic!("{rounds:?}"));
    assert!(
        closed.counts.accepted > 0 && closed.counts.pending > 0,
        "{:?}",
        closed.counts
    );
    let deadline_end =
        domain::event::riga_day_start(closed.deadline.tomorrow().unwrap_or(closed.deadline));
    let reports = crate::ok(store::rounds::reports(&db, store::OrgScope::All, closed.id).await);
    assert!(
        reports
            .iter()
            .any(|r| r.submitted_at.is_some_and(|s| s >= deadline_end)),
        "one late"
    );
    assert!(
        reports
            .iter()
            .any(|r| r.submitted_at.is_some_and(|s| s < deadline_end))
    );
}
