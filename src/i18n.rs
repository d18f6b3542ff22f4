//! The interface's language: the English and Bengali Project Fluent catalogues
//! (`i18n/{en,bn}/pathok.ftl`, built into the binary), the language in use (one for the
//! whole process, switched from the View menu), and Bengali digits for the numbers
//! people read. The GUI and the CLI's human messages both look their text up here;
//! machine-readable output (offsets in files, JSONL/CSV/JSON) never goes through it.

use std::borrow::Cow;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentResource, FluentValue};

pub use fluent_bundle::FluentArgs;

/// A language the interface can be shown in.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    strum::EnumIter,
)]
pub enum Language {
    /// English, the language of the code and the fallback.
    #[default]
    English,
    /// Bengali (বাংলা), with Bengali digits.
    Bengali,
}

impl Language {
    /// The BCP 47 language code: `en`, `bn`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Bengali => "bn",
        }
    }

    /// The language's name in itself, as the language menu lists it.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Bengali => "বাংলা",
        }
    }

    /// The language's Fluent catalogue (the text of its `.ftl` file).
    pub fn catalogue(self) -> &'static str {
        match self {
            Language::English => include_str!("../i18n/en/pathok.ftl"),
            Language::Bengali => include_str!("../i18n/bn/pathok.ftl"),
        }
    }

    /// The language a locale name asks for (`bn_BD.UTF-8`, `bn-IN`, `en_US`, `bn`),
    /// `None` for another language. `C` and `POSIX` are English.
    pub fn from_locale(locale: &str) -> Option<Language> {
        let name = locale.split(['.', '@']).next().unwrap_or_default();
        let language = name.split(['_', '-']).next().unwrap_or_default();
        match language.to_ascii_lowercase().as_str() {
            "bn" | "ben" | "bengali" | "bangla" => Some(Language::Bengali),
            "en" | "eng" | "english" | "c" | "posix" => Some(Language::English),
            _ => None,
        }
    }

    /// The language the environment asks for: `PATHOK_LANG` first, then the POSIX
    /// variables in their order of precedence (`LC_ALL`, `LC_MESSAGES`, `LANG`: the
    /// first one set decides), then the operating system's locale (Windows, macOS).
    /// English when none names a language Pathok has.
    pub fn from_environment() -> Language {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        if let Some(lang) = var("PATHOK_LANG").and_then(|v| Language::from_locale(&v)) {
            return lang;
        }
        let posix = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(var);
        posix
            .or_else(sys_locale::get_locale)
            .and_then(|locale| Language::from_locale(&locale))
            .unwrap_or_default()
    }

    fn index(self) -> usize {
        match self {
            Language::English => 0,
            Language::Bengali => 1,
        }
    }
}

/// The language in use, as [`Language::index`].
static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Show the interface in `language` from now on (every thread).
pub fn set_language(language: Language) {
    // The index is 0 or 1: it fits in a u8.
    CURRENT.store(language.index() as u8, Ordering::Relaxed);
}

/// The language the interface is shown in (on this thread: see [`with_language`]).
pub fn language() -> Language {
    if let Some(language) = OVERRIDE.get() {
        return language;
    }
    match CURRENT.load(Ordering::Relaxed) {
        1 => Language::Bengali,
        _ => Language::English,
    }
}

thread_local! {
    /// The language [`with_language`] asks for on this thread, over [`CURRENT`].
    static OVERRIDE: std::cell::Cell<Option<Language>> = const { std::cell::Cell::new(None) };
}

/// Run `f` with every message of this thread in `language`, whatever the interface
/// shows: for text that is data, such as the reasons the JSON and CSV reports carry,
/// which must read the same in every interface language.
pub fn with_language<T>(language: Language, f: impl FnOnce() -> T) -> T {
    /// Puts the thread's previous language back, even when `f` panics.
    struct Restore(Option<Language>);
    impl Drop for Restore {
        fn drop(&mut self) {
            OVERRIDE.set(self.0);
        }
    }
    let _restore = Restore(OVERRIDE.replace(Some(language)));
    f()
}

/// One bundle per language, in [`Language::index`] order.
static BUNDLES: LazyLock<[FluentBundle<FluentResource>; 2]> =
    LazyLock::new(|| [bundle(Language::English), bundle(Language::Bengali)]);

