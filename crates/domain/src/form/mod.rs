//! The form engine: form definitions, rules, validation and progress (see issue 3).
