//! Tests of drafts: answers, pages, review items, migration to a new form version.

use domain::form::showcase;

use super::*;

fn path(text: &str) -> FieldPath {
    FieldPath::parse(text).unwrap_or_default()
}

fn new_draft(store: &Store, n: u128) -> Result<Uuid, StoreError> {
    let id = Uuid::from_u128(n);
    store.create_draft(&NewDraft {
        id,
        form_id: "f",
        form_version: "1.0.0",
        service_key: None,
        now: 1,
    })?;
    Ok(id)
}

#[test]
fn answers_are_saved_one_by_one_and_read_back_whole() -> Result<(), StoreError> {
    let store = Store::open_in_memory()?;
    let id = new_draft(&store, 1)?;
    store.save_answer(
        id,
        &path("antragsteller.familienname"),
        &Value::text("Müller"),
        2,
    )?;
    store.save_answer(id, &path("antragsteller.vorname"), &Value::text("Ida"), 3)?;
    store.save_answer(id, &path("personen[1].vorname"), &Value::text("Max"), 4)?;
    store.save_answer(id, &path("antragsteller.vorname"), &Value::text("Ina"), 5)?;
    store.set_draft_page(id, "p2", 6)?;
    let draft = store.draft(id)?.ok_or(StoreError::not_found("draft", id))?;
    assert_eq!(
        draft.answers.get(&path("antragsteller.vorname")),
        Some(&Value::text("Ina")),
        "last write wins"
    );
    assert_eq!(
        draft.answers.get(&path("antragsteller.familienname")),
        Some(&Value::text("Müller")),
        "siblings kept"
    );
    assert_eq!(
        draft.answers.get(&path("personen[1].vorname")),
        Some(&Value::text("Max")),
        "repeat paths"
    );
    assert_eq!(
        (draft.page.as_deref(), draft.updated_at),
        (Some("p2"), 6),
        "page and time kept"
    );
    Ok(())
}

