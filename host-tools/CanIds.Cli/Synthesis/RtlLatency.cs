using System;
using CanIds.Core.Link;
using CanIds.Fpga.Sim;

namespace CanIds.Cli.Synthesis
{
    /// <summary>Latency of the Verilated accelerator, measured in core clock cycles.</summary>
    public static class RtlLatency
    {
        /// <summary>
        /// Cycles from the end of the SPI transfer that pushes one frame record (chip select released) until the IRQ pin
        /// says its verdict is waiting, with the pipeline idle before: FIFO, window, every layer, argmax, verdict queue.
        /// Also returns the simulated build's hardware config id, to check it is the build being reported.
        /// <paramref name="library"/>: a simulator built for another folding (null: the shipped one of fpga/gen).
        /// </summary>
        public static (long Cycles, uint ConfigId) OneFrame(byte[] record, string? library = null)
        {
            using var sim = library == null ? new RtlSimulator() : new RtlSimulator(library, null);
            var tx = new byte[256];
            var rx = new byte[256];
            var response = new LinkResponse();
            int Transfer(byte cmd, byte seq, int payload, int length)
            {
                LinkProtocol.BeginCommand(tx, cmd, seq, 0, 0);
                int n = Math.Max(LinkProtocol.EndCommand(tx, payload), length);
                sim.TransferFullDuplex(tx, rx, n);
                return n;
            }

            Transfer(LinkProtocol.CmdReset, 0, 0, 0);
            int n = Transfer(LinkProtocol.CmdStatus, 1, 0, LinkProtocol.ResponseLength(1, LinkProtocol.StatusLength));
            if (!response.Parse(rx, n, LinkProtocol.VerdictRecordLength, isStatus: true)) throw new InvalidOperationException("the simulated FPGA did not answer STATUS: " + response.Problem);
            var status = new LinkStatus();
            status.Parse(rx, LinkProtocol.ResponseHeaderLength);
            record.CopyTo(tx, LinkProtocol.CommandHeaderLength);
            sim.Run(2000);
            Transfer(LinkProtocol.CmdPush, 2, record.Length, 0);
            long start = sim.Cycles;
            while (!sim.Irq)
            {
                sim.Run(1);
                if (sim.Cycles - start > 1_000_000) throw new InvalidOperationException("no verdict within a million cycles");
            }

            return (sim.Cycles - start, status.ConfigId);
        }
    }
}
