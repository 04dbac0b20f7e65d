using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using CanIds.Firmware;
using CanIds.Fpga.Sim;
using CanIds.Traffic;

namespace CanIds.Hil.VirtualDevice
{
    /// <summary>How frames from a log reach the virtual device's CAN bus.</summary>
    public enum BusPace
    {
        /// <summary>At the times the log recorded.</summary>
        Recorded,
        /// <summary>Back to back, as fast as the bit rate allows (a saturated bus).</summary>
        FullLoad,
    }

    /// <summary>
    /// The product without its board: the firmware logic (compiled for .NET) and the Verilated FPGA of the shipped build,
    /// running in real time behind a pseudo-terminal. Its flash is a folder, so the A/B image store and the provisioned
    /// key survive a restart; killing the process is a power cut. CAN frames come from a log, at its recorded pace or at
    /// full load, or not at all (an idle bus). Host tools (<c>canids flash</c>, <c>canids replay --target device</c>,
    /// a user's scripts) talk to it exactly as to a board.
    /// </summary>
    public sealed class VirtualDevice : IDisposable
    {
        private const long ScheduleAheadUs = 20_000;
        private const long CyclesPerRound = 2_000;
        private const long CyclesPerFrame = 1_200;
        private readonly RtlSimulator _fpga;
        private readonly FirmwareRig _rig;
        private readonly Func<IEnumerable<CanRecord>>? _traffic;
        private readonly BusPace _pace;
        private readonly int _bitrate;
        private readonly bool _loop;
        private IEnumerator<CanRecord>? _frames;
        private long _firstLogUs = long.MinValue;
        private long _offsetUs;   // where the current pass over the log starts, in device time
        private long _lastDueUs;
        private bool _exhausted;
        private long _pushedBefore;

        /// <summary>
        /// A device keeping its flash and port link in <paramref name="storageDir"/> (the link at <paramref name="portLink"/>
        /// when given), fed from <paramref name="traffic"/> (opened again for each pass with <paramref name="loop"/>).
        /// </summary>
        public VirtualDevice(string storageDir, string? portLink = null, Func<IEnumerable<CanRecord>>? traffic = null, BusPace pace = BusPace.Recorded, int bitrate = 500_000, bool loop = false)
        {
            if (bitrate <= 0) throw new ArgumentException($"bit rate {bitrate}: expected a positive rate");
            if (!RtlSimulator.IsAvailable(out var missing)) throw new InvalidOperationException(missing);
            Directory.CreateDirectory(storageDir);
            StorageDir = Path.GetFullPath(storageDir);
            _traffic = traffic;
            _pace = pace;
            _bitrate = bitrate;
            _loop = loop;
            Port = new PseudoTerminal(portLink ?? Path.Combine(storageDir, "port"));
            try
            {
                _fpga = new RtlSimulator(); // powers up with the shipped build's own model, as a programmed FPGA does
                _rig = new FirmwareRig(_fpga, Port, new DirectoryStorage(Path.Combine(StorageDir, "flash"))) { Fpga = _fpga };
                _rig.App.Verdicts.Observer = null; // a device runs for hours: no per-frame record
            }
            catch
            {
                Port.Dispose();
                throw;
            }
        }

        /// <summary>Its serial port.</summary>
        public PseudoTerminal Port { get; }

        /// <summary>Where its flash (a folder) and its port link live.</summary>
        public string StorageDir { get; }

        /// <summary>The firmware.</summary>
        public FirmwareApp App => _rig.App;

        /// <summary>Frames put on the bus so far.</summary>
        public long FramesSent { get; private set; }

        /// <summary>Frames the CAN driver dropped because the firmware did not take them in time.</summary>
        public long Overruns => _rig.Bus.Overruns;

        /// <summary>Device time, µs since power-up.</summary>
        public long Microseconds => _rig.Clock.Microseconds;

        /// <summary>
        /// Boots and runs the main loop in real time until <paramref name="stop"/> is cancelled; <paramref name="status"/>
        /// is called about once every <paramref name="statusEverySeconds"/>.
        /// </summary>
        public void Run(CancellationToken stop, Action<VirtualDevice>? status = null, double statusEverySeconds = 10)
        {
            _rig.App.Boot();
            var clock = Stopwatch.StartNew();
            long start = _rig.Clock.Microseconds;
            long nextStatus = (long)(statusEverySeconds * 1_000_000);
            while (!stop.IsCancellationRequested)
            {
                long now = start + clock.Elapsed.Ticks / 10;
                if (now > _rig.Clock.Microseconds) _rig.Clock.Microseconds = now;
                Schedule(_rig.Clock.Microseconds + ScheduleAheadUs);
                if (!Round()) Thread.Sleep(1); // idle: the board would sleep until the next CAN event
                if (status != null && clock.Elapsed.Ticks / 10 >= nextStatus)
                {
                    nextStatus += (long)(statusEverySeconds * 1_000_000);
                    status(this);
                }
            }
        }

        // One main-loop round, the simulated FPGA having run for the frames pushed since the last round (its pipeline
        // throughput) plus a few thousand cycles for the newest to come out: the simulation cannot keep the real FPGA's
        // pace, so it runs no more than the verdicts need.
        private bool Round()
        {
            long pushed = _rig.App.Pipeline.Frames;
            if (_rig.App.Link.Unjudged > 0) _fpga.Run(CyclesPerRound + CyclesPerFrame * Math.Min(pushed - _pushedBefore, 32));
            _pushedBefore = pushed;
            return _rig.App.RunOnce();
        }

        // Puts the log's frames due before untilUs on the bus (the driver takes each at its time).
        private void Schedule(long untilUs)
        {
            if (_traffic == null || _exhausted) return;
            while (true)
            {
                if (_frames == null)
                {
                    _frames = _traffic().GetEnumerator();
                    _firstLogUs = long.MinValue;
                    _offsetUs = Math.Max(_lastDueUs, _rig.Clock.Microseconds);
                }

                if (!_frames.MoveNext())
                {
                    _frames.Dispose();
                    _frames = null;
                    if (!_loop || FramesSent == 0)
                    {
                        _exhausted = true;
                        return;
                    }

                    continue;
                }

                var frame = _frames.Current;
                if (frame.IsFd) throw new InvalidDataException($"frame {FramesSent + 1:N0} is a CAN FD frame: the device's model input covers classic CAN only");
                long due = Due(frame);
                _rig.Bus.ArriveAt(frame, due);
                _lastDueUs = due;
                FramesSent++;
                if (due > untilUs) return;
            }
        }

        private long Due(in CanRecord frame)
        {
            if (_pace == BusPace.FullLoad) return Math.Max(_lastDueUs, _offsetUs) + (long)Math.Ceiling(CanWire.Bits(frame) * 1e6 / _bitrate);
            if (!frame.HasTimestamp) throw new InvalidDataException($"frame {FramesSent + 1:N0} has no timestamp: the log cannot be played at its recorded pace (use full load)");
            if (_firstLogUs == long.MinValue) _firstLogUs = frame.TimestampUs;
            return Math.Max(_lastDueUs, _offsetUs + (frame.TimestampUs - _firstLogUs));
        }

        /// <inheritdoc />
        public void Dispose()
        {
            _frames?.Dispose();
            _fpga.Dispose();
            Port.Dispose();
        }
    }
}
