using System;
using System.Collections.Generic;
using CanIds.Firmware;
using CanIds.Firmware.Config;
using CanIds.Firmware.Link;
using CanIds.Firmware.Ports;
using CanIds.Traffic;

namespace CanIds.Hil
{
    /// <summary>One verdict as the firmware received it.</summary>
    /// <param name="Tag">Window tag (frames are tagged 0, 1, 2 ... in arrival order, modulo 65,536).</param>
    /// <param name="Class">Class.</param>
    /// <param name="Bank">Weight bank that judged it.</param>
    /// <param name="TimeUs">Firmware time when the verdict arrived.</param>
    public readonly record struct RigVerdict(int Tag, int Class, int Bank, long TimeUs);

    /// <summary>
    /// The firmware logic, compiled for .NET, on a workbench: frames arrive on a virtual CAN bus, its SPI port goes to
    /// the FPGA (the Verilated RTL, possibly through injected faults), its flash is a host folder, its serial port is
    /// given (a pseudo-terminal, or a capture). Records every verdict in arrival order.
    /// </summary>
    public sealed class FirmwareRig : IVerdictSink
    {
        /// <summary>A rig over the given ports, with the firmware's default options unless <paramref name="options"/> says otherwise.</summary>
        public FirmwareRig(ISpiPort spi, ISerialPort serial, IFileStorage storage, FirmwareOptions? options = null, VirtualClock? clock = null)
        {
            Serial = serial;
            Clock = clock ?? new VirtualClock();
            App = new FirmwareApp(Bus, spi, serial, Pin, Clock, storage, options ?? new FirmwareOptions());
            App.Verdicts.Observer = this;
            App.Queue.Start();
        }

        /// <summary>The firmware.</summary>
        public FirmwareApp App { get; }

        /// <summary>Its CAN controller.</summary>
        public VirtualCanBus Bus { get; } = new();

        /// <summary>Its clock.</summary>
        public VirtualClock Clock { get; }

        /// <summary>Its alert pin.</summary>
        public AlertRecorder Pin { get; } = new();

        /// <summary>Its serial port.</summary>
        public ISerialPort Serial { get; }

        /// <summary>Verdicts in arrival order.</summary>
        public List<RigVerdict> Verdicts { get; } = new();

        /// <summary>Windows reported lost by the link.</summary>
        public long Lost { get; private set; }

        /// <summary>
        /// Feeds <paramref name="frames"/>, <paramref name="perRound"/> at a time, with a round of the firmware's main
        /// loop after each group (a bus burst), then runs the loop until every window is judged or lost.
        /// </summary>
        public void Feed(IEnumerable<CanRecord> frames, int perRound = 1, long usPerFrame = 130)
        {
            int n = 0;
            foreach (var frame in frames)
            {
                Clock.Advance(usPerFrame);
                Bus.Arrive(frame);
                if (++n % perRound == 0) App.RunOnce();
            }

            Drain();
        }

        /// <summary>
        /// A frame arrives at <paramref name="timeUs"/>, which may lie before the clock's now (its receive interrupt fired
        /// during a transfer the loop was still in); returns false when the receive queue was full and dropped it.
        /// </summary>
        public bool ArriveAt(in CanRecord frame, long timeUs)
        {
            long now = Clock.Microseconds, overruns = App.Queue.Overruns;
            Clock.Microseconds = timeUs;
            Bus.Arrive(frame);
            Clock.Microseconds = now;
            return App.Queue.Overruns == overruns;
        }

        /// <summary>Runs the main loop until no window waits for its verdict (or the link is down).</summary>
        public void Drain(int maxRounds = 100_000)
        {
            for (int i = 0; i < maxRounds && (App.Queue.Count > 0 || App.Link.Outstanding > 0) && !App.Pipeline.Down; i++)
            {
                Clock.Advance(50);
                App.RunOnce();
            }
        }

        /// <inheritdoc />
        public void OnVerdict(int tag, int cls, int bank) => Verdicts.Add(new RigVerdict(tag, cls, bank, Clock.Microseconds));

        /// <inheritdoc />
        public void OnLost(int firstTag, int count) => Lost += count;
    }
}
