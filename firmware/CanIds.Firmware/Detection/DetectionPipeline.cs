using CanIds.Core;
using CanIds.Firmware.Config;
using CanIds.Firmware.Link;
using CanIds.Firmware.Ports;
using CanIds.Firmware.Reporting;

namespace CanIds.Firmware.Detection
{
    /// <summary>
    /// The detection loop: frames from the receive queue → sliding window → packed model input (shared-core
    /// encoder) → batched PUSH over the SPI link → verdicts to the handler. A batch is sent as soon as the queue runs
    /// dry (low latency when the bus is quiet) or when it is full (throughput under load). While the FPGA does not
    /// answer, frames are counted as unjudged, the outage is reported, and the link is retried. Nothing is allocated
    /// per frame.
    /// </summary>
    public sealed class DetectionPipeline
    {
        private readonly CanReceiveQueue _queue;
        private readonly FpgaLink _link;
        private readonly VerdictHandler _verdicts;
        private readonly PendingFrames _pending;
        private readonly ReportWriter _report;
        private readonly IClock _clock;
        private readonly FailMode _failMode;
        private readonly long _retryUs;
        private readonly CanFrame _frame = new CanFrame();
        private FrameWindow _window;
        private byte[] _input;
        private int _nextTag;
        private bool _down;
        private long _nextRetryUs;

        /// <summary>A pipeline over its parts; <paramref name="windowFrames"/> is the model's N.</summary>
        public DetectionPipeline(CanReceiveQueue queue, FpgaLink link, VerdictHandler verdicts, PendingFrames pending, ReportWriter report, IClock clock, int windowFrames, FailMode failMode, int retryMs)
        {
            _queue = queue;
            _link = link;
            _verdicts = verdicts;
            _pending = pending;
            _report = report;
            _clock = clock;
            _failMode = failMode;
            _retryUs = retryMs * 1000L;
            SetWindow(windowFrames);
        }

        /// <summary>Frames taken from the queue.</summary>
        public long Frames { get; private set; }

        /// <summary>True while detection is down (the FPGA does not answer).</summary>
        public bool Down
        {
            get { return _down; }
        }

        /// <summary>Windows of <paramref name="frames"/> frames from now on (a new model may use another N); the context restarts.</summary>
        public void SetWindow(int frames)
        {
            _window = new FrameWindow(frames);
            _input = new byte[_window.InputLength];
        }

        /// <summary>Processes every queued frame and services the link once; returns the frames processed.</summary>
        public int Service()
        {
            int n = 0;
            long arrival;
            while ((arrival = _queue.TryDequeue(_frame)) >= 0)
            {
                n++;
                Frames++;
                _window.Push(_frame);
                if (_down)
                {
                    _verdicts.CountUnjudged(1);
                    continue;
                }

                // Never more windows in flight than the pending ring remembers.
                while (_link.Outstanding >= _pending.Capacity - 1 && !_down) Step();
                if (_down)
                {
                    _verdicts.CountUnjudged(1);
                    continue;
                }

                _window.CopyTo(_input, 0);
                int tag = _nextTag;
                _pending.Add(tag, _frame, arrival);
                while (!_link.TryAddWindow(tag, _input, 0) && !_down) Step();
                if (_down)
                {
                    _verdicts.CountUnjudged(1); // never sent: its tag goes to the next frame, so tags stay contiguous
                    continue;
                }

                _nextTag = (_nextTag + 1) & 0xFFFF;
            }

            if (_down) Retry();
            else if (_link.Outstanding > 0) Step();
            _verdicts.Tick();
            return n;
        }

        // One link transfer; notices the FPGA going silent.
        private void Step()
        {
            _link.Service();
            if (!_link.Degraded) return;
            _down = true; // the windows in flight are reported lost when the link is set up again
            _nextRetryUs = _clock.Microseconds + _retryUs;
            _report.Write("LINK", _clock.Microseconds / 1000, "down reason=no-response mode=" + (_failMode == FailMode.Closed ? "fail-closed" : "fail-open"));
            if (_failMode == FailMode.Closed) _verdicts.ForceAlert(true);
        }

        private void Retry()
        {
            long now = _clock.Microseconds;
            if (now < _nextRetryUs) return;
            _nextRetryUs = now + _retryUs;
            if (!_link.Connect()) return;
            _down = false;
            _window.Clear(); // the context of frames that were not judged is not trusted
            _report.Write("LINK", now / 1000, "up");
            if (_failMode == FailMode.Closed) _verdicts.ForceAlert(false);
        }
    }
}
