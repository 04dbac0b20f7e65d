using System;
using CanIds.Firmware.Ports;
using CanIds.Fpga.Sim;

namespace CanIds.Hil
{
    /// <summary>
    /// The SPI wiring to the Verilated FPGA with faults injected at random: a flipped bit on MOSI or on MISO, a
    /// transfer cut short, a response lost (MISO stuck low). Seeded, so a failing run can be repeated.
    /// </summary>
    public sealed class FaultySpi(RtlSimulator fpga, double faultRate, int seed) : ISpiPort
    {
        private readonly Random _random = new(seed);

        /// <summary>Faults injected so far, by kind: MOSI bit, MISO bit, truncation, lost response.</summary>
        public int[] Injected { get; } = new int[4];

        /// <summary>While true, the FPGA does not answer at all (MISO reads zero): a dead link.</summary>
        public bool Silent { get; set; }

        /// <inheritdoc />
        public void TransferFullDuplex(byte[] write, byte[] read, int count)
        {
            if (Silent)
            {
                fpga.Run(count * 8 * 2 * fpga.HalfPeriod);
                Array.Clear(read, 0, count);
                return;
            }

            int fault = _random.NextDouble() < faultRate ? _random.Next(4) : -1;
            if (fault >= 0) Injected[fault]++;
            byte[] sent = write;
            if (fault == 0)
            {
                sent = (byte[])write.Clone();
                sent[_random.Next(count)] ^= (byte)(1 << _random.Next(8));
            }

            fpga.Transfer(sent, read, count, fault == 2 ? _random.Next(count * 8) : -1);
            if (fault == 1) read[_random.Next(count)] ^= (byte)(1 << _random.Next(8));
            if (fault == 3) Array.Clear(read, 0, count);
        }
    }
}
