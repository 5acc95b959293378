//! Whether the system can show a file dialog: on Linux and the BSDs, a portal file chooser on D-Bus or zenity.

/// `Ok` when the system's dialog can be shown, else the reason, in a sentence.
#[cfg(all(unix, not(target_os = "macos")))]
pub fn system_dialog_answers() -> Result<(), String> {
    if portal_file_chooser_answers() || zenity_is_installed() {
        Ok(())
    } else {
        Err(
            "No desktop file dialog answered (no xdg-desktop-portal file chooser, no zenity)"
                .into(),
        )
    }
}

/// Windows and macOS always have their own dialogs.
#[cfg(not(all(unix, not(target_os = "macos"))))]
pub fn system_dialog_answers() -> Result<(), String> {
    Ok(())
}

/// Asks the portal for its FileChooser interface's version: the portal answers only when a
/// backend (GTK, GNOME, KDE…) implements the file chooser. A hung bus gets three seconds.
#[cfg(all(unix, not(target_os = "macos")))]
fn portal_file_chooser_answers() -> bool {
    const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(3);
    pollster::block_on(async {
        let Ok(builder) = zbus::connection::Builder::session() else {
            return false;
        };
        let Ok(bus) = builder.method_timeout(TIMEOUT).build().await else {
            return false;
        };
        bus.call_method(
            Some("org.freedesktop.portal.Desktop"),
            "/org/freedesktop/portal/desktop",
            Some("org.freedesktop.DBus.Properties"),
            "Get",
            &("org.freedesktop.portal.FileChooser", "version"),
        )
        .await
        .is_ok()
    })
}

/// rfd shows zenity's dialog when the portal fails, if zenity is on the `PATH`.
#[cfg(all(unix, not(target_os = "macos")))]
fn zenity_is_installed() -> bool {
    std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|folder| folder.join("zenity").is_file())
    })
}
