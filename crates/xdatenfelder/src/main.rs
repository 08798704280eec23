//! `xdf-import`: converts an XDatenfelder 2.0 / 3.0.0 Stammdatenschema message into our form
//! JSON and prints the import report.
//!
//! ```text
//! xdf-import MESSAGE.xml [--code-lists DIR]... [--form-id ID] [--leika KEY] [--out FILE]
//! ```
//! The form JSON goes to stdout (or `--out`), the report to stderr. `--code-lists` reads every
//! `*.xml` file of a folder as a genericode code list. Exit status: 0 imported, 1 refused, 2
//! usage.

use std::path::PathBuf;
use std::process::ExitCode;

use xdatenfelder::{import, CodeLists, Options};

const USAGE: &str =
    "usage: xdf-import MESSAGE.xml [--code-lists DIR]... [--form-id ID] [--leika KEY] [--out FILE]";

struct Args {
    message: PathBuf,
    code_list_dirs: Vec<PathBuf>,
    form_id: Option<String>,
    leika_key: Option<String>,
    out: Option<PathBuf>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut message = None;
    let mut parsed = Args {
        message: PathBuf::new(),
        code_list_dirs: Vec::new(),
        form_id: None,
        leika_key: None,
        out: None,
    };
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--code-lists" => parsed.code_list_dirs.push(value("--code-lists")?.into()),
            "--form-id" => parsed.form_id = Some(value("--form-id")?),
            "--leika" => parsed.leika_key = Some(value("--leika")?),
            "--out" => parsed.out = Some(value("--out")?.into()),
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            path if message.is_none() => message = Some(PathBuf::from(path)),
            extra => return Err(format!("one message at a time (also given: {extra})")),
        }
    }
    parsed.message = message.ok_or("no message file given")?;
    Ok(parsed)
}

fn read_code_lists(dirs: &[PathBuf]) -> Result<CodeLists, String> {
    let mut lists = CodeLists::new();
    for dir in dirs {
        let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "xml"))
            .collect();
        paths.sort();
        for path in paths {
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            lists
                .add_genericode(&text)
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(lists)
}

fn run(args: Args) -> Result<(), String> {
    let text = std::fs::read_to_string(&args.message)
        .map_err(|e| format!("{}: {e}", args.message.display()))?;
    let options = Options {
        form_id: args.form_id,
        leika_key: args.leika_key,
        code_lists: read_code_lists(&args.code_list_dirs)?,
    };
    let imported =
        import(&text, &options).map_err(|e| format!("{}: {e}", args.message.display()))?;
    let json = serde_json::to_string_pretty(&imported.definition)
        .map_err(|e| format!("the form cannot be written as JSON: {e}"))?;
    match &args.out {
        Some(out) => {
            std::fs::write(out, json + "\n").map_err(|e| format!("{}: {e}", out.display()))?
        }
        None => println!("{json}"),
    }
    eprintln!(
        "imported XDatenfelder {:?} schema as form {} {} ({} notes)",
        imported.version,
        imported.definition.id,
        imported.definition.version,
        imported.report.notes.len()
    );
    eprint!("{}", imported.report);
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(why) => {
            if !why.is_empty() {
                eprintln!("xdf-import: {why}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            eprintln!("xdf-import: {why}");
            ExitCode::FAILURE
        }
    }
}
