//! axe-core (WCAG 2.1 A and AA rules) on the page the app shows, for every journey that opens a
//! screen: violations are recorded per page and written to the artifacts.

use serde_json::{json, Value};

use crate::{artifacts_dir, App, Result};

/// The WCAG 2.1 A and AA rule tags of axe-core.
const AXE_RUN: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
  .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary) }))))
  .catch(e => done([{ id: 'axe-error', help: String(e), nodes: [] }]));
"#;

/// Runs axe-core on the current page; records violations under `name`.
pub async fn axe(app: &App, name: &str, report: &mut Vec<Value>) -> Result<()> {
    let loaded = app
        .client
        .execute("return typeof axe !== 'undefined';", vec![])
        .await?;
    if loaded != json!(true) {
        let source = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../ui/node_modules/axe-core/axe.min.js"
        ))?;
        app.client.execute(&source, vec![]).await?;
    }
    let violations = app.client.execute_async(AXE_RUN, vec![]).await?;
    let count = violations.as_array().map_or(0, Vec::len);
    println!("axe {name}: {count} violations");
    report.push(json!({ "page": name, "violations": violations }));
    Ok(())
}

/// Writes the report to the artifacts as `file`; returns the number of violations in it.
pub fn write_report(report: &[Value], file: &str) -> Result<usize> {
    std::fs::write(
        artifacts_dir().join(file),
        serde_json::to_string_pretty(report)?,
    )?;
    Ok(report
        .iter()
        .map(|r| r["violations"].as_array().map_or(0, Vec::len))
        .sum())
}
