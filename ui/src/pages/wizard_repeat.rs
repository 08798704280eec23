//! The wizard's repeat groups: one fieldset per entry, with add and remove buttons within the
//! group's bounds, and the paths of the entries. A child of `wizard.rs`.

use super::*;

#[component]
pub(super) fn RepeatGroup(
    wizard: Wizard,
    group: domain::form::Group,
    path: FieldPath,
) -> impl IntoView {
    let language = use_language();
    let repeat = group
        .repeat
        .unwrap_or(domain::form::Repeat { min: 0, max: None });
    let min = repeat.min as usize;
    let list_path = path.clone();
    let count = Memo::new(move |_| {
        let len = wizard.answers.with(|a| {
            a.get(&list_path)
                .and_then(|v| v.as_list().map(<[Value]>::len))
                .unwrap_or(0)
        });
        len.max(min)
    });
    let max = repeat.max.map(|m| m as usize);
    let add_path = path.clone();
    let add = move |_| {
        let mut list: Vec<Value> = wizard
            .value(&add_path)
            .as_list()
            .map(<[Value]>::to_vec)
            .unwrap_or_default();
        while list.len() < count.get_untracked() {
            list.push(Value::Record(Default::default()));
        }
        list.push(Value::Record(Default::default()));
        let new_index = list.len() - 1;
        wizard.set(&add_path, Value::List(list));
        let first = add_path.instance_first(new_index);
        focus_id_soon(format!("{}-legend", dom_id(&first)));
    };
    let label = group.label.clone();
    let hidden_path = path.clone();
    let items = StoredValue::new(group.items.clone());
    let group_id = group.id.clone();
    let errors_path = path.clone();
    let add_id = format!("{}-add", dom_id(&path));
    let repeat_path = path.to_string();
    view! {
        <fieldset class="kern-fieldset wizard-repeat" hidden=move || wizard.hidden(&hidden_path)
            data-repeat=repeat_path data-count=move || count.get()>
            <legend class="kern-label wizard-group__legend"><DataText text=label.clone()/></legend>
            {group.hint.clone().map(|h| view! { <div class="kern-hint"><DataText text=h/></div> })}
            <FieldErrors wizard=wizard path=errors_path/>
            <For each=move || 0..count.get() key=|i| *i children=move |i| {
                let instance = path.parent_instance(&group_id, i);
                let remove_path = path.clone();
                let legend_label = label.clone();
                let legend_id = format!("{}-legend", dom_id(&instance));
                let remove = move |_| {
                    let mut list: Vec<Value> = wizard.value(&remove_path).as_list().map(<[Value]>::to_vec).unwrap_or_default();
                    if i < list.len() {
                        list.remove(i);
                    }
                    wizard.set(&remove_path, Value::List(list));
                    focus_soon("#wizard-heading");
                };
                let instance_for_items = instance.clone();
                view! {
                    <fieldset class="kern-fieldset wizard-instance kern-card">
                        <legend id=legend_id.clone() tabindex="-1" class="kern-label">
                            {move || format!("{} {}", legend_label.get(language.get()), i + 1)}
                        </legend>
                        <div class="kern-fieldset__body">
                            {items.with_value(|items| render_items(wizard, items, &instance_for_items))}
                        </div>
                        <Show when=move || { count.get() > min }>
                            <button type="button" class="kern-btn kern-btn--tertiary repeat-remove"
                                id=format!("{}-remove", dom_id(&instance))
                                on:click=remove.clone()>
                                <span class="kern-label">{move || t_args(language.get(), "wizard-remove-entry", &[("number", Arg::from(i + 1))])}</span>
                            </button>
                        </Show>
                    </fieldset>
                }
            }/>
            <Show when=move || max.is_none_or(|m| count.get() < m)>
                <button type="button" class="kern-btn kern-btn--secondary repeat-add" id=add_id.clone()
                    on:click=add.clone()>
                    <span class="kern-label">{tr("wizard-add-entry")}</span>
                </button>
            </Show>
        </fieldset>
    }
}

/// Path helpers for repeat instances.
pub(super) trait InstancePath {
    /// `a.b` + i → `a.b[i]`.
    fn parent_instance(&self, id: &str, index: usize) -> FieldPath;
    fn instance_first(&self, index: usize) -> FieldPath;
}

impl InstancePath for FieldPath {
    fn parent_instance(&self, id: &str, index: usize) -> FieldPath {
        let segments = self.segments();
        let parent = &segments[..segments.len().saturating_sub(1)];
        let mut path = FieldPath::root();
        for segment in parent {
            path = match segment.index {
                Some(i) => path.instance(&segment.id, i),
                None => path.child(&segment.id),
            };
        }
        path.instance(id, index)
    }

    fn instance_first(&self, index: usize) -> FieldPath {
        let id = self.last_id().unwrap_or_default().to_owned();
        self.parent_instance(&id, index)
    }
}
