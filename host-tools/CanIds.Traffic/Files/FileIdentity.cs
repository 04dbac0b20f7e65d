using System;
using System.IO;
using System.Runtime.InteropServices;

namespace CanIds.Traffic.Files
{
    /// <summary>What a path is on disk, links followed: its device and inode (so two names of one file compare equal) and its kind.</summary>
    public readonly record struct FileIdentity(ulong Device, ulong Inode, FileKind Kind)
    {
        /// <summary>The identity of the file at <paramref name="path"/> (links followed), or null when nothing is there.</summary>
        public static FileIdentity? Of(string path)
        {
            if (OperatingSystem.IsWindows()) return Fallback(path);
            var buffer = new byte[256]; // struct stat: st_dev and st_ino lead on every Linux ABI; st_mode's offset differs
            try
            {
                if (stat(path, buffer) != 0) return null;
            }
            catch (EntryPointNotFoundException)
            {
                return Fallback(path);
            }

            int modeAt = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24 : 16;
            uint mode = BitConverter.ToUInt32(buffer, modeAt) & 0xF000;
            var kind = mode switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0x2000 or 0x6000 => FileKind.Device,
                0x1000 => FileKind.Fifo,
                _ => FileKind.Other,
            };
            return new FileIdentity(BitConverter.ToUInt64(buffer, 0), BitConverter.ToUInt64(buffer, 8), kind);
        }

        // Without stat: the full path of the final link target stands for the file.
        private static FileIdentity? Fallback(string path)
        {
            var info = new FileInfo(path);
            if (!info.Exists) return Directory.Exists(path) ? new FileIdentity(0, (ulong)Path.GetFullPath(path).GetHashCode(), FileKind.Directory) : null;
            var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
            return new FileIdentity(0, (ulong)StringComparer.OrdinalIgnoreCase.GetHashCode(target), FileKind.Regular);
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int stat(string path, byte[] buffer);
    }

    /// <summary>The kind of a file system entry.</summary>
    public enum FileKind
    {
        /// <summary>A regular file.</summary>
        Regular,

        /// <summary>A directory.</summary>
        Directory,

        /// <summary>A character or block device (e.g. /dev/null, /dev/full).</summary>
        Device,

        /// <summary>A named pipe.</summary>
        Fifo,

        /// <summary>A socket or anything else.</summary>
        Other,
    }
}
