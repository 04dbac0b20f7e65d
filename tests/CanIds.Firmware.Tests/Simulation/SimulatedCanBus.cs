using CanIds.Core;
using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Tests.Simulation
{
    /// <summary>A CAN driver for tests: frames queued by the test come out of <see cref="TryRead"/> in order, as input records.</summary>
    public sealed class SimulatedCanBus : ICanBus
    {
        private readonly CanFrame[] _queue;
        private int _head;
        private int _count;

        /// <summary>A driver whose receive buffer holds up to <paramref name="capacity"/> frames.</summary>
        public SimulatedCanBus(int capacity)
        {
            _queue = new CanFrame[capacity];
            for (int i = 0; i < capacity; i++)
            {
                _queue[i] = new CanFrame();
            }
        }

        /// <summary>Frames waiting to be received.</summary>
        public int Waiting
        {
            get { return _count; }
        }

        /// <inheritdoc />
        public int Events { get; private set; }

        /// <summary>Times <see cref="WaitForFrames"/> was called (the main loop went idle).</summary>
        public int Waits;

        /// <summary>Queues a standard data frame; false when the buffer is full (the driver drops it).</summary>
        public bool Queue(uint id, byte[] data)
        {
            if (_count == _queue.Length) return false;
            _queue[(_head + _count) % _queue.Length].Set(id, false, false, data, 0, data.Length);
            _count++;
            Events++;
            return true;
        }

        /// <inheritdoc />
        public int TryRead(byte[] records, int offset)
        {
            if (_count == 0)
            {
                return FrameId.None;
            }

            CanFrame frame = _queue[_head];
            InputFormat.EncodeFrame(frame, records, offset);
            _head = (_head + 1) % _queue.Length;
            _count--;
            return FrameId.Of(frame.Id, frame.IsExtended, frame.IsRemote);
        }

        /// <inheritdoc />
        public void WaitForFrames(int timeoutMs)
        {
            Waits++;
        }
    }
}
