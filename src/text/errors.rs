//! The troubleshooting tool's words, in English and French.


include!(concat!(env!("OUT_DIR"), "/words_errors.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_is_translated() {
        for key in E::ALL {
            let (en, fr) = key.pair();
            assert!(!en.trim().is_empty() && !fr.trim().is_empty(), "{key:?}");
        }
    }
}