#[test]
fn a_whole_value_replaces_what_was_below_it_and_later_parts_win() -> Result<(), StoreError> {
    let store = Store::open_in_memory()?;
    let id = new_draft(&store, 1)?;
    store.save_answer(id, &path("personen[0].vorname"), &Value::text("Ida"), 2)?;
    store.save_answer(id, &path("personen[10].vorname"), &Value::text("Zoe"), 2)?;
    let one = serde_json::from_str::<Value>(r#"[{"vorname": "Max"}]"#)?;
    store.save_answer(id, &path("personen"), &one, 3)?;
    store.save_answer(id, &path("personen[0].nachname"), &Value::text("Roth"), 4)?;
    let answers = store.draft(id)?.map(|d| d.answers).unwrap_or_default();
    assert_eq!(
        answers.get(&path("personen[0].vorname")),
        Some(&Value::text("Max")),
        "whole list replaced"
    );
    assert_eq!(
        answers.get(&path("personen[0].nachname")),
        Some(&Value::text("Roth")),
        "later part applied"
    );
    assert_eq!(
        answers.get(&path("personen[10].vorname")),
        None,
        "old instance gone"
    );
    store.save_answer(id, &path("personen"), &Value::Null, 5)?;
    let answers = store.draft(id)?.map(|d| d.answers).unwrap_or_default();
    assert!(
        answers.0.is_empty(),
        "clearing a path clears everything below it: {answers:?}"
    );
    Ok(())
}

#[test]
fn unknown_and_queued_drafts_refuse_edits() -> Result<(), StoreError> {
    let store = Store::open_in_memory()?;
    let missing = store.save_answer(Uuid::from_u128(9), &path("a"), &Value::text("x"), 1);
    assert!(
        matches!(missing, Err(StoreError::NotFound { .. })),
        "unknown draft: {missing:?}"
    );
    let id = new_draft(&store, 1)?;
    store.conn.execute(
        "UPDATE draft SET state = 'queued' WHERE id = ?1",
        [id.to_string()],
    )?;
    let queued = store.save_answer(id, &path("a"), &Value::text("x"), 1);
    assert!(
        matches!(queued, Err(StoreError::InvalidState { .. })),
        "queued draft: {queued:?}"
    );
    Ok(())
}

#[test]
fn a_draft_on_version_n_moves_to_n_plus_1_with_the_rest_for_review(
) -> Result<(), Box<dyn std::error::Error>> {
    let store = Store::open_in_memory()?;
    let old = FormDefinition::from_json(showcase::BEWOHNERPARKAUSWEIS)?;
    store.save_form_definition(&old, 1)?;
    let mut new = old.clone();
    new.version = format!("{}-next", old.version);
    // The new version drops the top-level element that holds the first field.
    let fields: Vec<String> = old.fields().into_iter().map(|(p, _)| p).collect();
    let top = |p: &str| p.split('.').next().unwrap_or_default().to_string();
    let dropped = fields.first().cloned().ok_or("showcase form has fields")?;
    let kept = fields
        .iter()
        .find(|p| top(p) != top(&dropped))
        .cloned()
        .ok_or("two top elements")?;
    for page in &mut new.pages {
        page.items.retain(|item| item.id() != top(&dropped));
    }
    let id = Uuid::from_u128(7);
    store.create_draft(&NewDraft {
        id,
        form_id: &old.id,
        form_version: &old.version,
        service_key: None,
        now: 1,
    })?;
    store.save_answer(id, &path(&dropped), &Value::text("weg"), 2)?;
    store.save_answer(id, &path(&kept), &Value::text("bleibt"), 3)?;

    let moved = store.migrate_drafts(&new, 10)?;
    assert_eq!(moved.len(), 1, "the one draft on the old version moved");
    let draft = store.draft(id)?.ok_or("draft still there")?;
    assert_eq!(draft.form_version, new.version, "now on the new version");
    assert_eq!(
        draft.started_on_version, old.version,
        "still knows where it started"
    );
    assert_eq!(
        draft.review.len(),
        1,
        "the removed field waits for review: {:?}",
        draft.review
    );
    assert_eq!(
        draft.review.first().map(|r| r.reason),
        Some(ReviewReason::Removed),
        "reason kept"
    );
    let review_path = draft
        .review
        .first()
        .map(|r| r.path.clone())
        .unwrap_or_default();
    assert_eq!(
        review_path,
        path(&top(&dropped)),
        "the removed element is named"
    );
    let old_value = draft
        .review
        .first()
        .map(|r| r.old_value.clone())
        .unwrap_or_default();
    assert!(
        serde_json::to_string(&old_value)?.contains("weg"),
        "old value kept: {old_value:?}"
    );
    assert_eq!(
        draft.answers.get(&path(&kept)),
        Some(&Value::text("bleibt")),
        "matching field carried over"
    );
    assert_eq!(
        store.form_definition(&new.id, &new.version)?,
        Some(new.clone()),
        "new definition stored"
    );
    assert!(
        store.migrate_drafts(&new, 11)?.is_empty(),
        "migrating again changes nothing"
    );
    store.dismiss_review(id, &review_path, 12)?;
    assert!(
        store.draft(id)?.ok_or("draft")?.review.is_empty(),
        "review dismissed"
    );
    Ok(())
}

#[test]
fn migration_needs_the_old_definition() -> Result<(), Box<dyn std::error::Error>> {
    let store = Store::open_in_memory()?;
    let new = FormDefinition::from_json(showcase::BEWOHNERPARKAUSWEIS)?;
    let id = Uuid::from_u128(3);
    store.create_draft(&NewDraft {
        id,
        form_id: &new.id,
        form_version: "0.0.1",
        service_key: None,
        now: 1,
    })?;
    let result = store.migrate_draft(id, &new, 2);
    assert!(
        matches!(result, Err(StoreError::FormVersionMissing { .. })),
        "named: {result:?}"
    );
    assert_eq!(
        store.draft(id)?.ok_or("draft")?.form_version,
        "0.0.1",
        "draft unchanged"
    );
    Ok(())
}
