using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CanIds.Device;
using CanIds.Fpga.Sim;
using CanIds.Hil.Replay;
using CanIds.Model.Evaluation;
using CanIds.Model.Export;
using CanIds.Model.Hardware;
using CanIds.Model.Integer;
using CanIds.Traffic;
using CanIds.Traffic.Windows;
using Spectre.Console;

namespace CanIds.Cli.Replay
{
    /// <summary>What a log is replayed through.</summary>
    public enum ReplayTarget
    {
        /// <summary>The integer model alone (the reference).</summary>
        Model,

        /// <summary>The firmware logic (its .NET build) and the Verilated FPGA, in simulated time.</summary>
        Rtl,

        /// <summary>A real device on a serial port (frames injected over the update protocol).</summary>
        Device,
    }

    /// <summary>How to replay.</summary>
    public sealed record ReplaySettings
    {
        /// <summary>Target.</summary>
        public ReplayTarget Target { get; init; } = ReplayTarget.Rtl;

        /// <summary>Pace.</summary>
        public ReplayPace Pace { get; init; } = ReplayPace.Recorded;

        /// <summary>Bus bit rate at full load, bit/s.</summary>
        public int BitRate { get; init; } = 1_000_000;

        /// <summary>Link and MCU timing of the RTL target.</summary>
        public LinkTimingModel Timing { get; init; } = new();

        /// <summary>Serial port of the device target.</summary>
        public string? Port { get; init; }

        /// <summary>Device key file: the HIL session for the device target.</summary>
        public string? KeyPath { get; init; }

        /// <summary>Its baud rate.</summary>
        public int Baud { get; init; } = 921_600;

        /// <summary>
        /// RTL target: the log is cut into this many consecutive parts, replayed side by side on the machine's cores, each
        /// by its own firmware and simulated FPGA from boot (as after a reconnect: the FPGA's window starts empty), each
        /// checked against the integer model run over its own part. A simulation is one core's work, so the demo uses
        /// every core, with more parts than cores so that a part heavier than the others does not leave a core idle.
        /// </summary>
        public int Sessions { get; init; } = 1;
    }

    /// <summary>A finished replay: per-frame outcome, its scoring, and its agreement with the reference.</summary>
    /// <remarks><c>Fpga</c>, for the RTL target: which simulated FPGA ran the model (<see cref="SimulatedFpga.Description"/>);
    /// <c>Parts</c>: the consecutive parts replayed side by side (<see cref="ReplaySettings.Sessions"/>).</remarks>
    public sealed record ReplayResult(ReplaySettings Settings, ReplayOutcome Outcome, Evaluation Evaluation, byte[] Reference, int Mismatches, IReadOnlyList<string> DeviceLines, TimeSpan Elapsed, string? Fpga, int Parts);

    /// <summary>Runs a replay through the chosen target and scores it; shared by `canids replay` and `canids demo`.</summary>
    public static class ReplayRunner
    {
        /// <summary>Replays <paramref name="records"/> with <paramref name="model"/> as the reference (and, for the RTL, the model loaded).</summary>
        public static ReplayResult Run(IntegerModel model, IReadOnlyList<CanRecord> records, ReplaySettings settings)
        {
            if (records.Count == 0) throw new ArgumentException("the log holds no frames");
            var arrivals = ReplayTiming.Arrivals(records, settings.Pace, settings.BitRate);
            var windows = WindowSet.FromRecordsDiscoveringClasses(records, model.WindowFrames);
            var parts = Parts(records.Count, settings.Target == ReplayTarget.Rtl ? settings.Sessions : 1);
            var reference = AnsiConsole.Status().Start($"reference: classifying {windows.Count:N0} windows", _ => Reference(model, records, windows, parts));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var lines = new List<string>();
            ReplayOutcome outcome = null!;
            var work = settings.Target == ReplayTarget.Rtl ? Directory.CreateTempSubdirectory("canids-replay-") : null;
            try
            {
                SimulatedFpga? fpga = null;
                if (work != null)
                {
                    fpga = HardwareConfig.Shipped.Misfit(model) == null
                        ? SimulatedFpga.For(model, work.FullName)
                        : AnsiConsole.Status().Start("the model does not fit the shipped FPGA's family: verilating one for it (a minute or two)", _ => SimulatedFpga.For(model, work.FullName));
                    AnsiConsole.MarkupLine(Markup.Escape($"FPGA: {fpga.Description}"));
                }

                if (settings.Target == ReplayTarget.Model)
                {
                    outcome = new ReplayOutcome(records.Count, arrivals);
                    reference.CopyTo(outcome.Classes, 0);
                }
                else
                {
                    AnsiConsole.Progress().AutoClear(false).HideCompleted(false)
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                        .Start(progress =>
                        {
                            var task = progress.AddTask($"replay through {Describe(settings.Target)}", maxValue: records.Count);
                            Action<int> report = n => task.Value = n;
                            outcome = fpga != null ? Rtl(model, fpga, records, arrivals, parts, settings, work!.FullName, report) : Device(model, records, arrivals, settings, lines, report);
                            task.Value = task.MaxValue;
                        });
                }

                var judged = Evaluation.Of(model, windows, Judged(outcome.Classes));
                return new ReplayResult(settings, outcome, judged, reference, outcome.Mismatches(reference), lines, clock.Elapsed, fpga?.Description, parts.Length);
            }
            finally
            {
                work?.Delete(recursive: true);
            }
        }

