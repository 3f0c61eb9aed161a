//! Files in and out: reading refuses what is not a regular file or is over the size limit
//! before a byte is read (the one place that limit is checked), and writing never leaves a
//! half-written file behind.

use std::io::{Read as _, Write as _};
use std::path::Path;

/// Files (and pasted texts) larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A file or text over [`MAX_FILE_BYTES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "the file is {size} bytes, over the limit of {MAX_FILE_BYTES} bytes ({} MiB)",
    MAX_FILE_BYTES >> 20
)]
pub struct TooLarge {
    pub size: u64,
}

/// Refuses `size` bytes over the limit; every reader of files or pasted text asks here.
pub fn check_size(size: u64) -> Result<(), TooLarge> {
    if size > MAX_FILE_BYTES {
        Err(TooLarge { size })
    } else {
        Ok(())
    }
}

/// What a path is when it is not a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpecialKind {
    Directory,
    Fifo,
    CharDevice,
    BlockDevice,
    Socket,
    Other,
}

impl SpecialKind {
    fn of(kind: std::fs::FileType) -> SpecialKind {
        if kind.is_dir() {
            return SpecialKind::Directory;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt as _;
            if kind.is_fifo() {
                return SpecialKind::Fifo;
            } else if kind.is_char_device() {
                return SpecialKind::CharDevice;
            } else if kind.is_block_device() {
                return SpecialKind::BlockDevice;
            } else if kind.is_socket() {
                return SpecialKind::Socket;
            }
        }
        SpecialKind::Other
    }

    /// The English words, as `check` prints them: "a FIFO".
    pub fn words(self) -> &'static str {
        match self {
            SpecialKind::Directory => "a directory",
            SpecialKind::Fifo => "a FIFO",
            SpecialKind::CharDevice => "a character device",
            SpecialKind::BlockDevice => "a block device",
            SpecialKind::Socket => "a socket",
            SpecialKind::Other => "a special file",
        }
    }
}

/// Why a file could not be read. The file's name is the caller's to add.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("not a regular file ({})", .0.words())]
    NotRegular(SpecialKind),
    #[error(transparent)]
    TooLarge(#[from] TooLarge),
    #[error("cannot open: {0}")]
    Open(std::io::Error),
    #[error("cannot read: {0}")]
    Read(std::io::Error),
}

/// Reads a whole file, refusing anything that is not a regular file (a directory, a FIFO,
/// a device, a socket) and anything over [`MAX_FILE_BYTES`], before reading a byte.
///
/// Every file the app reads goes through here. The file is opened first and the opened
/// handle is checked, so nothing can swap the file in between; it is opened non-blocking,
/// because opening a FIFO for reading otherwise waits for a writer forever.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, ReadError> {
    let handle = match open_nonblocking(path) {
        Ok(handle) => handle,
        Err(e) => {
            // A socket cannot be opened at all (and a directory not on every system):
            // say what it is rather than the system's "no such device".
            return Err(match std::fs::metadata(path) {
                Ok(meta) if !meta.is_file() => {
                    ReadError::NotRegular(SpecialKind::of(meta.file_type()))
                }
                _ => ReadError::Open(e),
            });
        }
    };
    let meta = handle.metadata().map_err(ReadError::Read)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(SpecialKind::of(meta.file_type())));
    }
    check_size(meta.len())?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    handle
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Read)?;
    // The file may have grown since its size was asked.
    check_size(bytes.len() as u64)?;
    Ok(bytes)
}

fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // Reading a regular file never blocks, so the flag changes nothing for one.
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    options.open(path)
}

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
