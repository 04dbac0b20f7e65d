using System;
using System.Collections;
using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Tests.Simulation
{
    /// <summary>
    /// Flash storage in memory that can lose power: after <see cref="WritesUntilPowerLoss"/> more writes, the next
    /// write stores only part of its bytes and throws, as a write cut by a power failure would.
    /// </summary>
    public sealed class MemoryStorage : IFileStorage
    {
        private readonly ArrayList _names = new ArrayList();
        private readonly ArrayList _contents = new ArrayList();

        /// <summary>Writes that still succeed; −1: never lose power.</summary>
        public int WritesUntilPowerLoss = -1;

        /// <summary>Writes done.</summary>
        public int Writes { get; private set; }

        /// <inheritdoc />
        public int Length(string name)
        {
            byte[] file = Get(name);
            return file == null ? -1 : file.Length;
        }

        /// <inheritdoc />
        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            byte[] file = Get(name);
            if (file == null || position >= file.Length) return 0;
            int n = file.Length - position < count ? file.Length - position : count;
            Array.Copy(file, position, buffer, offset, n);
            return n;
        }

        /// <inheritdoc />
        public void Write(string name, int position, byte[] data, int offset, int count)
        {
            bool cut = WritesUntilPowerLoss == 0;
            if (cut) count /= 2;
            byte[] file = Get(name);
            int length = file == null ? 0 : file.Length;
            if (position + count > length)
            {
                byte[] grown = new byte[position + count];
                if (file != null) Array.Copy(file, grown, length);
                file = grown;
                Put(name, file);
            }

            Array.Copy(data, offset, file, position, count);
            Writes++;
            if (cut)
            {
                WritesUntilPowerLoss = -1;
                throw new PowerLossException();
            }

            if (WritesUntilPowerLoss > 0) WritesUntilPowerLoss--;
        }

        /// <inheritdoc />
        public void Delete(string name)
        {
            int i = _names.IndexOf(name);
            if (i < 0) return;
            _names.RemoveAt(i);
            _contents.RemoveAt(i);
        }

        private byte[] Get(string name)
        {
            int i = _names.IndexOf(name);
            return i < 0 ? null : (byte[])_contents[i];
        }

        private void Put(string name, byte[] file)
        {
            int i = _names.IndexOf(name);
            if (i < 0)
            {
                _names.Add(name);
                _contents.Add(file);
            }
            else
            {
                _contents[i] = file;
            }
        }
    }

    /// <summary>The simulated power failure of <see cref="MemoryStorage"/>.</summary>
    public sealed class PowerLossException : Exception
    {
    }
}
