use egui_kittest::Harness;
use gwr_charts::GwrApp;

#[test]
fn look() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 850.0))
        .wgpu()
        .build_eframe(|cc| GwrApp::new(cc, vec![]));
    harness.run();
    let image = harness.render().unwrap();
    image.save("/tmp/look.png").unwrap();
}
