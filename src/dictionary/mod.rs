//! Dictionaries for the word popup, free of any GUI: lookup sites opened in the browser, and dictd and StarDict dictionaries read offline.

mod dictd;
mod dictzip;
mod local;
mod online;
mod stardict;

pub use local::{
    Dictionaries, Dictionary, DictionaryError, Entry, Format, Lookup, forms_to_look_up,
    matching_form, system_folders,
};
pub use online::{LookupSite, SiteError, default_sites, open_in_browser};

#[cfg(test)]
pub(crate) use dictzip::dictzip_bytes;

#[cfg(test)]
mod tests;
