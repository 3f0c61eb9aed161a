//! Files in and out: reading refuses what is not a regular file or is over the size limit
//! before a byte is read (the one place that limit is checked), and writing never leaves a
//! half-written file behind.

use std::io::{self, Read as _, Write as _};
use std::path::{Path, PathBuf};

use crate::i18n::{Texts, fill};

/// Files (and pasted texts) larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A file or text over [`MAX_FILE_BYTES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooLarge {
    pub size: u64,
}

impl TooLarge {
    pub fn message(&self, t: &Texts) -> String {
        fill(
            t.messages.too_large,
            &[
                ("size", &self.size),
                ("limit", &MAX_FILE_BYTES),
                ("mib", &(MAX_FILE_BYTES >> 20)),
            ],
        )
    }
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

    pub fn words(self, t: &Texts) -> &'static str {
        t.messages.special_kinds[self as usize]
    }
}

/// What the system said when a file could not be opened, read or written, in words of our
/// own for the common cases and the system's own otherwise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IoProblem {
    NotFound,
    Denied,
    /// The system's message, without any path (the caller names the file).
    Other(String),
}

impl IoProblem {
    pub fn of(e: &io::Error) -> IoProblem {
        match e.kind() {
            io::ErrorKind::NotFound => IoProblem::NotFound,
            io::ErrorKind::PermissionDenied => IoProblem::Denied,
            _ => IoProblem::Other(system_words(e)),
        }
    }

    pub fn message(&self, t: &Texts) -> String {
        match self {
            IoProblem::NotFound => t.messages.no_such_file.to_owned(),
            IoProblem::Denied => t.messages.permission_denied.to_owned(),
            IoProblem::Other(words) => words.clone(),
        }
    }
}

/// The system's words for an error, without the temporary file's name that `tempfile` adds
/// to its errors (the user never chose that name, and the caller names the real file).
fn system_words(e: &io::Error) -> String {
    let inner = e
        .get_ref()
        .and_then(|inner| inner.source())
        .and_then(|source| source.downcast_ref::<io::Error>());
    match inner.or(Some(e)).and_then(io::Error::raw_os_error) {
        Some(code) => io::Error::from_raw_os_error(code).to_string(),
        None => inner.unwrap_or(e).to_string(),
    }
}

/// Why a file could not be read. The file's name is the caller's to add.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    NotRegular(SpecialKind),
    TooLarge(TooLarge),
    Open(IoProblem),
    Read(IoProblem),
}

impl From<TooLarge> for ReadError {
    fn from(e: TooLarge) -> ReadError {
        ReadError::TooLarge(e)
    }
}

impl ReadError {
    pub fn message(&self, t: &Texts) -> String {
        let m = t.messages;
        match self {
            ReadError::NotRegular(kind) => fill(m.not_regular, &[("kind", &kind.words(t))]),
            ReadError::TooLarge(e) => e.message(t),
            ReadError::Open(why) => fill(m.cannot_open, &[("why", &why.message(t))]),
            ReadError::Read(why) => fill(m.cannot_read, &[("why", &why.message(t))]),
        }
    }
}

/// Why a file could not be written; nothing was written (the old file, if any, is intact).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WriteError {
    /// The file the user asked for (never the temporary one).
    pub path: PathBuf,
    pub cause: WriteCause,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteCause {
    NoFolder(PathBuf),
    NotAFolder(PathBuf),
    Denied(PathBuf),
    /// The path names a folder.
    IsAFolder,
    DiskFull,
    /// Anything else: the system's words, or a writer's (an image that cannot be encoded).
    Other(String),
}

impl WriteError {
    pub fn new(path: &Path, cause: WriteCause) -> WriteError {
        WriteError {
            path: path.to_owned(),
            cause,
        }
    }

    /// The error of writing `path` into `dir` that the system reported as `e`.
    pub fn of_io(path: &Path, dir: &Path, e: &io::Error) -> WriteError {
        let cause = match e.kind() {
            io::ErrorKind::NotFound => WriteCause::NoFolder(dir.to_owned()),
            io::ErrorKind::NotADirectory => WriteCause::NotAFolder(dir.to_owned()),
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                WriteCause::Denied(dir.to_owned())
            }
            io::ErrorKind::IsADirectory => WriteCause::IsAFolder,
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => WriteCause::DiskFull,
            _ => WriteCause::Other(system_words(e)),
        };
        WriteError::new(path, cause)
    }

    pub fn message(&self, t: &Texts) -> String {
        let m = t.messages;
        let dir = |d: &Path| d.display().to_string();
        let why = match &self.cause {
            WriteCause::NoFolder(d) => fill(m.no_folder, &[("dir", &dir(d))]),
            WriteCause::NotAFolder(d) => fill(m.not_a_folder, &[("dir", &dir(d))]),
            WriteCause::Denied(d) => fill(m.no_write_permission, &[("dir", &dir(d))]),
            WriteCause::IsAFolder => m.is_a_folder.to_owned(),
            WriteCause::DiskFull => m.disk_full.to_owned(),
            WriteCause::Other(words) => words.clone(),
        };
        fill(
            m.cannot_write,
            &[("file", &self.path.display()), ("why", &why)],
        )
    }
}

crate::i18n::display_in_english!(TooLarge, ReadError, WriteError);

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
                _ => ReadError::Open(IoProblem::of(&e)),
            });
        }
    };
    let meta = handle
        .metadata()
        .map_err(|e| ReadError::Read(IoProblem::of(&e)))?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(SpecialKind::of(meta.file_type())));
    }
    check_size(meta.len())?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    handle
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Read(IoProblem::of(&e)))?;
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
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_replacing(path, bytes, true)
}

/// [`write_atomic`] for files made again from others, many at a time (the drafts of a
/// folder run): as atomic, but not flushed to the disk one by one. A flush per file would
/// make the run wait on the disk hundreds of times; a draft lost to a power cut is made
/// again by running the same command.
pub fn write_atomic_regenerable(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_replacing(path, bytes, false)
}

fn write_replacing(path: &Path, bytes: &[u8], sync: bool) -> Result<(), WriteError> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let fail = |e: io::Error| WriteError::of_io(path, dir, &e);
    // Said of the folder the user named, before a temporary file in it is tried.
    match std::fs::metadata(dir) {
        Ok(meta) if !meta.is_dir() => {
            return Err(WriteError::new(path, WriteCause::NotAFolder(dir.into())));
        }
        Err(e) => return Err(fail(e)),
        Ok(_) => {}
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".gwr-charts-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        // Created with 0666 less the umask, as `File::create` does.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir).map_err(fail)?;
    if let Ok(old) = std::fs::metadata(path)
        && old.is_file()
    {
        temp.as_file()
            .set_permissions(old.permissions())
            .map_err(fail)?;
    }
    temp.write_all(bytes).map_err(fail)?;
    if sync {
        temp.as_file().sync_all().map_err(fail)?;
    }
    temp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}
