//! `stance report`: figures, shard merging, input formats, escaping, golden
//! outputs and a render in headless Chromium.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::util::{
    fails_with, files_in, fixture, score_article_in, stance, stance_in, stdout_of, succeeds, write,
};

const FORMATS: [&str; 4] = ["csv", "json", "markdown", "html"];

/// The scored statements all report tests start from.
fn scored() -> PathBuf {
    fixture("report/scored.csv")
}

/// `stance report ARGS... INPUTS...`, which must succeed; its stdout.
fn report(args: &[&str], inputs: &[&Path]) -> String {
    stdout_of(stance().arg("report").args(args).args(inputs))
}

/// The fixture's header and rows.
fn fixture_records() -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_path(scored()).unwrap();
    let header = reader.headers().unwrap().clone();
    let rows = reader.records().map(Result::unwrap).collect();
    (header, rows)
}

fn write_csv(path: &Path, header: &csv::StringRecord, rows: &[csv::StringRecord]) {
    let mut w = csv::Writer::from_path(path).unwrap();
    w.write_record(header).unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    w.flush().unwrap();
}

/// The fixture as `stance score --format jsonl` would write it: numbers as
/// numbers (with more decimals than the CSV has), empty cells as null.
fn write_jsonl(path: &Path) {
    let (header, rows) = fixture_records();
    let mut out = String::new();
    for r in rows {
        let mut obj = serde_json::Map::new();
        for (key, cell) in header.iter().zip(r.iter()) {
            let value = match key {
                "statement" | "start" | "end" => cell.parse::<u64>().unwrap().into(),
                "confidence" => (cell.parse::<f64>().unwrap() + 3e-6).into(),
                k if k.starts_with("p_") => (cell.parse::<f64>().unwrap() + 3e-6).into(),
                _ if cell.is_empty() => serde_json::Value::Null,
                _ => cell.into(),
            };
            obj.insert(key.to_owned(), value);
        }
        out.push_str(&serde_json::to_string(&obj).unwrap());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

fn json_report(inputs: &[&Path]) -> serde_json::Value {
    serde_json::from_str(&report(
        &["--format", "json", "--by-period", "month"],
        inputs,
    ))
    .unwrap()
}

fn speaker<'a>(json: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    json["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["speaker"] == name)
        .unwrap_or_else(|| panic!("no row for {name}"))
}

fn assert_close(value: &serde_json::Value, want: f64) {
    let got = value
        .as_f64()
        .unwrap_or_else(|| panic!("not a number: {value}"));
    assert!((got - want).abs() < 1e-9, "{got} != {want}");
}

#[test]
fn figures_match_the_hand_computed_ones() {
    let json = json_report(&[&scored()]);
    assert_eq!(
        json["labels"],
        serde_json::json!(["conciliatory", "sceptical", "hawkish"])
    );
    assert_eq!(json["statements_without_speaker"], 1);
    let order: Vec<&str> = json["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["speaker"].as_str().unwrap())
        .collect();
    assert_eq!(
        order,
        [
            "Jürgen Köhler",
            "Annika Lindqvist",
            "Renate Schütz",
            "Paul Rieger"
        ]
    );

    // Köhler: hawkish .80 .70 .85, conciliatory .65, one uncertain at .40.
    let k = speaker(&json, "Jürgen Köhler");
    assert_eq!(k["statements"], 5);
    assert_eq!(k["articles"], 2);
    assert_eq!(
        (&k["n_conciliatory"], &k["n_sceptical"]),
        (&1.into(), &0.into())
    );
    assert_eq!((&k["n_hawkish"], &k["n_uncertain"]), (&3.into(), &1.into()));
    assert_close(&k["share_conciliatory"], 0.25);
    assert_close(&k["share_hawkish"], 0.75);
    assert_close(&k["net_stance"], 0.5);
    assert_close(&k["mean_p_conciliatory"], 1.3 / 5.0);
    assert_close(&k["mean_p_sceptical"], 0.9 / 5.0);
    assert_close(&k["mean_p_hawkish"], 2.8 / 5.0);
    assert_close(&k["mean_confidence"], 3.4 / 5.0);
    assert_eq!(k["dominant"], "hawkish");
    assert_eq!(
        (&k["first_date"], &k["last_date"]),
        (&"2026-10-28".into(), &"2026-11-17".into())
    );
    assert_eq!(k["example_hawkish_article"], "rail-deal");
    assert_eq!(k["example_hawkish_statement"], 1);
    assert!(k["example_sceptical"].is_null());

    // Lindqvist: two conciliatory at .90 tie; the smaller article id wins.
    let a = speaker(&json, "Annika Lindqvist");
    assert_close(&a["net_stance"], 1.0 / 3.0 - 2.0 / 3.0);
    assert_close(&a["mean_confidence"], 0.8);
    assert_eq!(a["example_conciliatory_article"], "rail-deal");
    assert_eq!(a["example_conciliatory_statement"], 2);

    // Schütz: one conciliatory, one sceptical; mean probability breaks the tie.
    let s = speaker(&json, "Renate Schütz");
    assert_eq!(s["dominant"], "conciliatory");
    assert_close(&s["net_stance"], -0.5);

    let r = speaker(&json, "Paul Rieger");
    assert_eq!(
        (&r["first_date"], &r["last_date"]),
        (&"2026-10-28".into(), &"2026-10-28".into())
    );

    // Köhler's trend: all hawkish in October, even in November.
    let months: Vec<(&str, f64)> = json["periods"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["speaker"] == "Jürgen Köhler")
        .map(|r| {
            (
                r["period"].as_str().unwrap(),
                r["net_stance"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(months, [("2026-10", 1.0), ("2026-11", 0.0)]);

    let weeks = report(&["--by-period", "week"], &[&scored()]);
    assert!(weeks.contains("Jürgen Köhler,2026-W44,2,"), "{weeks}");
    assert!(weeks.contains("Jürgen Köhler,2026-W47,3,"), "{weeks}");
}

#[test]
fn min_statements_leaves_out_small_speakers() {
    let out = report(&["--min-statements", "3"], &[&scored()]);
    let speakers: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(speakers, ["Jürgen Köhler", "Annika Lindqvist"]);
}

#[test]
fn shards_give_the_same_report_as_the_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (header, rows) = fixture_records();
    // Two shards that split an article and a speaker, and three in another
    // order, one with its columns shuffled.
    let a = dir.path().join("a.csv");
    let b = dir.path().join("b.csv");
    write_csv(&a, &header, &rows[..7]);
    write_csv(&b, &header, &rows[7..]);
    let shuffle = |r: &csv::StringRecord| -> csv::StringRecord { r.iter().rev().collect() };
    let (c, d, e) = (
        dir.path().join("c.csv"),
        dir.path().join("d.csv"),
        dir.path().join("e.csv"),
    );
    write_csv(&c, &header, &rows[..3]);
    write_csv(
        &d,
        &shuffle(&header),
        &rows[3..9].iter().map(shuffle).collect::<Vec<_>>(),
    );
    write_csv(&e, &header, &rows[9..]);
    let empty = dir.path().join("empty.csv");
    write_csv(&empty, &header, &[]);
    for format in FORMATS {
        for by in [None, Some("month"), Some("week")] {
            let mut args = vec!["--format", format];
            if let Some(by) = by {
                args.extend(["--by-period", by]);
            }
            let whole = report(&args, &[&scored()]);
            assert_eq!(report(&args, &[&a, &b]), whole, "{format} {by:?}");
            assert_eq!(
                report(&args, &[&e, &empty, &d, &c]),
                whole,
                "{format} {by:?}"
            );
        }
    }
}

#[test]
fn jsonl_and_neutralised_csv_give_the_same_report() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("scored.jsonl");
    write_jsonl(&jsonl);
    // What `stance score` writes: formulas neutralised with an apostrophe.
    let (header, rows) = fixture_records();
    let safe: Vec<csv::StringRecord> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| stance::output::csv_safe(c).into_owned())
                .collect()
        })
        .collect();
    assert!(safe.iter().any(|r| r[5].starts_with("'=HYPERLINK")));
    let neutralised = dir.path().join("safe.csv");
    write_csv(&neutralised, &header, &safe);
    for format in FORMATS {
        let args = ["--format", format, "--by-period", "month"];
        let from_csv = report(&args, &[&scored()]);
        assert_eq!(report(&args, &[&jsonl]), from_csv, "{format}");
        assert_eq!(report(&args, &[&neutralised]), from_csv, "{format}");
        assert_eq!(
            report(&args, &[&jsonl, &neutralised]),
            report(&args, &[&scored(), &scored()])
        );
    }
}

#[test]
fn scoring_articles_first_equals_scoring_then_reporting() {
    let dir = tempfile::tempdir().unwrap();
    let articles = write(
        dir.path(),
        "articles.jsonl",
        concat!(
            "{\"id\": \"a1\", \"date\": \"2026-11-02\", \"text\": \"Minister Ana Lima said: \\u201cWe are ready to talk tomorrow.\\u201d\\nThe army chief warned that any attack would be answered with force.\"}\n",
            "{\"id\": \"a2\", \"date\": \"2026-12-01\", \"text\": \"\\u201cNobody should expect a deal this week,\\u201d said Ana Lima.\"}\n",
        ),
    );
    let scored_csv = dir.path().join("scored.csv");
    let scored_jsonl = dir.path().join("scored.jsonl");
    for (format, path) in [("csv", &scored_csv), ("jsonl", &scored_jsonl)] {
        stance()
            .args(["score", "--format", format, "--output"])
            .arg(path)
            .arg(&articles)
            .assert()
            .success();
    }
    for format in FORMATS {
        let args = ["--format", format, "--by-period", "week"];
        let direct = report(&[&args[..], &["--articles"]].concat(), &[&articles]);
        assert_eq!(report(&args, &[&scored_csv]), direct, "{format}");
        assert_eq!(report(&args, &[&scored_jsonl]), direct, "{format}");
    }
}

#[test]
fn text_from_articles_is_escaped_and_formulas_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    let evil = write(
        dir.path(),
        "evil.csv",
        concat!(
            "article,statement,speaker,start,end,text,label,confidence,p_conciliatory,p_hawkish,p_sceptical,kind,date\n",
            "@SUM(A1),0,<img src=x onerror=alert(1)>,0,9,\"</q><script>alert(\"\"x\"\")</script>\",hawkish,0.9,0.05,0.9,0.05,direct,2026-11-02\n",
            "+cmd,1,=2+5,0,9,-2+3 & <b>bold</b> | pipe *star*,conciliatory,0.8,0.8,0.1,0.1,direct,2026-12-02\n",
        ),
    );

    let csv_out = report(&["--by-period", "month"], &[&evil]);
    let mut reader = csv::Reader::from_reader(csv_out.as_bytes());
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            let formula = cell.starts_with(['=', '+', '@'])
                || (cell.starts_with('-') && cell.parse::<f64>().is_err());
            assert!(!formula, "formula cell {cell:?} in\n{csv_out}");
        }
    }
    assert!(csv_out.contains("'=2+5,"), "{csv_out}");
    assert!(csv_out.contains("'-2+3 & <b>bold</b>"), "{csv_out}");
    assert!(csv_out.contains(",'@SUM(A1),"), "{csv_out}");

    let html = report(&["--format", "html", "--by-period", "month"], &[&evil]);
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the page's own script"
    );
    assert!(!html.contains("<img"));
    assert!(!html.contains("<b>bold"));
    assert!(html.contains("&lt;/q&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    let svgs: Vec<&str> = html.split("<svg").skip(1).collect();
    assert_eq!(svgs.len(), 2, "stance mix and trend");
    for svg in &svgs {
        let svg = svg.split("</svg>").next().unwrap();
        assert!(!svg.contains("<img") && !svg.contains("<script"), "{svg}");
    }
    // The stance mix chart names the speakers on its axis.
    assert!(
        svgs[0].contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{}",
        svgs[0]
    );

    let md = report(&["--format", "markdown"], &[&evil]);
    let raw_tag = md.match_indices('<').any(|(i, _)| !md[..i].ends_with('\\'));
    assert!(!raw_tag, "unescaped < in\n{md}");
    assert!(md.contains("\\<img src=x onerror=alert(1)\\>"), "{md}");
    assert!(md.contains("\\| pipe \\*star\\*"), "{md}");

    let json: serde_json::Value =
        serde_json::from_str(&report(&["--format", "json"], &[&evil])).unwrap();
    // JSON is for tools: text is kept as it was.
    assert_eq!(
        json["speakers"][0]["speaker"],
        "<img src=x onerror=alert(1)>"
    );
}

#[test]
fn html_is_self_contained() {
    let html = report(&["--format", "html", "--by-period", "week"], &[&scored()]);
    for external in [
        "<link",
        "<img",
        "<iframe",
        " src=",
        "url(",
        "@import",
        "href=\"http",
    ] {
        assert!(!html.contains(external), "found {external}");
    }
    assert!(html.contains("<table class=\"sortable\" id=\"speaker-table\">"));
    assert!(html.contains("<section id=\"trend\">"));
    assert!(html.contains("2026-W44") && html.contains("2026-W47"));
}

#[test]
fn bad_input_names_file_and_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let header = "article,statement,speaker,start,end,text,label,confidence,p_conciliatory,p_hawkish,p_sceptical,kind";
    let good = "a,0,Ana,0,1,t,hawkish,0.9,0.05,0.9,0.05,direct";
    let cases: [(&str, String, &str); 9] = [
        ("no-speaker.csv", "article,statement,text,label,confidence,p_hawkish\n".into(), "line 1: no column named 'speaker'"),
        ("no-labels.csv", "article,statement,speaker,text,label,confidence\n".into(), "line 1: no column named 'p_<label>'"),
        ("short-row.csv", format!("{header}\n{good}\na,1,Ana\n"), "line 3: 3 fields, but the header has 12"),
        ("bad-p.csv", format!("{header}\n{good}\na,1,Ana,0,1,t,hawkish,0.9,0.05,abc,0.05,direct\n"), "line 3: p_hawkish 'abc' is not a number between 0 and 1"),
        ("bad-label.csv", format!("{header}\na,1,Ana,0,1,t,dovish,0.9,0.05,0.9,0.05,direct\n"), "line 2: label 'dovish' is not one of the p_ columns"),
        ("bad-index.csv", format!("{header}\na,x,Ana,0,1,t,hawkish,0.9,0.05,0.9,0.05,direct\n"), "line 2: statement 'x' is not a whole number"),
        (
            "crlf-bom.csv",
            format!(
                "\u{feff}{header}\r\na,0,Ana,0,1,\"two\r\nlines\",hawkish,0.9,0.05,0.9,0.05,direct\r\na,1,Ana,0,1,t,hawkish,0.9,0.05,0.9,-1,direct\r\n"
            ),
            "line 4: p_sceptical '-1' is not a number between 0 and 1",
        ),
        ("bad.jsonl", "{\"article\": \"a\", \"statement\": 0, \"speaker\": \"Ana\", \"text\": \"t\", \"label\": \"hawkish\", \"confidence\": 0.9, \"p_hawkish\": 0.9, \"p_sceptical\": 0.1}\n{oops\n".into(), "line 2: not valid JSON"),
        ("no-field.jsonl", "{\"article\": \"a\", \"statement\": 0, \"text\": \"t\", \"label\": \"hawkish\", \"confidence\": 0.9, \"p_hawkish\": 0.9}\n".into(), "line 1: no field 'speaker'"),
    ];
    let out = dir.path().join("out.csv");
    for (name, content, message) in &cases {
        let path = write(dir.path(), name, content);
        fails_with(
            stance().args(["report", "--output"]).arg(&out).arg(&path),
            &[&format!("{name} {message}")],
        );
        assert!(!out.exists(), "{name}: output written");
    }

    // A missing file, and files whose labels differ: every bad input named.
    let two = write(
        dir.path(),
        "two-labels.csv",
        "article,statement,speaker,text,label,confidence,p_a,p_b\nx,0,Ana,t,a,0.6,0.6,0.4\n",
    );
    fails_with(
        stance()
            .args(["report", "--output"])
            .arg(&out)
            .arg(scored())
            .arg(dir.path().join("missing.csv"))
            .arg(&two),
        &[
            "missing.csv",
            "two-labels.csv line 1: labels (a, b) differ",
            "2 inputs could not be read; no report written",
        ],
    );
    assert!(!out.exists());
}

