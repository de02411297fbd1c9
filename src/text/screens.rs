//! The words of the screens after the first (table [screens] of the locale files): the provider
//! choice, the settings card, the walkthrough's widgets and the printed sheet. Apart from
//! [interface] so that only the screens' chunks carry them.

include!(concat!(env!("OUT_DIR"), "/words_screens.rs"));
