//! REFI-QDA exports checked against the standard's own schemas.

use std::path::Path;

/// Validate `xml` against `schema` with xmllint; fails loudly when it is missing.
pub fn xmllint(xml: &Path, schema: &str) {
    let schema = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/refi")
        .join(schema);
    let out = std::process::Command::new("xmllint")
        .args(["--noout", "--schema"])
        .arg(&schema)
        .arg(xml)
        .output()
        .unwrap_or_else(|e| {
            panic!("xmllint is needed to validate REFI-QDA exports (apt-get install libxml2-utils): {e}")
        });
    assert!(
        out.status.success(),
        "{} is not valid against {}:\n{}",
        xml.display(),
        schema.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}
