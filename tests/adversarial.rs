//! The repository's own adversarial pass on the real binary (issue 13): broken files of every
//! kind under every read command, and writers racing each other. The figures in the README's
//! reliability section are these constants.
//!
//! - Every mutation × every read command: no panic (exit 101), every problem reported on
//!   stderr/stdout as text, and not one byte of the workspace changed.
//! - Exports racing for one new path: exactly one writes it, the other is refused, the file is
//!   whole.
//! - Decisions racing on one workspace: each confirmed one is found afterwards (no lost update).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const CALL: &str = "tempo-2026";

/// The read commands every mutation is tried under.
const COMMANDS: [&[&str]; 5] = [
    &["check"],
    &["summary"],
    &["rank", "--all-pairs", "--limit", "3"],
    &["review", "list", "--call", CALL],
    &["export", "--call", CALL, "--format", "json", "-o", "-"],
];

/// Export races, and decision races.
const EXPORT_RACES: usize = 40;
const DECISION_RACES: usize = 20;

fn ancrage(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ancrage"));
    command
        .arg("--workspace")
        .arg(dir)
        .env_remove("ANCRAGE_WORKSPACE")
        .env("ANCRAGE_OFFICER", "Léa Martin");
    command
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A demo workspace with two decisions (so reviews/ and the journal exist).
fn demo(root: &Path) -> PathBuf {
    let dir = root.join("ws");
    let init = Command::new(env!("CARGO_BIN_EXE_ancrage"))
        .arg("init")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(init.status.success(), "{}", text(&init.stderr));
    let apps = applications(&dir);
    for (i, status) in ["preselectionne", "refuse"].iter().enumerate() {
        let (structure, site) = &apps[i];
        let out = ancrage(&dir)
            .args(["review", "set", "--call", CALL, "--structure", structure])
            .args([
                "--site",
                site,
                "--status",
                status,
                "--motivation",
                "motif\ndeux lignes",
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    dir
}

fn applications(dir: &Path) -> Vec<(String, String)> {
    let out = ancrage(dir)
        .args(["review", "list", "--call", CALL, "--json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["structure"].as_str().unwrap().to_owned(),
                a["site"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// Every entry under `dir` (files with their bytes, others by kind), so that any change shows.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    collect(dir, dir, &mut out);
    out
}

fn collect(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let relative = path.strip_prefix(root).unwrap().to_path_buf();
        let Ok(meta) = path.symlink_metadata() else {
            continue;
        };
        let t = meta.file_type();
        if t.is_symlink() {
            let target = std::fs::read_link(&path).unwrap_or_default();
            out.insert(relative, format!("link {}", target.display()).into_bytes());
        } else if t.is_dir() {
            out.insert(relative, b"dir".to_vec());
            collect(root, &path, out);
        } else if t.is_file() {
            out.insert(relative, std::fs::read(&path).unwrap_or_default());
        } else {
            out.insert(relative, b"special".to_vec());
        }
    }
}

/// One way to break the workspace.
struct Mutation {
    name: String,
    apply: Box<dyn Fn(&Path)>,
}

fn mutation(name: impl Into<String>, apply: impl Fn(&Path) + 'static) -> Mutation {
    Mutation {
        name: name.into(),
        apply: Box::new(apply),
    }
}

fn first_file(dir: &Path, folder: &str) -> String {
    let mut names: Vec<String> = std::fs::read_dir(dir.join(folder))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    format!("{folder}/{}", names[0])
}

fn rewrite(dir: &Path, relative: &str, change: impl Fn(Vec<u8>) -> Vec<u8>) {
    let path = dir.join(relative);
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, change(bytes)).unwrap();
}

fn replace_path(dir: &Path, relative: &str, with: impl Fn(&Path)) {
    let path = dir.join(relative);
    let _ = std::fs::remove_file(&path);
    with(&path);
}

fn mutations(template: &Path) -> Vec<Mutation> {
    let site = first_file(template, "sites");
    let structure = first_file(template, "structures");
    let call = "calls/tempo-2026.json".to_owned();
    let review = "reviews/tempo-2026.json".to_owned();
    let files = [
        "territory.json".to_owned(),
        site,
        structure.clone(),
        call.clone(),
        review,
        "journal.jsonl".to_owned(),
    ];
    let mut all = Vec::new();
    for file in &files {
        for cut in [0usize, 1, 17, 101] {
            let f = file.clone();
            all.push(mutation(format!("{file}: cut to {cut} bytes"), move |d| {
                rewrite(d, &f, |b| b[..cut.min(b.len())].to_vec())
            }));
        }
        let f = file.clone();
        all.push(mutation(format!("{file}: cut in the middle"), move |d| {
            rewrite(d, &f, |b| b[..b.len() / 2].to_vec())
        }));
        let f = file.clone();
        all.push(mutation(format!("{file}: invalid UTF-8"), move |d| {
            rewrite(d, &f, |mut b| {
                let at = b.len() / 3;
                b.insert(at, 0xff);
                b
            })
        }));
        let f = file.clone();
        all.push(mutation(format!("{file}: NUL bytes"), move |d| {
            rewrite(d, &f, |mut b| {
                let at = b.len() / 2;
                b.splice(at..at, [0u8; 8]);
                b
            })
        }));
        let f = file.clone();
        all.push(mutation(format!("{file}: top-level array"), move |d| {
            rewrite(d, &f, |b| {
                let mut out = b"[".to_vec();
                out.extend(b);
                out.push(b']');
                out
            })
        }));
        let f = file.clone();
        all.push(mutation(format!("{file}: a folder"), move |d| {
            replace_path(d, &f, |p| std::fs::create_dir(p).unwrap())
        }));
        let f = file.clone();
        all.push(mutation(format!("{file}: missing"), move |d| {
            replace_path(d, &f, |_| {})
        }));
        #[cfg(unix)]
        {
            let f = file.clone();
            all.push(mutation(format!("{file}: FIFO"), move |d| {
                replace_path(d, &f, |p| {
                    let ok = Command::new("mkfifo").arg(p).status();
                    assert!(ok.is_ok_and(|s| s.success()), "mkfifo");
                })
            }));
            let f = file.clone();
            all.push(mutation(format!("{file}: dangling link"), move |d| {
                replace_path(d, &f, |p| {
                    std::os::unix::fs::symlink(d.join("nowhere"), p).unwrap()
                })
            }));
            let f = file.clone();
            all.push(mutation(format!("{file}: link loop"), move |d| {
                replace_path(d, &f, |p| std::os::unix::fs::symlink(p, p).unwrap())
            }));
            let f = file.clone();
            all.push(mutation(
                format!("{file}: link out of the workspace"),
                move |d| {
                    replace_path(d, &f, |p| {
                        std::os::unix::fs::symlink("/etc/hostname", p).unwrap()
                    })
                },
            ));
        }
        for (what, from, to) in [
            (
                "schema_version 0",
                "\"schema_version\": 2",
                "\"schema_version\": 0",
            ),
            (
                "schema_version 99",
                "\"schema_version\": 2",
                "\"schema_version\": 99",
            ),
            ("huge number", ": 1", ": 1e999"),
            ("huge integer", ": 1", ": 123456789012345678901234567890"),
            (
                "escape sequence",
                "\"",
                "\"\\u001b]0;pwned\\u0007\\u001b[2J",
            ),
            (
                "line break in a value",
                "\": \"",
                "\": \"ligne\\n# titre\\n",
            ),
            ("null for a value", ": \"", ": null, \"x\": \""),
            ("unknown field", "{", "{\"couleur\": \"rouge\","),
        ] {
            let f = file.clone();
            all.push(mutation(format!("{file}: {what}"), move |d| {
                rewrite(d, &f, |b| text(&b).replacen(from, to, 1).into_bytes())
            }));
        }
    }
    // Odd entries beside the files.
    all.push(mutation("sites/x.json is a folder", |d| {
        std::fs::create_dir(d.join("sites/x.json")).unwrap()
    }));
    all.push(mutation("calls/AUTRE.JSON", |d| {
        std::fs::copy(d.join("calls/tempo-2026.json"), d.join("calls/AUTRE.JSON")).unwrap();
    }));
    all.push(mutation("ancrage.lock is a folder", |d| {
        let _ = std::fs::remove_file(d.join("ancrage.lock"));
        std::fs::create_dir(d.join("ancrage.lock")).unwrap()
    }));
    all.push(mutation("a killed writer's temporary", |d| {
        std::fs::write(d.join("reviews/.tempo-2026.json.AbC123"), "{\"review\"").unwrap()
    }));
    let s = structure.clone();
    all.push(mutation("a withdrawn application", move |d| {
        let _ = &s;
        rewrite(d, "calls/tempo-2026.json", |b| {
            let mut doc: serde_json::Value = serde_json::from_slice(&b).unwrap();
            let apps = doc["call"]["applications"].as_array_mut().unwrap();
            apps.remove(0);
            serde_json::to_vec_pretty(&doc).unwrap()
        })
    }));
    all
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        let t = entry.file_type().unwrap();
        if t.is_dir() {
            copy_tree(&entry.path(), &target);
        } else if t.is_file() {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn every_mutation_under_every_read_command() {
    let root = tempfile::tempdir().unwrap();
    let template = demo(root.path());
    let mutations = mutations(&template);
    let mut runs = 0;
    for (i, m) in mutations.iter().enumerate() {
        let dir = root.path().join(format!("m{i}"));
        copy_tree(&template, &dir);
        (m.apply)(&dir);
        let before = snapshot(&dir);
        for args in COMMANDS {
            let out: Output = ancrage(&dir)
                .args(args)
                .stdin(Stdio::null())
                .output()
                .unwrap();
            runs += 1;
            let code = out.status.code();
            assert!(
                matches!(code, Some(0..=2)),
                "{}: {args:?} exited {code:?}\n{}",
                m.name,
                text(&out.stderr)
            );
            for stream in [&out.stdout, &out.stderr] {
                let shown = text(stream);
                assert!(
                    !shown.contains(['\u{1b}', '\u{7}']),
                    "{}: {args:?} printed a control character",
                    m.name
                );
                assert!(!shown.contains("$serde_json"), "{}: {shown}", m.name);
            }
            if code != Some(0) {
                assert!(
                    !out.stderr.is_empty() || !out.stdout.is_empty(),
                    "{}: {args:?} failed without a word",
                    m.name
                );
            }
            assert!(
                snapshot(&dir) == before,
                "{}: {args:?} changed the workspace",
                m.name
            );
        }
        std::fs::remove_dir_all(&dir).ok();
    }
    assert_eq!(runs, mutations.len() * COMMANDS.len());
    eprintln!(
        "{} mutations × {} commands = {runs} runs",
        mutations.len(),
        COMMANDS.len()
    );
}

#[test]
fn exports_racing_for_one_new_path() {
    let root = tempfile::tempdir().unwrap();
    let dir = demo(root.path());
    for round in 0..EXPORT_RACES {
        let target = root.path().join(format!("jury-{round}.json"));
        let spawn = || {
            ancrage(&dir)
                .args(["export", "--call", CALL, "--format", "json", "-o"])
                .arg(&target)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        let codes: Vec<Option<i32>> = [a, b]
            .into_iter()
            .map(|c| c.wait_with_output().unwrap().status.code())
            .collect();
        assert_eq!(
            codes.iter().filter(|c| **c == Some(0)).count(),
            1,
            "round {round}: {codes:?}"
        );
        assert!(codes.contains(&Some(2)), "round {round}: {codes:?}");
        let written: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
        assert!(written["jury_report"].is_object());
    }
    // Nothing but the jury files: no temporary left by the loser.
    let others: Vec<_> = std::fs::read_dir(root.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "ws" && !n.starts_with("jury-"))
        .collect();
    assert!(others.is_empty(), "{others:?}");
}

#[test]
fn decisions_racing_on_one_workspace_lose_nothing() {
    let root = tempfile::tempdir().unwrap();
    let dir = demo(root.path());
    let apps = applications(&dir);
    let statuses = ["preselectionne", "en_instruction"];
    for round in 0..DECISION_RACES {
        let pair = [&apps[2 + (2 * round) % 6], &apps[3 + (2 * round) % 6]];
        let status = statuses[(round / 3) % 2];
        let children: Vec<_> = pair
            .iter()
            .map(|(structure, site)| {
                ancrage(&dir)
                    .args(["review", "set", "--call", CALL, "--structure", structure])
                    .args(["--site", site, "--status", status])
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let outputs: Vec<Output> = children
            .into_iter()
            .map(|c| c.wait_with_output().unwrap())
            .collect();
        let listed = ancrage(&dir)
            .args(["review", "list", "--call", CALL, "--json"])
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
        for ((structure, site), out) in pair.iter().zip(&outputs) {
            if out.status.code() != Some(0) {
                // Refused by the rules (already in that status): never confirmed.
                assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
                continue;
            }
            let found = json.as_array().unwrap().iter().any(|a| {
                a["structure"] == structure.as_str()
                    && a["site"] == site.as_str()
                    && a["status"] == status
            });
            assert!(
                found,
                "round {round}: the decision on {structure} × {site} was lost"
            );
        }
    }
}
