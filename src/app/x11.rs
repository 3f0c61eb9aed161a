//! The window's class on X11, as window managers and the desktop entry's `StartupWMClass`
//! match it: `WM_CLASS` "gwr-charts", "gwr-charts".
//!
//! eframe 0.37 gives the app id to winit as a Wayland name (egui-winit's
//! `with_name(app_id, "")`), which on X11 becomes `WM_CLASS` with an empty instance, and the
//! viewport builder has no way to name the instance. So the class is set here, on the window
//! eframe created, before it is first shown (eframe creates it hidden and shows it after the
//! first frame), as ICCCM wants.

#[cfg(all(unix, not(target_os = "macos")))]
pub fn set_class(cc: &eframe::CreationContext<'_>, class: &str) {
    use raw_window_handle::{HasWindowHandle as _, RawWindowHandle};
    use x11rb::connection::Connection as _;
    use x11rb::protocol::xproto::{AtomEnum, PropMode};
    use x11rb::wrapper::ConnectionExt as _;

    let Ok(handle) = cc.window_handle() else {
        return;
    };
    let window = match handle.as_raw() {
        RawWindowHandle::Xlib(h) => h.window as u32,
        RawWindowHandle::Xcb(h) => h.window.get(),
        // Wayland names the window by its app id.
        _ => return,
    };
    // "instance\0class\0", both the program's name.
    let value = format!("{class}\0{class}\0");
    let set = x11rb::connect(None)
        .map_err(|e| e.to_string())
        .and_then(|(conn, _)| {
            conn.change_property8(
                PropMode::REPLACE,
                window,
                AtomEnum::WM_CLASS,
                AtomEnum::STRING,
                value.as_bytes(),
            )
            .map_err(|e| e.to_string())?
            .check()
            .map_err(|e| e.to_string())?;
            conn.flush().map_err(|e| e.to_string())
        });
    // Only the window manager's grouping suffers: no reason not to open.
    if let Err(e) = set {
        eprintln!("gwr-charts: window class not set: {e}");
    }
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
pub fn set_class(_: &eframe::CreationContext<'_>, _: &str) {}
