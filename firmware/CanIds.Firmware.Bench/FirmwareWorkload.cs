using System;
using CanIds.Core.Image;
using CanIds.Firmware.Config;
using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Bench
{
    /// <summary>
    /// The firmware's detection path as the benchmark runs it, on nanoCLR and on .NET alike: the real FirmwareApp over
    /// the benchmark's CAN driver and fake FPGA, its main loop taking frames as they come — up to
    /// <c>perRound</c> per round, as on a bus where that many arrive while the loop works.
    /// </summary>
    public sealed class FirmwareWorkload
    {
        private readonly DriverBus _bus;
        private readonly FakeFpga _fpga = new FakeFpga();
        private readonly NullPorts _ports = new NullPorts();
        private readonly TransferLog _log;
        private readonly FirmwareApp _app;

        /// <summary>A firmware, booted (its link set up) and ready.</summary>
        public FirmwareWorkload()
            : this(0)
        {
        }

        /// <summary>
        /// A firmware, booted and ready, whose first <paramref name="logTransfers"/> SPI transfers (boot included) are
        /// kept in <see cref="Log"/>; none when 0.
        /// </summary>
        public FirmwareWorkload(int logTransfers)
        {
            _bus = new DriverBus(new BenchTraffic());
            _log = logTransfers > 0 ? new TransferLog(_fpga, logTransfers) : null;
            ISpiPort spi = _log != null ? (ISpiPort)_log : _fpga;
            _app = new FirmwareApp(_bus, spi, _ports, _ports, _ports, _ports, new FirmwareOptions());
            _app.Boot();
            if (!_app.Link.Connected) throw new InvalidOperationException("the fake FPGA did not answer");
            _app.UseIdentifierRule(BenchTraffic.KnownIdentifiers()); // its lookup is part of every frame's cost
        }

        /// <summary>
        /// The transfers of a fresh firmware booting and judging <paramref name="frames"/> frames,
        /// <paramref name="perRound"/> arriving per round: replayed alone, they measure the fake FPGA's share of a run.
        /// </summary>
        public static TransferLog LogRun(int frames, int perRound)
        {
            FirmwareWorkload workload = new FirmwareWorkload(frames + 100);
            workload.Run(frames, perRound);
            return workload.Log;
        }

        /// <summary>The transfers made since boot, when logged.</summary>
        public TransferLog Log
        {
            get { return _log; }
        }

        /// <summary>The firmware.</summary>
        public FirmwareApp App
        {
            get { return _app; }
        }

        /// <summary>
        /// Runs <paramref name="frames"/> frames through the main loop, <paramref name="perRound"/> arriving per round,
        /// until every one is judged; returns the frames judged in this run.
        /// </summary>
        public int Run(int frames, int perRound)
        {
            long judged = _app.Verdicts.Judged;
            int left = frames;
            while (left > 0)
            {
                int n = left < perRound ? left : perRound;
                _bus.Release(n);
                left -= n;
                _ports.Microseconds += 100 * n;
                _app.RunOnce();
            }

            for (int i = 0; i < 10000 && _app.RunOnce(); i++)
            {
                _ports.Microseconds += 10;
            }

            return (int)(_app.Verdicts.Judged - judged);
        }
    }
}
