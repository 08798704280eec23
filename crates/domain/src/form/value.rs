//! Answers as a person gives them: a JSON-shaped tree keyed by element ids (FIM ids where the
//! form came from FIM), and paths into it. This module never interprets a value against a
//! definition; validation does that.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One answer. The shape follows the field kind (see [`super::FieldKind`]); anything else is
/// accepted here and reported by validation, so no input can make parsing fail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(untagged)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(String),
    List(Vec<Value>),
    Record(Record),
}

/// The answers of one scope (the form, a group, or one instance of a repeat group).
pub type Record = BTreeMap<String, Value>;

impl Value {
    /// True for "not answered": null, empty or blank text, an empty list.
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Null => true,
            Value::Text(text) => text.trim().is_empty(),
            Value::List(items) => items.is_empty(),
            Value::Record(record) => record.values().all(Value::is_empty),
            Value::Bool(_) | Value::Int(_) | Value::Float(_) => false,
        }
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_record(&self) -> Option<&Record> {
        match self {
            Value::Record(record) => Some(record),
            _ => None,
        }
    }

    pub fn as_list(&self) -> Option<&[Value]> {
        match self {
            Value::List(items) => Some(items),
            _ => None,
        }
    }

    pub fn text(text: impl Into<String>) -> Value {
        Value::Text(text.into())
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        Value::Text(text.to_owned())
    }
}
impl From<String> for Value {
    fn from(text: String) -> Self {
        Value::Text(text)
    }
}
impl From<i64> for Value {
    fn from(n: i64) -> Self {
        Value::Int(n)
    }
}
impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

/// All answers of a draft or a submission: the root record, serialised as a JSON object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct Answers(pub Record);

impl Answers {
    pub fn new() -> Self {
        Answers::default()
    }

    pub fn from_json(json: &str) -> Result<Answers, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// The value at a path, if there is one.
    pub fn get(&self, path: &FieldPath) -> Option<&Value> {
        let mut record = &self.0;
        let mut segments = path.segments().iter().peekable();
        while let Some(segment) = segments.next() {
            let mut value = record.get(&segment.id)?;
            if let Some(index) = segment.index {
                value = value.as_list()?.get(index)?;
            }
            if segments.peek().is_none() {
                return Some(value);
            }
            record = value.as_record()?;
        }
        None
    }

    /// Sets the value at a path, creating records and repeat instances on the way.
    /// Returns false (and changes nothing) where the path crosses a value of another shape.
    pub fn set(&mut self, path: &FieldPath, value: Value) -> bool {
        fn go(record: &mut Record, segments: &[Segment], value: Value) -> bool {
            let Some((first, rest)) = segments.split_first() else {
                return false;
            };
            let slot = record.entry(first.id.clone()).or_insert(Value::Null);
            let slot = match first.index {
                None => slot,
                Some(index) => {
                    if slot.is_empty() {
                        *slot = Value::List(Vec::new());
                    }
                    let Value::List(items) = slot else {
                        return false;
                    };
                    if index > items.len() + 1000 {
                        return false;
                    }
                    while items.len() <= index {
                        items.push(Value::Record(Record::new()));
                    }
                    let Some(item) = items.get_mut(index) else {
                        return false;
                    };
                    item
                }
            };
            if rest.is_empty() {
                *slot = value;
                return true;
            }
            if slot.is_empty() && !matches!(slot, Value::Record(_)) {
                *slot = Value::Record(Record::new());
            }
            match slot {
                Value::Record(inner) => go(inner, rest, value),
                _ => false,
            }
        }
        go(&mut self.0, path.segments(), value)
    }
}

/// One step of a path: an element id and, inside a repeat group, the instance index.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Segment {
    pub id: String,
    pub index: Option<usize>,
}

/// Where an answer lives: `antragsteller.familienname`, `personen[1].vorname`.
/// Pages are not part of paths; groups are.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FieldPath(Vec<Segment>);

impl FieldPath {
    pub fn root() -> Self {
        FieldPath(Vec::new())
    }

    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    pub fn child(&self, id: &str) -> FieldPath {
        let mut segments = self.0.clone();
        segments.push(Segment {
            id: id.to_owned(),
            index: None,
        });
        FieldPath(segments)
    }

    pub fn instance(&self, id: &str, index: usize) -> FieldPath {
        let mut segments = self.0.clone();
        segments.push(Segment {
            id: id.to_owned(),
            index: Some(index),
        });
        FieldPath(segments)
    }

    pub(crate) fn push(&mut self, segment: Segment) {
        self.0.push(segment);
    }

    pub(crate) fn pop(&mut self) -> Option<Segment> {
        self.0.pop()
    }

    /// The last element id (the field's own id).
    pub fn last_id(&self) -> Option<&str> {
        self.0.last().map(|s| s.id.as_str())
    }

    /// The path without repeat indices: the definition element it points to.
    pub fn element(&self) -> String {
        let ids: Vec<&str> = self.0.iter().map(|s| s.id.as_str()).collect();
        ids.join(".")
    }

    /// Parses `a.b[2].c`. `None` for anything else.
    pub fn parse(text: &str) -> Option<FieldPath> {
        if text.is_empty() {
            return Some(FieldPath::root());
        }
        let mut segments = Vec::new();
        for part in text.split('.') {
            let (id, index) = match part.split_once('[') {
                None => (part, None),
                Some((id, rest)) => {
                    let number = rest.strip_suffix(']')?;
                    if number.is_empty() || number.len() > 9 {
                        return None;
                    }
                    if !number.bytes().all(|b| b.is_ascii_digit()) {
                        return None;
                    }
                    (id, Some(number.parse().ok()?))
                }
            };
            if !super::model::is_valid_id(id) {
                return None;
            }
            segments.push(Segment {
                id: id.to_owned(),
                index,
            });
        }
        Some(FieldPath(segments))
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            f.write_str(&segment.id)?;
            if let Some(index) = segment.index {
                write!(f, "[{index}]")?;
            }
        }
        Ok(())
    }
}

impl Serialize for FieldPath {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FieldPath {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        FieldPath::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a path: {text}")))
    }
}
