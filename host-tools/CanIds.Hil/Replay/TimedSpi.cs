using CanIds.Firmware.Ports;
using CanIds.Fpga.Sim;

namespace CanIds.Hil.Replay
{
    /// <summary>
    /// The SPI port of a timed replay: the MCU's cost of a main-loop round with a transfer is charged, the FPGA runs for
    /// the time that passed since the last transfer (skipped while nothing is in flight: an idle pipeline has nothing
    /// to do), then the transfer is clocked bit by bit and the firmware's clock advances by the bits' time on the wire.
    /// </summary>
    public sealed class TimedSpi : ISpiPort
    {
        private readonly RtlSimulator _fpga;
        private readonly VirtualClock _clock;
        private readonly LinkTimingModel _timing;
        private double _fpgaUs; // FPGA time simulated, µs on the firmware's clock

        /// <summary>A port to <paramref name="fpga"/> on <paramref name="clock"/>.</summary>
        public TimedSpi(RtlSimulator fpga, VirtualClock clock, LinkTimingModel timing)
        {
            timing.Validate();
            _fpga = fpga;
            _clock = clock;
            _timing = timing;
            fpga.HalfPeriod = timing.HalfPeriod;
            _fpgaUs = clock.Exact;
        }

        /// <summary>Frames in the FPGA (pushed and not judged): its pipeline must run. Default: assume a full FIFO.</summary>
        public System.Func<int> InFlight { get; set; } = () => 32;

        /// <summary>
        /// Core cycles that suffice to judge <see cref="InFlight"/> frames from any state: the pipeline's latency plus the
        /// slowest layer's interval per frame, with margin. Beyond them the FPGA only idles, which changes nothing, so a
        /// long MCU pause is simulated as that many cycles instead of all of them.
        /// </summary>
        public static long CyclesToDrain(int frames) => 6000 + 1200L * frames;

        /// <summary>Transfers made.</summary>
        public long Transfers { get; private set; }

        /// <summary>Bytes clocked.</summary>
        public long Bytes { get; private set; }

        /// <inheritdoc />
        public void TransferFullDuplex(byte[] write, byte[] read, int count)
        {
            _clock.Advance(_timing.McuTransferUs);
            CatchUp(InFlight());
            _fpga.Transfer(write, read, count, -1);
            _clock.Advance(count * 8 / _timing.ActualSpiMhz);
            _fpgaUs = _clock.Exact;
            Transfers++;
            Bytes += count;
        }

        // The FPGA works on while the MCU is elsewhere: run its clock up to now (or until it has nothing left to do).
        private void CatchUp(int inFlight)
        {
            double now = _clock.Exact;
            long cycles = (long)((now - _fpgaUs) * _timing.FpgaMhz);
            if (cycles > 0 && inFlight > 0) _fpga.Run(System.Math.Min(cycles, CyclesToDrain(inFlight)));
            _fpgaUs = now;
        }
    }
}
