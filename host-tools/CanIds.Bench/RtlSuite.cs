using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CanIds.Fpga.Sim;
using CanIds.Hil;
using CanIds.Traffic;
using CanIds.Traffic.Generation;

namespace CanIds.Bench
{
    /// <summary>
    /// RTL co-simulation: the firmware logic judging frames on the Verilated FPGA over bit-level SPI. Baseline: the
    /// Verilated core clock alone for as many cycles as that run takes (the simulator's raw speed).
    /// </summary>
    public class RtlSuite : ISuite
    {
        private RtlSimulator _fpga = null!;
        private List<CanRecord> _records = [];
        private long _cycles;
        private string _storage = "";

        /// <inheritdoc />
        public long Items => BenchSettings.RtlFrames;

        /// <inheritdoc />
        public string Unit => "frames";

        /// <summary>Starts the simulator and measures the cycles one run takes.</summary>
        [GlobalSetup]
        public void Setup()
        {
            if (!RtlSimulator.IsAvailable(out var why)) throw new InvalidOperationException(why);
            _fpga = new RtlSimulator();
            _records = TrafficGenerator.Generate(new GeneratorOptions { Seed = 6, DurationSeconds = BenchSettings.RtlFrames / 1500.0 + 5 }).Take(BenchSettings.RtlFrames).ToList();
            _storage = Directory.CreateTempSubdirectory("canids-bench-rtl-").FullName;
            long before = _fpga.Cycles;
            FirmwareAndRtl();
            _cycles = _fpga.Cycles - before;
        }

        /// <summary>Stops the simulator.</summary>
        [GlobalCleanup]
        public void Cleanup()
        {
            _fpga.Dispose();
            Directory.Delete(_storage, recursive: true);
        }

        /// <summary>Baseline: the core clock alone, as many cycles as the firmware run takes.</summary>
        [Benchmark(Baseline = true)]
        public long CoreClockOnly()
        {
            _fpga.Run(_cycles);
            return _fpga.Cycles;
        }

        /// <summary>The firmware (a fresh boot) judging every frame on the RTL.</summary>
        [Benchmark]
        public int FirmwareAndRtl()
        {
            var rig = new FirmwareRig(_fpga, new CapturingSerial(), new DirectoryStorage(_storage)) { Fpga = _fpga };
            rig.App.Boot();
            rig.Feed(_records, perRound: 4);
            if (rig.Verdicts.Count != _records.Count) throw new InvalidOperationException($"{rig.Verdicts.Count} verdicts for {_records.Count} frames");
            return rig.Verdicts.Count;
        }
    }
}
