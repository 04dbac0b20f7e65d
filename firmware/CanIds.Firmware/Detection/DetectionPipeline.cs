using CanIds.Firmware.Config;
using CanIds.Firmware.Link;
using CanIds.Firmware.Ports;
using CanIds.Firmware.Reporting;

namespace CanIds.Firmware.Detection
{
    /// <summary>
    /// The detection loop: frames polled from the CAN driver straight into their input records in the frame ring →
    /// PUSH over the SPI link (the FPGA keeps the window) → verdicts to the handler. Each round takes every frame the
    /// driver holds (as many as the ring has room for) and makes one link transfer when anything is to be sent or
    /// awaited, so a batch grows with the load: one frame per transfer on a quiet bus, many on a busy one. While the
    /// FPGA does not answer, frames are counted as unjudged, the outage is reported, and the link is retried.
    /// Nothing is allocated per frame.
    /// </summary>
    public sealed class DetectionPipeline
    {
        private readonly FrameRing _ring;
        private readonly FpgaLink _link;
        private readonly VerdictHandler _verdicts;
        private readonly ReportWriter _report;
        private readonly IClock _clock;
        private readonly FailMode _failMode;
        private readonly long _retryUs;
        private readonly byte[] _discard = new byte[Core.InputFormat.BytesPerFrame];
        private bool _down;
        private bool _restart;
        private long _nextRetryUs;

        /// <summary>A pipeline taking frames from <paramref name="source"/> into <paramref name="ring"/>.</summary>
        public DetectionPipeline(ICanBus source, FrameRing ring, FpgaLink link, VerdictHandler verdicts, ReportWriter report, IClock clock, FailMode failMode, int retryMs)
        {
            Source = source;
            _ring = ring;
            _link = link;
            _verdicts = verdicts;
            _report = report;
            _clock = clock;
            _failMode = failMode;
            _retryUs = retryMs * 1000L;
        }

        /// <summary>Where frames come from: the CAN controller, or the injection queue during a HIL session.</summary>
        public ICanBus Source;

        /// <summary>The active model's known identifier words (<see cref="Core.Image.KnownIdentifiers.Bits"/>); null when its image has no identifier rule.</summary>
        public int[] KnownBits;

        /// <summary>Frames taken from the source.</summary>
        public long Frames;

        /// <summary>True while detection is down (the FPGA does not answer).</summary>
        public bool Down
        {
            get { return _down; }
        }

        /// <summary>
        /// One round: takes the frames waiting in the driver and makes one link transfer when there is work. Returns
        /// true when it did work or verdicts are still awaited: the main loop then goes on at once instead of sleeping.
        /// </summary>
        public bool Service()
        {
            long now = _clock.Microseconds;
            int taken = 0;
            if (_restart)
            {
                // After a fault: the frames in flight are reported lost, the FPGA's window and the tags start again.
                _restart = false;
                _report.Write("LINK", now / 1000, "restart reason=fault");
                if (!_link.Connect()) GoDown("no-response");
            }

            if (_down)
            {
                try
                {
                    while (taken < _ring.Capacity && Source.TryRead(_discard, 0) != FrameId.None) taken++;
                }
                finally
                {
                    Frames += taken;
                    _verdicts.CountUnjudged(taken);
                }

                Retry(now);
                return false;
            }

            // The per-frame loop: FrameRing.Commit written out, since a call per frame costs in the interpreter.
            ICanBus source = Source;
            FrameRing ring = _ring;
            byte[] records = ring.Records;
            int[] ids = ring.Ids;
            long[] sums = ring.ArrivalSums;
            int mask = ring.Mask;
            int[] known = KnownBits;
            byte[] foreign = ring.Foreign;
            int next = ring.Next;
            long sum = ring.Sum;
            int unjudged = _link.Unjudged;
            int room = mask - unjudged;
            try
            {
                while (taken < room)
                {
                    int slot = next & mask;
                    int id = source.TryRead(records, slot * Core.InputFormat.BytesPerFrame);
                    if (id == FrameId.None) break;
                    ids[slot] = id;
                    if (known != null)
                    {
                        // The identifier rule's lookup. A standard data frame's identifier is its word; other frames'
                        // words are their records' first two bytes.
                        int word = id;
                        if (word > 0x7FF)
                        {
                            int at = slot * Core.InputFormat.BytesPerFrame;
                            word = (records[at] << 8) | records[at + 1];
                        }

                        if ((known[word >> 5] & (1 << (word & 31))) == 0)
                        {
                            foreign[slot] = 1;
                            ring.ForeignPending++;
                        }
                    }

                    sum += now;
                    sums[slot] = sum;
                    next = (next + 1) & 0xFFFF;
                    taken++;
                }
            }
            finally
            {
                // Also when the driver throws: the frames taken before stay in the ring and are counted.
                ring.Next = next;
                ring.Sum = sum;
                Frames += taken;
            }

            bool busy = taken > 0 || unjudged > 0 || _link.Queued > 0;
            if (busy) Step();
            return busy;
        }

        /// <summary>
        /// After an exception escaped a round (the main loop caught and reported it): the link's state is no longer
        /// trusted, so the next round sets it up again; with <paramref name="backOff"/> (a burst of faults) detection goes
        /// down instead, as for a silent FPGA, and tries again after the retry delay.
        /// </summary>
        public void Recover(bool backOff)
        {
            if (_down)
            {
                _nextRetryUs = _clock.Microseconds + _retryUs;
                return;
            }

            if (backOff) GoDown("faults");
            else _restart = true;
        }

        // One link transfer; notices the FPGA restarting or going silent.
        private void Step()
        {
            _link.Service();
            if (_link.OutOfStep)
            {
                long ms = _clock.Microseconds / 1000;
                _report.Write("LINK", ms, "restart reason=fpga-out-of-step");
                if (!_link.Connect()) GoDown("no-response");
                return;
            }

            if (_link.ConsecutiveFailures >= FpgaLink.FailureThreshold) GoDown("no-response");
        }

        private void GoDown(string reason)
        {
            _down = true; // the frames in flight are reported lost when the link is set up again
            _nextRetryUs = _clock.Microseconds + _retryUs;
            _report.Write("LINK", _clock.Microseconds / 1000, "down reason=" + reason + " mode=" + (_failMode == FailMode.Closed ? "fail-closed" : "fail-open"));
            if (_failMode == FailMode.Closed) _verdicts.ForceAlert(true);
        }

        private void Retry(long now)
        {
            if (now < _nextRetryUs) return;
            _nextRetryUs = now + _retryUs;
            if (!_link.Connect()) return;
            _down = false;
            _report.Write("LINK", now / 1000, "up");
            if (_failMode == FailMode.Closed) _verdicts.ForceAlert(false);
        }
    }
}
