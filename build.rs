//! Embeds the icon in gwr-charts.exe so Explorer and the taskbar show it. Only Windows builds
//! do anything here (winresource is a Windows-only build dependency); elsewhere this is empty.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    #[cfg(windows)]
    {
        println!("cargo:rerun-if-changed=assets/icon/gwr-charts.ico");
        winresource::WindowsResource::new()
            .set_icon("assets/icon/gwr-charts.ico")
            .compile()
            .expect("embedding assets/icon/gwr-charts.ico in the .exe");
    }
}
