using System;
using System.IO;
using CanIds.Firmware.Ports;

namespace CanIds.Hil
{
    /// <summary>The firmware's flash as files in a host folder (each write flushed to disk), so a "reboot" keeps it.</summary>
    public sealed class DirectoryStorage(string directory) : IFileStorage
    {
        private string PathOf(string name) => Path.Combine(directory, name);

        /// <inheritdoc />
        public int Length(string name) => File.Exists(PathOf(name)) ? (int)new FileInfo(PathOf(name)).Length : -1;

        /// <inheritdoc />
        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            if (!File.Exists(PathOf(name))) return 0;
            using var file = new FileStream(PathOf(name), FileMode.Open, FileAccess.Read);
            file.Seek(position, SeekOrigin.Begin);
            return file.Read(buffer, offset, count);
        }

        /// <inheritdoc />
        public void Write(string name, int position, byte[] data, int offset, int count)
        {
            Directory.CreateDirectory(directory);
            using var file = new FileStream(PathOf(name), FileMode.OpenOrCreate, FileAccess.ReadWrite);
            file.Seek(position, SeekOrigin.Begin);
            file.Write(data, offset, count);
            file.Flush(flushToDisk: true);
        }

        /// <inheritdoc />
        public void Delete(string name) => File.Delete(PathOf(name));
    }
}
