//! The temporary file a changed feed is staged in, written past the page
//! cache where the system allows it.
//!
//! With every entry in the feeds each is hundreds of megabytes, written
//! once and not read again by the run. Through the page cache every byte
//! is first copied into a fresh cache page, which the kernel must find,
//! account and later write back; on the 2-core VM of BENCHMARKS.md that
//! cost more CPU than rendering the feed (`dd` of 700 MB: 2.4 s of system
//! CPU buffered, 0.1 s with `O_DIRECT`, and a fifth of the time). So on
//! Linux the file is opened for direct I/O and written in whole aligned
//! blocks from a buffer of its own; the last bytes, which are not a whole
//! block, are written once direct I/O is turned off again (see
//! [`TempFeed::copy_from`] for feeds that copy from the published ones).
//! Where the file system refuses direct I/O (tmpfs on older kernels, some
//! network file systems) the file is written as any other, and the kernel
//! is asked to start writing it back as it comes.

use std::fs;
use std::io::{Read, Seek};

/// What direct I/O must be aligned to: the memory, the length and the
/// file offset of every write. 4 KiB covers the logical blocks of every
/// common disk.
const BLOCK: usize = 4096;
/// Bytes gathered before they are written: large enough that the disk
/// sees few requests, small enough to be nothing beside a feed.
const BUFFER: usize = 4 << 20;

pub(super) struct TempFeed {
    temp: tempfile::NamedTempFile,
    /// `BUFFER` bytes from `start` are aligned to `BLOCK`; the rest of the
    /// vector is only there to make room for that alignment.
    buffer: Vec<u8>,
    start: usize,
    /// Bytes in the buffer not yet written.
    filled: usize,
    /// Bytes written to the file.
    written: u64,
    direct: bool,
}

impl TempFeed {
    pub(super) fn new(temp: tempfile::NamedTempFile) -> TempFeed {
        TempFeed::trying_direct(temp, true)
    }

    fn trying_direct(temp: tempfile::NamedTempFile, try_direct: bool) -> TempFeed {
        let buffer = vec![0; BUFFER + BLOCK];
        // (`align_offset` may, in principle, give up: then no direct I/O.)
        let start = buffer.as_ptr().align_offset(BLOCK);
        let aligned = start < BLOCK;
        let start = if aligned { start } else { 0 };
        let direct = try_direct && aligned && set_direct(temp.as_file(), true);
        TempFeed {
            temp,
            buffer,
            start,
            filled: 0,
            written: 0,
            direct,
        }
    }

    /// Appends `bytes`.
    pub(super) fn write_all(&mut self, mut bytes: &[u8]) -> std::io::Result<()> {
        while !bytes.is_empty() {
            let n = (BUFFER - self.filled).min(bytes.len());
            let at = self.start + self.filled;
            self.buffer[at..at + n].copy_from_slice(&bytes[..n]);
            self.filled += n;
            bytes = &bytes[n..];
            if self.filled == BUFFER {
                self.write_buffer()?;
            }
        }
        Ok(())
    }

    /// Appends the next `len` bytes of `published` (positioned where they
    /// start); `false` if it holds fewer.
    ///
    /// A file that copies from the published one is written through the
    /// page cache from here on, and the kernel copies between the two
    /// files itself (`copy_file_range`). So the feeds of a run that
    /// changed little stay in the cache, where the next such run copies
    /// them from; only a build that renders whole files writes past it.
    pub(super) fn copy_from(&mut self, published: &fs::File, len: u64) -> std::io::Result<bool> {
        self.write_out()?;
        let mut temp = self.temp.as_file();
        temp.seek(std::io::SeekFrom::Start(self.written))?;
        let copied = std::io::copy(&mut published.take(len), &mut temp)?;
        self.written += copied;
        Ok(copied == len)
    }

    /// Writes what the buffer holds (with direct I/O, its whole blocks),
    /// so that the disk starts on it; the run is still rendering the next
    /// part.
    pub(super) fn start_writeback(&mut self) -> std::io::Result<()> {
        self.write_buffer()?;
        if !self.direct {
            start_kernel_writeback(self.temp.as_file());
        }
        Ok(())
    }

    /// The file with every byte appended, not yet synced.
    pub(super) fn finish(mut self) -> std::io::Result<tempfile::NamedTempFile> {
        self.write_out()?;
        Ok(self.temp)
    }

    /// Writes all the buffer holds: its whole blocks, then, direct I/O
    /// turned off, the rest. What follows may be of any length.
    fn write_out(&mut self) -> std::io::Result<()> {
        self.write_buffer()?;
        self.stop_direct()?;
        self.write_buffer()
    }

    fn stop_direct(&mut self) -> std::io::Result<()> {
        if self.direct {
            if !set_direct(self.temp.as_file(), false) {
                return Err(std::io::Error::last_os_error());
            }
            self.direct = false;
        }
        Ok(())
    }

