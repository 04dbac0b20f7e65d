using System;
using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Bench
{
    /// <summary>
    /// Keeps a copy of every command a firmware clocks into its FPGA, so that the fake FPGA's own work (hardware on the
    /// device, managed code in the benchmark) can be replayed alone and its CPU time taken out of the firmware's.
    /// </summary>
    public sealed class TransferLog : ISpiPort
    {
        private readonly ISpiPort _fpga;
        private readonly byte[][] _writes;
        private readonly int[] _counts;
        private int _transfers;
        private int _longest;

        /// <summary>A log of up to <paramref name="capacity"/> transfers in front of <paramref name="fpga"/>.</summary>
        public TransferLog(ISpiPort fpga, int capacity)
        {
            _fpga = fpga;
            _writes = new byte[capacity][];
            _counts = new int[capacity];
        }

        /// <summary>Transfers logged.</summary>
        public int Transfers
        {
            get { return _transfers; }
        }

        /// <inheritdoc />
        public void TransferFullDuplex(byte[] write, byte[] read, int count)
        {
            if (_transfers == _writes.Length) throw new InvalidOperationException("transfer log full");
            byte[] copy = new byte[count];
            Array.Copy(write, 0, copy, 0, count);
            _writes[_transfers] = copy;
            _counts[_transfers++] = count;
            if (count > _longest) _longest = count;
            _fpga.TransferFullDuplex(write, read, count);
        }

        /// <summary>
        /// Clocks every logged command, in order, into <paramref name="times"/> fresh fake FPGAs (each as the logged one
        /// was at boot); returns the frames they judged in all.
        /// </summary>
        public int Replay(int times)
        {
            byte[] read = new byte[_longest];
            int frames = 0;
            for (int t = 0; t < times; t++)
            {
                FakeFpga fpga = new FakeFpga();
                for (int i = 0; i < _transfers; i++) fpga.TransferFullDuplex(_writes[i], read, _counts[i]);
                frames += fpga.Frames;
            }

            return frames;
        }
    }
}
