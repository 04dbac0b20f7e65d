using System;
using CanIds.Core;
using CanIds.Core.Update;
using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Update
{
    /// <summary>
    /// Frames injected by a HIL host over the update protocol (INJECT), waiting for the detection loop: the source it
    /// reads instead of the CAN controller during a HIL session. A ring of input records; full means refused, and the
    /// host sends the rest again.
    /// </summary>
    public sealed class InjectionQueue : ICanBus
    {
        private const int Capacity = 256;
        private readonly byte[] _records = new byte[Capacity * InputFormat.BytesPerFrame];
        private readonly int[] _ids = new int[Capacity];
        private int _head;
        private int _count;
        private int _added;

        /// <summary>Frames waiting.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <inheritdoc />
        public int Events
        {
            get { return _added; }
        }

        /// <summary>
        /// Queues the INJECT request's frames (<paramref name="count"/> of <see cref="UpdateProtocol.InjectedFrameLength"/>
        /// bytes from <paramref name="offset"/>); returns how many fitted.
        /// </summary>
        public int Add(byte[] frames, int offset, int count)
        {
            int accepted = 0;
            for (int i = 0; i < count && _count < Capacity; i++)
            {
                int p = offset + i * UpdateProtocol.InjectedFrameLength;
                uint word = BigEndian.GetU32(frames, p);
                bool extended = (word & 0x80000000) != 0;
                bool remote = (word & 0x40000000) != 0;
                uint id = word & (extended ? CanFrame.MaxExtendedId : CanFrame.MaxStandardId);
                int length = frames[p + 4] > CanFrame.MaxDataLength ? CanFrame.MaxDataLength : frames[p + 4];
                int slot = (_head + _count) % Capacity;
                int at = slot * InputFormat.BytesPerFrame;
                int word16 = InputFormat.EncodeId(id, extended, remote);
                _records[at] = (byte)(word16 >> 8);
                _records[at + 1] = (byte)word16;
                // The data bytes the host sent, zero past the frame's length (and all zero for a remote frame).
                Array.Clear(_records, at + 2, CanFrame.MaxDataLength);
                if (!remote) Array.Copy(frames, p + 5, _records, at + 2, length);
                _ids[slot] = FrameId.Of(id, extended, remote);
                _count++;
                _added++;
                accepted++;
            }

            return accepted;
        }

        /// <inheritdoc />
        public int TryRead(byte[] records, int offset)
        {
            if (_count == 0) return FrameId.None;
            Array.Copy(_records, _head * InputFormat.BytesPerFrame, records, offset, InputFormat.BytesPerFrame);
            int id = _ids[_head];
            _head = (_head + 1) % Capacity;
            _count--;
            return id;
        }

        /// <inheritdoc />
        public void WaitForFrames(int timeoutMs)
        {
        }
    }
}
