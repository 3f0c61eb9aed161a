//! The loader never panics, whatever the bytes.

use gwr_charts::model;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = model::load_bytes("random.json", &bytes);
    }

    #[test]
    fn mutated_datasets_never_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8)
    ) {
        let mut bytes = model::BUNDLED_JSON.as_bytes()[..6000].to_vec();
        bytes.extend_from_slice(b"]}]}");
        for (at, byte, op) in edits {
            let i = at.index(bytes.len().max(1));
            match op {
                0 => { if i < bytes.len() { bytes[i] = byte; } }
                1 => bytes.insert(i.min(bytes.len()), byte),
                _ => { if i < bytes.len() { bytes.remove(i); } }
            }
        }
        if let Err(e) = model::load_bytes("mutated.json", &bytes) {
            prop_assert!(!e.problems.is_empty());
            prop_assert!(e.to_string().starts_with("mutated.json"));
        }
    }

    #[test]
    fn mutated_whole_dataset_never_panics(cut in 0usize..200_000, byte in any::<u8>()) {
        let mut bytes = model::BUNDLED_JSON.as_bytes().to_vec();
        let i = cut % bytes.len();
        bytes[i] = byte;
        let _ = model::load_bytes("m.json", &bytes);
        let _ = model::load_bytes("t.json", &bytes[..i]);
    }
}
