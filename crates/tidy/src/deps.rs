//! The workspace's crate graph (from `cargo metadata`) checked against a table of layers.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// How a crate depends on another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Normal,
    Build,
    Dev,
}

/// One crate of the workspace and the workspace crates it depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    pub name: String,
    pub deps: Vec<(String, Kind)>,
}

/// A crate's place in the layers: what it may depend on (normal and build dependencies), what
/// its tests and benches may use besides (dev-dependencies), and what it is.
#[derive(Debug, Clone, Copy)]
pub struct Layer {
    pub krate: &'static str,
    pub may_use: &'static [&'static str],
    pub dev_may_use: &'static [&'static str],
    pub role: &'static str,
}

/// Edges (each of `from` to each of `to`) no table entry may allow, of any kind, and that must
/// not be reached through other crates either; `"*"` matches every crate.
#[derive(Debug, Clone, Copy)]
pub struct Forbidden {
    pub from: &'static [&'static str],
    pub to: &'static [&'static str],
    pub reason: &'static str,
}

/// The workspace's packages and their edges to each other, from `cargo metadata` run on the
/// root manifest (no network, no dependency resolution).
pub fn load(root: &Path) -> Result<Vec<Package>, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .arg("--manifest-path")
        .arg(root.join("Cargo.toml"))
        .output()
        .map_err(|e| format!("cannot run cargo metadata: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    parse_metadata(&String::from_utf8_lossy(&output.stdout))
}

/// The packages of `cargo metadata --format-version 1 --no-deps` output, each with its
/// dependencies on other packages of the workspace (by package name, renames undone).
pub fn parse_metadata(json: &str) -> Result<Vec<Package>, String> {
    let metadata: Value =
        serde_json::from_str(json).map_err(|e| format!("cargo metadata is not JSON: {e}"))?;
    let packages = metadata["packages"]
        .as_array()
        .ok_or("cargo metadata has no packages")?;
    let names: BTreeSet<&str> = packages.iter().filter_map(|p| p["name"].as_str()).collect();
    let mut result = Vec::new();
    for package in packages {
        let name = package["name"].as_str().ok_or("a package without a name")?;
        let mut deps = Vec::new();
        for dep in package["dependencies"].as_array().into_iter().flatten() {
            let Some(dep_name) = dep["name"].as_str() else {
                continue;
            };
            // Ours: a path dependency on a package of the workspace.
            if dep["path"].is_null() || !names.contains(dep_name) {
                continue;
            }
            let kind = match dep["kind"].as_str() {
                Some("dev") => Kind::Dev,
                Some("build") => Kind::Build,
                _ => Kind::Normal,
            };
            if !deps.contains(&(dep_name.to_string(), kind)) {
                deps.push((dep_name.to_string(), kind));
            }
        }
        result.push(Package {
            name: name.to_string(),
            deps,
        });
    }
    Ok(result)
}

fn matches(patterns: &[&str], name: &str) -> bool {
    patterns.iter().any(|&p| p == "*" || p == name)
}

fn forbidden<'a>(rules: &'a [Forbidden], from: &str, to: &str) -> Option<&'a Forbidden> {
    rules
        .iter()
        .find(|r| matches(r.from, from) && matches(r.to, to))
}

fn kind_note(kind: Kind) -> &'static str {
    match kind {
        Kind::Normal => "",
        Kind::Build => " (build-dependency)",
        Kind::Dev => " (dev-dependency)",
    }
}

