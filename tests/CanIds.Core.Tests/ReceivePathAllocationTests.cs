using System;
using CanIds.Core.Link;
using CanIds.Firmware.Config;
using CanIds.Firmware.Detection;
using CanIds.Firmware.Link;
using CanIds.Firmware.Ports;
using CanIds.Firmware.Reporting;
using Xunit;

namespace CanIds.Core.Tests
{
    /// <summary>
    /// The firmware's receive path (driver → queue → window → packed input → batched SPI link → verdicts) allocates
    /// nothing per frame, measured on its .NET build.
    /// </summary>
    public class ReceivePathAllocationTests
    {
        [Fact]
        public void HundredThousandFramesAllocateNothing()
        {
            var bus = new EndlessBus();
            var clock = new Clock();
            var port = new NullPort();
            var queue = new CanReceiveQueue(bus, clock, 64);
            var pending = new PendingFrames(8);
            var report = new ReportWriter(port, new object());
            var verdicts = new VerdictHandler(pending, port, clock, report, 10, 100);
            var fpga = new AnsweringFpga();
            var link = new FpgaLink(fpga, verdicts, 4, 8, 240);
            Assert.True(link.Connect());
            var pipeline = new DetectionPipeline(queue, link, verdicts, pending, report, clock, InputFormat.DefaultWindowFrames, FailMode.Open, 1000);

            void Run(int frames)
            {
                for (int i = 0; i < frames; i += 6)
                {
                    bus.Refill(6);
                    clock.Microseconds += 700;
                    queue.Fill();
                    pipeline.Service();
                }

                while (link.Outstanding > 0) pipeline.Service();
            }

            Run(6_000); // warm up: JIT and static constructors allocate once
            long judged = verdicts.Judged;
            long before = GC.GetAllocatedBytesForCurrentThread();
            Run(100_002);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(100_002, verdicts.Judged - judged);
            Assert.Equal(0, allocated);
        }

        private sealed class EndlessBus : ICanBus
        {
            private readonly byte[] _payload = { 1, 2, 3, 4, 5, 6, 7, 8 };
            private int _left;

            public event FramesArrivedHandler FramesArrived { add { } remove { } }

            public void Refill(int frames) => _left = frames;

            public bool TryReceive(CanIds.Core.CanFrame frame)
            {
                if (_left == 0) return false;
                frame.Set((uint)(_left & 0x7FF), false, false, _payload, 0, 8);
                _left--;
                return true;
            }
        }

        private sealed class Clock : IClock
        {
            public long Microseconds { get; set; }
        }

        private sealed class NullPort : ISerialPort, IAlertPin
        {
            public int Read(byte[] buffer, int offset, int count) => 0;

            public void Write(byte[] buffer, int offset, int count)
            {
            }

            public void Write(bool high)
            {
            }
        }

        /// <summary>
        /// A minimal FPGA double for this measurement: executes every in-sequence command, answers each pushed window
        /// with a benign verdict, reports a 40-byte input and 3-byte records. (The real RTL is tested in CanIds.Hil.Tests.)
        /// </summary>
        private sealed class AnsweringFpga : ISpiPort
        {
            private readonly int[] _verdicts = new int[256];
            private int _head, _count, _acked;
            private byte _last = 0xFF;

            public void TransferFullDuplex(byte[] write, byte[] read, int count)
            {
                byte cmd = write[0], seq = write[1], vack = write[2], rd = write[3];
                int len = (write[4] << 8) | write[5];
                Array.Clear(read, 0, count);
                read[0] = LinkProtocol.ResponseMarker;
                read[2] = _last;
                read[4] = 6;
                int skip = (byte)(vack - _acked);
                int n = 0;
                if (cmd == LinkProtocol.CmdStatus)
                {
                    read[5] = LinkProtocol.StatusLength;
                    read[6] = LinkProtocol.Version;
                    read[7] = 40;
                    read[8] = 5;
                    read[9] = 3;
                    n = LinkProtocol.StatusLength;
                }
                else
                {
                    int records = Math.Min(rd, _count - skip);
                    read[5] = (byte)records;
                    for (int i = 0; i < records; i++)
                    {
                        int tag = _verdicts[(_head + skip + i) & 255];
                        read[6 + 3 * i] = (byte)(tag >> 8);
                        read[7 + 3 * i] = (byte)tag;
                    }

                    n = 3 * records;
                }

                ushort crc = Crc16Ccitt.Compute(read, 0, 6 + n);
                read[6 + n] = (byte)(crc >> 8);
                read[7 + n] = (byte)crc;
                if (cmd != LinkProtocol.CmdReset && seq != (byte)(_last + 1)) return;
                _last = seq;
                _head = (_head + skip) & 255;
                _count -= skip;
                _acked = vack;
                if (cmd == LinkProtocol.CmdReset) _head = _count = _acked = 0;
                for (int p = 0; cmd == LinkProtocol.CmdPush && p < len; p += 42)
                {
                    _verdicts[(_head + _count++) & 255] = (write[6 + p] << 8) | write[7 + p];
                }
            }
        }
    }
}
