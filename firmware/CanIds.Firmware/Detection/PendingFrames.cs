using CanIds.Core;

namespace CanIds.Firmware.Detection
{
    /// <summary>
    /// What the firmware remembers of each frame until its verdict returns: identifier and arrival time, by window tag
    /// (a ring indexed by the tag's low bits, so a lookup is one array access and nothing is allocated).
    /// </summary>
    public sealed class PendingFrames
    {
        private readonly uint[] _ids;
        private readonly bool[] _extended;
        private readonly long[] _times;
        private readonly int _mask;

        /// <summary>Room for 2^<paramref name="bits"/> frames in flight.</summary>
        public PendingFrames(int bits)
        {
            _ids = new uint[1 << bits];
            _extended = new bool[1 << bits];
            _times = new long[1 << bits];
            _mask = (1 << bits) - 1;
        }

        /// <summary>Most frames that can wait for verdicts at once.</summary>
        public int Capacity
        {
            get { return _mask + 1; }
        }

        /// <summary>Remembers the frame of window <paramref name="tag"/>.</summary>
        public void Add(int tag, CanFrame frame, long timeUs)
        {
            int i = tag & _mask;
            _ids[i] = frame.Id;
            _extended[i] = frame.IsExtended;
            _times[i] = timeUs;
        }

        /// <summary>Identifier of window <paramref name="tag"/>'s frame.</summary>
        public uint Id(int tag)
        {
            return _ids[tag & _mask];
        }

        /// <summary>True when window <paramref name="tag"/>'s frame had a 29-bit identifier.</summary>
        public bool Extended(int tag)
        {
            return _extended[tag & _mask];
        }

        /// <summary>Arrival time (µs) of window <paramref name="tag"/>'s frame.</summary>
        public long Time(int tag)
        {
            return _times[tag & _mask];
        }
    }
}
