using CanIds.Core;
using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Detection
{
    /// <summary>
    /// Frames between the CAN driver's event (which must return quickly) and the detection loop: a ring of
    /// preallocated frames with their arrival times. When it is full, new frames are dropped and counted as overruns,
    /// never silently. Also counts driver events that delivered no frame: nanoFramework raises bus errors through the
    /// same event with no way to tell them apart, so those are the bus-error events.
    /// </summary>
    public sealed class CanReceiveQueue
    {
        private readonly ICanBus _bus;
        private readonly IClock _clock;
        private readonly CanFrame[] _frames;
        private readonly long[] _times;
        private readonly object _gate = new object();
        private readonly CanFrame _scratch = new CanFrame();
        private int _head;
        private int _count;

        /// <summary>A queue of <paramref name="capacity"/> frames filled from <paramref name="bus"/>.</summary>
        public CanReceiveQueue(ICanBus bus, IClock clock, int capacity)
        {
            _bus = bus;
            _clock = clock;
            _frames = new CanFrame[capacity];
            _times = new long[capacity];
            for (int i = 0; i < capacity; i++) _frames[i] = new CanFrame();
        }

        /// <summary>Frames taken off the bus.</summary>
        public long Received { get; private set; }

        /// <summary>Frames dropped because the queue was full.</summary>
        public long Overruns { get; private set; }

        /// <summary>Driver events that delivered no frame (bus errors).</summary>
        public long ErrorEvents { get; private set; }

        /// <summary>Frames waiting.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Subscribes to the bus's receive event (the device's mode of operation).</summary>
        public void Start()
        {
            _bus.FramesArrived += OnFramesArrived;
        }

        /// <summary>Moves every frame waiting in the driver into the queue; returns how many (the event handler's work).</summary>
        public int Fill()
        {
            int n = 0;
            while (_bus.TryReceive(_scratch))
            {
                long now = _clock.Microseconds;
                n++;
                lock (_gate)
                {
                    Received++;
                    if (_count == _frames.Length)
                    {
                        Overruns++;
                        continue;
                    }

                    int at = (_head + _count) % _frames.Length;
                    _frames[at].CopyFrom(_scratch);
                    _times[at] = now;
                    _count++;
                }
            }

            return n;
        }

        /// <summary>
        /// Queues a frame that did not come from the driver (HIL injection over the serial line), stamped now; false
        /// (and counted as an overrun) when the queue is full.
        /// </summary>
        public bool Inject(CanFrame frame)
        {
            long now = _clock.Microseconds;
            lock (_gate)
            {
                Received++;
                if (_count == _frames.Length)
                {
                    Overruns++;
                    return false;
                }

                int at = (_head + _count) % _frames.Length;
                _frames[at].CopyFrom(frame);
                _times[at] = now;
                _count++;
                return true;
            }
        }

        /// <summary>Takes the oldest frame into <paramref name="frame"/>; returns its arrival time (µs), or −1 when empty.</summary>
        public long TryDequeue(CanFrame frame)
        {
            lock (_gate)
            {
                if (_count == 0) return -1;
                frame.CopyFrom(_frames[_head]);
                long time = _times[_head];
                _head = (_head + 1) % _frames.Length;
                _count--;
                return time;
            }
        }

        private void OnFramesArrived(object sender)
        {
            if (Fill() == 0) ErrorEvents++;
        }
    }
}
