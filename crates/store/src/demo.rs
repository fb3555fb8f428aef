//! The synthetic demo world. Everything here is invented and labelled as such; later
//! issues add their own demo data here.

use domain::auth::Role;

use crate::{Actor, Db, organisations, users};

/// Demo accounts: one per role. The e-mail domain is reserved (`.invalid`), so no mail
/// can ever reach a real person.
pub const DEMO_USERS: &[(Role, &str, &str, &str)] = &[
    (
        Role::Coordinator,
        "koordinators@demo.roma.invalid",
        "Demo Koordinatore",
        "Kultūras ministrija (demo)",
    ),
    (
        Role::Ministry,
        "ministrija@demo.roma.invalid",
        "Demo Ministrijas Pārstāvis",
        "Labklājības ministrija (demo)",
    ),
    (
        Role::Municipality,
        "pasvaldiba@demo.roma.invalid",
        "Demo Pašvaldības Speciāliste",
        "Demo novada pašvaldība",
    ),
    (
        Role::Mediator,
        "mediators@demo.roma.invalid",
        "Demo Mediatore",
        "Demo novada pašvaldība",
    ),
    (
        Role::Ngo,
        "nvo@demo.roma.invalid",
        "Demo Biedrības Vadītājs",
        "Demo romu biedrība",
    ),
];

const META_KEY: &str = "demo_seeded";

/// Loads the demo world into an empty database once; later calls change nothing.
/// Returns true when it loaded.
pub async fn seed(db: &Db, now: i64) -> crate::Result<bool> {
    if crate::maintenance::get_meta(db, META_KEY).await?.is_some() {
        return Ok(false);
    }
    let actor = Actor {
        user_id: None,
        label: Some("demo".to_owned()),
        ip: None,
    };
    // Each step is skipped when already done, so an interrupted seed completes next time.
    for (role, email, name, org_name) in DEMO_USERS {
        if users::find_by_email(db, email).await?.is_some() {
            continue;
        }
        let org = match organisations::find_by_name(db, org_name).await? {
            Some(id) => id,
            None => {
                let input = organisations::OrgInput {
                    name_lv: (*org_name).to_owned(),
                    ..Default::default()
                };
                organisations::create(db, now, &actor, &input).await?
            }
        };
        users::create(
            db,
            now,
            &actor,
            users::NewUser {
                email,
                name,
                role: *role,
                organisation_id: Some(org),
                password_hash: None,
                password_link: None,
            },
        )
        .await?;
    }
    crate::maintenance::set_meta(db, META_KEY, "1").await?;
    Ok(true)
}