fn bundle(language: Language) -> FluentBundle<FluentResource> {
    let id = match language {
        Language::English => unic_langid::langid!("en"),
        Language::Bengali => unic_langid::langid!("bn"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks around variables would show as boxes in the window and
    // land in the CLI's output; paths and numbers are not reordered in either language.
    bundle.set_use_isolating(false);
    if language == Language::Bengali {
        bundle.set_formatter(Some(|value, _| match value {
            FluentValue::Number(n) => Some(digits_in(Language::Bengali, &n.as_string()).into()),
            _ => None,
        }));
    }
    // A catalogue with a syntax error still gives every message it could read (the
    // catalogue test fails on the error, so it does not reach a release).
    let resource = FluentResource::try_new(language.catalogue().to_owned())
        .unwrap_or_else(|(partial, _errors)| partial);
    bundle.add_resource_overriding(resource);
    bundle
}

/// The message `id` in the current language with `args` filled in. Use [`tr!`]
/// rather than calling this: the catalogue test finds message ids through the macro.
pub fn message(id: &str, args: Option<&FluentArgs>) -> String {
    message_in(language(), id, args)
}

/// The message `id` in `language`; the English one when `language` lacks it, and the
/// id itself when no catalogue has it (the catalogue test keeps both from happening).
pub fn message_in(language: Language, id: &str, args: Option<&FluentArgs>) -> String {
    for lang in [language, Language::English] {
        let bundle = &BUNDLES[lang.index()];
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
    }
    id.to_owned()
}

/// `text` with its ASCII digits written in the current language's digits (Bengali:
/// ০–৯). For numbers shown to people only — never for offsets written to files,
/// exports or machine-readable output.
pub fn digits(text: &str) -> Cow<'_, str> {
    digits_in(language(), text)
}

/// `text` with its ASCII digits written in `language`'s digits.
pub fn digits_in(language: Language, text: &str) -> Cow<'_, str> {
    if language == Language::English || !text.bytes().any(|b| b.is_ascii_digit()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) if c.is_ascii_digit() => char::from_u32(0x09E6 + d).unwrap_or(c),
                _ => c,
            })
            .collect(),
    )
}

/// A number (or anything displayed as one) in the current language's digits.
pub fn number(n: impl std::fmt::Display) -> String {
    digits(&n.to_string()).into_owned()
}

/// The message `id` of the catalogues in the current language, with named arguments:
/// `tr!("status-saved")`, `tr!("status-opening", path = p.display().to_string())`.
/// Numbers given as arguments are written in the language's digits.
#[macro_export]
macro_rules! tr {
    ($id:literal $(,)?) => {
        $crate::i18n::message($id, None)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($name), $value); )+
        $crate::i18n::message($id, Some(&args))
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(pairs: &[(&'static str, FluentValue<'static>)]) -> FluentArgs<'static> {
        let mut args = FluentArgs::new();
        for (k, v) in pairs {
            args.set(*k, v.clone());
        }
        args
    }

    #[test]
    fn locales_name_their_language_and_others_are_none() {
        for (locale, want) in [
            ("bn_BD.UTF-8", Some(Language::Bengali)),
            ("bn-IN", Some(Language::Bengali)),
            ("bn", Some(Language::Bengali)),
            ("en_GB.UTF-8", Some(Language::English)),
            ("C", Some(Language::English)),
            ("C.UTF-8", Some(Language::English)),
            ("POSIX", Some(Language::English)),
            ("de_DE.UTF-8", None),
            ("", None),
        ] {
            assert_eq!(Language::from_locale(locale), want, "{locale}");
        }
    }

    #[test]
    fn bengali_messages_write_numbers_in_bengali_digits_and_english_ones_do_not() {
        let a = args(&[("count", FluentValue::from(120))]);
        let bn = message_in(Language::Bengali, "status-annotations", Some(&a));
        let en = message_in(Language::English, "status-annotations", Some(&a));
        assert!(bn.contains("১২০"), "{bn}");
        assert!(!bn.contains("120"), "{bn}");
        assert!(en.contains("120"), "{en}");
    }

    #[test]
    fn english_plural_forms_follow_the_count() {
        let one = message_in(
            Language::English,
            "status-annotations",
            Some(&args(&[("count", FluentValue::from(1))])),
        );
        let many = message_in(
            Language::English,
            "status-annotations",
            Some(&args(&[("count", FluentValue::from(2))])),
        );
        assert_eq!(one, "1 annotation");
        assert_eq!(many, "2 annotations");
    }

    #[test]
    fn a_missing_message_falls_back_to_its_id_and_variables_are_not_isolated() {
        assert_eq!(
            message_in(Language::Bengali, "no-such-message", None),
            "no-such-message"
        );
        let a = args(&[("path", FluentValue::from("a.txt"))]);
        let text = message_in(Language::English, "status-opening", Some(&a));
        assert_eq!(text, "Opening a.txt…");
        assert!(!text.contains('\u{2068}'), "{text:?}");
    }

    #[test]
    fn with_language_changes_this_thread_only_and_puts_the_language_back() {
        let before = language();
        let inner = with_language(Language::Bengali, || {
            let other = std::thread::spawn(language).join().ok();
            (message("status-saved", None), number(12), other)
        });
        assert_eq!(inner.0, message_in(Language::Bengali, "status-saved", None));
        assert_eq!(inner.1, "১২");
        assert_eq!(inner.2, Some(before), "another thread keeps its language");
        assert_eq!(language(), before);
        let nested = with_language(Language::English, || {
            with_language(Language::Bengali, || ());
            language()
        });
        assert_eq!(nested, Language::English);
    }

    #[test]
    fn digits_are_mapped_only_in_bengali() {
        assert_eq!(
            digits_in(Language::Bengali, "p. 12 / 40, 7.5 %"),
            "p. ১২ / ৪০, ৭.৫ %"
        );
        assert_eq!(digits_in(Language::English, "12"), "12");
        assert!(matches!(
            digits_in(Language::Bengali, "কোনো"),
            Cow::Borrowed(_)
        ));
    }
}
