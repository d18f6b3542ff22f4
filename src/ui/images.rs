//! Article images as textures: decoded on a worker thread (bounded by
//! [`ImageLimits`]), uploaded on the UI thread, failures kept with their reason.

use std::collections::HashMap;
use std::sync::mpsc::{Receiver, Sender, channel};

use egui::{ColorImage, TextureHandle, TextureOptions, Vec2};

use crate::article::{DecodedImage, ImageError, ImageLimits, ImageSource, decode_image};
use crate::tr;

/// What is known about one image.
#[derive(Clone)]
pub enum ImageState {
    /// Being decoded.
    Loading,
    /// Ready to paint; `size` is the texture size in pixels.
    Ready {
        /// The uploaded texture.
        texture: TextureHandle,
        /// Its size in pixels.
        size: Vec2,
        /// The image's own size in pixels (after EXIF orientation, before the texture
        /// was scaled down): the unit of region coordinates.
        pixels: Vec2,
        /// SHA-256 of the file's bytes (`None` when they could not be read again, or
        /// for an image that is not a file): what a region drawn on it remembers.
        sha256: Option<String>,
    },
    /// Cannot be shown; the message says why and names the file.
    Failed(String),
}

type Decoded = (String, Result<(DecodedImage, Option<String>), ImageError>);

/// Textures of the images of the open article, keyed by [`ImageSource::label`].
pub struct ImageCache {
    states: HashMap<String, ImageState>,
    sender: Sender<Decoded>,
    receiver: Receiver<Decoded>,
    limits: ImageLimits,
    /// How many decodes have finished (a region's mark depends on its picture's hash).
    decoded: u64,
    /// Notices of decoded pictures not yet taken by [`ImageCache::take_notices`].
    notices: Vec<String>,
}

impl Default for ImageCache {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self {
            states: HashMap::new(),
            sender,
            receiver,
            limits: ImageLimits::default(),
            decoded: 0,
            notices: Vec::new(),
        }
    }
}

impl ImageCache {
    /// The state of `source`, starting a decode the first time it is asked for.
    pub fn get(&mut self, ctx: &egui::Context, source: &ImageSource) -> ImageState {
        let key = source.label();
        if let Some(state) = self.states.get(&key) {
            return state.clone();
        }
        self.states.insert(key.clone(), ImageState::Loading);
        let error_key = key.clone();
        let sender = self.sender.clone();
        let source = source.clone();
        let limits = self.limits.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("pathok-image".to_owned())
            .spawn(move || {
                let result = decode_image(&source, &limits).map(|image| (image, hash(&source)));
                // The receiver is gone only when the article was closed: nothing to do.
                let _ = sender.send((key, result));
                ctx.request_repaint();
            });
        if let Err(e) = spawned {
            let message = tr!(
                "image-cannot-decode",
                reason = e.to_string(),
                image = error_key.to_string()
            );
            self.states.insert(error_key, ImageState::Failed(message));
        }
        ImageState::Loading
    }

    /// The state of `source` if it was asked for before (no decode is started).
    pub fn peek(&self, source: &ImageSource) -> Option<ImageState> {
        self.states.get(&source.label()).cloned()
    }

    /// Upload finished decodes; returns true when any image changed state.
    pub fn poll(&mut self, ctx: &egui::Context) -> bool {
        let mut changed = false;
        while let Ok((key, result)) = self.receiver.try_recv() {
            let state = match result {
                Ok((image, sha256)) => {
                    self.notices.extend(image.notice.clone());
                    let size = [image.width as usize, image.height as usize];
                    let color = ColorImage::from_rgba_unmultiplied(size, &image.rgba);
                    let texture = ctx.load_texture(&key, color, TextureOptions::LINEAR);
                    let (width, height) = image.original_size;
                    ImageState::Ready {
                        texture,
                        size: Vec2::new(image.width as f32, image.height as f32),
                        pixels: Vec2::new(width as f32, height as f32),
                        sha256,
                    }
                }
                Err(error) => {
                    let cwd = std::env::current_dir().ok();
                    let message = super::paths::shown(&error.to_string(), cwd.as_deref());
                    eprintln!("pathok: {message}");
                    ImageState::Failed(message)
                }
            };
            self.states.insert(key, state);
            self.decoded += 1;
            changed = true;
        }
        changed
    }

    /// Forget `source` so that it is decoded (and hashed) again the next time it is
    /// asked for: its file changed.
    pub fn forget(&mut self, source: &ImageSource) {
        self.states.remove(&source.label());
    }

    /// The notices of pictures decoded since the last call (one cut short …), each
    /// naming its file; the picture itself is shown.
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    /// How many decodes have finished so far.
    pub fn decoded(&self) -> u64 {
        self.decoded
    }

    /// True while any image is still being decoded.
    pub fn any_loading(&self) -> bool {
        self.states
            .values()
            .any(|s| matches!(s, ImageState::Loading))
    }
}

/// SHA-256 of the bytes of `source` (on the decoding thread: a region drawn on the
/// picture records it). A file is read again after decoding, which is cheap next to
/// decoding; `None` for an unavailable image, or when the file is gone.
fn hash(source: &ImageSource) -> Option<String> {
    match source {
        ImageSource::File(path) => std::fs::read(path)
            .ok()
            .map(|bytes| crate::article::sha256_hex(&bytes)),
        ImageSource::Embedded { bytes, .. } => Some(crate::article::sha256_hex(bytes)),
        ImageSource::Unavailable { .. } => None,
    }
}