#[test]
fn speakerless_rows_are_counted_on_stderr_and_output_is_atomic() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    let (_, stderr) = succeeds(
        stance()
            .args(["report", "--format", "html", "--output"])
            .arg(&out)
            .arg(scored()),
    );
    assert!(
        stderr.contains("1 statement(s) without a speaker left out"),
        "{stderr}"
    );
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .ends_with("</html>\n")
    );
    assert_eq!(
        files_in(dir.path()),
        ["report.html"],
        "no temp file left behind"
    );
}

#[test]
fn a_scored_file_given_twice_is_counted_once_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    score_article_in(d);
    let once = stdout_of(stance_in(d).args(["report", "scored.csv"]));
    let (twice, stderr) = succeeds(stance_in(d).args(["report", "scored.csv", "scored.csv"]));
    assert_eq!(twice, once);
    assert!(
        stderr.contains("1 repeated statement(s) counted once"),
        "{stderr}"
    );
    assert!(
        stderr.contains("scored.csv line 2: article 'news' statement 0"),
        "{stderr}"
    );
}

#[test]
fn golden_outputs() {
    for format in FORMATS {
        let out = report(&["--format", format, "--by-period", "month"], &[&scored()]);
        insta::assert_snapshot!(format!("report_{format}"), out);
    }
}