/// Every way the graph breaks the table: an edge the table does not allow, a forbidden crate
/// reached through others, a crate the table does not place, and a table that contradicts its
/// own rules or names crates that are gone.
pub fn check(packages: &[Package], layers: &[Layer], rules: &[Forbidden]) -> Vec<String> {
    let mut problems = Vec::new();
    let by_name: BTreeMap<&str, &Layer> = layers.iter().map(|l| (l.krate, l)).collect();
    let present: BTreeSet<&str> = packages.iter().map(|p| p.name.as_str()).collect();

    for layer in layers {
        if !present.contains(layer.krate) {
            problems.push(format!(
                "the layer table names crate {}, which is not in the workspace: remove it",
                layer.krate
            ));
        }
        for (to, dev) in layer
            .may_use
            .iter()
            .map(|t| (t, false))
            .chain(layer.dev_may_use.iter().map(|t| (t, true)))
        {
            if let Some(rule) = forbidden(rules, layer.krate, to) {
                problems.push(format!(
                    "the layer table lets {} {}use {to}, which a rule forbids: {}",
                    layer.krate,
                    if dev { "(in tests) " } else { "" },
                    rule.reason
                ));
            }
        }
    }

    for package in packages {
        let Some(layer) = by_name.get(package.name.as_str()) else {
            problems.push(format!(
                "crate {} is not in the layer table (crates/tidy/tests/architecture.rs): place it \
                 in the layers of ARCHITECTURE.md and list what it may depend on",
                package.name
            ));
            continue;
        };
        for (to, kind) in &package.deps {
            let allowed = layer.may_use.contains(&to.as_str())
                || (*kind == Kind::Dev && layer.dev_may_use.contains(&to.as_str()));
            if allowed {
                continue;
            }
            let reason = match forbidden(rules, &package.name, to) {
                Some(rule) => rule.reason.to_string(),
                None => format!(
                    "{} (it may depend on {}{}); if the layers of ARCHITECTURE.md allow the edge, \
                     add it to the table with them",
                    layer.role,
                    list(layer.may_use),
                    if layer.dev_may_use.is_empty() {
                        String::new()
                    } else {
                        format!(", its tests also on {}", list(layer.dev_may_use))
                    }
                ),
            };
            problems.push(format!(
                "crate {} must not depend on {to}{}: {reason}",
                package.name,
                kind_note(*kind)
            ));
        }
    }

    // The rules hold through other crates too: a table that allows A -> B and B -> C must not
    // let A reach a C it forbids. Edges the table does not allow are reported above, so only
    // allowed edges are followed (normal and build edges: what ships).
    let edges: BTreeMap<&str, Vec<&str>> = packages
        .iter()
        .map(|p| {
            let layer = by_name.get(p.name.as_str());
            let to = p
                .deps
                .iter()
                .filter(|(t, k)| {
                    *k != Kind::Dev && layer.is_some_and(|l| l.may_use.contains(&t.as_str()))
                })
                .map(|(t, _)| t.as_str())
                .collect();
            (p.name.as_str(), to)
        })
        .collect();
    for package in packages {
        let from = package.name.as_str();
        let mut via: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        let mut queue = vec![vec![from]];
        while let Some(path) = queue.pop() {
            let last = path[path.len() - 1];
            for &next in edges.get(last).into_iter().flatten() {
                if next == from || via.contains_key(next) {
                    continue;
                }
                let mut longer = path.clone();
                longer.push(next);
                via.insert(next, longer.clone());
                queue.push(longer);
            }
        }
        for (to, path) in via {
            if path.len() <= 2 {
                continue; // a direct edge, judged above
            }
            if let Some(rule) = forbidden(rules, from, to) {
                problems.push(format!(
                    "crate {from} must not depend on {to} (through {}): {}",
                    path.join(" -> "),
                    rule.reason
                ));
            }
        }
    }
    problems
}

