using System;
using System.Collections.Generic;
using CanIds.Firmware;
using CanIds.Firmware.Config;
using CanIds.Firmware.Link;
using CanIds.Firmware.Ports;
using CanIds.Traffic;

namespace CanIds.Hil
{
    /// <summary>One frame's verdict as the firmware received it.</summary>
    /// <param name="Tag">Frame tag (frames are tagged 0, 1, 2 ... in the order the firmware took them, modulo 65,536).</param>
    /// <param name="Class">Class.</param>
    /// <param name="Bank">Weight bank that judged it (−1 for benign frames, which come back as a count).</param>
    /// <param name="TimeUs">Firmware time when the verdict arrived.</param>
    public readonly record struct RigVerdict(int Tag, int Class, int Bank, long TimeUs);

    /// <summary>
    /// The firmware logic, compiled for .NET, on a workbench: frames arrive on a virtual CAN bus, its SPI port goes to
    /// the FPGA (the Verilated RTL, possibly through injected faults), its flash is a host folder, its serial port is
    /// given (a pseudo-terminal, or a capture). Records every frame's verdict in frame order.
    /// </summary>
    public sealed class FirmwareRig : IVerdictSink
    {
        /// <summary>A rig over the given ports, with the firmware's default options unless <paramref name="options"/> says otherwise.</summary>
        public FirmwareRig(ISpiPort spi, ISerialPort serial, IFileStorage storage, FirmwareOptions? options = null, VirtualClock? clock = null, int driverCapacity = VirtualCanBus.DefaultCapacity)
        {
            Serial = serial;
            Clock = clock ?? new VirtualClock();
            Bus = new VirtualCanBus(Clock, driverCapacity);
            App = new FirmwareApp(Bus, spi, serial, Pin, Clock, storage, options ?? new FirmwareOptions());
            App.Verdicts.Observer = this;
        }

        /// <summary>The firmware.</summary>
        public FirmwareApp App { get; }

        /// <summary>Its CAN controller and driver.</summary>
        public VirtualCanBus Bus { get; }

        /// <summary>Its clock.</summary>
        public VirtualClock Clock { get; }

        /// <summary>Its alert pin.</summary>
        public AlertRecorder Pin { get; } = new();

        /// <summary>Its serial port.</summary>
        public ISerialPort Serial { get; }

        /// <summary>Verdicts in frame order.</summary>
        public List<RigVerdict> Verdicts { get; } = new();

        /// <summary>Frames reported lost by the link.</summary>
        public long Lost { get; private set; }

        /// <summary>
        /// The Verilated FPGA behind the SPI port, when the rig is untimed: before each loop round it runs long enough
        /// for the frames it holds (an FPGA is far faster than the MCU; the simulator only runs when told).
        /// </summary>
        public Fpga.Sim.RtlSimulator? Fpga { get; set; }



        /// <summary>
        /// Feeds <paramref name="frames"/>, <paramref name="perRound"/> at a time, with a round of the firmware's main
        /// loop after each group (a bus burst), then runs the loop until every frame is judged or lost.
        /// </summary>
        public void Feed(IEnumerable<CanRecord> frames, int perRound = 1, long usPerFrame = 130)
        {
            int n = 0;
            foreach (var frame in frames)
            {
                Clock.Advance(usPerFrame);
                Bus.Arrive(frame);
                if (++n % perRound == 0) Round();
            }

            Drain();
        }

        /// <summary>Runs the main loop until no frame waits for its verdict (or the link is down).</summary>
        public void Drain(int maxRounds = 100_000)
        {
            for (int i = 0; i < maxRounds && (Bus.Waiting > 0 || App.Link.Busy) && !App.Pipeline.Down; i++)
            {
                Clock.Advance(50L);
                Round();
            }
        }

        /// <summary>One round of the firmware's main loop, the FPGA having worked on what it holds.</summary>
        public bool Round()
        {
            if (Fpga != null && App.Link.Unjudged > 0) Fpga.Run(Replay.TimedSpi.CyclesToDrain(Math.Min(App.Link.Unjudged, 32)));
            return App.RunOnce();
        }

        /// <summary>
        /// Loads <paramref name="model"/> into the FPGA the way a flashed update is loaded: a signed image packed for
        /// <paramref name="family"/> (under a throwaway key the rig provisions), verified by the firmware and sent over
        /// the link, so nothing depends on what the simulated bitstream's memories were initialised with.
        /// </summary>
        public void LoadModel(Model.Integer.IntegerModel model, Model.Hardware.HardwareConfig family)
        {
            if (!App.Link.Connected) throw new InvalidOperationException("the simulated FPGA does not answer the firmware");
            var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
            App.Provision(key, 0, key.Length);
            var image = Model.Export.WeightImageWriter.Build(model, family, key);
            if (App.Activate(image, image.Length) != Core.Update.UpdateProtocol.Ok)
                throw new InvalidOperationException($"the firmware could not load the model into the simulated FPGA: {App.Reason} (is the simulator built for family {family.ConfigId:x8}?)");
        }

        /// <inheritdoc />
        public void OnBenign(int firstTag, int count)
        {
            for (int i = 0; i < count; i++) Verdicts.Add(new RigVerdict((firstTag + i) & 0xFFFF, 0, -1, Clock.Microseconds));
        }

        /// <inheritdoc />
        public void OnAttack(int tag, int cls, int bank) => Verdicts.Add(new RigVerdict(tag, cls, bank, Clock.Microseconds));

        /// <inheritdoc />
        public void OnLost(int firstTag, int count) => Lost += count;
    }
}
