//! The mails that tell an account's owner of a change to their account (role, password,
//! second factor): shared by user administration, sign-in and the account page.

/// The language an account's mail is written in: its preferred one, else Latvian.
pub fn lang_of(u: &store::users::User) -> crate::i18n::Lang {
    crate::i18n::Lang::parse(&u.preferred_lang).unwrap_or(crate::i18n::Lang::Lv)
}

/// A change to an account that its owner is told of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountChange {
    RoleChanged,
    PasswordSet,
    FactorReset,
    FactorEnrolled,
    FactorDisabled,
    CodesLocked,
    PasskeyAdded,
    PasskeyRemoved,
}

/// The mail that tells an account's owner of a change to it: if it was not them, they know
/// whom to call.
pub fn notice(lang: crate::i18n::Lang, what: AccountChange, name: &str) -> store::outbox::Outgoing {
    let (kind, subject, body) = match what {
        AccountChange::RoleChanged => (
            "account_role_changed",
            "mail-account-role-changed-subject",
            "mail-account-role-changed-body",
        ),
        AccountChange::PasswordSet => (
            "account_password_set",
            "mail-account-password-set-subject",
            "mail-account-password-set-body",
        ),
        AccountChange::FactorReset => (
            "account_mfa_reset",
            "mail-account-mfa-reset-subject",
            "mail-account-mfa-reset-body",
        ),
        AccountChange::FactorEnrolled => (
            "account_mfa_enrolled",
            "mail-account-mfa-enrolled-subject",
            "mail-account-mfa-enrolled-body",
        ),
        AccountChange::FactorDisabled => (
            "account_mfa_disabled",
            "mail-account-mfa-disabled-subject",
            "mail-account-mfa-disabled-body",
        ),
        AccountChange::CodesLocked => (
            "account_mfa_locked",
            "mail-account-mfa-locked-subject",
            "mail-account-mfa-locked-body",
        ),
        AccountChange::PasskeyAdded => (
            "account_passkey_added",
            "mail-account-passkey-added-subject",
            "mail-account-passkey-added-body",
        ),
        AccountChange::PasskeyRemoved => (
            "account_passkey_removed",
            "mail-account-passkey-removed-subject",
            "mail-account-passkey-removed-body",
        ),
    };
    store::outbox::Outgoing {
        kind: kind.to_owned(),
        lang: lang.code().to_owned(),
        unsubscribe: None,
        subject: crate::i18n::t(lang, subject),
        body: crate::i18n::t_args(
            lang,
            body,
            &[("name", fluent_bundle::FluentValue::from(name.to_owned()))],
        ),
    }
}
