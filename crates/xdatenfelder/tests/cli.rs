//! The `xdf-import` binary: form JSON on stdout (or `--out`), the report on stderr, exit
//! status 0 / 1 / 2.
use std::process::Command;

fn xdf_import(args: &[&str]) -> std::process::Output {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    Command::new(env!("CARGO_BIN_EXE_xdf-import"))
        .current_dir(root)
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn converts_a_message_with_its_code_lists_and_prints_the_report() {
    let out = xdf_import(&[
        "data/xdf/bewohnerparkausweis.xdf2.xml",
        "--code-lists",
        "data/xdf/codelisten",
        "--form-id",
        "bewohnerparkausweis-fim",
        "--leika",
        "99108001001000",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let form: domain::form::FormDefinition =
        serde_json::from_slice(&out.stdout).expect("stdout is a form definition");
    assert_eq!(form.id, "bewohnerparkausweis-fim");
    assert_eq!(form.leika_key.as_deref(), Some("99108001001000"));
    assert_eq!(form.code_lists.len(), 2, "both genericode lists were used");
    domain::form::Form::new(form).expect("the engine takes it");
    assert!(
        stderr.contains("imported XDatenfelder V2 schema") && stderr.contains("Datentyp obj"),
        "the report is on stderr: {stderr}"
    );
}

#[test]
fn without_the_code_lists_the_selects_become_free_text_and_say_so() {
    let out = xdf_import(&["data/xdf/bewohnerparkausweis.xdf2.xml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "code list urn:de:thueringen:app:codeliste:halterart (version 1) was not given"
        ),
        "{stderr}"
    );
}

#[test]
fn refusals_and_usage_errors_have_their_exit_status() {
    let refused = xdf_import(&["data/xdf/codelisten/laufzeit.gc.xml"]);
    assert_eq!(
        refused.status.code(),
        Some(1),
        "a code list is not a message"
    );
    assert!(String::from_utf8_lossy(&refused.stderr).contains("not an XDatenfelder"));
    assert_eq!(xdf_import(&[]).status.code(), Some(2), "no file");
    assert_eq!(
        xdf_import(&["a.xml", "--frob"]).status.code(),
        Some(2),
        "unknown option"
    );
    assert_eq!(
        xdf_import(&["no-such-file.xml"]).status.code(),
        Some(1),
        "unreadable"
    );
}