        /// <summary>The target in words.</summary>
        public static string Describe(ReplayTarget target) => target switch
        {
            ReplayTarget.Model => "the integer model",
            ReplayTarget.Rtl => "the firmware and the Verilated FPGA",
            _ => "the device",
        };

        private static ReplayOutcome Rtl(IntegerModel model, SimulatedFpga fpga, IReadOnlyList<CanRecord> records, long[] arrivals, (int Start, int Count)[] parts, ReplaySettings settings, string work, Action<int> progress)
        {
            var outcome = new ReplayOutcome(records.Count, arrivals);
            var done = new int[parts.Length];
            System.Threading.Tasks.Parallel.For(0, parts.Length, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = Math.Min(parts.Length, Environment.ProcessorCount) }, p =>
            {
                var (start, count) = parts[p];
                var storage = Directory.CreateDirectory(Path.Combine(work, $"storage{p}"));
                var part = new CanRecord[count];
                var partArrivals = new long[count];
                for (int i = 0; i < count; i++)
                {
                    part[i] = records[start + i];
                    partArrivals[i] = arrivals[start + i] - arrivals[start];
                }

                using var sim = fpga.Create();
                var result = RtlReplay.Run(sim, fpga.Family, part, partArrivals, settings.Timing, model, storage.FullName, n =>
                {
                    done[p] = n;
                    lock (done) progress(done.Sum());
                });
                Array.Copy(result.Classes, 0, outcome.Classes, start, count);
                Array.Copy(result.LatencyUs, 0, outcome.LatencyUs, start, count);
                lock (outcome) outcome.Overruns += result.Overruns;
            });
            return outcome;
        }

        // Consecutive parts of about equal length, one per session (at most one per 1,000 frames).
        private static (int Start, int Count)[] Parts(int frames, int sessions)
        {
            int n = Math.Clamp(Math.Min(sessions, frames / 1000), 1, 64);
            int Start(int p) => (int)((long)frames * p / n);
            return Enumerable.Range(0, n).Select(p => (Start(p), Start(p + 1) - Start(p))).ToArray();
        }

        // The integer model over each part's own windows (a part's first windows begin empty, as its session's do).
        private static byte[] Reference(IntegerModel model, IReadOnlyList<CanRecord> records, WindowSet windows, (int Start, int Count)[] parts)
        {
            if (parts.Length == 1) return Evaluation.Run(model, windows).Predictions;
            var reference = new byte[records.Count];
            foreach (var (start, count) in parts)
            {
                var part = WindowSet.FromRecords(records.Skip(start).Take(count), model.WindowFrames, windows.Classes);
                Evaluation.Run(model, part).Predictions.CopyTo(reference, start);
            }

            return reference;
        }

        private static ReplayOutcome Device(IntegerModel model, IReadOnlyList<CanRecord> records, long[] arrivals, ReplaySettings settings, List<string> lines, Action<int> progress)
        {
            var port = settings.Port ?? throw new ArgumentException("--target device needs --port (the device's serial port)");
            var keyPath = settings.KeyPath ?? throw new ArgumentException("--target device needs --key (the device key file): only its holder may inject frames");
            var key = WeightImageWriter.ReadKey(keyPath); // checked before the port is opened
            using var line = new SerialLine(port, settings.Baud);
            var client = new DeviceClient(line, TimeSpan.FromSeconds(2));
            var hello = client.Hello();
            uint expected = MemoryLayout.ModelId(model, HardwareConfig.FamilyFor(model));
            if (hello.ActiveModelId != expected)
                throw new ArgumentException($"the device on {port} runs model {hello.ActiveModelId:x8}, --model is {expected:x8}: flash it (canids flash) or give its model file");
            client.OpenSession(key);
            return DeviceReplay.Run(client, records, arrivals, settings.Pace, lines, progress);
        }

        // Frames without a verdict are scored as benign: an unjudged attack is a missed attack.
        private static byte[] Judged(byte[] classes)
        {
            var scored = (byte[])classes.Clone();
            for (int i = 0; i < scored.Length; i++) if (scored[i] == ReplayOutcome.NoVerdict) scored[i] = 0;
            return scored;
        }
    }
}
