using System.IO;
using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Hardware
{
    /// <summary>
    /// <see cref="IFileStorage"/> over nanoFramework's file system on the internal flash drive (e.g. "I:\\" on STM32
    /// targets built with it). Every write is flushed before returning. Device build only.
    /// </summary>
    public sealed class FlashFileStorage : IFileStorage
    {
        private readonly string _root;

        /// <summary>Files under <paramref name="root"/> (a drive or folder with a trailing separator).</summary>
        public FlashFileStorage(string root)
        {
            _root = root;
        }

        /// <inheritdoc />
        public int Length(string name)
        {
            string path = _root + name;
            if (!File.Exists(path)) return -1;
            using (FileStream file = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                return (int)file.Length;
            }
        }

        /// <inheritdoc />
        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            string path = _root + name;
            if (!File.Exists(path)) return 0;
            using (FileStream file = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                file.Seek(position, SeekOrigin.Begin);
                return file.Read(buffer, offset, count);
            }
        }

        /// <inheritdoc />
        public void Write(string name, int position, byte[] data, int offset, int count)
        {
            using (FileStream file = new FileStream(_root + name, FileMode.OpenOrCreate, FileAccess.ReadWrite))
            {
                file.Seek(position, SeekOrigin.Begin);
                file.Write(data, offset, count);
                file.Flush();
            }
        }

        /// <inheritdoc />
        public void Delete(string name)
        {
            string path = _root + name;
            if (File.Exists(path)) File.Delete(path);
        }
    }
}
