// COMPILE-ONLY declarations of nanoFramework.System.IO.FileSystem / System.IO.Streams (the members the firmware
// calls), so that the firmware's flash storage adapter type-checks on Linux. Never deployed: the device build
// references the real packages.
using System;

namespace System.IO
{
    public enum FileMode { CreateNew = 1, Create = 2, Open = 3, OpenOrCreate = 4, Truncate = 5, Append = 6 }

    public enum FileAccess { Read = 1, Write = 2, ReadWrite = 3 }

    public enum SeekOrigin { Begin = 0, Current = 1, End = 2 }

    public class FileStream : IDisposable
    {
        public FileStream(string path, FileMode mode, FileAccess access) { throw new NotSupportedException(); }
        public long Length { get { throw new NotSupportedException(); } }
        public long Seek(long offset, SeekOrigin origin) { throw new NotSupportedException(); }
        public int Read(byte[] buffer, int offset, int count) { throw new NotSupportedException(); }
        public void Write(byte[] buffer, int offset, int count) { throw new NotSupportedException(); }
        public void Flush() { throw new NotSupportedException(); }
        public void Dispose() { }
    }

    public static class File
    {
        public static bool Exists(string path) { throw new NotSupportedException(); }
        public static void Delete(string path) { throw new NotSupportedException(); }
    }
}
