//! The floors `scripts/bench.sh` measures runbook against: the least work
//! anyone could do for the same result, timed side by side with runbook's
//! own code on the same machine in the same run, so each figure is a ratio
//! that holds on a noisy machine.
//!
//! - `ron FILE`: parse a plan's text into `ron::Value` (no types, no checks)
//!   — the floor for loading and validating a plan.
//! - `jsonl FILE`: read a log line by line, hash each line with SHA-256 and
//!   parse it with serde_json into `serde_json::Value` — the floor for
//!   replaying an incident with its hash chain checked.
//! - `append DIR N` and `append-runbook DIR N`: N durable appends of a line
//!   the size of an incident note, as a raw `write` plus `sync_data`, and
//!   through runbook's log writer — the floor and the real thing.

use std::io::{BufRead as _, Write as _};
use std::time::Instant;

use sha2::{Digest as _, Sha256};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["ron", file] => {
            let text = std::fs::read_to_string(file)?;
            let value: ron::Value = ron::Options::default().from_str(&text)?;
            println!(
                "parsed {} bytes into {}",
                text.len(),
                if matches!(value, ron::Value::Map(_)) {
                    "a map"
                } else {
                    "a value"
                }
            );
        }
        ["jsonl", file] => {
            let reader = std::io::BufReader::new(std::fs::File::open(file)?);
            let (mut lines, mut last) = (0u64, [0u8; 32]);
            for line in reader.split(b'\n') {
                let line = line?;
                last = Sha256::digest(&line).into();
                let _value: serde_json::Value = serde_json::from_slice(&line)?;
                lines += 1;
            }
            println!(
                "{lines} lines, last hash starts {:02x}{:02x}",
                last[0], last[1]
            );
        }
        ["append", dir, n] => {
            let n: usize = n.parse()?;
            let path = std::path::Path::new(dir).join("raw.jsonl");
            let mut file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)?;
            let line = format!("{}\n", "x".repeat(LINE - 1));
            let start = Instant::now();
            for _ in 0..n {
                file.write_all(line.as_bytes())?;
                file.sync_data()?;
            }
            println!(
                "{:.1} µs per append",
                start.elapsed().as_secs_f64() * 1e6 / n as f64
            );
        }
        ["append-runbook", dir, n] => {
            let n: usize = n.parse()?;
            let path = std::path::Path::new(dir).join("log-bench.jsonl");
            let session = runbook::io::log::Session {
                device: "bench".to_owned(),
                machine: None,
                plan_sha256: "0".repeat(64),
                at: chrono::Utc::now(),
            };
            let mut writer = runbook::io::log::Writer::create(&path, &session, None)
                .map_err(|e| format!("{e:?}"))?;
            // A note whose line is about LINE bytes, like the raw one.
            let entry = runbook::model::incident::Entry {
                recorded_at: chrono::Utc::now(),
                happened_at: None,
                by: "bench".into(),
                device: "bench".into(),
                after: runbook::model::incident::Causes::default(),
                event: runbook::model::incident::Event::Note {
                    text: "x".repeat(LINE - 260),
                    step: None,
                    corrects: None,
                },
            };
            let start = Instant::now();
            for _ in 0..n {
                writer.append(&entry).map_err(|e| format!("{e:?}"))?;
            }
            println!(
                "{:.1} µs per append",
                start.elapsed().as_secs_f64() * 1e6 / n as f64
            );
        }
        _ => {
            eprintln!(
                "usage: baseline ron FILE | jsonl FILE | append DIR N | append-runbook DIR N"
            );
            std::process::exit(2);
        }
    }
    Ok(())
}

/// The size of a line: an incident note of a sentence or two.
const LINE: usize = 400;
