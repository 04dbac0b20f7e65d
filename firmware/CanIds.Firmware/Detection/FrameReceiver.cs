using CanIds.Core;
using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Detection
{
    /// <summary>
    /// The head of the detection path: frames from the bus → sliding window → packed model input → sink.
    /// One frame object and one input buffer are reused for every frame, so this path allocates nothing.
    /// </summary>
    public sealed class FrameReceiver
    {
        private readonly ICanBus _bus;
        private readonly FrameWindow _window;
        private readonly IWindowSink _sink;
        private readonly CanFrame _frame = new CanFrame();
        private readonly byte[] _input;
        private long _frames;

        /// <summary>Reads from <paramref name="bus"/>, windows of <paramref name="window"/>'s size, into <paramref name="sink"/>.</summary>
        public FrameReceiver(ICanBus bus, FrameWindow window, IWindowSink sink)
        {
            _bus = bus;
            _window = window;
            _sink = sink;
            _input = new byte[window.InputLength];
        }

        /// <summary>Frames received since start.</summary>
        public long Frames
        {
            get { return _frames; }
        }

        /// <summary>Subscribes to the bus so every arrival is drained at once (the device's mode of operation).</summary>
        public void Start()
        {
            _bus.FramesArrived += OnFramesArrived;
        }

        /// <summary>Takes every waiting frame off the bus; returns how many.</summary>
        public int Drain()
        {
            int n = 0;
            while (_bus.TryReceive(_frame))
            {
                _window.Push(_frame);
                _window.CopyTo(_input, 0);
                _sink.OnWindow(_frame, _input);
                n++;
            }

            _frames += n;
            return n;
        }

        private void OnFramesArrived(object sender)
        {
            Drain();
        }
    }
}
