//! The README's key tables are generated from the action table: a key added, changed or
//! relabelled in `src/ui/actions.rs` fails this test until the README says the same.
//! `UPDATE_README=1 cargo test --test readme_keys` rewrites them.

const BEGIN: &str =
    "<!-- keys: generated from src/ui/actions.rs (cargo test --test readme_keys) -->\n";
const END: &str = "<!-- end of keys -->";

#[test]
fn the_readme_lists_every_key_as_the_app_binds_it() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap_or_default();
    let (Some(start), Some(end)) = (readme.find(BEGIN), readme.find(END)) else {
        panic!("README.md has no generated key tables (between {BEGIN:?} and {END:?})");
    };
    let written = &readme[start + BEGIN.len()..end];
    let expected = dars::ui::actions::keys_markdown();
    if written != expected {
        if std::env::var_os("UPDATE_README").is_some() {
            let updated = format!("{}{BEGIN}{expected}{}", &readme[..start], &readme[end..]);
            std::fs::write(&path, updated).unwrap_or_default();
            return;
        }
        panic!(
            "README.md's key tables differ from the app's keys; run `UPDATE_README=1 cargo test --test readme_keys`.\nExpected:\n{expected}"
        );
    }
}
