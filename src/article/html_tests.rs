use super::*;
use crate::article::UnavailableReason;
use crate::article::blocks::testing::{check_invariants, outline, spans};
use proptest::prelude::*;

fn page(source: &str) -> Article {
    let decoded = DecodedText {
        text: source.to_owned(),
        notices: Vec::new(),
    };
    let article = parse(Path::new("/saved/story.html"), decoded);
    check_invariants(&article);
    article
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

const SAVED_PAGE: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>কোরিয়া ভ্রমণ | দৈনিক খবর</title>
<script>var x = "<p>not text</p>";</script><style>p { color: red }</style></head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav><h1>দৈনিক খবর</h1></header>
<div class="ads"><p>Short advert</p></div>
<article>
  <header><h1>কোরিয়া
     ভ্রমণ</h1><button>Share</button></header>
  <p>প্রথম   অনুচ্ছেদ, <b>গাঢ়</b> আর <i>বাঁকা</i>
     লেখা &amp; <a href="https://example.org">লিংক</a>.</p>
  <figure><figcaption>ছবি: সিউল টাওয়ার</figcaption><img src="story_files/seoul%20tower.jpg" alt="alt text"></figure>
  <p>line one<br>line two<br></p><p>&nbsp;</p><div> &#160;&#xA0; </div>
  <p>&lt;not a tag&gt; &nbsp;x&eacute; ক্ষমা</p>
  <img src="https://cdn.example.com/x.jpg" alt="Remote photo">
  <img src="//cdn.example.com/y.jpg">
  <img src="data:image/png;base64,AAAA" alt="">
  <img src="pixel.gif" width="1" height="1">
  <blockquote><p>র্ক quote</p></blockquote>
  <ul>
    <li>এক</li>
    <li>দুই <ol start="7"><li>nested</li><li>next</li></ol></li>
  </ul>
  <pre>  code
    indented</pre>
  <aside>Related: other stuff</aside>
  <form><input value="search"></form>
  <p hidden>hidden text</p>
  <script>document.write("x")</script><noscript>enable js</noscript>
</article>
<footer>© 2024</footer>
</body></html>"#;

#[test]
fn saved_page_keeps_the_article_and_drops_the_noise() {
    let article = page(SAVED_PAGE);
    assert_eq!(article.format, ArticleFormat::Html);
    assert_eq!(article.title, "কোরিয়া ভ্রমণ");
    let remote = format!("img unavailable: {}", UnavailableReason::Remote);
    assert_eq!(
        outline(&article),
        pairs(&[
            ("title", "কোরিয়া ভ্রমণ"),
            ("p", "প্রথম অনুচ্ছেদ, গাঢ় আর বাঁকা লেখা & লিংক."),
            ("img /saved/story_files/seoul tower.jpg", ""),
            ("caption", "ছবি: সিউল টাওয়ার"),
            ("p", "line one\nline two"),
            ("p", "<not a tag> \u{a0}xé ক্ষমা"),
            (&remote, ""),
            ("caption", "Remote photo"),
            (&remote, ""),
            (
                "img unavailable: images embedded as data: URLs are not shown",
                ""
            ),
            ("quote", "র্ক quote"),
            ("li • 0", "এক"),
            ("li • 0", "দুই"),
            ("li 7. 1", "nested"),
            ("li 8. 1", "next"),
            ("code", "  code\n    indented"),
        ])
    );
    assert_eq!(
        spans(&article, 1),
        vec![
            ("গাঢ়".to_owned(), InlineStyle::Strong),
            ("বাঁকা".to_owned(), InlineStyle::Emphasis),
            (
                "লিংক".to_owned(),
                InlineStyle::Link("https://example.org".to_owned())
            ),
        ]
    );
    let images: Vec<&ImageRef> = article.images().collect();
    assert_eq!(images[0].alt, "alt text");
    assert_eq!(
        article.notices,
        vec!["2 remote images are not loaded: Pathok never uses the network".to_owned()]
    );
    for noise in [
        "Home",
        "advert",
        "Share",
        "Related",
        "search",
        "hidden",
        "enable js",
        "2024",
        "not text",
    ] {
        assert!(!article.text.as_str().contains(noise), "{noise}");
    }
}

#[test]
fn without_article_the_densest_paragraph_container_wins() {
    let article = page(
        "<html><head><title>The story - Site name</title></head><body>\
             <nav><p>Menu</p></nav>\
             <div id=side><p>Sidebar teaser</p></div>\
             <div id=content><h2>Section</h2><p>First long paragraph of the story.</p>\
             <p>Second long paragraph of the story.</p></div></body></html>",
    );
    assert_eq!(article.title, "The story");
    assert_eq!(
        outline(&article),
        pairs(&[
            ("h2", "Section"),
            ("p", "First long paragraph of the story."),
            ("p", "Second long paragraph of the story."),
        ])
    );
}

#[test]
fn titles_and_site_suffixes() {
    assert_eq!(strip_site_suffix("Story | Site"), "Story");
    assert_eq!(strip_site_suffix("A - B | Site"), "A - B");
    assert_eq!(strip_site_suffix("| Site"), "| Site");
    assert_eq!(strip_site_suffix("কোরিয়া — খবর"), "কোরিয়া");
    // No <title>, no h1: the first paragraph.
    assert_eq!(
        page("<main><p>Only text here.</p></main>").title,
        "Only text here."
    );
    // An empty page still loads.
    let empty = page("");
    assert!(empty.blocks.is_empty());
    assert_eq!(empty.title, "story.html");
}

#[test]
fn img_alt_or_title_becomes_a_caption_and_lazy_images_use_data_src() {
    let article = page(
        "<article><p>Text <img src=\"data:image/gif;base64,R0lG\" data-src=\"pics/a.png\" title=\"শিরোনাম\"> more</p>\
             <div><img src=\"pics/b%2Bc.png?v=3#x\" alt=\"  spaced   alt \"></div></article>",
    );
    assert_eq!(
        outline(&article),
        pairs(&[
            ("p", "Text"),
            ("img /saved/pics/a.png", ""),
            ("caption", "শিরোনাম"),
            ("p", "more"),
            ("img /saved/pics/b+c.png", ""),
            ("caption", "spaced alt"),
        ])
    );
}

#[test]
fn deeply_nested_markup_does_not_overflow_the_stack() {
    let depth = 20_000;
    let html = format!(
        "<article>{}<p>deep</p>{}</article>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let article = page(&html);
    assert_eq!(article.text.as_str(), "deep");
}

#[test]
fn hostile_nesting_is_flattened_in_linear_time_and_keeps_the_text() {
    // 100,000 nested <div>s took the tree builder over a minute; 30,000 nested
    // lists and quotes too. Hang guard only: `examples/bench_load.rs` measures.
    let started = std::time::Instant::now();
    let divs = format!(
        "<body>{}<p>গভীর কথা</p>{}</body>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let lists = format!(
        "<body>{}তালিকা{}</body>",
        "<ul><li>".repeat(30_000),
        "</li></ul>".repeat(30_000)
    );
    let quotes = format!(
        "<body>{}উদ্ধৃতি{}</body>",
        "<blockquote>".repeat(30_000),
        "</blockquote>".repeat(30_000)
    );
    for (source, text) in [(divs, "গভীর কথা"), (lists, "তালিকা"), (quotes, "উদ্ধৃতি")]
    {
        let article = page(&source);
        assert_eq!(article.text.as_str(), text);
        assert!(
            article.notices.iter().any(|n| n.contains("flattened")),
            "{:?}",
            article.notices
        );
    }
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
}

#[test]
fn the_river_fixture_loads_through_the_loader() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles/river.html");
    let article = crate::article::load(&path).expect("river.html loads");
    check_invariants(&article);
    assert_eq!(article.title, "নদীর গল্প");
    let kinds: Vec<String> = outline(&article).into_iter().map(|(k, _)| k).collect();
    let local = format!("img {}", path.with_file_name("river.png").display());
    let remote = format!("img unavailable: {}", UnavailableReason::Remote);
    assert_eq!(kinds, ["title", "p", &local, "caption", "p", &remote]);
    assert!(
        article
            .text
            .as_str()
            .contains("অনুচ্ছেদ\u{a0}& English words.\nনতুন")
    );
}

/// Pieces random documents are made of, separated by '¦'.
const FRAGMENTS: &str = "কোরিয়া¦ক্ষমা¦র্ক¦word¦ ¦\n¦\t¦&nbsp;¦&amp;¦<p>¦</p>¦<br>¦<b>¦</b>¦\
         <i>¦</i>¦<a href=x>¦</a>¦<pre>¦</pre>¦<h1>¦</h1>¦<h3>¦</h3>¦<ul>¦\
         </ul>¦<ol>¦</ol>¦<li>¦</li>¦<blockquote>¦</blockquote>¦<figure>¦\
         </figure>¦<figcaption>¦</figcaption>¦<img src=a.png alt=cap>¦\
         <img src=http://x/y.png>¦<script>¦</script>¦<nav>¦</nav>¦<div>¦</div>¦\
         <code>¦</code>¦<article>¦</article>¦<!--¦-->";

fn fragment() -> impl Strategy<Value = &'static str> {
    prop::sample::select(FRAGMENTS.split('¦').collect::<Vec<_>>())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn any_html_keeps_the_block_invariants(parts in prop::collection::vec(fragment(), 0..80)) {
        page(&parts.concat());
    }
}
