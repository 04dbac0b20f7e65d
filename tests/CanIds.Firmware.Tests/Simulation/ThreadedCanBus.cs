using System.Threading;
using CanIds.Core;
using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Tests.Simulation
{
    /// <summary>
    /// A CAN driver fed from another thread, as the device's receive interrupt feeds nanoFramework's: the producer
    /// queues frames and raises the receive event; the main loop polls and waits on the event when idle. The buffer is
    /// locked; a full buffer makes the producer wait (the test is about sharing, not overruns).
    /// </summary>
    public sealed class ThreadedCanBus : ICanBus
    {
        private readonly CanFrame[] _queue;
        private readonly object _gate = new object();
        private readonly AutoResetEvent _arrived = new AutoResetEvent(false);
        private int _head;
        private int _count;
        private int _events;

        /// <summary>A driver buffering up to <paramref name="capacity"/> frames.</summary>
        public ThreadedCanBus(int capacity)
        {
            _queue = new CanFrame[capacity];
            for (int i = 0; i < capacity; i++) _queue[i] = new CanFrame();
        }

        /// <summary>Frames waiting.</summary>
        public int Waiting
        {
            get
            {
                lock (_gate) return _count;
            }
        }

        /// <inheritdoc />
        public int Events
        {
            get { return _events; }
        }

        /// <summary>Producer side: queues a frame (waiting while the buffer is full) and raises the receive event.</summary>
        public void Arrive(uint id, byte[] data)
        {
            while (true)
            {
                lock (_gate)
                {
                    if (_count < _queue.Length)
                    {
                        _queue[(_head + _count) % _queue.Length].Set(id, false, false, data, 0, data.Length);
                        _count++;
                        break;
                    }
                }

                Thread.Sleep(0);
            }

            Interlocked.Increment(ref _events);
            _arrived.Set();
        }

        /// <inheritdoc />
        public int TryRead(byte[] records, int offset)
        {
            lock (_gate)
            {
                if (_count == 0) return FrameId.None;
                CanFrame frame = _queue[_head];
                InputFormat.EncodeFrame(frame, records, offset);
                _head = (_head + 1) % _queue.Length;
                _count--;
                return FrameId.Of(frame.Id, frame.IsExtended, frame.IsRemote);
            }
        }

        /// <inheritdoc />
        public void WaitForFrames(int timeoutMs)
        {
            _arrived.WaitOne(timeoutMs, false);
        }
    }
}
