//! Carrying a draft from one version of a form to the next. Answers are keyed by element ids
//! (FIM ids for imported forms), so a value carries over when its element path and data type
//! are unchanged (and, for choices, its code still exists); everything else is set aside for
//! the person to review. Never drops a value silently, never fails.

use serde::{Deserialize, Serialize};

use super::model::{FieldKind, FormDefinition, Item};
use super::value::{Answers, FieldPath, Record, Segment, Value};

/// Why a value did not carry over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewReason {
    /// The new version has no element at this path.
    Removed,
    /// The element is there but holds another data type (or a group changed to or from
    /// repeating).
    TypeChanged,
    /// A chosen code is no longer in the field's code list.
    CodeRemoved,
}

/// A value the person should look at again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewItem {
    pub path: FieldPath,
    pub reason: ReviewReason,
    pub old_value: Value,
}

/// The migrated draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Migration {
    /// The answers that carried over, for the new version.
    pub answers: Answers,
    /// The values that did not, with the reason; show them to the person.
    pub review: Vec<ReviewItem>,
}

fn root_items(def: &FormDefinition) -> Vec<&Item> {
    def.pages.iter().flat_map(|p| p.items.iter()).collect()
}

/// Migrates `answers`, given for `old`, to `new`.
pub fn migrate_draft(old: &FormDefinition, new: &FormDefinition, answers: &Answers) -> Migration {
    let mut migration = Migration::default();
    let mut path = FieldPath::root();
    walk(
        new,
        &answers.0,
        &root_items(old),
        &root_items(new),
        &mut path,
        &mut migration.answers.0,
        &mut migration.review,
    );
    migration
}

fn find<'d>(items: &[&'d Item], id: &str) -> Option<&'d Item> {
    items.iter().find(|i| i.id() == id).copied()
}

fn walk(
    new_def: &FormDefinition,
    record: &Record,
    old_items: &[&Item],
    new_items: &[&Item],
    path: &mut FieldPath,
    out: &mut Record,
    review: &mut Vec<ReviewItem>,
) {
    for (key, value) in record {
        if value.is_empty() {
            continue;
        }
        path.push(Segment {
            id: key.clone(),
            index: None,
        });
        let mut flag = |reason: ReviewReason, path: &FieldPath| {
            review.push(ReviewItem {
                path: path.clone(),
                reason,
                old_value: value.clone(),
            });
        };
        match (find(old_items, key), find(new_items, key)) {
            (Some(Item::Field(old)), Some(Item::Field(new))) => {
                if old.kind.data_type() != new.kind.data_type() {
                    flag(ReviewReason::TypeChanged, path);
                } else if let FieldKind::Choice { codes, .. } = &new.kind {
                    let known = new_def.codes(codes).unwrap_or_default();
                    let is_known = |v: &Value| {
                        v.as_text()
                            .is_some_and(|c| known.iter().any(|k| k.code == c))
                    };
                    let ok = match value {
                        Value::List(items) => items.iter().all(is_known),
                        other => is_known(other),
                    };
                    if ok {
                        out.insert(key.clone(), value.clone());
                    } else {
                        flag(ReviewReason::CodeRemoved, path);
                    }
                } else {
                    out.insert(key.clone(), value.clone());
                }
            }
            (Some(Item::Group(old)), Some(Item::Group(new)))
                if old.repeat.is_some() == new.repeat.is_some() =>
            {
                let old_children: Vec<&Item> = old.items.iter().collect();
                let new_children: Vec<&Item> = new.items.iter().collect();
                match value {
                    Value::Record(inner) if new.repeat.is_none() => {
                        let mut sub = Record::new();
                        walk(
                            new_def,
                            inner,
                            &old_children,
                            &new_children,
                            path,
                            &mut sub,
                            review,
                        );
                        if !sub.is_empty() {
                            out.insert(key.clone(), Value::Record(sub));
                        }
                    }
                    Value::List(instances) if new.repeat.is_some() => {
                        path.pop();
                        let mut list = Vec::with_capacity(instances.len());
                        for (i, instance) in instances.iter().enumerate() {
                            path.push(Segment {
                                id: key.clone(),
                                index: Some(i),
                            });
                            let mut sub = Record::new();
                            match instance {
                                Value::Record(inner) => {
                                    walk(
                                        new_def,
                                        inner,
                                        &old_children,
                                        &new_children,
                                        path,
                                        &mut sub,
                                        review,
                                    );
                                }
                                other if !other.is_empty() => review.push(ReviewItem {
                                    path: path.clone(),
                                    reason: ReviewReason::TypeChanged,
                                    old_value: other.clone(),
                                }),
                                _ => {}
                            }
                            list.push(Value::Record(sub));
                            path.pop();
                        }
                        path.push(Segment {
                            id: key.clone(),
                            index: None,
                        });
                        out.insert(key.clone(), Value::List(list));
                    }
                    _ => flag(ReviewReason::TypeChanged, path),
                }
            }
            (_, Some(_)) => flag(ReviewReason::TypeChanged, path),
            (_, None) => flag(ReviewReason::Removed, path),
        }
        path.pop();
    }
}
