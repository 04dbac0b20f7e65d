using System;
using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Tests.Simulation
{
    /// <summary>
    /// A serial port in memory: the test puts bytes in (<see cref="Inject"/>) and reads what the firmware wrote
    /// (<see cref="Written"/>); also an alert pin recording its level and changes.
    /// </summary>
    public sealed class RecordingPort : ISerialPort, IAlertPin
    {
        private byte[] _in = new byte[4096];
        private int _inHead;
        private int _inCount;
        private byte[] _out = new byte[65536];

        /// <summary>Bytes written by the firmware.</summary>
        public int WrittenCount { get; private set; }

        /// <summary>The alert pin's level.</summary>
        public bool High { get; private set; }

        /// <summary>Times the pin changed.</summary>
        public int Changes { get; private set; }

        /// <summary>Makes bytes available to <see cref="Read"/>.</summary>
        public void Inject(byte[] data, int offset, int count)
        {
            if (_inCount + count > _in.Length)
            {
                byte[] grown = new byte[(_inCount + count) * 2];
                for (int i = 0; i < _inCount; i++) grown[i] = _in[(_inHead + i) % _in.Length];
                _in = grown;
                _inHead = 0;
            }

            for (int i = 0; i < count; i++) _in[(_inHead + _inCount + i) % _in.Length] = data[offset + i];
            _inCount += count;
        }

        /// <summary>
        /// What the firmware wrote, as text (report lines); the 0x00 delimiters of update answers become line breaks, since
        /// nanoCLR's strings end at the first NUL.
        /// </summary>
        public string Text()
        {
            char[] chars = new char[WrittenCount];
            for (int i = 0; i < WrittenCount; i++) chars[i] = _out[i] == 0 ? '\n' : (char)_out[i];
            return new string(chars);
        }

        /// <summary>Copies the written bytes from <paramref name="from"/> on.</summary>
        public byte[] Written(int from)
        {
            byte[] copy = new byte[WrittenCount - from];
            Array.Copy(_out, from, copy, 0, copy.Length);
            return copy;
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count)
        {
            int n = _inCount < count ? _inCount : count;
            for (int i = 0; i < n; i++) buffer[offset + i] = _in[(_inHead + i) % _in.Length];
            _inHead = (_inHead + n) % _in.Length;
            _inCount -= n;
            return n;
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            if (WrittenCount + count > _out.Length)
            {
                byte[] grown = new byte[(WrittenCount + count) * 2];
                Array.Copy(_out, grown, WrittenCount);
                _out = grown;
            }

            Array.Copy(buffer, offset, _out, WrittenCount, count);
            WrittenCount += count;
        }

        /// <inheritdoc />
        void IAlertPin.Write(bool high)
        {
            if (high != High) Changes++;
            High = high;
        }
    }
}
