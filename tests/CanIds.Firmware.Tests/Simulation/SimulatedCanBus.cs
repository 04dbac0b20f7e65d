using CanIds.Core;
using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Tests.Simulation
{
    /// <summary>A CAN bus for tests: frames queued by the test come out of <see cref="TryReceive"/> in order.</summary>
    public sealed class SimulatedCanBus : ICanBus
    {
        private readonly CanFrame[] _queue;
        private int _head;
        private int _count;

        /// <summary>A bus whose receive buffer holds up to <paramref name="capacity"/> frames.</summary>
        public SimulatedCanBus(int capacity)
        {
            _queue = new CanFrame[capacity];
            for (int i = 0; i < capacity; i++)
            {
                _queue[i] = new CanFrame();
            }
        }

        /// <inheritdoc />
        public event FramesArrivedHandler FramesArrived;

        /// <summary>Frames waiting to be received.</summary>
        public int Waiting
        {
            get { return _count; }
        }

        /// <summary>Queues a standard data frame without raising the arrival event.</summary>
        public void Queue(uint id, byte[] data)
        {
            _queue[(_head + _count) % _queue.Length].Set(id, false, false, data, 0, data.Length);
            _count++;
        }

        /// <summary>Raises the arrival event, as the driver does after reception.</summary>
        public void RaiseArrival()
        {
            FramesArrivedHandler handler = FramesArrived;
            if (handler != null)
            {
                handler(this);
            }
        }

        /// <inheritdoc />
        public bool TryReceive(CanFrame frame)
        {
            if (_count == 0)
            {
                return false;
            }

            frame.CopyFrom(_queue[_head]);
            _head = (_head + 1) % _queue.Length;
            _count--;
            return true;
        }
    }
}
