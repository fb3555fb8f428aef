//! Durability: the server is killed with SIGKILL while it is writing, many times in a
//! loop, on one database file with the default `synchronous = FULL`. After every kill the
//! file must pass `PRAGMA integrity_check` and `PRAGMA foreign_key_check`, and every write
//! the server acknowledged (201 with the complete body) must be there with its audit row.
//! The next server must start on the file as if nothing happened (the `.lock` flock dies
//! with the process; SQLite recovers its WAL).

use std::collections::HashSet;
use std::os::unix::process::ExitStatusExt as _;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sqlx::Connection as _;

use crate::cli::{
    Ack, GOOD_PASSWORD, Server, add_user, audited_token_ids, create_token, http, join_writers,
    lock, open_read_only, soundness_problems, spawn_writers, tempdir, token_labels,
};

const ITERATIONS: u64 = 40;
const WRITERS: usize = 4;

/// 50–400 ms, different from one iteration to the next (no randomness needed).
fn kill_delay(iteration: u64) -> Duration {
    Duration::from_millis(50 + (iteration * 7919 + 13) % 351)
}

/// What one look at the file found.
struct Found {
    tokens: usize,
}

/// Opens the file read-only (the process is dead) and checks it.
async fn verify(db: &Path, acked: &[Ack], when: &str) -> Found {
    let mut conn = open_read_only(db).await;
    let problems = soundness_problems(&mut conn).await;
    assert!(
        problems.is_empty(),
        "{when}: the database is damaged: {problems:?}"
    );
    let labels = token_labels(&mut conn).await;
    let audited = audited_token_ids(&mut conn).await;
    let _ = conn.close().await;
    let mut missing = Vec::new();
    for (label, id) in acked {
        match labels.get(label) {
            Some(found) if found == id => {}
            Some(found) => missing.push(format!("{label}: id {found}, acknowledged as {id}")),
            None => missing.push(format!("{label} (id {id}) is gone")),
        }
        if !audited.contains(&id.to_string()) {
            missing.push(format!("{label} (id {id}) has no token_created audit row"));
        }
    }
    assert!(
        missing.is_empty(),
        "{when}: {} of {} acknowledged writes lost: {missing:?}",
        missing.len(),
        acked.len()
    );
    // Every token row has its audit row too (one transaction), acknowledged or not.
    let unaudited: Vec<&String> = labels
        .iter()
        .filter(|(_, id)| !audited.contains(&id.to_string()))
        .map(|(label, _)| label)
        .collect();
    assert!(
        unaudited.is_empty(),
        "{when}: tokens without audit rows: {unaudited:?}"
    );
    Found {
        tokens: labels.len(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_while_writing_never_corrupts_and_never_loses_an_acknowledged_write() {
    let started = Instant::now();
    let dir = tempdir();
    let db = dir.path().join("crash.db");
    let email = "crash@example.lv";
    add_user(dir.path(), &db, email, GOOD_PASSWORD).await;
    let bearer = create_token(dir.path(), &db, email, "crash-test").await;

    let mut acked: Vec<Ack> = Vec::new();
    let mut sent = 0usize;
    let mut unanswered = 0usize;
    let mut iterations_with_acks = 0u64;
    let mut tokens = 1usize;
    for iteration in 0..ITERATIONS {
        let mut server = Server::start_password_only(dir.path(), &db).await;
        let stop = Arc::new(AtomicBool::new(false));
        let acks: Arc<Mutex<Vec<Ack>>> = Arc::default();
        let writers = spawn_writers(
            WRITERS,
            &server.base,
            &bearer,
            &format!("i{iteration}"),
            &stop,
            &acks,
        );
        tokio::time::sleep(kill_delay(iteration)).await;
        let status = server.kill();
        assert_eq!(
            status.signal(),
            Some(9),
            "iteration {iteration}: the server was not running when killed ({status}); log:\n{}",
            server.log()
        );
        for end in join_writers(writers).await {
            assert!(
                end.unexpected.is_empty(),
                "iteration {iteration}: unexpected answers {:?}; log:\n{}",
                end.unexpected,
                server.log()
            );
            assert!(
                end.no_answer.is_some(),
                "a writer ended without the server dying"
            );
            sent += end.sent;
            // Each writer's last request got no answer: in flight at the kill, or sent to
            // the dead server right after it.
            unanswered += 1;
        }
        let new = lock(&acks).clone();
        if !new.is_empty() {
            iterations_with_acks += 1;
        }
        acked.extend(new);
        let found = verify(&db, &acked, &format!("after kill {iteration}")).await;
        assert!(found.tokens >= tokens, "tokens disappeared");
        tokens = found.tokens;
    }

    // Once more, through a server that starts on the file after the last kill and stops
    // cleanly: it sees every acknowledged token.
    let mut server = Server::start_password_only(dir.path(), &db).await;
    let listed = crate::cli::listed_token_labels(&http(), &server.base, &bearer).await;
    let listed: HashSet<&str> = listed.iter().map(String::as_str).collect();
    for (label, _) in &acked {
        assert!(
            listed.contains(label.as_str()),
            "{label} not listed by the API"
        );
    }
    assert_eq!(server.terminate().await.code(), Some(0), "{}", server.log());
    let found = verify(&db, &acked, "at the end").await;

    let acked_labels: HashSet<&str> = acked.iter().map(|(l, _)| l.as_str()).collect();
    let committed_unacknowledged = found.tokens.saturating_sub(1 + acked_labels.len());
    println!(
        "crash test: {ITERATIONS} SIGKILLs while {WRITERS} writers were writing; {sent} writes sent, \
         {} acknowledged (in {iterations_with_acks} iterations) and all present with their audit \
         rows; {committed_unacknowledged} more committed without an answer; {unanswered} \
         requests left unanswered by the kills; integrity_check and foreign_key_check clean after \
         every kill; {:.1} s",
        acked.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        acked.len() as u64 >= ITERATIONS,
        "too few acknowledged writes ({}) to prove anything",
        acked.len()
    );
    assert!(
        iterations_with_acks * 2 >= ITERATIONS,
        "most kills should interrupt a server that was acknowledging writes ({iterations_with_acks} of {ITERATIONS})"
    );
}
