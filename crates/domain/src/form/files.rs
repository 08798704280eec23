//! The answer of a file field: the files the device holds for it, in the shape the checks
//! (`checks.rs`: name, media type, size) and the state API read. Written by the store whenever a
//! file is added or removed, so validation counts exactly what the device holds.

use super::{Record, Value};

/// One file attached to a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttachedFile<'a> {
    /// The link's id (also the id announced to the state API).
    pub id: &'a str,
    pub name: &'a str,
    pub media_type: &'a str,
    pub size: u64,
    pub sha512: &'a str,
}

/// The field's answer: a list of `{id, name, media_type, size, sha512}`, or no answer when no
/// file is attached.
pub fn files_answer<'a>(files: impl IntoIterator<Item = AttachedFile<'a>>) -> Value {
    let files: Vec<Value> = files
        .into_iter()
        .map(|file| {
            let mut record = Record::new();
            record.insert("id".into(), Value::text(file.id));
            record.insert("name".into(), Value::text(file.name));
            record.insert("media_type".into(), Value::text(file.media_type));
            record.insert(
                "size".into(),
                Value::Int(i64::try_from(file.size).unwrap_or(i64::MAX)),
            );
            record.insert("sha512".into(), Value::text(file.sha512));
            Value::Record(record)
        })
        .collect();
    if files.is_empty() {
        Value::Null
    } else {
        Value::List(files)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_file_is_no_answer_and_files_keep_their_order() {
        assert_eq!(files_answer([]), Value::Null);
        let scan = AttachedFile {
            id: "a",
            name: "scan.pdf",
            media_type: "application/pdf",
            size: 12,
            sha512: "ab",
        };
        let photo = AttachedFile {
            id: "b",
            name: "foto.jpg",
            media_type: "image/jpeg",
            size: u64::MAX,
            sha512: "cd",
        };
        let Value::List(list) = files_answer([scan, photo]) else {
            panic!("a list");
        };
        let names: Vec<_> = list
            .iter()
            .filter_map(|f| f.as_record()?.get("name")?.as_text())
            .collect();
        assert_eq!(names, ["scan.pdf", "foto.jpg"]);
        let size = list[1].as_record().and_then(|r| r.get("size")).cloned();
        assert_eq!(
            size,
            Some(Value::Int(i64::MAX)),
            "a size past i64 is capped"
        );
    }
}