/// Runs `program` with a deadline (a hung browser must not hang the tests).
fn run_with_timeout(cmd: &mut std::process::Command, limit: Duration) -> std::process::Output {
    let mut child = cmd
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            child.kill().unwrap();
            panic!("{cmd:?} took longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    child.wait_with_output().unwrap()
}

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join("chromium"))
        .find(|p| p.is_file())
}

fn headless(browser: &Path, profile: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1200,900",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

#[test]
fn html_renders_in_chromium_and_sorts() {
    let Some(browser) = chromium() else {
        // .ci/run sets this: there a missing browser is a failure, not a skip.
        assert!(
            std::env::var_os("STANCE_REQUIRE_CHROMIUM").is_none(),
            "STANCE_REQUIRE_CHROMIUM is set but chromium is not on the PATH"
        );
        // Written to the real stderr, past the test harness's capture, so a
        // run without Chromium says so instead of passing silently.
        use std::io::Write as _;
        let _ = writeln!(
            std::io::stderr(),
            "html_renders_in_chromium_and_sorts: skipped (chromium not installed{})",
            if std::env::var_os("CI").is_some() {
                "; .ci/run could not install it"
            } else {
                "; `apt-get install chromium` runs it"
            }
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("report.html");
    stance()
        .args([
            "report",
            "--format",
            "html",
            "--by-period",
            "month",
            "--output",
        ])
        .arg(&html)
        .arg(scored())
        .assert()
        .success();

    let png = dir.path().join("report.png");
    let out = run_with_timeout(
        headless(&browser, &dir.path().join("profile-1"))
            .arg(format!("--screenshot={}", png.display()))
            .arg(format!("file://{}", html.display())),
        Duration::from_secs(120),
    );
    let size = std::fs::metadata(&png).map(|m| m.len()).unwrap_or(0);
    assert!(
        size > 20_000,
        "screenshot of {size} bytes; chromium said {out:?}"
    );

    let dom = run_with_timeout(
        headless(&browser, &dir.path().join("profile-2"))
            .arg("--dump-dom")
            .arg(format!("file://{}", html.display())),
        Duration::from_secs(120),
    );
    let dom = String::from_utf8_lossy(&dom.stdout).into_owned();
    let table = dom
        .split("id=\"speaker-table\"")
        .nth(1)
        .and_then(|t| t.split("</table>").next())
        .unwrap_or_else(|| panic!("no speaker table in\n{dom}"));
    assert_eq!(
        table.matches("<tr>").count(),
        1 + 4,
        "header and four speakers"
    );
    assert!(
        dom.contains("class=\"sortable js-sortable\""),
        "the script did not run"
    );
    assert!(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));

    // Click the Speaker header: rows sort by name.
    let page = std::fs::read_to_string(&html).unwrap().replace(
        "</body>",
        "<script>document.querySelector('#speaker-table th button').click();</script></body>",
    );
    let clicked = dir.path().join("clicked.html");
    std::fs::write(&clicked, page).unwrap();
    let dom = run_with_timeout(
        headless(&browser, &dir.path().join("profile-3"))
            .arg("--dump-dom")
            .arg(format!("file://{}", clicked.display())),
        Duration::from_secs(120),
    );
    let dom = String::from_utf8_lossy(&dom.stdout).into_owned();
    let table = dom.split("id=\"speaker-table\"").nth(1).unwrap();
    let at = |name: &str| {
        table
            .find(&format!(">{name}</a>"))
            .unwrap_or_else(|| panic!("{name}"))
    };
    assert!(at("Annika Lindqvist") < at("Jürgen Köhler"));
    assert!(at("Jürgen Köhler") < at("Paul Rieger"));
    assert!(at("Paul Rieger") < at("Renate Schütz"));
    assert!(table.contains("aria-sort=\"ascending\""));
}

/// The report's columns as the README's table lists them, `<label>` spelt
/// out for `labels`; rows of `example_<label>...` repeat as a group per label.
fn readme_columns(labels: &[&str]) -> Vec<String> {
    let readme = std::fs::read_to_string(crate::util::root().join("README.md")).unwrap();
    let table = readme
        .split("### Report columns")
        .nth(1)
        .expect("README has a Report columns section")
        .lines()
        .skip_while(|l| !l.starts_with("| column |"))
        .skip(2)
        .take_while(|l| l.starts_with("| `"));
    let mut columns = Vec::new();
    let mut examples: Vec<String> = Vec::new();
    for row in table {
        let (names, meaning) = row[2..].split_once(" | ").unwrap();
        let names: Vec<&str> = names.split(", ").map(|n| n.trim_matches('`')).collect();
        if names[0].starts_with("example_<label>") {
            examples.extend(names.iter().map(|n| n.to_string()));
            continue;
        }
        for name in names {
            if name.contains("<label>") {
                let stance_only = meaning.contains("every label but `neutral`");
                for label in labels {
                    if !(stance_only && *label == "neutral") {
                        columns.push(name.replace("<label>", label));
                    }
                }
            } else {
                columns.push(name.to_owned());
            }
        }
    }
    for label in labels {
        columns.extend(examples.iter().map(|n| n.replace("<label>", label)));
    }
    columns
}

#[test]
fn the_readme_column_table_matches_the_report() {
    let article = crate::util::data("articles/rail-strike.txt");
    let csv = report(&["--articles"], &[&article]);
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let json: serde_json::Value =
        serde_json::from_str(&report(&["--format", "json", "--articles"], &[&article])).unwrap();
    let labels: Vec<&str> = json["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"neutral"),
        "{labels:?}: a model with neutral"
    );
    // The JSON keys come sorted (serde_json's map): compare them as a set.
    let mut keys: Vec<&str> = json["speakers"][0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let documented = readme_columns(&labels);
    assert_eq!(header, documented, "the CSV header and the README differ");
    let mut sorted = documented.clone();
    sorted.sort();
    keys.sort_unstable();
    assert_eq!(keys, sorted, "the JSON keys and the README differ");
}
