//! Writing files so that a failure never leaves a half-written file behind.

use std::io::Write as _;
use std::path::Path;

/// Writes `bytes` to a temporary file in the target's directory, then renames it over the
/// target: the target is either the old file or the complete new one.
///
/// The file gets the mode any other program would give it: a new file follows the umask
/// (0644 under the usual 022), an overwritten file keeps its mode. A temporary file is
/// private (0600) by default, which would make an export into a shared folder unreadable
/// to everyone else.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".gwr-charts-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        // Created with 0666 less the umask, as `File::create` does.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir)?;
    if let Ok(old) = std::fs::metadata(path)
        && old.is_file()
    {
        temp.as_file().set_permissions(old.permissions())?;
    }
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
