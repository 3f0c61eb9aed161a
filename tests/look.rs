use egui_kittest::Harness;
use gwr_charts::GwrApp;
use gwr_charts::chart::View;
use gwr_charts::selection::{self, Preset};

#[test]
fn look() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 850.0))
        .wgpu()
        .build_eframe(|cc| GwrApp::new(cc, vec![]));
    for view in View::ALL {
        for preset in [Preset::All] {
            let app = harness.state_mut();
            app.state.chart.view = view;
            app.state.selection = Some(selection::preset(&app.data, preset));
            harness.run();
            let image = harness.render().unwrap();
            image
                .save(format!("/tmp/look-{}-{preset:?}.png", view.key()))
                .unwrap();
        }
    }
}
