using System;
using CanIds.Core.Link;
using CanIds.Firmware.Ports;
using CanIds.Fpga.Sim;

namespace CanIds.Hil.Replay
{
    /// <summary>
    /// The SPI port of a timed replay: before a transfer the FPGA runs for the time that passed since the last one
    /// (skipped while no window is in flight: an idle pipeline has nothing to do), then the transfer is clocked bit by
    /// bit, and the firmware's clock advances by the MCU's stated cost plus the bits' time on the wire.
    /// </summary>
    public sealed class TimedSpi : ISpiPort
    {
        private readonly RtlSimulator _fpga;
        private readonly VirtualClock _clock;
        private readonly LinkTimingModel _timing;
        private readonly int _windowBytes;
        private double _fpgaUs; // FPGA time simulated, µs on the firmware's clock
        private double _carry;  // sub-microsecond remainder of the firmware's clock

        /// <summary>
        /// A port to <paramref name="fpga"/> on <paramref name="clock"/>; <paramref name="inputLength"/> is the window
        /// size, so a PUSH's windows can be counted.
        /// </summary>
        public TimedSpi(RtlSimulator fpga, VirtualClock clock, LinkTimingModel timing, int inputLength)
        {
            timing.Validate();
            _fpga = fpga;
            _clock = clock;
            _timing = timing;
            _windowBytes = LinkProtocol.TagLength + inputLength;
            fpga.HalfPeriod = timing.HalfPeriod;
            _fpgaUs = clock.Microseconds;
        }

        /// <summary>Windows the firmware's link counts as sent and not judged (those of the PUSH being made included). Default: assume busy.</summary>
        public Func<int> Outstanding { get; set; } = () => int.MaxValue;

        /// <summary>Transfers made.</summary>
        public long Transfers { get; private set; }

        /// <summary>Bytes clocked.</summary>
        public long Bytes { get; private set; }

        /// <inheritdoc />
        public void TransferFullDuplex(byte[] write, byte[] read, int count)
        {
            int windows = write[0] == LinkProtocol.CmdPush ? ((write[4] << 8) | write[5]) / _windowBytes : 0;
            Advance(_timing.McuTransferUs + windows * _timing.McuWindowUs);
            CatchUp(Outstanding() - windows > 0);
            _fpga.Transfer(write, read, count, -1);
            Advance(count * 8 / _timing.ActualSpiMhz);
            _fpgaUs = _clock.Microseconds + _carry;
            Transfers++;
            Bytes += count;
        }

        // The FPGA works on while the MCU is elsewhere: run its clock up to now.
        private void CatchUp(bool busy)
        {
            double now = _clock.Microseconds + _carry;
            long cycles = (long)((now - _fpgaUs) * _timing.FpgaMhz);
            if (cycles > 0 && busy) _fpga.Run(cycles);
            _fpgaUs = now;
        }

        private void Advance(double us)
        {
            _carry += us;
            long whole = (long)Math.Floor(_carry);
            _clock.Advance(whole);
            _carry -= whole;
        }
    }
}
