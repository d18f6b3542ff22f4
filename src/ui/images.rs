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
    },
    /// Cannot be shown; the message says why and names the file.
    Failed(String),
}

type Decoded = (String, Result<DecodedImage, ImageError>);

/// Textures of the images of the open article, keyed by [`ImageSource::label`].
pub struct ImageCache {
    states: HashMap<String, ImageState>,
    sender: Sender<Decoded>,
    receiver: Receiver<Decoded>,
    limits: ImageLimits,
}

impl Default for ImageCache {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self {
            states: HashMap::new(),
            sender,
            receiver,
            limits: ImageLimits::default(),
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
                let result = decode_image(&source, &limits);
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

    /// Upload finished decodes; returns true when any image changed state.
    pub fn poll(&mut self, ctx: &egui::Context) -> bool {
        let mut changed = false;
        while let Ok((key, result)) = self.receiver.try_recv() {
            let state = match result {
                Ok(image) => {
                    let size = [image.width as usize, image.height as usize];
                    let color = ColorImage::from_rgba_unmultiplied(size, &image.rgba);
                    let texture = ctx.load_texture(&key, color, TextureOptions::LINEAR);
                    ImageState::Ready {
                        texture,
                        size: Vec2::new(image.width as f32, image.height as f32),
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
            changed = true;
        }
        changed
    }

    /// True while any image is still being decoded.
    pub fn any_loading(&self) -> bool {
        self.states
            .values()
            .any(|s| matches!(s, ImageState::Loading))
    }
}