fn list(names: &[&str]) -> String {
    if names.is_empty() {
        "nothing of ours".to_string()
    } else {
        names.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small workspace in the shape `cargo metadata` writes it.
    fn metadata(edges: &[(&str, &str, Option<&str>)]) -> String {
        let names: BTreeSet<&str> = edges.iter().flat_map(|(a, b, _)| [*a, *b]).collect();
        let packages: Vec<Value> = names
            .iter()
            .map(|name| {
                let deps: Vec<Value> = edges
                    .iter()
                    .filter(|(from, _, _)| from == name)
                    .map(|(_, to, kind)| {
                        serde_json::json!({
                            "name": to, "kind": kind, "path": format!("/w/{to}"),
                            "source": null, "target": null, "rename": null,
                        })
                    })
                    .chain(std::iter::once(serde_json::json!({
                        "name": "serde", "kind": null, "source": "registry+https://x",
                    })))
                    .collect();
                serde_json::json!({"name": name, "dependencies": deps})
            })
            .collect();
        serde_json::json!({"packages": packages, "workspace_members": []}).to_string()
    }

    const LAYERS: &[Layer] = &[
        Layer {
            krate: "core",
            may_use: &[],
            dev_may_use: &[],
            role: "the pure core",
        },
        Layer {
            krate: "db",
            may_use: &["core"],
            dev_may_use: &["seed"],
            role: "the database",
        },
        Layer {
            krate: "seed",
            may_use: &["core"],
            dev_may_use: &[],
            role: "seed data",
        },
        Layer {
            krate: "web",
            may_use: &["core", "seed"],
            dev_may_use: &[],
            role: "the window",
        },
    ];
    const RULES: &[Forbidden] = &[
        Forbidden {
            from: &["core"],
            to: &["*"],
            reason: "the core depends on nothing of ours",
        },
        Forbidden {
            from: &["web"],
            to: &["db"],
            reason: "the window reaches data only through the shell",
        },
    ];

    fn check_edges(edges: &[(&str, &str, Option<&str>)]) -> Vec<String> {
        let packages = parse_metadata(&metadata(edges)).expect("parses");
        check(&packages, LAYERS, RULES)
    }

    #[test]
    fn metadata_keeps_only_workspace_edges() {
        let packages = parse_metadata(&metadata(&[
            ("db", "core", None),
            ("db", "seed", Some("dev")),
            ("web", "core", Some("build")),
        ]))
        .expect("parses");
        let db = packages.iter().find(|p| p.name == "db").expect("db");
        assert_eq!(
            db.deps,
            [
                ("core".to_string(), Kind::Normal),
                ("seed".to_string(), Kind::Dev)
            ]
        );
        let web = packages.iter().find(|p| p.name == "web").expect("web");
        assert_eq!(web.deps, [("core".to_string(), Kind::Build)]);
    }

    #[test]
    fn allowed_graph_passes() {
        let problems = check_edges(&[
            ("db", "core", None),
            ("db", "seed", Some("dev")),
            ("seed", "core", None),
            ("web", "seed", None),
            ("web", "core", None),
        ]);
        assert_eq!(problems, Vec::<String>::new());
    }

    #[test]
    fn forbidden_edge_fails_with_its_reason() {
        let problems = check_edges(&[
            ("db", "core", None),
            ("web", "db", None),
            ("seed", "core", None),
        ]);
        assert_eq!(
            problems,
            ["crate web must not depend on db: the window reaches data only through the shell"]
        );
    }

    #[test]
    fn edge_outside_the_table_fails_with_the_layer() {
        // web -> seed -> db also reaches a crate forbidden to web, but through the edge that is
        // reported already: one report, not two.
        let problems = check_edges(&[
            ("db", "core", None),
            ("seed", "db", None),
            ("web", "seed", None),
        ]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0]
                .starts_with("crate seed must not depend on db: seed data (it may depend on core)"),
            "{problems:?}"
        );
    }

    #[test]
    fn dev_edges_need_their_own_entry() {
        let problems = check_edges(&[
            ("seed", "db", Some("dev")),
            ("db", "core", None),
            ("web", "core", None),
        ]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].starts_with("crate seed must not depend on db (dev-dependency): "));
        let problems = check_edges(&[
            ("core", "seed", Some("dev")),
            ("db", "core", None),
            ("web", "core", None),
        ]);
        assert_eq!(
            problems,
            ["crate core must not depend on seed (dev-dependency): the core depends on nothing of ours"]
        );
    }

    #[test]
    fn forbidden_crates_are_not_reached_through_others() {
        // A table that lets seed use db would let web reach db through seed.
        let layers: Vec<Layer> = LAYERS
            .iter()
            .map(|l| match l.krate {
                "seed" => Layer {
                    may_use: &["core", "db"],
                    ..*l
                },
                _ => *l,
            })
            .collect();
        let packages = parse_metadata(&metadata(&[
            ("web", "seed", None),
            ("seed", "db", None),
            ("db", "core", None),
        ]))
        .expect("parses");
        assert_eq!(
            check(&packages, &layers, RULES),
            [
                "crate web must not depend on db (through web -> seed -> db): the window reaches \
              data only through the shell"
            ]
        );
    }

    #[test]
    fn unknown_crates_and_contradicting_tables_fail() {
        let problems = check_edges(&[
            ("db", "core", None),
            ("app", "db", None),
            ("web", "core", None),
        ]);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("the layer table names crate seed, which is not"));
        assert!(problems[1].starts_with("crate app is not in the layer table"));

        let layers = [Layer {
            krate: "web",
            may_use: &["db"],
            dev_may_use: &[],
            role: "the window",
        }];
        let packages = parse_metadata(&metadata(&[("web", "core", Some("dev"))])).expect("parses");
        let problems = check(&packages[1..], &layers, RULES);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("the layer table lets web use db, which a rule forbids"));
    }
}
