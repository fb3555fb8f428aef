//! QR codes drawn by the server as SVG (the second factor's enrolment: no script, no
//! outside service, and the key is never sent anywhere to be drawn).

use qrcodegen::{QrCode, QrCodeEcc};

/// An SVG image of `text` as a QR code with a quiet zone of four modules, labelled for
/// screen readers by `label` (the page also gives the key as text).
pub fn svg(text: &str, label: &str) -> Option<String> {
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let border = 4;
    let size = qr.size() + border * 2;
    let mut path = String::new();
    for y in 0..qr.size() {
        for x in 0..qr.size() {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + border, y + border));
            }
        }
    }
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"220\" height=\"220\" role=\"img\" aria-label=\"{}\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>",
        escape(label)
    ))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_code_is_an_svg_with_a_label_and_dark_modules() {
        let svg = super::svg(
            "otpauth://totp/Romu%20platforma:a@b.lv?secret=GEZDGNBV",
            "QR \"kods\"",
        )
        .unwrap_or_default();
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("aria-label=\"QR &quot;kods&quot;\""));
        assert!(svg.matches('M').count() > 100, "modules drawn");
    }
}
