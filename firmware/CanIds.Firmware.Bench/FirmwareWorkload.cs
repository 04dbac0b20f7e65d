using System;
using CanIds.Firmware.Config;

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
        private readonly FirmwareApp _app;

        /// <summary>A firmware, booted (its link set up) and ready.</summary>
        public FirmwareWorkload()
        {
            _bus = new DriverBus(new BenchTraffic());
            _app = new FirmwareApp(_bus, _fpga, _ports, _ports, _ports, _ports, new FirmwareOptions());
            _app.Boot();
            if (!_app.Link.Connected) throw new InvalidOperationException("the fake FPGA did not answer");
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
