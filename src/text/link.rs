//! The link builder's words: table [link] of the locale files.

include!(concat!(env!("OUT_DIR"), "/words_link.rs"));
