//! Sidecar save/load times for 10,000 annotations, next to a serde_json baseline of
//! the same data measured in the same run.
//!
//! `cargo run --release --example bench_sidecar`
//!
//! Targets (DESIGN.md): save < 30 ms, load < 50 ms.

// A benchmark aborts on the first failure with its message; it is a measuring tool,
// not product code, so unwrap/expect are allowed here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::time::{Duration, Instant};

use pathok::annotate::{Edit, History, Timestamp};
use pathok::store::{LockedWrite, Sidecar, SidecarFile, write_atomic};
use pathok::text::CharRange;

const ANNOTATIONS: usize = 10_000;
const RUNS: usize = 21;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time(mut f: impl FnMut()) -> Duration {
    median(
        (0..RUNS)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

fn ms(d: Duration) -> String {
    format!("{:8.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let article_path = dir.path().join("article.txt");
    let sentence = "ঢাকার আকাশে আজ মেঘ জমেছে, দুপুরের পর বৃষ্টি হতে পারে বলে জানিয়েছে আবহাওয়া অফিস। ";
    let body: String = (0..ANNOTATIONS / 2)
        .map(|i| format!("{i}: {sentence}\n"))
        .collect();
    std::fs::write(&article_path, &body)?;
    let article = pathok::article::load(&article_path)?;

    let (mut sidecar, _) = Sidecar::open(&article_path, &article)?;
    let now = Timestamp::now();
    let mut history = History::default();
    let step = article.text.char_len() / ANNOTATIONS;
    for i in 0..ANNOTATIONS {
        let range = CharRange::new(i * step, i * step + 12);
        let tags = vec![["সরকারি বক্তব্য", "সমালোচনা", "আবহাওয়া"][i % 3].to_owned()];
        let edit = Edit::add(&article.text, range, Default::default(), tags, "coder", now)?;
        history.apply(&mut sidecar.annotations, edit, now)?;
        if i % 4 == 0 {
            let id = sidecar.annotations.iter().last().map(|a| a.id);
            if let Some(id) = id {
                let e = Edit::edit_note(&sidecar.annotations, id, "একটি নোট".into(), now)?;
                history.apply(&mut sidecar.annotations, e, now)?;
            }
        }
    }
    sidecar.save(&article.text)?;
    let size = std::fs::metadata(&sidecar.path)?.len();

    let save = time(|| {
        sidecar.save(&article.text).expect("save");
    });
    let serialize = time(|| {
        sidecar.serialize().expect("serialize");
    });
    let bytes = sidecar.serialize()?;
    let write_path = dir.path().join("write-only.ron");
    let write = time(|| {
        write_atomic(&write_path, &bytes).expect("write");
    });
    // Taking and releasing the folder's lock (with the look for stale temp files)
    // that every save goes through.
    let paths = [sidecar.path.clone()];
    let lock = time(|| {
        drop(LockedWrite::begin(&paths).expect("lock"));
    });
    let load = time(|| {
        Sidecar::open(&article_path, &article).expect("open");
    });
    let ron_bytes = std::fs::read(&sidecar.path)?;
    let parse = time(|| {
        pathok::store::parse_sidecar(&ron_bytes, &sidecar.path).expect("parse");
    });
    // What parsing costs when the direct parser does not recognise the layout (a
    // hand-edited file): `ron` alone.
    let ron_text = std::str::from_utf8(&ron_bytes)?;
    let ron_parse = time(|| {
        let _: SidecarFile = ron::from_str(ron_text).expect("ron");
    });

    // Baseline: the same data as JSON with serde_json, written the same atomic way.
    let file: SidecarFile = sidecar.to_file();
    let json_path = dir.path().join("baseline.json");
    let json_save = time(|| {
        let bytes = serde_json::to_vec(&file).expect("json");
        write_atomic(Path::new(&json_path), &bytes).expect("write");
    });
    let json_size = std::fs::metadata(&json_path)?.len();
    let json_load = time(|| {
        let bytes = std::fs::read(&json_path).expect("read");
        let _: SidecarFile = serde_json::from_slice(&bytes).expect("parse");
    });

    println!("sidecar with {ANNOTATIONS} annotations, median of {RUNS} runs");
    println!("                          pathok (RON)   baseline (serde_json)");
    println!("save (atomic, fsync)    {}    {}", ms(save), ms(json_save));
    println!("  of which serialize    {}", ms(serialize));
    println!("  of which atomic write {}", ms(write));
    println!("  of which folder lock  {}", ms(lock));
    println!("load (read, parse, check){}    {}", ms(load), ms(json_load));
    println!("  of which parse        {}", ms(parse));
    println!("(parse by ron alone     {})", ms(ron_parse));
    println!(
        "file size               {:8} KiB    {:8} KiB",
        size / 1024,
        json_size / 1024
    );
    println!("targets: save < 30 ms, load < 50 ms");
    Ok(())
}
