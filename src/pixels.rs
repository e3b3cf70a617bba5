//! The size an image declares, read from its header without decoding it:
//! a PNG's `IHDR`, a JPEG's frame header, an SVG's `width`, `height` and
//! `viewBox`, and those of the images an SVG carries inside it. A picture of
//! a megabyte may decode to gigabytes; its header says so first.

use quick_xml::Reader;
use quick_xml::events::Event;

/// An image's width and height in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    /// Pixels across.
    pub width: f64,
    /// Pixels down.
    pub height: f64,
}

impl Size {
    /// Its pixels.
    pub fn pixels(&self) -> f64 {
        self.width * self.height
    }
}

/// The largest size the image declares, itself or an image inside it (an
/// SVG may carry PNGs); `None` when its header cannot be read, which the
/// typesetter then says.
pub fn largest(extension: &str, bytes: &[u8]) -> Option<Size> {
    if extension == "svg" {
        svg(bytes)
    } else {
        raster(bytes)
    }
}

/// A PNG's or JPEG's size, from its header.
fn raster(bytes: &[u8]) -> Option<Size> {
    let size = imagesize::blob_size(bytes).ok()?;
    Some(Size {
        width: size.width as f64,
        height: size.height as f64,
    })
}

/// An SVG's own size (a CSS pixel a unit; a length in `pt`, `mm`, `cm` or
/// `in` converted at 96 to the inch), or that of the largest image it
/// carries as a `data:` address, whichever has more pixels.
fn svg(bytes: &[u8]) -> Option<Size> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut largest: Option<Size> = None;
    let mut keep = |size: Size| {
        if largest.is_none_or(|l| size.pixels() > l.pixels()) {
            largest = Some(size);
        }
    };
    let mut reader = Reader::from_str(text);
    let mut root = true;
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let attribute = |name: &str| -> Option<String> {
                    let attribute = e.try_get_attribute(name).ok()??;
                    Some(attribute.value.into_owned())
                };
                if root && e.local_name().as_ref() == "svg" {
                    root = false;
                    let view_box = attribute("viewBox").and_then(|v| view_box(&v));
                    let width = attribute("width").and_then(|w| length(&w));
                    let height = attribute("height").and_then(|h| length(&h));
                    let size = match (width, height, view_box) {
                        (Some(width), Some(height), _) => Some(Size { width, height }),
                        (Some(width), None, Some(b)) if b.width > 0.0 => Some(Size {
                            width,
                            height: width * b.height / b.width,
                        }),
                        (None, Some(height), Some(b)) if b.height > 0.0 => Some(Size {
                            width: height * b.width / b.height,
                            height,
                        }),
                        (_, _, view_box) => view_box,
                    };
                    if let Some(size) = size {
                        keep(size);
                    }
                }
                for name in ["href", "xlink:href"] {
                    if let Some(href) = attribute(name)
                        && let Some(size) = data_image(&href)
                    {
                        keep(size);
                    }
                }
            }
            _ => {}
        }
    }
    largest
}

/// A length in CSS pixels; a percentage or an unknown unit is no size.
fn length(text: &str) -> Option<f64> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E')))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: f64 = number.parse().ok()?;
    let per = match unit.trim() {
        "" | "px" => 1.0,
        "pt" => 96.0 / 72.0,
        "pc" => 16.0,
        "mm" => 96.0 / 25.4,
        "cm" => 96.0 / 2.54,
        "in" => 96.0,
        _ => return None,
    };
    let length = number * per;
    (length.is_finite() && length >= 0.0).then_some(length)
}

/// The width and height of a `viewBox`.
fn view_box(text: &str) -> Option<Size> {
    let numbers: Vec<f64> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().ok())
        .collect::<Option<_>>()?;
    match numbers[..] {
        [_, _, width, height] if width.is_finite() && height.is_finite() => Some(Size {
            width: width.abs(),
            height: height.abs(),
        }),
        _ => None,
    }
}

/// The size of an image given as a `data:` address in base64.
fn data_image(href: &str) -> Option<Size> {
    let rest = href.trim().strip_prefix("data:")?;
    let (kind, data) = rest.split_once(',')?;
    if !kind.ends_with(";base64") {
        return None;
    }
    raster(&base64(data))
}

/// Base64 decoded, white space and any character not of the alphabet
/// skipped.
fn base64(text: &str) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(text.len() / 4 * 3);
    let (mut bits, mut count) = (0u32, 0);
    for c in text.bytes() {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => continue,
        };
        bits = (bits << 6) | u32::from(value);
        count += 1;
        if count == 4 {
            bytes.extend_from_slice(&bits.to_be_bytes()[1..]);
            (bits, count) = (0, 0);
        }
    }
    match count {
        2 => bytes.push((bits >> 4) as u8),
        3 => bytes.extend_from_slice(&((bits >> 2) as u16).to_be_bytes()),
        _ => {}
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG's signature and header, declaring its size, and nothing else.
    fn png_header(width: u32, height: u32) -> Vec<u8> {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&width.to_be_bytes());
        png.extend_from_slice(&height.to_be_bytes());
        png.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
        png
    }

    #[test]
    fn a_png_says_its_size_in_its_header() {
        let size = largest("png", &png_header(30_000, 20_000)).unwrap();
        assert_eq!(size.pixels(), 600_000_000.0);
        assert_eq!(largest("png", b"not an image"), None);
    }

    #[test]
    fn an_svg_says_its_size_in_its_attributes_or_view_box() {
        let svg = |attributes: &str| {
            largest(
                "svg",
                format!("<svg xmlns=\"http://www.w3.org/2000/svg\" {attributes}/>").as_bytes(),
            )
        };
        assert_eq!(
            svg("width=\"10in\" height=\"72pt\"").unwrap(),
            Size {
                width: 960.0,
                height: 96.0
            }
        );
        assert_eq!(svg("viewBox=\"0 0 400 300\"").unwrap().pixels(), 120_000.0);
        assert_eq!(
            svg("width=\"800\" viewBox=\"0,0,400,300\"").unwrap().height,
            600.0
        );
        assert_eq!(svg("width=\"100%\""), None);
    }

    #[test]
    fn the_images_an_svg_carries_are_measured_too() {
        let png = png_header(100_000, 100_000);
        let encoded = encode(&png);
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><image href=\"data:image/png;base64,{encoded}\"/></svg>"
        );
        assert_eq!(largest("svg", svg.as_bytes()).unwrap().pixels(), 1e10);
        assert_eq!(base64(&encoded), png);
    }

    fn encode(bytes: &[u8]) -> String {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut text = String::new();
        for chunk in bytes.chunks(3) {
            let mut n = [0u8; 3];
            n[..chunk.len()].copy_from_slice(chunk);
            let bits = u32::from_be_bytes([0, n[0], n[1], n[2]]);
            for i in 0..=chunk.len() {
                text.push(ALPHABET[(bits >> (18 - 6 * i) & 63) as usize] as char);
            }
        }
        text
    }
}
