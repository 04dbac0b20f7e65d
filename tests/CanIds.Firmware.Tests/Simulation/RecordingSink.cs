using System;
using CanIds.Core;
using CanIds.Firmware.Detection;

namespace CanIds.Firmware.Tests.Simulation
{
    /// <summary>Keeps a copy of every window and newest-frame ID it is given.</summary>
    public sealed class RecordingSink : IWindowSink
    {
        private readonly byte[][] _windows;
        private readonly uint[] _ids;
        private int _count;

        /// <summary>Room for <paramref name="capacity"/> windows.</summary>
        public RecordingSink(int capacity)
        {
            _windows = new byte[capacity][];
            _ids = new uint[capacity];
        }

        /// <summary>Windows received so far.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>The window of the <paramref name="index"/>th frame.</summary>
        public byte[] Window(int index)
        {
            return _windows[index];
        }

        /// <summary>The ID of the <paramref name="index"/>th frame.</summary>
        public uint Id(int index)
        {
            return _ids[index];
        }

        /// <inheritdoc />
        public void OnWindow(CanFrame newest, byte[] input)
        {
            byte[] copy = new byte[input.Length];
            Array.Copy(input, copy, input.Length);
            _windows[_count] = copy;
            _ids[_count] = newest.Id;
            _count++;
        }
    }
}