    fn write_buffer(&mut self) -> std::io::Result<()> {
        let whole = if self.direct {
            self.filled / BLOCK * BLOCK
        } else {
            self.filled
        };
        if whole == 0 {
            return Ok(());
        }
        let bytes = &self.buffer[self.start..self.start + whole];
        match write_at(self.temp.as_file(), bytes, self.written) {
            // The file system took the flag but not the write: written as
            // any file from here on (the same bytes at the same place).
            Err(e) if self.direct && e.raw_os_error() == Some(EINVAL) => {
                self.stop_direct()?;
                return self.write_buffer();
            }
            other => other?,
        }
        self.written += whole as u64;
        let rest = self.start + whole..self.start + self.filled;
        self.buffer.copy_within(rest, self.start);
        self.filled -= whole;
        Ok(())
    }
}

#[cfg(unix)]
const EINVAL: i32 = libc::EINVAL;
#[cfg(not(unix))]
const EINVAL: i32 = -1;

#[cfg(unix)]
fn write_at(file: &fs::File, bytes: &[u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(file, bytes, offset)
}

#[cfg(not(unix))]
fn write_at(mut file: &fs::File, bytes: &[u8], offset: u64) -> std::io::Result<()> {
    use std::io::Write;
    file.seek(std::io::SeekFrom::Start(offset))?;
    file.write_all(bytes)
}

/// Turns direct I/O on or off for `file`; whether that took.
#[cfg(target_os = "linux")]
fn set_direct(file: &fs::File, on: bool) -> bool {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: `fcntl` on a descriptor we hold open; it reads no memory of
    // ours.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags < 0 {
            return false;
        }
        let flags = if on {
            flags | libc::O_DIRECT
        } else {
            flags & !libc::O_DIRECT
        };
        libc::fcntl(fd, libc::F_SETFL, flags) == 0
    }
}

#[cfg(not(target_os = "linux"))]
fn set_direct(_file: &fs::File, on: bool) -> bool {
    !on
}

/// Asks the kernel to start writing the file's dirty pages to disk. A
/// machine with gigabytes of memory would otherwise keep a feed of
/// hundreds of megabytes in its page cache until the `fsync` at the end,
/// and the disk would only start then, while rendering waits. Only a
/// hint: the final `fsync` is what makes the file durable.
fn start_kernel_writeback(file: &fs::File) {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        // SAFETY: the descriptor is open for as long as `file`; the call
        // reads no memory of ours.
        unsafe {
            libc::sync_file_range(file.as_raw_fd(), 0, 0, libc::SYNC_FILE_RANGE_WRITE);
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = file;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes no two stretches of which are alike, so that a piece written
    /// to the wrong place shows.
    fn numbered(len: usize, seed: u64) -> Vec<u8> {
        let mut state = seed;
        (0..len)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (state >> 56) as u8
            })
            .collect()
    }

    #[test]
    fn every_byte_lands_in_order_with_or_without_direct_io() {
        let dir = tempfile::tempdir().unwrap();
        let published_bytes = numbered(3 * BUFFER + 12_345, 1);
        let published_path = dir.path().join("published");
        fs::write(&published_path, &published_bytes).unwrap();
        let published = fs::File::open(&published_path).unwrap();
        // Pieces across block and buffer boundaries, tiny and larger than
        // the buffer, rendered and copied, and a copy from the very end.
        enum Piece {
            Bytes(Vec<u8>),
            Copy(u64, u64),
        }
        let pieces = [
            Piece::Bytes(numbered(1, 2)),
            Piece::Bytes(numbered(BLOCK - 1, 3)),
            Piece::Bytes(numbered(BUFFER + 7, 4)),
            Piece::Bytes(numbered(0, 5)),
            Piece::Bytes(numbered(2 * BUFFER - 3, 6)),
            Piece::Copy(5, 100_000),
            Piece::Bytes(numbered(777, 7)),
            Piece::Copy(published_bytes.len() as u64 - 12_345, 12_345),
            Piece::Bytes(numbered(BLOCK, 8)),
        ];
        for try_direct in [true, false] {
            let temp = tempfile::NamedTempFile::new_in(dir.path()).unwrap();
            let mut feed = TempFeed::trying_direct(temp, try_direct);
            let mut expected = Vec::new();
            for (at, piece) in pieces.iter().enumerate() {
                match piece {
                    Piece::Bytes(bytes) => {
                        feed.write_all(bytes).unwrap();
                        expected.extend_from_slice(bytes);
                    }
                    Piece::Copy(start, len) => {
                        (&published).seek(std::io::SeekFrom::Start(*start)).unwrap();
                        assert!(feed.copy_from(&published, *len).unwrap());
                        let range = *start as usize..(*start + *len) as usize;
                        expected.extend_from_slice(&published_bytes[range]);
                    }
                }
                if at % 2 == 1 {
                    feed.start_writeback().unwrap();
                }
            }
            // A copy past the end of the published file is refused.
            let end = published_bytes.len() as u64;
            let mut short = TempFeed::trying_direct(
                tempfile::NamedTempFile::new_in(dir.path()).unwrap(),
                try_direct,
            );
            (&published)
                .seek(std::io::SeekFrom::Start(end - 10))
                .unwrap();
            assert!(!short.copy_from(&published, 11).unwrap());
            let temp = feed.finish().unwrap();
            let written = fs::read(temp.path()).unwrap();
            assert_eq!(written.len(), expected.len(), "direct: {try_direct}");
            assert!(written == expected, "direct: {try_direct}");
        }
    }
}
